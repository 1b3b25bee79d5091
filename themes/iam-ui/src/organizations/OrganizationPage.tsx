import { Button, PageSection, Tab, TabTitleText, Tabs, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { Organization, Project } from "../api";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { IamTable } from "../components/IamTable";
import { Loaded } from "../components/Loaded";
import { NameDescriptionModal } from "../components/NameDescriptionModal";
import { PageHeader } from "../components/PageHeader";
import { useLoaded } from "../components/useLoaded";
import { useNotify } from "../components/useNotify";
import { useIamConsole } from "../console";
import { MembersTab } from "../members/MembersTab";
import { useOrganizationPermissions } from "../usePermissions";
import { unitNameProblem } from "../validation";

/** One organization: its projects (all of them for its administrators, one's own for others) and its administrators. */
export default function OrganizationPage() {
  const { id } = useParams() as { id: string };
  const { api } = useIamConsole();
  const loaded = useLoaded(() => api.organization(id), [id]);
  return (
    <Loaded state={loaded}>
      {(organization) => <OrganizationView organization={organization} onChange={loaded.set} />}
    </Loaded>
  );
}

const OrganizationView = ({ organization, onChange }: { organization: Organization; onChange: (o: Organization) => void }) => {
  const { t } = useTranslation();
  const { api: iam, paths } = useIamConsole();
  const notify = useNotify();
  const navigate = useNavigate();
  const granted = useOrganizationPermissions(organization.id);
  const [tab, setTab] = useState<string | number>("projects");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState(false);

  const create = granted?.createProject && (
    <Button data-testid="iam-create-project" onClick={() => setCreating(true)}>{t("iamCreateProject")}</Button>
  );

  return (
    <>
      <Breadcrumbs current={organization.name} />
      <PageHeader title={organization.name} description={organization.description ?? undefined}
        actions={granted?.administer ? [{ key: "edit", label: t("iamEdit"), onClick: () => setEditing(true) }] : []} />
      {creating && (
        <NameDescriptionModal title={t("iamCreateProject")} submitLabel={t("iamCreate")} nameProblem={unitNameProblem}
          onClose={() => setCreating(false)}
          onSave={async (value) => {
            const created = await iam.createProject(organization.id, value);
            notify.success("iamProjectCreated");
            navigate(paths.project(created.id));
          }} />
      )}
      {editing && (
        <NameDescriptionModal title={t("iamEditOrganization")} submitLabel={t("iamSave")} nameProblem={unitNameProblem}
          initial={{ name: organization.name, description: organization.description ?? "" }}
          onClose={() => setEditing(false)}
          onSave={async (value) => {
            onChange(await iam.updateOrganization(organization.id, value));
            notify.success("iamOrganizationSaved");
            setEditing(false);
          }} />
      )}
      <PageSection variant="light" className="pf-v5-u-p-0">
        <Tabs activeKey={tab} onSelect={(_e, key) => setTab(key)} mountOnEnter unmountOnExit>
          <Tab eventKey="projects" data-testid="iam-tab-projects" title={<TabTitleText>{t("iamProjects")}</TabTitleText>}>
            <IamTable<Project>
              paginated
              ariaLabelKey="iamProjects"
              searchPlaceholderKey="iamSearchProjects"
              load={(first, max, search) => iam.projects(organization.id, first, max, search)}
              rowKey={(p) => p.id}
              toolbar={create && <ToolbarItem>{create}</ToolbarItem>}
              columns={[
                { titleKey: "iamName", render: (p) => <Link to={paths.project(p.id)}>{p.name}</Link> },
                { titleKey: "iamDescription", render: (p) => p.description, modifier: "truncate" },
              ]}
              empty={{ titleKey: "iamNoProjects", bodyKey: "iamNoProjectsInstructions", action: create || undefined }}
            />
          </Tab>
          <Tab eventKey="admins" data-testid="iam-tab-admins" title={<TabTitleText>{t("iamAdministrators")}</TabTitleText>}>
            {granted && <MembersTab scope="organizations" id={organization.id} permissions={granted} />}
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
};
