import { Button, Switch, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import type { ServiceAccount } from "../api";
import { ConfirmModal } from "../components/ConfirmModal";
import { IamTable } from "../components/IamTable";
import { NameDescriptionModal } from "../components/NameDescriptionModal";
import { useNotify } from "../components/useNotify";
import { When } from "../components/When";
import { useIamConsole } from "../console";
import { accountNameProblem } from "../validation";

type Props = { projectId: string; mayManage: boolean };

/** The service accounts a project owns: create (no access at first), disable or enable, delete. */
export const ServiceAccountsTab = ({ projectId, mayManage }: Props) => {
  const { t } = useTranslation();
  const { api: iam, paths } = useIamConsole();
  const notify = useNotify();
  const navigate = useNavigate();
  const [refresh, setRefresh] = useState(0);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<ServiceAccount>();
  const reload = () => setRefresh((n) => n + 1);

  const remove = async (account: ServiceAccount) => {
    setDeleting(undefined);
    const deleted = () => iam.deleteServiceAccount(account.id);
    if (await notify.attempt(deleted, "iamServiceAccountDeleted", "iamServiceAccountDeleteFailed")) reload();
  };

  const setEnabled = async (account: ServiceAccount, enabled: boolean) => {
    const changed = () => iam.updateServiceAccount(account.id, { enabled });
    await notify.attempt(changed, enabled ? "iamServiceAccountEnabled" : "iamServiceAccountDisabled", "iamServiceAccountUpdateFailed");
    reload();
  };

  const create = mayManage && (
    <Button data-testid="iam-create-service-account" onClick={() => setCreating(true)}>
      {t("iamCreateServiceAccount")}
    </Button>
  );

  return (
    <>
      {deleting && (
        <ConfirmModal title={t("iamDeleteServiceAccount")} isDanger continueLabel={t("iamDelete")}
          message={t("iamDeleteServiceAccountConfirm", { name: deleting.name })}
          onCancel={() => setDeleting(undefined)} onConfirm={() => void remove(deleting)} />
      )}
      {creating && (
        <NameDescriptionModal title={t("iamCreateServiceAccount")} submitLabel={t("iamCreate")}
          nameProblem={accountNameProblem} nameRuleKey="iamServiceAccountNameRule" onClose={() => setCreating(false)}
          onSave={async (value) => {
            const created = await iam.createServiceAccount(projectId, value);
            notify.success("iamServiceAccountCreated");
            navigate(paths.account(created.id));
          }} />
      )}
      <IamTable<ServiceAccount>
        key={refresh}
        paginated
        ariaLabelKey="iamServiceAccounts"
        searchPlaceholderKey="iamSearchServiceAccounts"
        load={(first, max, search) => iam.serviceAccounts(projectId, first, max, search)}
        rowKey={(a) => a.id}
        toolbar={create && <ToolbarItem>{create}</ToolbarItem>}
        actions={(a) => (mayManage ? [{ title: t("iamDelete"), onClick: () => setDeleting(a) }] : [])}
        columns={[
          { titleKey: "iamName", render: (a) => <Link to={paths.account(a.id)}>{a.name}</Link> },
          { titleKey: "iamIdentifier", render: (a) => a.email, modifier: "truncate" },
          { titleKey: "iamDescription", render: (a) => a.description, modifier: "truncate" },
          {
            titleKey: "iamLastUsed",
            modifier: "nowrap",
            render: (a) => <span data-testid={`iam-last-used-${a.name}`}><When instant={a.lastUsedAt ?? null} never={t("iamNever")} /></span>,
          },
          {
            titleKey: "iamEnabled",
            modifier: "fitContent",
            render: (a) => (
              <Switch aria-label={t("iamEnabled")} data-testid={`iam-enabled-${a.name}`} isChecked={a.enabled}
                isDisabled={!mayManage} onChange={(_e, value) => void setEnabled(a, value)} />
            ),
          },
        ]}
        empty={{ titleKey: "iamNoServiceAccounts", bodyKey: "iamNoServiceAccountsInstructions", action: create || undefined }}
      />
    </>
  );
};
