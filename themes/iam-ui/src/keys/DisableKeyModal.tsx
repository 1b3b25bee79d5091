import { FormGroup, Radio } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DISABLE_REASONS, type DisableReason } from "../api";
import { FormModal } from "../components/FormModal";

type Props = { onDisable: (reason: DisableReason) => Promise<void>; onClose: () => void };

/** Asks why a key is disabled before it is: no longer needed (the default), replaced by a new key, or exposed. */
export const DisableKeyModal = ({ onDisable, onClose }: Props) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState<DisableReason>("user");
  return (
    <FormModal title={t("iamDisableKey")} submitLabel={t("iamDisable")} isValid testId="iam-disable-key"
      onSubmit={() => onDisable(reason)} onClose={onClose}>
      <p>{t("iamDisableKeyConsequence")}</p>
      <FormGroup role="radiogroup" isStack fieldId="iam-disable-reason" label={t("iamDisableKeyReason")}>
        {DISABLE_REASONS.map((choice) => (
          <Radio key={choice} id={`iam-disable-reason-${choice}`} name="iam-disable-reason"
            data-testid={`iam-disable-reason-${choice}`} isChecked={reason === choice}
            onChange={() => setReason(choice)} label={t(`iamDisabledReason_${choice}`)}
            description={t(`iamDisabledReasonHelp_${choice}`)} />
        ))}
      </FormGroup>
    </FormModal>
  );
};
