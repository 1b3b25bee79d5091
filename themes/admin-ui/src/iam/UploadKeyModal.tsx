import { Button, Form, FormGroup, FormHelperText, FormSelect, FormSelectOption, HelperText, HelperTextItem, Modal, ModalVariant, TextArea } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ALGORITHMS } from "./api";

type Props = {
  onUpload: (value: { publicKey?: string; jwk?: unknown; algorithm?: string }) => Promise<void>;
  onClose: () => void;
};

/** A JWK as JSON; text that is not JSON goes as it is, for the server to name what is wrong with it. */
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Registers a public key made elsewhere: PEM (public key or certificate) or a JWK; the private key stays with its owner. */
export const UploadKeyModal = ({ onUpload, onClose }: Props) => {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [algorithm, setAlgorithm] = useState("");
  const [saving, setSaving] = useState(false);

  const upload = async () => {
    setSaving(true);
    try {
      const trimmed = text.trim();
      const key = trimmed.startsWith("{") ? { jwk: parseJson(trimmed) } : { publicKey: trimmed };
      await onUpload({ ...key, algorithm: algorithm || undefined });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      variant={ModalVariant.medium}
      title={t("iamUploadKey")}
      isOpen
      onClose={onClose}
      actions={[
        <Button key="upload" data-testid="iam-upload-key-confirm" onClick={upload} isDisabled={!text || saving} isLoading={saving}>
          {t("iamUpload")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("cancel")}
        </Button>,
      ]}
    >
      <Form>
        <FormGroup label={t("iamPublicKey")} fieldId="iam-public-key" isRequired>
          <TextArea id="iam-public-key" data-testid="iam-public-key" rows={10} value={text}
            onChange={(_e, v) => setText(v)} />
          <FormHelperText>
            <HelperText>
              <HelperTextItem>{t("iamPublicKeyHelp")}</HelperTextItem>
            </HelperText>
          </FormHelperText>
        </FormGroup>
        <FormGroup label={t("algorithm")} fieldId="iam-upload-algorithm">
          <FormSelect id="iam-upload-algorithm" value={algorithm} onChange={(_e, v) => setAlgorithm(v)}>
            <FormSelectOption value="" label={t("iamAlgorithmFromKey")} />
            {ALGORITHMS.map((a) => (
              <FormSelectOption key={a} value={a} label={a} />
            ))}
          </FormSelect>
        </FormGroup>
      </Form>
    </Modal>
  );
};
