import { useConfirmDialog } from "@keycloak/keycloak-admin-ui";
import { Button, FormSelect, FormSelectOption, Label, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AddMemberModal } from "./AddMemberModal";
import { type Member, type Scope, useIam } from "./api";
import { IamTable } from "./IamTable";
import { useNotify } from "./useNotify";

type Props = { scope: Scope; id: string; roles: string[] };

/** The members of an organization or project: add by email, change the role in place, remove. */
export const MembersTab = ({ scope, id, roles }: Props) => {
  const { t } = useTranslation();
  const iam = useIam();
  const notify = useNotify();
  const [refresh, setRefresh] = useState(0);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member>();
  const reload = () => setRefresh((n) => n + 1);

  const [confirmRemove, RemoveDialog] = useConfirmDialog({
    titleKey: "iamRemoveMember",
    messageKey: t("iamRemoveMemberConfirm", { name: removing?.username }),
    continueButtonLabel: "remove",
    onConfirm: async () => {
      try {
        await iam.removeMember(scope, id, removing!.id);
        notify.success("iamMemberRemoved");
        reload();
      } catch (error) {
        notify.failure("iamMemberRemoveFailed", error);
      }
    },
  });

  const changeRole = async (member: Member, role: string) => {
    try {
      await iam.changeRole(scope, id, member.id, role);
      notify.success("iamRoleChanged");
    } catch (error) {
      notify.failure("iamRoleChangeFailed", error);
    }
    reload();
  };

  const add = (
    <Button data-testid="iam-add-member" onClick={() => setAdding(true)}>
      {t("iamAddMember")}
    </Button>
  );

  return (
    <>
      <RemoveDialog />
      {adding && (
        <AddMemberModal
          roles={roles}
          onClose={() => setAdding(false)}
          onAdd={async (value) => {
            try {
              await iam.addMember(scope, id, value);
              notify.success("iamMemberAdded");
              setAdding(false);
              reload();
            } catch (error) {
              notify.failure("iamMemberAddFailed", error);
            }
          }}
        />
      )}
      <IamTable<Member>
        key={refresh}
        paginated
        ariaLabelKey="iamMembers"
        searchPlaceholderKey="iamSearchMembers"
        load={(first, max, search) => iam.members(scope, id, first, max, search)}
        rowKey={(m) => m.id}
        toolbar={<ToolbarItem>{add}</ToolbarItem>}
        actions={(m) => [{ title: t("remove"), onClick: () => { setRemoving(m); confirmRemove(); } }]}
        columns={[
          { titleKey: "username", render: (m) => m.username },
          { titleKey: "email", render: (m) => m.email },
          {
            titleKey: "type",
            render: (m) => (
              <Label color={m.type === "serviceAccount" ? "purple" : "blue"}>
                {t(m.type === "serviceAccount" ? "iamServiceAccount" : "user")}
              </Label>
            ),
          },
          {
            titleKey: "iamRole",
            render: (m) => (
              <FormSelect aria-label={t("iamRole")} data-testid={`iam-role-${m.username}`} value={m.role}
                isDisabled={roles.length < 2} onChange={(_e, role) => void changeRole(m, role)}>
                {roles.map((r) => <FormSelectOption key={r} value={r} label={r} />)}
              </FormSelect>
            ),
          },
        ]}
        empty={{ titleKey: "iamNoMembers", bodyKey: "iamNoMembersInstructions", action: add }}
      />
    </>
  );
};
