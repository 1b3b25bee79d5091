import { PageSection, Tab, TabTitleText, Tabs } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { IamApi, Project } from "../api";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { ConfirmModal } from "../components/ConfirmModal";
import { Loaded } from "../components/Loaded";
import { NameDescriptionModal } from "../components/NameDescriptionModal";
import { PageHeader } from "../components/PageHeader";
import { useLoaded } from "../components/useLoaded";
import { useNotify } from "../components/useNotify";
import { useIamConsole } from "../console";
import { EnvironmentsTab } from "../environments/EnvironmentsTab";
import { MembersTab } from "../members/MembersTab";
import { useProjectPermissions } from "../usePermissions";
import { unitNameProblem } from "../validation";
import { ServiceAccountsTab } from "./ServiceAccountsTab";
import { UnusedTab } from "./UnusedTab";

/** A project with the name of its organization, which every member of the project may read. */
const loadProject = async (iam: IamApi, id: string) => {
  const project = await iam.project(id);
  const organization = await iam.organization(project.organizationId).catch(() => undefined);
  return { project, organizationName: organization?.name };
};

/**
 * One project: the service accounts it owns, its members with their roles, its environments, and what of it nobody
 * used lately.
 */
export default function ProjectPage() {
  const { id } = useParams() as { id: string };
  const { api } = useIamConsole();
  const loaded = useLoaded(() => loadProject(api, id), [id]);
  return (
    <Loaded state={loaded}>
      {({ project, organizationName }) => (
        <ProjectView project={project} organizationName={organizationName}
          onChange={(changed) => loaded.set({ project: changed, organizationName })} />
      )}
    </Loaded>
  );
}

type ViewProps = { project: Project; organizationName?: string; onChange: (project: Project) => void };

const ProjectView = ({ project, organizationName, onChange }: ViewProps) => {
  const { t } = useTranslation();
  const { api: iam, paths } = useIamConsole();
  const notify = useNotify();
  const navigate = useNavigate();
  const granted = useProjectPermissions(project);
  const [tab, setTab] = useState<string | number>("accounts");
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const organization = { label: organizationName ?? t("iamOrganization"), to: paths.organization(project.organizationId) };

  const remove = async () => {
    setDeleting(false);
    if (await notify.attempt(() => iam.deleteProject(project.id), "iamProjectDeleted", "iamProjectDeleteFailed")) {
      navigate(organization.to);
    }
  };

  return (
    <>
      <Breadcrumbs parents={[organization]} current={project.name} />
      <PageHeader
        title={project.name}
        description={
          <>
            {project.description && <>{project.description}<br /></>}
            {t("iamProjectOf")} <Link to={organization.to} data-testid="iam-project-organization">{organization.label}</Link>
          </>
        }
        actions={granted?.administer ? [
          { key: "edit", label: t("iamEdit"), onClick: () => setEditing(true) },
          { key: "delete", label: t("iamDeleteProject"), onClick: () => setDeleting(true), isDanger: true },
        ] : []}
      />
      {editing && (
        <NameDescriptionModal title={t("iamEditProject")} submitLabel={t("iamSave")} nameProblem={unitNameProblem}
          initial={{ name: project.name, description: project.description ?? "" }} onClose={() => setEditing(false)}
          onSave={async (value) => {
            onChange(await iam.updateProject(project.id, value));
            notify.success("iamProjectSaved");
            setEditing(false);
          }} />
      )}
      {deleting && (
        <ConfirmModal title={t("iamDeleteProjectTitle")} isDanger continueLabel={t("iamDelete")}
          message={t("iamDeleteProjectConfirm", { name: project.name })} onCancel={() => setDeleting(false)}
          onConfirm={() => void remove()} />
      )}
      <PageSection variant="light" className="pf-v5-u-p-0">
        <Tabs activeKey={tab} onSelect={(_e, key) => setTab(key)} mountOnEnter unmountOnExit>
          <Tab eventKey="accounts" data-testid="iam-tab-accounts" title={<TabTitleText>{t("iamServiceAccounts")}</TabTitleText>}>
            {granted && <ServiceAccountsTab projectId={project.id} mayManage={granted.manageAccounts} />}
          </Tab>
          <Tab eventKey="members" data-testid="iam-tab-members" title={<TabTitleText>{t("iamMembers")}</TabTitleText>}>
            {granted && <MembersTab scope="projects" id={project.id} permissions={granted} />}
          </Tab>
          <Tab eventKey="environments" data-testid="iam-tab-environments"
            title={<TabTitleText>{t("iamEnvironments")}</TabTitleText>}>
            {granted && <EnvironmentsTab projectId={project.id} mayManage={granted.administer} />}
          </Tab>
          <Tab eventKey="unused" data-testid="iam-tab-unused" title={<TabTitleText>{t("iamUnused")}</TabTitleText>}>
            <UnusedTab projectId={project.id} />
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
};
