import { Label, type LabelProps, Tooltip } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import type { ActivityEntry, ActivityType } from "../api";
import { shortId, type UsedCredential } from "./activity";

const COLORS: Record<ActivityType, LabelProps["color"]> = { token: "green", token_refused: "red", api: "blue" };

/** Token, Refused or API call. */
export const ActivityKind = ({ type }: { type: ActivityType }) => {
  const { t } = useTranslation();
  return <Label isCompact color={COLORS[type]} data-testid="iam-activity-kind">{t(`iamActivity_${type}`)}</Label>;
};

/**
 * A key by the start of its id, a federated credential by its name; the whole id on hover. One the account no longer
 * has (deleted, or a key id a caller made up) says so.
 */
export const CredentialName = ({ used }: { used?: UsedCredential }) => {
  const { t } = useTranslation();
  if (!used) return null;
  const known = used.kind === "key" ? used.key !== undefined : used.credential !== undefined;
  const name = used.kind === "credential" && used.credential ? used.credential.name : <code>{shortId(used.id)}</code>;
  return (
    <Tooltip content={t(used.kind === "key" ? "iamActivityKeyId" : "iamActivityCredentialId", { id: used.id })}>
      <span data-testid="iam-activity-credential">
        {used.kind === "key" ? t("iamActivityKey") : t("iamActivityFederatedCredential")} {name}
        {!known && <> ({t("iamActivityUnknown")})</>}
      </span>
    </Tooltip>
  );
};

/** Why a token was refused; which admin API call was made, on what (and its error, if any). */
export const ActivityDetails = ({ entry }: { entry: ActivityEntry }) => {
  if (entry.type === "api") {
    return (
      <span data-testid="iam-activity-details">
        <code>{entry.operation}</code> {entry.resourcePath}{entry.reason && <> · {entry.reason}</>}
      </span>
    );
  }
  return entry.reason ? <span data-testid="iam-activity-details">{entry.reason}</span> : null;
};
