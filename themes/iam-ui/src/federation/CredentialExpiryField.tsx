import { DatePicker, FormGroup } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { FieldHelp } from "../components/FieldHelp";
import { type Expiry, formatExact, parseDay } from "../dates";

/** An instant's day in the person's own time zone, as the field shows it (YYYY-MM-DD); empty for none. */
export const dayOf = (instant: string | null) => {
  if (!instant) return "";
  const date = new Date(instant);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
};

type Props = { value: string; expiry: Expiry; onChange: (value: string) => void };

/**
 * The last day a credential works, as the keys' expiry field takes it (typed as YYYY-MM-DD or picked, the whole day
 * in the person's time zone, the exact instant shown); only the words are the credential's.
 */
export const CredentialExpiryField = ({ value, expiry, onChange }: Props) => {
  const { t } = useTranslation();
  const text = expiry.problem
    ? t(expiry.problem)
    : expiry.instant
      ? t("iamExpiresAt", { instant: formatExact(expiry.instant) })
      : t("iamCredentialExpiresNever");
  return (
    <FormGroup label={t("iamExpires")} fieldId="iam-credential-expires">
      <DatePicker value={value} placeholder="YYYY-MM-DD" aria-label={t("iamExpires")}
        dateParse={(typed) => parseDay(typed) ?? new Date(Number.NaN)}
        invalidFormatText="" validators={[]} onChange={(_e, typed) => onChange(typed)}
        inputProps={{ id: "iam-credential-expires", "data-testid": "iam-credential-expires",
          validated: expiry.problem ? "error" : "default" } as object} />
      <FieldHelp testId="iam-credential-expires-help" isError={!!expiry.problem} text={text} />
    </FormGroup>
  );
};
