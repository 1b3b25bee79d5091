import { useConfirmDialog, useRealm } from "@keycloak/keycloak-admin-ui";
import { Button, Switch, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { NameDescriptionModal } from "./NameDescriptionModal";
import { type ServiceAccount, useIam } from "./api";
import { IamTable } from "./IamTable";
import { iamPaths } from "./paths";
import { useNotify } from "./useNotify";

/** The service accounts a project owns: create (no access at first), disable or enable, delete. */
export const ServiceAccountsTab = ({ projectId }: { projectId: string }) => {
  const { t } = useTranslation();
  const { realm } = useRealm();
  const iam = useIam();
  const notify = useNotify();
  const navigate = useNavigate();
  const [refresh, setRefresh] = useState(0);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<ServiceAccount>();
  const reload = () => setRefresh((n) => n + 1);

  const [confirmDelete, DeleteDialog] = useConfirmDialog({
    titleKey: "iamDeleteServiceAccount",
    messageKey: t("iamDeleteServiceAccountConfirm", { name: deleting?.name }),
    continueButtonLabel: "delete",
    onConfirm: async () => {
      try {
        await iam.deleteServiceAccount(deleting!.id);
        notify.success("iamServiceAccountDeleted");
        reload();
      } catch (error) {
        notify.failure("iamServiceAccountDeleteFailed", error);
      }
    },
  });

  const setEnabled = async (account: ServiceAccount, enabled: boolean) => {
    try {
      await iam.updateServiceAccount(account.id, { enabled });
      notify.success(enabled ? "iamServiceAccountEnabled" : "iamServiceAccountDisabled");
      reload();
    } catch (error) {
      notify.failure("iamServiceAccountUpdateFailed", error);
    }
  };

  const create = (
    <Button data-testid="iam-create-service-account" onClick={() => setCreating(true)}>
      {t("iamCreateServiceAccount")}
    </Button>
  );

  return (
    <>
      <DeleteDialog />
      {creating && (
        <NameDescriptionModal
          titleKey="iamCreateServiceAccount"
          nameHelpKey="iamServiceAccountNameRule"
          onClose={() => setCreating(false)}
          onSave={async (value) => {
            try {
              const created = await iam.createServiceAccount(projectId, value);
              notify.success("iamServiceAccountCreated");
              navigate(iamPaths.account(realm, created.id));
            } catch (error) {
              notify.failure("iamServiceAccountCreateFailed", error);
            }
          }}
        />
      )}
      <IamTable<ServiceAccount>
        key={refresh}
        paginated
        ariaLabelKey="iamServiceAccounts"
        searchPlaceholderKey="iamSearchServiceAccounts"
        load={(first, max, search) => iam.serviceAccounts(projectId, first, max, search)}
        rowKey={(a) => a.id}
        toolbar={<ToolbarItem>{create}</ToolbarItem>}
        actions={(a) => [{ title: t("delete"), onClick: () => { setDeleting(a); confirmDelete(); } }]}
        columns={[
          { titleKey: "name", render: (a) => <Link to={iamPaths.account(realm, a.id)}>{a.name}</Link> },
          { titleKey: "iamIdentifier", render: (a) => a.email },
          { titleKey: "description", render: (a) => a.description },
          {
            titleKey: "enabled",
            render: (a) => (
              <Switch aria-label={t("enabled")} data-testid={`iam-enabled-${a.name}`} isChecked={a.enabled}
                onChange={(_e, value) => void setEnabled(a, value)} />
            ),
          },
        ]}
        empty={{ titleKey: "iamNoServiceAccounts", bodyKey: "iamNoServiceAccountsInstructions", action: create }}
      />
    </>
  );
};
