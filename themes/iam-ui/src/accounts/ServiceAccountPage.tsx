import {
  ClipboardCopy,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  PageSection,
  Tab,
  TabTitleText,
  Tabs,
} from "@patternfly/react-core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ActivityTab } from "../activity/ActivityTab";
import type { IamApi, Project, ServiceAccount, ServiceAccountChange } from "../api";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { ConfirmModal } from "../components/ConfirmModal";
import { Loaded } from "../components/Loaded";
import { NameDescriptionModal } from "../components/NameDescriptionModal";
import { PageHeader } from "../components/PageHeader";
import { useLoaded } from "../components/useLoaded";
import { useNotify } from "../components/useNotify";
import { When } from "../components/When";
import { useIamConsole } from "../console";
import { FederatedCredentialsTab } from "../federation/FederatedCredentialsTab";
import { KeysTab } from "../keys/KeysTab";
import { useProjectPermissions } from "../usePermissions";
import { accountNameProblem } from "../validation";
import { AssertionLifetimeField } from "./AssertionLifetimeField";
import { MembershipsTab } from "./MembershipsTab";
import { MoveAccountModal } from "./MoveAccountModal";

/** The account with its owning project and that project's organization, for the names and the links. */
const loadAccount = async (iam: IamApi, id: string) => {
  const account = await iam.serviceAccount(id);
  const project = await iam.project(account.projectId);
  const organization = await iam.organization(project.organizationId).catch(() => undefined);
  return { account, project, organizationName: organization?.name };
};

/**
 * One service account: what identifies it, its settings, its keys and federated credentials, what it did, and where it
 * is a member.
 */
export default function ServiceAccountPage() {
  const { id } = useParams() as { id: string };
  const { api } = useIamConsole();
  const loaded = useLoaded(() => loadAccount(api, id), [id]);
  return (
    <Loaded state={loaded}>
      {(value) => <AccountView {...value} onChange={(account) => loaded.set({ ...value, account })} onMoved={loaded.reload} />}
    </Loaded>
  );
}

type ViewProps = {
  account: ServiceAccount;
  project: Project;
  organizationName?: string;
  onChange: (account: ServiceAccount) => void;
  onMoved: () => void;
};

const Detail = ({ term, children }: { term: string; children: ReactNode }) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription>{children}</DescriptionListDescription>
  </DescriptionListGroup>
);

const AccountView = ({ account, project, organizationName, onChange, onMoved }: ViewProps) => {
  const { t } = useTranslation();
  const { api: iam, paths } = useIamConsole();
  const notify = useNotify();
  const navigate = useNavigate();
  const granted = useProjectPermissions(project);
  const [tab, setTab] = useState<string | number>("keys");
  const [dialog, setDialog] = useState<"edit" | "move" | "delete">();
  const mayManage = granted?.manageAccounts ?? false;
  const projectLink = { label: project.name, to: paths.project(project.id) };

  const update = async (change: ServiceAccountChange, successKey: string) => {
    onChange(await iam.updateServiceAccount(account.id, change));
    notify.success(successKey);
  };

  const toggle = (enabled: boolean) =>
    notify.attempt(() => iam.updateServiceAccount(account.id, { enabled }).then(onChange),
      enabled ? "iamServiceAccountEnabled" : "iamServiceAccountDisabled", "iamServiceAccountUpdateFailed");

  const remove = async () => {
    setDialog(undefined);
    const deleted = () => iam.deleteServiceAccount(account.id);
    if (await notify.attempt(deleted, "iamServiceAccountDeleted", "iamServiceAccountDeleteFailed")) navigate(projectLink.to);
  };

  return (
    <>
      <Breadcrumbs
        parents={[{ label: organizationName ?? t("iamOrganization"), to: paths.organization(project.organizationId) }, projectLink]}
        current={account.name} />
      <PageHeader title={account.name} description={account.description ?? undefined} isEnabled={account.enabled}
        onToggle={mayManage ? (enabled) => void toggle(enabled) : undefined}
        disableMessage={t("iamDisableServiceAccountConfirm")}
        actions={[
          ...(mayManage ? [{ key: "edit", label: t("iamEdit"), onClick: () => setDialog("edit") }] : []),
          ...(granted?.administer ? [{ key: "move", label: t("iamMove"), onClick: () => setDialog("move") }] : []),
          ...(mayManage ? [{ key: "delete", label: t("iamDelete"), onClick: () => setDialog("delete"), isDanger: true }] : []),
        ]} />
      {dialog === "edit" && (
        <NameDescriptionModal title={t("iamEditServiceAccount")} submitLabel={t("iamSave")}
          nameProblem={accountNameProblem} nameRuleKey="iamServiceAccountNameRule"
          initial={{ name: account.name, description: account.description ?? "" }} onClose={() => setDialog(undefined)}
          onSave={async (value) => { await update(value, "iamServiceAccountSaved"); setDialog(undefined); }} />
      )}
      {dialog === "move" && (
        <MoveAccountModal account={account} organizationId={project.organizationId} onClose={() => setDialog(undefined)}
          onMoved={(_moved, to) => { setDialog(undefined); notify.success(t("iamMoved", { project: to.name })); onMoved(); }} />
      )}
      {dialog === "delete" && (
        <ConfirmModal title={t("iamDeleteServiceAccount")} isDanger continueLabel={t("iamDelete")}
          message={t("iamDeleteServiceAccountConfirm", { name: account.name })} onCancel={() => setDialog(undefined)}
          onConfirm={() => void remove()} />
      )}
      <PageSection variant="light">
        <DescriptionList isHorizontal isCompact horizontalTermWidthModifier={{ default: "14rem" }}>
          <Detail term={t("iamClientId")}><span data-testid="iam-client-id">{account.clientId}</span></Detail>
          <Detail term={t("iamIdentifier")}>
            <ClipboardCopy isReadOnly hoverTip={t("iamCopy")} clickTip={t("iamCopied")} data-testid="iam-account-email">
              {account.email}
            </ClipboardCopy>
          </Detail>
          <Detail term={t("iamOwningProject")}>
            <Link to={projectLink.to} data-testid="iam-owning-project">{project.name}</Link>
            {organizationName && <> · {organizationName}</>}
          </Detail>
          <Detail term={t("iamAssertionLifetime")}>
            {granted && (
              <AssertionLifetimeField value={account.assertionLifetime ?? 600} mayChange={mayManage}
                onSave={(assertionLifetime) => update({ assertionLifetime }, "iamAssertionLifetimeSaved")} />
            )}
          </Detail>
          <Detail term={t("iamCreatedAt")}><When instant={account.createdAt} never="" /></Detail>
          <Detail term={t("iamLastUsed")}>
            <span data-testid="iam-account-last-used"><When instant={account.lastUsedAt ?? null} never={t("iamNever")} /></span>
          </Detail>
        </DescriptionList>
      </PageSection>
      <PageSection variant="light" className="pf-v5-u-p-0">
        <Tabs activeKey={tab} onSelect={(_e, key) => setTab(key)} mountOnEnter unmountOnExit>
          <Tab eventKey="keys" data-testid="iam-tab-keys" title={<TabTitleText>{t("iamKeys")}</TabTitleText>}>
            {granted && <KeysTab accountId={account.id} mayManage={mayManage} />}
          </Tab>
          <Tab eventKey="federated-credentials" data-testid="iam-tab-federated-credentials"
            title={<TabTitleText>{t("iamFederatedCredentials")}</TabTitleText>}>
            {granted && <FederatedCredentialsTab accountId={account.id} mayManage={mayManage} />}
          </Tab>
          <Tab eventKey="activity" data-testid="iam-tab-activity" title={<TabTitleText>{t("iamActivity")}</TabTitleText>}>
            <ActivityTab accountId={account.id} />
          </Tab>
          <Tab eventKey="memberships" data-testid="iam-tab-memberships" title={<TabTitleText>{t("iamMemberships")}</TabTitleText>}>
            <MembershipsTab accountId={account.id} />
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
};
