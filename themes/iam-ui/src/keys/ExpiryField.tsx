import { DatePicker, FormGroup } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { type Expiry, formatExact, parseDay } from "../dates";
import { FieldHelp } from "../components/FieldHelp";

type Props = { value: string; expiry: Expiry; onChange: (value: string) => void };

/**
 * The day a key stops working, typed as YYYY-MM-DD or picked. It works all that day, in the person's own time zone:
 * the exact instant is shown, so nobody has to guess what "expires on" means.
 */
export const ExpiryField = ({ value, expiry, onChange }: Props) => {
  const { t } = useTranslation();
  const text = expiry.problem
    ? t(expiry.problem)
    : expiry.instant
      ? t("iamExpiresAt", { instant: formatExact(expiry.instant) })
      : t("iamExpiresNever");
  return (
    <FormGroup label={t("iamExpires")} fieldId="iam-key-expires">
      <DatePicker value={value} placeholder="YYYY-MM-DD" aria-label={t("iamExpires")}
        // The picker's own parsing and messages are replaced by the field's: one rule, said once, below.
        dateParse={(typed) => parseDay(typed) ?? new Date(Number.NaN)}
        invalidFormatText="" validators={[]} onChange={(_e, typed) => onChange(typed)}
        inputProps={{ id: "iam-key-expires", "data-testid": "iam-key-expires", validated: expiry.problem ? "error" : "default" } as object} />
      <FieldHelp testId="iam-key-expires-help" isError={!!expiry.problem} text={text} />
    </FormGroup>
  );
};
