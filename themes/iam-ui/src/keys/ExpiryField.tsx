import { DatePicker, FormGroup } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { type Expiry, formatExact, parseDay } from "../dates";
import { FieldHelp } from "../components/FieldHelp";

type Props = {
  value: string;
  expiry: Expiry;
  onChange: (value: string) => void;
  /** The field's id and test id; the keys' by default. */
  id?: string;
  /** The message key of the help shown without a day. */
  neverKey?: string;
};

/** An instant's day in the person's own time zone, as the field shows it (YYYY-MM-DD); empty for none. */
export const dayOf = (instant: string | null) => {
  if (!instant) return "";
  const date = new Date(instant);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
};

/**
 * The day a key (or a federated credential) stops working, typed as YYYY-MM-DD or picked. It works all that day, in the person's own time zone:
 * the exact instant is shown, so nobody has to guess what "expires on" means.
 */
export const ExpiryField = ({ value, expiry, onChange, id = "iam-key-expires", neverKey = "iamExpiresNever" }: Props) => {
  const { t } = useTranslation();
  const text = expiry.problem
    ? t(expiry.problem)
    : expiry.instant
      ? t("iamExpiresAt", { instant: formatExact(expiry.instant) })
      : t(neverKey);
  return (
    <FormGroup label={t("iamExpires")} fieldId={id}>
      <DatePicker value={value} placeholder="YYYY-MM-DD" aria-label={t("iamExpires")}
        // The picker's own parsing and messages are replaced by the field's: one rule, said once, below.
        dateParse={(typed) => parseDay(typed) ?? new Date(Number.NaN)}
        invalidFormatText="" validators={[]} onChange={(_e, typed) => onChange(typed)}
        inputProps={{ id, "data-testid": id, validated: expiry.problem ? "error" : "default" } as object} />
      <FieldHelp testId={`${id}-help`} isError={!!expiry.problem} text={text} />
    </FormGroup>
  );
};
