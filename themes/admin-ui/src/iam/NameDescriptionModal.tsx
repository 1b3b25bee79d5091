import { Button, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, Modal, ModalVariant, TextArea, TextInput } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  titleKey: string;
  nameHelpKey?: string;
  onSave: (value: { name: string; description?: string }) => Promise<void>;
  onClose: () => void;
};

/** Creates an organization, project or service account: a name and an optional description. */
export const NameDescriptionModal = ({ titleKey, nameHelpKey, onSave, onClose }: Props) => {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      await onSave({ name, description: description || undefined });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      variant={ModalVariant.small}
      title={t(titleKey)}
      isOpen
      onClose={onClose}
      actions={[
        <Button key="save" data-testid="iam-save" onClick={save} isDisabled={!name || saving} isLoading={saving}>
          {t("create")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("cancel")}
        </Button>,
      ]}
    >
      <Form onSubmit={(event) => { event.preventDefault(); void save(); }}>
        <FormGroup label={t("name")} fieldId="iam-name" isRequired>
          <TextInput id="iam-name" data-testid="iam-name" value={name} onChange={(_e, v) => setName(v)} autoFocus />
          {nameHelpKey && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t(nameHelpKey)}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
        <FormGroup label={t("description")} fieldId="iam-description">
          <TextArea id="iam-description" data-testid="iam-description" value={description}
            onChange={(_e, v) => setDescription(v)} />
        </FormGroup>
      </Form>
    </Modal>
  );
};
