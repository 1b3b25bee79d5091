import { Button, FormSelect, FormSelectOption, Label, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Member, Scope } from "../api";
import { useIam } from "../console";
import { ConfirmModal } from "../components/ConfirmModal";
import { IamTable } from "../components/IamTable";
import { useNotify } from "../components/useNotify";
import { includes, type Permissions, type Role } from "../roles";
import { AddMemberModal } from "./AddMemberModal";
import { MemberName, MemberOwner } from "./MemberName";

type Props = { scope: Scope; id: string; permissions?: Permissions };

/**
 * The members of an organization, project or environment: add by email, change the role in place, remove. The roles
 * offered are those of the unit's scope that `permissions` grants (in an environment, the environment roles).
 */
export const MembersTab = ({ scope, id, permissions }: Props) => {
  const { t } = useTranslation();
  const iam = useIam();
  const notify = useNotify();
  const [refresh, setRefresh] = useState(0);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member>();
  const reload = () => setRefresh((n) => n + 1);
  const grantable = permissions?.manageMembers ? permissions.grantable : [];
  // Nobody changes or removes a member whose role is above their own.
  const mayChange = (member: Member) => grantable.some((role) => includes(role, member.role as Role));

  const remove = async (member: Member) => {
    setRemoving(undefined);
    if (await notify.attempt(() => iam.removeMember(scope, id, member.id), "iamMemberRemoved", "iamMemberRemoveFailed")) {
      reload();
    }
  };

  const changeRole = async (member: Member, role: string) => {
    await notify.attempt(() => iam.changeRole(scope, id, member.id, role), "iamRoleChanged", "iamRoleChangeFailed");
    reload();
  };

  const add = grantable.length > 0 && (
    <Button data-testid="iam-add-member" onClick={() => setAdding(true)}>{t("iamAddMember")}</Button>
  );

  return (
    <>
      {removing && (
        <ConfirmModal title={t("iamRemoveMember")} isDanger continueLabel={t("iamRemove")}
          message={t("iamRemoveMemberConfirm", { name: removing.serviceAccount?.name ?? removing.username })}
          onCancel={() => setRemoving(undefined)} onConfirm={() => void remove(removing)} />
      )}
      {adding && (
        <AddMemberModal roles={grantable} onClose={() => setAdding(false)}
          onAdd={async (value) => {
            await iam.addMember(scope, id, value);
            notify.success("iamMemberAdded");
            setAdding(false);
            reload();
          }} />
      )}
      <IamTable<Member>
        key={refresh}
        paginated
        ariaLabelKey="iamMembers"
        searchPlaceholderKey="iamSearchMembers"
        load={(first, max, search) => iam.members(scope, id, first, max, search)}
        rowKey={(m) => m.id}
        toolbar={add && <ToolbarItem>{add}</ToolbarItem>}
        actions={(m) => mayChange(m)
          ? [{ title: t("iamRemove"), onClick: () => setRemoving(m) }]
          : []}
        columns={[
          { titleKey: "iamMember", render: (m) => <MemberName member={m} /> },
          { titleKey: "iamEmail", render: (m) => m.email },
          { titleKey: "iamOwnedBy", render: (m) => <MemberOwner member={m} /> },
          {
            titleKey: "iamRole",
            modifier: "nowrap",
            render: (m) => mayChange(m) && grantable.length > 1 ? (
              <FormSelect className="iam-role-select" aria-label={t("iamRole")} data-testid={`iam-role-${m.serviceAccount?.name ?? m.username}`}
                value={m.role} onChange={(_e, role) => void changeRole(m, role)}>
                {grantable.map((r) => <FormSelectOption key={r} value={r} label={r} />)}
              </FormSelect>
            ) : (
              <Label data-testid={`iam-role-${m.serviceAccount?.name ?? m.username}`}>{m.role}</Label>
            ),
          },
        ]}
        empty={{ titleKey: "iamNoMembers", bodyKey: "iamNoMembersInstructions", action: add || undefined }}
      />
    </>
  );
};
