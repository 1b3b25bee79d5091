import { Alert, Button, Form, Modal, ModalVariant } from "@patternfly/react-core";
import { type PropsWithChildren, useState } from "react";
import { useTranslation } from "react-i18next";
import { describe } from "./useNotify";

type Props = {
  title: string;
  submitLabel: string;
  /** False while a field is invalid: the fields say why, in place. */
  isValid: boolean;
  /** Sends the form; what it throws is shown in the dialog, which stays open to correct it. */
  onSubmit: () => Promise<void>;
  onClose: () => void;
  variant?: ModalVariant;
  testId?: string;
};

/** A dialog with one form: its own errors stay in it, and nothing is sent while a field is invalid. */
export const FormModal = ({ title, submitLabel, isValid, onSubmit, onClose, variant = ModalVariant.small, testId,
  children }: PropsWithChildren<Props>) => {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (!isValid || saving) return;
    setSaving(true);
    setError(undefined);
    try {
      await onSubmit();
    } catch (failure) {
      setError(describe(failure, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal variant={variant} title={title} isOpen onClose={onClose} data-testid={testId}
      actions={[
        <Button key="submit" data-testid="iam-submit" onClick={() => void submit()} isDisabled={!isValid || saving}
          isLoading={saving}>
          {submitLabel}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("iamCancel")}
        </Button>,
      ]}>
      {error && <Alert variant="danger" isInline title={error} data-testid="iam-form-error" className="pf-v5-u-mb-md" />}
      <Form onSubmit={(event) => { event.preventDefault(); void submit(); }}>{children}</Form>
    </Modal>
  );
};
