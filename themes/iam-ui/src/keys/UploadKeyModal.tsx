import { FormGroup, FormSelect, FormSelectOption, ModalVariant, TextArea } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ALGORITHMS } from "../api";
import { FieldHelp } from "../components/FieldHelp";
import { FormModal } from "../components/FormModal";
import { expiryOf } from "../dates";
import { ExpiryField } from "./ExpiryField";

export type PublicKeyUpload = { publicKey?: string; jwk?: unknown; algorithm?: string; expiresAt?: string };

type Props = { onUpload: (value: PublicKeyUpload) => Promise<void>; onClose: () => void };

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
  const [expires, setExpires] = useState("");
  const expiry = expiryOf(expires);
  const trimmed = text.trim();

  const upload = () => {
    const key = trimmed.startsWith("{") ? { jwk: parseJson(trimmed) } : { publicKey: trimmed };
    return onUpload({ ...key, algorithm: algorithm || undefined, expiresAt: expiry.instant?.toISOString() });
  };

  return (
    <FormModal title={t("iamUploadKey")} submitLabel={t("iamUpload")} variant={ModalVariant.medium}
      isValid={trimmed !== "" && !expiry.problem} onSubmit={upload} onClose={onClose} testId="iam-upload-key-dialog">
      <FormGroup label={t("iamPublicKey")} fieldId="iam-public-key" isRequired>
        <TextArea id="iam-public-key" data-testid="iam-public-key" rows={10} value={text}
          onChange={(_e, v) => setText(v)} />
        <FieldHelp text={t("iamPublicKeyHelp")} />
      </FormGroup>
      <FormGroup label={t("iamAlgorithm")} fieldId="iam-upload-algorithm">
        <FormSelect id="iam-upload-algorithm" value={algorithm} onChange={(_e, v) => setAlgorithm(v)}>
          <FormSelectOption value="" label={t("iamAlgorithmFromKey")} />
          {ALGORITHMS.map((a) => <FormSelectOption key={a} value={a} label={a} />)}
        </FormSelect>
      </FormGroup>
      <ExpiryField value={expires} expiry={expiry} onChange={setExpires} />
    </FormModal>
  );
};
