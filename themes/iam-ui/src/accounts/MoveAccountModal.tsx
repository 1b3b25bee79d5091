import { FormGroup, FormSelect, FormSelectOption } from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Project, ServiceAccount } from "../api";
import { FieldHelp } from "../components/FieldHelp";
import { FormModal } from "../components/FormModal";
import { useIamConsole } from "../console";

type Props = {
  account: ServiceAccount;
  organizationId: string;
  onMoved: (account: ServiceAccount, to: Project) => void;
  onClose: () => void;
};

/**
 * Gives the account to another project of the same organization. It keeps its keys and memberships; the API
 * requires project.admin of both projects and says so when it is missing.
 */
export const MoveAccountModal = ({ account, organizationId, onMoved, onClose }: Props) => {
  const { t } = useTranslation();
  const { api } = useIamConsole();
  const [projects, setProjects] = useState<Project[]>();
  const [target, setTarget] = useState("");
  useEffect(() => {
    void api.projects(organizationId, 0, 1000)
      .then((all) => setProjects(all.filter((p) => p.id !== account.projectId)))
      .catch(() => setProjects([]));
  }, [api, organizationId, account.projectId]);

  const move = async () => {
    const moved = await api.updateServiceAccount(account.id, { projectId: target });
    onMoved(moved, projects!.find((p) => p.id === target)!);
  };

  return (
    <FormModal title={t("iamMoveServiceAccount", { name: account.name })} submitLabel={t("iamMove")}
      isValid={target !== ""} onSubmit={move} onClose={onClose} testId="iam-move-dialog">
      <FormGroup label={t("iamMoveTo")} fieldId="iam-move-target" isRequired>
        <FormSelect id="iam-move-target" data-testid="iam-move-target" value={target} isDisabled={!projects?.length}
          onChange={(_e, v) => setTarget(v)}>
          <FormSelectOption value="" label={projects?.length === 0 ? t("iamMoveNoProject") : t("iamMoveChoose")} isPlaceholder />
          {projects?.map((p) => <FormSelectOption key={p.id} value={p.id} label={p.name} />)}
        </FormSelect>
        <FieldHelp text={t("iamMoveHelp")} />
      </FormGroup>
    </FormModal>
  );
};
