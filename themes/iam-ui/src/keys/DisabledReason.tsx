import { Label, type LabelProps, Tooltip } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import type { DisableReason } from "../api";
import { formatInstant } from "../dates";

const COLORS: Record<DisableReason, LabelProps["color"]> = { user: "grey", rotated: "blue", exposed: "red" };

type Props = { reason: DisableReason | null; at: string | null };

/** Why a disabled key was disabled, and when on hover; nothing for a key disabled without a reason on record. */
export const DisabledReason = ({ reason, at }: Props) => {
  const { t } = useTranslation();
  if (!reason) return null;
  const label = (
    <Label isCompact color={COLORS[reason]} data-testid="iam-key-disabled-reason">{t(`iamDisabledReason_${reason}`)}</Label>
  );
  return at ? <Tooltip content={t("iamDisabledOn", { instant: formatInstant(at) })}>{label}</Tooltip> : label;
};
