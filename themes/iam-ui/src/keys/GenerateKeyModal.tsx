import { FormGroup, FormSelect, FormSelectOption } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ALGORITHMS } from "../api";
import { FormModal } from "../components/FormModal";
import { expiryOf } from "../dates";
import { ExpiryField } from "./ExpiryField";

type Props = {
  onGenerate: (value: { algorithm: string; expiresAt?: string }) => Promise<void>;
  onClose: () => void;
};

/** Generates a key pair on the server: an algorithm and, if wanted, the last day the key works. */
export const GenerateKeyModal = ({ onGenerate, onClose }: Props) => {
  const { t } = useTranslation();
  const [algorithm, setAlgorithm] = useState(ALGORITHMS[0]);
  const [expires, setExpires] = useState("");
  const expiry = expiryOf(expires);

  return (
    <FormModal title={t("iamGenerateKey")} submitLabel={t("iamGenerate")} isValid={!expiry.problem} onClose={onClose}
      testId="iam-generate-key-dialog"
      onSubmit={() => onGenerate({ algorithm, expiresAt: expiry.instant?.toISOString() })}>
      <FormGroup label={t("iamAlgorithm")} fieldId="iam-key-algorithm">
        <FormSelect id="iam-key-algorithm" data-testid="iam-key-algorithm" value={algorithm}
          onChange={(_e, v) => setAlgorithm(v)}>
          {ALGORITHMS.map((a) => <FormSelectOption key={a} value={a} label={a} />)}
        </FormSelect>
      </FormGroup>
      <ExpiryField value={expires} expiry={expiry} onChange={setExpires} />
    </FormModal>
  );
};
