import { Button, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import type { Environment } from "../api";
import { ConfirmModal } from "../components/ConfirmModal";
import { IamTable } from "../components/IamTable";
import { NameDescriptionModal } from "../components/NameDescriptionModal";
import { useNotify } from "../components/useNotify";
import { When } from "../components/When";
import { useIamConsole } from "../console";
import { unitNameProblem } from "../validation";

type Props = { projectId: string; mayManage: boolean };

/**
 * A project's environments, which every reader of the project sees listed (not who is in them); creating, renaming and
 * deleting them is for the project's admins (`mayManage`).
 */
export const EnvironmentsTab = ({ projectId, mayManage }: Props) => {
  const { t } = useTranslation();
  const { api: iam, paths } = useIamConsole();
  const notify = useNotify();
  const navigate = useNavigate();
  const [refresh, setRefresh] = useState(0);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Environment>();
  const [deleting, setDeleting] = useState<Environment>();
  const reload = () => setRefresh((n) => n + 1);

  const remove = async (environment: Environment) => {
    setDeleting(undefined);
    const deleted = () => iam.deleteEnvironment(environment.id);
    if (await notify.attempt(deleted, "iamEnvironmentDeleted", "iamEnvironmentDeleteFailed")) reload();
  };

  const create = mayManage && (
    <Button data-testid="iam-create-environment" onClick={() => setCreating(true)}>{t("iamCreateEnvironment")}</Button>
  );

  return (
    <>
      {creating && (
        <NameDescriptionModal title={t("iamCreateEnvironment")} submitLabel={t("iamCreate")} nameProblem={unitNameProblem}
          onClose={() => setCreating(false)}
          onSave={async (value) => {
            const created = await iam.createEnvironment(projectId, value);
            notify.success("iamEnvironmentCreated");
            navigate(paths.environment(created.id));
          }} />
      )}
      {editing && (
        <NameDescriptionModal title={t("iamEditEnvironment")} submitLabel={t("iamSave")} nameProblem={unitNameProblem}
          initial={{ name: editing.name, description: editing.description ?? "" }} onClose={() => setEditing(undefined)}
          onSave={async (value) => {
            await iam.updateEnvironment(editing.id, value);
            notify.success("iamEnvironmentSaved");
            setEditing(undefined);
            reload();
          }} />
      )}
      {deleting && (
        <ConfirmModal title={t("iamDeleteEnvironmentTitle")} isDanger continueLabel={t("iamDelete")}
          message={t("iamDeleteEnvironmentConfirm", { name: deleting.name })} onCancel={() => setDeleting(undefined)}
          onConfirm={() => void remove(deleting)} />
      )}
      <IamTable<Environment>
        key={refresh}
        paginated
        ariaLabelKey="iamEnvironments"
        searchPlaceholderKey="iamSearchEnvironments"
        load={(first, max, search) => iam.environments(projectId, first, max, search)}
        rowKey={(e) => e.id}
        toolbar={create && <ToolbarItem>{create}</ToolbarItem>}
        actions={mayManage ? (e) => [
          { title: t("iamEdit"), onClick: () => setEditing(e) },
          { title: t("iamDelete"), onClick: () => setDeleting(e) },
        ] : undefined}
        columns={[
          {
            titleKey: "iamName",
            render: (e) => <Link to={paths.environment(e.id)} data-testid={`iam-environment-${e.name}`}>{e.name}</Link>,
          },
          { titleKey: "iamDescription", render: (e) => e.description, modifier: "truncate" },
          { titleKey: "iamCreatedAt", render: (e) => <When instant={e.createdAt} never="" />, modifier: "nowrap" },
        ]}
        empty={{ titleKey: "iamNoEnvironments", bodyKey: "iamNoEnvironmentsInstructions", action: create || undefined }}
      />
    </>
  );
};
