import { Button, InputGroup, InputGroupItem, InputGroupText, TextInput } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FieldHelp } from "../components/FieldHelp";
import { describe } from "../components/useNotify";
import { LIFETIME, lifetimeProblem } from "../validation";

type Props = { value: number; mayChange: boolean; onSave: (seconds: number) => Promise<void> };

/**
 * The longest lifetime the account's signed assertions may have (1–600 s). Checked as typed; nothing out of range
 * is sent, and a refusal of the server is shown here too.
 */
export const AssertionLifetimeField = ({ value, mayChange, onSave }: Props) => {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(String(value));
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const problem = lifetimeProblem(typed);
  const changed = typed.trim() !== String(value);

  if (!mayChange) return <span data-testid="iam-assertion-lifetime">{t("iamSeconds", { count: value })}</span>;

  const save = async () => {
    setSaving(true);
    setRefusal(undefined);
    try {
      await onSave(Number(typed.trim()));
    } catch (error) {
      setRefusal(describe(error, t));
    } finally {
      setSaving(false);
    }
  };

  const error = (changed && problem ? t(problem, LIFETIME) : undefined) ?? refusal;
  return (
    <form onSubmit={(event) => { event.preventDefault(); if (!problem && changed) void save(); }}>
      <InputGroup className="iam-lifetime">
        <InputGroupItem>
          <TextInput id="iam-assertion-lifetime" data-testid="iam-assertion-lifetime" aria-label={t("iamAssertionLifetime")}
            inputMode="numeric" value={typed} validated={error ? "error" : "default"}
            onChange={(_e, v) => { setTyped(v); setRefusal(undefined); }} />
        </InputGroupItem>
        <InputGroupItem isPlain><InputGroupText isPlain>{t("iamSecondsUnit")}</InputGroupText></InputGroupItem>
        <InputGroupItem>
          <Button type="submit" variant="secondary" data-testid="iam-assertion-lifetime-save"
            isDisabled={!changed || !!problem || saving} isLoading={saving}>
            {t("iamSave")}
          </Button>
        </InputGroupItem>
      </InputGroup>
      <FieldHelp testId="iam-assertion-lifetime-help" isError={!!error} text={error ?? t("iamAssertionLifetimeHelp", LIFETIME)} />
    </form>
  );
};
