import { ViewHeader, useRealm } from "@keycloak/keycloak-admin-ui";
import { Button, PageSection, Tab, TabTitleText, Tabs, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { IamTable } from "./IamTable";
import { Loading } from "./Loading";
import { MembersTab } from "./MembersTab";
import { NameDescriptionModal } from "./NameDescriptionModal";
import { NotFound } from "./NotFound";
import { ORGANIZATION_ROLES, type Project, useIam } from "./api";
import { iamPaths } from "./paths";
import { useLoaded } from "./useLoaded";
import { useNotify } from "./useNotify";

/** One organization: its projects (the ones the administrator may see) and its administrators. */
export default function OrganizationDetails() {
  const { t } = useTranslation();
  const { id } = useParams() as { id: string };
  const { realm } = useRealm();
  const iam = useIam();
  const notify = useNotify();
  const navigate = useNavigate();
  const organization = useLoaded(() => iam.organization(id), [id]);
  const [tab, setTab] = useState<string | number>("projects");
  const [creating, setCreating] = useState(false);

  const create = (
    <Button data-testid="iam-create-project" onClick={() => setCreating(true)}>
      {t("iamCreateProject")}
    </Button>
  );

  if (organization.missing) return <NotFound />;
  if (!organization.value) return <Loading />;

  return (
    <>
      <ViewHeader titleKey={organization.value.name} subKey={organization.value.description ?? ""} noTranslate divider={false} />
      {creating && (
        <NameDescriptionModal
          titleKey="iamCreateProject"
          onClose={() => setCreating(false)}
          onSave={async (value) => {
            try {
              const created = await iam.createProject(id, value);
              notify.success("iamProjectCreated");
              navigate(iamPaths.project(realm, created.id));
            } catch (error) {
              notify.failure("iamProjectCreateFailed", error);
            }
          }}
        />
      )}
      <PageSection variant="light" className="pf-v5-u-p-0">
        <Tabs activeKey={tab} onSelect={(_e, key) => setTab(key)} mountOnEnter unmountOnExit>
          <Tab eventKey="projects" data-testid="iam-tab-projects" title={<TabTitleText>{t("iamProjects")}</TabTitleText>}>
            <IamTable<Project>
              paginated
              ariaLabelKey="iamProjects"
              searchPlaceholderKey="iamSearchProjects"
              load={(first, max, search) => iam.projects(id, first, max, search)}
              rowKey={(p) => p.id}
              toolbar={<ToolbarItem>{create}</ToolbarItem>}
              columns={[
                { titleKey: "name", render: (p) => <Link to={iamPaths.project(realm, p.id)}>{p.name}</Link> },
                { titleKey: "description", render: (p) => p.description },
              ]}
              empty={{ titleKey: "iamNoProjects", bodyKey: "iamNoProjectsInstructions", action: create }}
            />
          </Tab>
          <Tab eventKey="admins" data-testid="iam-tab-admins" title={<TabTitleText>{t("iamAdministrators")}</TabTitleText>}>
            <MembersTab scope="organizations" id={id} roles={ORGANIZATION_ROLES} />
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
}
