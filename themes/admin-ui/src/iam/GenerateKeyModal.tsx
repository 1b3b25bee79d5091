import { Button, DatePicker, Form, FormGroup, FormSelect, FormSelectOption, Modal, ModalVariant } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ALGORITHMS } from "./api";

type Props = {
  onGenerate: (value: { algorithm: string; expiresAt?: string }) => Promise<void>;
  onClose: () => void;
};

/** Generates a key pair on the server: an algorithm and, if wanted, the day the key expires. */
export const GenerateKeyModal = ({ onGenerate, onClose }: Props) => {
  const { t } = useTranslation();
  const [algorithm, setAlgorithm] = useState(ALGORITHMS[0]);
  const [expires, setExpires] = useState("");
  const [saving, setSaving] = useState(false);

  const generate = async () => {
    setSaving(true);
    try {
      await onGenerate({ algorithm, expiresAt: expires ? new Date(`${expires}T00:00:00Z`).toISOString() : undefined });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      variant={ModalVariant.small}
      title={t("iamGenerateKey")}
      isOpen
      onClose={onClose}
      actions={[
        <Button key="generate" data-testid="iam-generate-key-confirm" onClick={generate} isLoading={saving} isDisabled={saving}>
          {t("iamGenerate")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("cancel")}
        </Button>,
      ]}
    >
      <Form onSubmit={(event) => { event.preventDefault(); void generate(); }}>
        <FormGroup label={t("algorithm")} fieldId="iam-key-algorithm">
          <FormSelect id="iam-key-algorithm" data-testid="iam-key-algorithm" value={algorithm}
            onChange={(_e, v) => setAlgorithm(v)}>
            {ALGORITHMS.map((a) => (
              <FormSelectOption key={a} value={a} label={a} />
            ))}
          </FormSelect>
        </FormGroup>
        <FormGroup label={t("iamExpires")} fieldId="iam-key-expires">
          <DatePicker id="iam-key-expires" value={expires} onChange={(_e, v) => setExpires(v)} />
        </FormGroup>
      </Form>
    </Modal>
  );
};
