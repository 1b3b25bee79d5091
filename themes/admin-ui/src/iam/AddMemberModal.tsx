import { Button, Form, FormGroup, FormSelect, FormSelectOption, Modal, ModalVariant, TextInput } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  roles: string[];
  onAdd: (value: { email: string; role: string }) => Promise<void>;
  onClose: () => void;
};

/** Adds a user or a service account by email (a service account's email is shown on its page). */
export const AddMemberModal = ({ roles, onAdd, onClose }: Props) => {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState(roles[0]);
  const [saving, setSaving] = useState(false);

  const add = async () => {
    setSaving(true);
    try {
      await onAdd({ email: email.trim(), role });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      variant={ModalVariant.small}
      title={t("iamAddMember")}
      isOpen
      onClose={onClose}
      actions={[
        <Button key="add" data-testid="iam-add-member-confirm" onClick={add} isDisabled={!email || saving} isLoading={saving}>
          {t("add")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("cancel")}
        </Button>,
      ]}
    >
      <Form onSubmit={(event) => { event.preventDefault(); void add(); }}>
        <FormGroup label={t("email")} fieldId="iam-member-email" isRequired>
          <TextInput id="iam-member-email" data-testid="iam-member-email" type="email" value={email}
            onChange={(_e, v) => setEmail(v)} autoFocus />
        </FormGroup>
        <FormGroup label={t("iamRole")} fieldId="iam-member-role">
          <FormSelect id="iam-member-role" data-testid="iam-member-role" value={role} onChange={(_e, v) => setRole(v)}>
            {roles.map((r) => (
              <FormSelectOption key={r} value={r} label={r} />
            ))}
          </FormSelect>
        </FormGroup>
      </Form>
    </Modal>
  );
};
