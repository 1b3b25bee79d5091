import { FormGroup, TextArea, TextInput } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { NameAndDescription } from "../api";
import { descriptionProblem } from "../validation";
import { FieldHelp } from "./FieldHelp";
import { FormModal } from "./FormModal";

type Props = {
  title: string;
  submitLabel: string;
  initial?: NameAndDescription;
  /** The rule for names here: its message key when the name breaks it. */
  nameProblem: (name: string) => string | undefined;
  /** The rule, shown under the field before anything is typed. */
  nameRuleKey?: string;
  onSave: (value: NameAndDescription) => Promise<void>;
  onClose: () => void;
};

/** Creates or edits an organization, project or service account: a name and an optional description. */
export const NameDescriptionModal = ({ title, submitLabel, initial, nameProblem, nameRuleKey, onSave, onClose }: Props) => {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [touched, setTouched] = useState(false);
  const nameError = nameProblem(name);
  const descriptionError = descriptionProblem(description);
  const showNameError = touched && nameError !== undefined;

  return (
    <FormModal title={title} submitLabel={submitLabel} isValid={!nameError && !descriptionError} onClose={onClose}
      onSubmit={() => onSave({ name, description })}>
      <FormGroup label={t("iamName")} fieldId="iam-name" isRequired>
        <TextInput id="iam-name" data-testid="iam-name" value={name} autoFocus
          validated={showNameError ? "error" : "default"}
          onChange={(_e, value) => { setName(value); setTouched(true); }} onBlur={() => setTouched(true)} />
        <FieldHelp testId="iam-name-help" isError={showNameError}
          text={showNameError ? t(nameError) : nameRuleKey && t(nameRuleKey)} />
      </FormGroup>
      <FormGroup label={t("iamDescription")} fieldId="iam-description">
        <TextArea id="iam-description" data-testid="iam-description" value={description}
          validated={descriptionError ? "error" : "default"} onChange={(_e, value) => setDescription(value)} />
        <FieldHelp isError text={descriptionError && t(descriptionError)} />
      </FormGroup>
    </FormModal>
  );
};
