import { FormGroup, FormSelect, FormSelectOption, TextInput } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { IamError } from "../api";
import { FieldHelp } from "../components/FieldHelp";
import { FormModal } from "../components/FormModal";
import type { Role } from "../roles";
import { emailProblem } from "../validation";

type Props = {
  /** The roles the signed-in person may give here. */
  roles: readonly Role[];
  onAdd: (value: { email: string; role: string }) => Promise<void>;
  onClose: () => void;
};

/** Adds a user or a service account by email (a service account's is on its page), with one role. */
export const AddMemberModal = ({ roles, onAdd, onClose }: Props) => {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const [role, setRole] = useState<string>(roles[0]);
  const [emailError, setEmailError] = useState<string>();
  // Spaces around a pasted address are never part of it.
  const email = typed.trim();
  const problem = emailProblem(email);

  const add = async () => {
    try {
      await onAdd({ email, role });
    } catch (error) {
      // The API names the field: an email nobody in the realm has, or a member already there, belongs under it.
      if (error instanceof IamError && error.status === 400 && error.description.startsWith("email")) {
        setEmailError(t("iamEmailUnknown", { email }));
      } else if (error instanceof IamError && error.code === "member_exists") {
        setEmailError(t("iamMemberExists", { email }));
      } else {
        throw error;
      }
    }
  };

  return (
    <FormModal title={t("iamAddMember")} submitLabel={t("iamAdd")} isValid={!problem} onSubmit={add} onClose={onClose}
      testId="iam-add-member-dialog">
      <FormGroup label={t("iamEmail")} fieldId="iam-member-email" isRequired>
        <TextInput id="iam-member-email" data-testid="iam-member-email" type="email" value={typed} autoFocus
          validated={emailError || (typed && problem) ? "error" : "default"}
          onChange={(_e, value) => { setTyped(value); setEmailError(undefined); }} />
        <FieldHelp testId="iam-member-email-help" isError={!!emailError || !!(typed && problem)}
          text={emailError ?? (typed && problem ? t(problem) : t("iamEmailHelp"))} />
      </FormGroup>
      <FormGroup label={t("iamRole")} fieldId="iam-member-role">
        <FormSelect id="iam-member-role" data-testid="iam-member-role" value={role} onChange={(_e, v) => setRole(v)}>
          {roles.map((r) => <FormSelectOption key={r} value={r} label={r} />)}
        </FormSelect>
      </FormGroup>
    </FormModal>
  );
};
