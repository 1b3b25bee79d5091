import { FormSelect, FormSelectOption, ToolbarItem } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { ACTIVITY_TYPES, type ActivityType } from "../api";
import { type ActivityFilter, shortId, type UsedCredential, valueOf } from "./activity";

type Props = { filter: ActivityFilter; choices: UsedCredential[]; onChange: (filter: ActivityFilter) => void };

/** Narrows the loaded entries to one kind, and to one key or federated credential. */
export const ActivityFilters = ({ filter, choices, onChange }: Props) => {
  const { t } = useTranslation();
  const label = (used: UsedCredential) =>
    used.kind === "key"
      ? t(used.key ? "iamActivityKeyChoice" : "iamActivityUnknownKeyChoice", { id: shortId(used.id) })
      : t("iamActivityCredentialChoice", { name: used.credential?.name ?? `${shortId(used.id)} (${t("iamActivityUnknown")})` });
  return (
    <>
      <ToolbarItem>
        <FormSelect className="iam-activity-filter" aria-label={t("iamActivityKindFilter")} data-testid="iam-activity-kind-filter" value={filter.kind}
          onChange={(_e, kind) => onChange({ ...filter, kind: kind as ActivityType | "" })}>
          <FormSelectOption value="" label={t("iamActivityAllKinds")} />
          {ACTIVITY_TYPES.map((type) => <FormSelectOption key={type} value={type} label={t(`iamActivityKind_${type}`)} />)}
        </FormSelect>
      </ToolbarItem>
      <ToolbarItem>
        <FormSelect className="iam-activity-filter" aria-label={t("iamActivityCredentialFilter")} data-testid="iam-activity-credential-filter"
          value={filter.credential} onChange={(_e, credential) => onChange({ ...filter, credential })}>
          <FormSelectOption value="" label={t("iamActivityAllCredentials")} />
          {choices.map((used) => <FormSelectOption key={valueOf(used)} value={valueOf(used)} label={label(used)} />)}
        </FormSelect>
      </ToolbarItem>
    </>
  );
};
