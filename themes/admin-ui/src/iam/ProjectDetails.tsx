import { ViewHeader, useRealm } from "@keycloak/keycloak-admin-ui";
import { PageSection, Tab, TabTitleText, Tabs } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { Loading } from "./Loading";
import { MembersTab } from "./MembersTab";
import { NotFound } from "./NotFound";
import { ServiceAccountsTab } from "./ServiceAccountsTab";
import { PROJECT_ROLES, useIam } from "./api";
import { iamPaths } from "./paths";
import { useLoaded } from "./useLoaded";

/** One project: its members with their roles, and the service accounts it owns. */
export default function ProjectDetails() {
  const { t } = useTranslation();
  const { id } = useParams() as { id: string };
  const { realm } = useRealm();
  const iam = useIam();
  const project = useLoaded(() => iam.project(id), [id]);
  const [tab, setTab] = useState<string | number>("accounts");

  if (project.missing) return <NotFound />;
  if (!project.value) return <Loading />;

  return (
    <>
      <ViewHeader
        titleKey={project.value.name}
        noTranslate
        subKey={
          <>
            {project.value.description}{" "}
            <Link to={iamPaths.organization(realm, project.value.organizationId)}>{t("iamOrganization")}</Link>
          </>
        }
      />
      <PageSection variant="light" className="pf-v5-u-p-0">
        <Tabs activeKey={tab} onSelect={(_e, key) => setTab(key)} mountOnEnter unmountOnExit>
          <Tab eventKey="accounts" data-testid="iam-tab-accounts" title={<TabTitleText>{t("iamServiceAccounts")}</TabTitleText>}>
            <ServiceAccountsTab projectId={id} />
          </Tab>
          <Tab eventKey="members" data-testid="iam-tab-members" title={<TabTitleText>{t("iamMembers")}</TabTitleText>}>
            <MembersTab scope="projects" id={id} roles={PROJECT_ROLES} />
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
}
