import { PageSection, Tab, TabTitleText, Tabs } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { Environment, IamApi } from "../api";
import { Breadcrumbs, type Crumb } from "../components/Breadcrumbs";
import { ConfirmModal } from "../components/ConfirmModal";
import { Loaded } from "../components/Loaded";
import { NameDescriptionModal } from "../components/NameDescriptionModal";
import { PageHeader } from "../components/PageHeader";
import { useLoaded } from "../components/useLoaded";
import { useNotify } from "../components/useNotify";
import { useIamConsole } from "../console";
import { MembersTab } from "../members/MembersTab";
import { useEnvironmentPermissions } from "../usePermissions";
import { unitNameProblem } from "../validation";

/**
 * An environment with the names of its project and organization where the signed-in person may read them: a member of
 * the environment alone may not (the API answers 404 there), and sees neither name nor link.
 */
const loadEnvironment = async (iam: IamApi, id: string) => {
  const environment = await iam.environment(id);
  const [project, organization] = await Promise.all([
    iam.project(environment.projectId).catch(() => undefined),
    iam.organization(environment.organizationId).catch(() => undefined),
  ]);
  return { environment, projectName: project?.name, organizationName: organization?.name };
};

/** One environment of a project: who is a member of it, with which environment role. */
export default function EnvironmentPage() {
  const { id } = useParams() as { id: string };
  const { api } = useIamConsole();
  const loaded = useLoaded(() => loadEnvironment(api, id), [id]);
  return (
    <Loaded state={loaded}>
      {(value) => <EnvironmentView {...value} onChange={(environment) => loaded.set({ ...value, environment })} />}
    </Loaded>
  );
}

type ViewProps = {
  environment: Environment;
  projectName?: string;
  organizationName?: string;
  onChange: (environment: Environment) => void;
};

const EnvironmentView = ({ environment, projectName, organizationName, onChange }: ViewProps) => {
  const { t } = useTranslation();
  const { api: iam, paths } = useIamConsole();
  const notify = useNotify();
  const navigate = useNavigate();
  const granted = useEnvironmentPermissions(environment);
  const [tab, setTab] = useState<string | number>("members");
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // Parents the person may not open (an environment-only member gets 404 there) are named without a link.
  const organization: Crumb = organizationName === undefined ? { label: environment.organizationName }
    : { label: organizationName, to: paths.organization(environment.organizationId) };
  const project: Crumb = projectName === undefined ? { label: environment.projectName }
    : { label: projectName, to: paths.project(environment.projectId) };

  const remove = async () => {
    setDeleting(false);
    const deleted = () => iam.deleteEnvironment(environment.id);
    if (await notify.attempt(deleted, "iamEnvironmentDeleted", "iamEnvironmentDeleteFailed")) {
      navigate(project.to ?? paths.organizations);
    }
  };

  return (
    <>
      <Breadcrumbs parents={[organization, project]} current={environment.name} />
      <PageHeader
        title={environment.name}
        description={
          <>
            {environment.description && <>{environment.description}<br /></>}
            {t("iamEnvironmentOf")}{" "}
            <span data-testid="iam-environment-project">
              {project.to ? <Link to={project.to}>{project.label}</Link> : project.label}
            </span>
            <br />
            {t("iamEnvironmentAdmins")}
          </>
        }
        actions={granted?.administer ? [
          { key: "edit", label: t("iamEdit"), onClick: () => setEditing(true) },
          { key: "delete", label: t("iamDeleteEnvironment"), onClick: () => setDeleting(true), isDanger: true },
        ] : []}
      />
      {editing && (
        <NameDescriptionModal title={t("iamEditEnvironment")} submitLabel={t("iamSave")} nameProblem={unitNameProblem}
          initial={{ name: environment.name, description: environment.description ?? "" }}
          onClose={() => setEditing(false)}
          onSave={async (value) => {
            onChange(await iam.updateEnvironment(environment.id, value));
            notify.success("iamEnvironmentSaved");
            setEditing(false);
          }} />
      )}
      {deleting && (
        <ConfirmModal title={t("iamDeleteEnvironmentTitle")} isDanger continueLabel={t("iamDelete")}
          message={t("iamDeleteEnvironmentConfirm", { name: environment.name })} onCancel={() => setDeleting(false)}
          onConfirm={() => void remove()} />
      )}
      <PageSection variant="light" className="pf-v5-u-p-0">
        <Tabs activeKey={tab} onSelect={(_e, key) => setTab(key)} mountOnEnter unmountOnExit>
          <Tab eventKey="members" data-testid="iam-tab-members" title={<TabTitleText>{t("iamMembers")}</TabTitleText>}>
            {/* A project.user or project.developer sees the environment but not its members: the list says so. */}
            {granted && <MembersTab scope="environments" id={environment.id} permissions={granted} />}
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
};
