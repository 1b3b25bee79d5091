import { ViewHeader, useRealm } from "@keycloak/keycloak-admin-ui";
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
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { IamTable } from "./IamTable";
import { KeysTab } from "./KeysTab";
import { Loading } from "./Loading";
import { NotFound } from "./NotFound";
import { type Membership, useIam } from "./api";
import { iamPaths } from "./paths";
import { useLoaded } from "./useLoaded";
import { useNotify } from "./useNotify";

/** One service account: what identifies it, its keys, and where it is a member. */
export default function ServiceAccountDetails() {
  const { t } = useTranslation();
  const { id } = useParams() as { id: string };
  const { realm } = useRealm();
  const iam = useIam();
  const notify = useNotify();
  const account = useLoaded(() => iam.serviceAccount(id), [id]);
  const [tab, setTab] = useState<string | number>("keys");

  if (account.missing) return <NotFound />;
  if (!account.value) return <Loading />;
  const sa = account.value;

  const toggle = async (enabled: boolean) => {
    try {
      account.set(await iam.updateServiceAccount(id, { enabled }));
      notify.success(enabled ? "iamServiceAccountEnabled" : "iamServiceAccountDisabled");
    } catch (error) {
      notify.failure("iamServiceAccountUpdateFailed", error);
    }
  };

  return (
    <>
      <ViewHeader titleKey={sa.name} subKey={sa.description ?? ""} noTranslate isEnabled={sa.enabled}
        onToggle={(value) => void toggle(value)} />
      <PageSection variant="light">
        <DescriptionList isHorizontal>
          <DescriptionListGroup>
            <DescriptionListTerm>{t("clientId")}</DescriptionListTerm>
            <DescriptionListDescription data-testid="iam-client-id">{sa.clientId}</DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t("iamIdentifier")}</DescriptionListTerm>
            <DescriptionListDescription>
              <ClipboardCopy isReadOnly hoverTip={t("copy")} clickTip={t("copied")} data-testid="iam-account-email">
                {sa.email}
              </ClipboardCopy>
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t("iamOwningProject")}</DescriptionListTerm>
            <DescriptionListDescription>
              <Link to={iamPaths.project(realm, sa.projectId)}>{t("iamOpenProject")}</Link>
            </DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
      </PageSection>
      <PageSection variant="light" className="pf-v5-u-p-0">
        <Tabs activeKey={tab} onSelect={(_e, key) => setTab(key)} mountOnEnter unmountOnExit>
          <Tab eventKey="keys" data-testid="iam-tab-keys" title={<TabTitleText>{t("iamKeys")}</TabTitleText>}>
            <KeysTab accountId={id} />
          </Tab>
          <Tab eventKey="memberships" data-testid="iam-tab-memberships" title={<TabTitleText>{t("iamMemberships")}</TabTitleText>}>
            <IamTable<Membership & { kind: string }>
              ariaLabelKey="iamMemberships"
              load={async () => {
                const { organizations, projects } = await iam.memberships(id);
                return [
                  ...organizations.map((m) => ({ ...m, kind: t("iamOrganization") })),
                  ...projects.map((m) => ({ ...m, kind: t("iamProject") })),
                ];
              }}
              rowKey={(m) => m.id}
              columns={[
                { titleKey: "type", render: (m) => m.kind },
                {
                  titleKey: "name",
                  render: (m) => (
                    <Link to={m.organizationId ? iamPaths.project(realm, m.id) : iamPaths.organization(realm, m.id)}>
                      {m.name}
                    </Link>
                  ),
                },
                { titleKey: "iamRole", render: (m) => m.role },
              ]}
              empty={{ titleKey: "iamNoMemberships", bodyKey: "iamNoMembershipsInstructions" }}
            />
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
}
