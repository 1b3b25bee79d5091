import { FormSelect, FormSelectOption, Text, TextContent, Toolbar, ToolbarContent, ToolbarItem, Tooltip } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import type { AccountRef, UnusedReport } from "../api";
import { Loaded } from "../components/Loaded";
import { useLoaded } from "../components/useLoaded";
import { When } from "../components/When";
import { useIamConsole } from "../console";
import { shortId } from "../activity/activity";
import { DisabledReason } from "../keys/DisabledReason";
import { UnusedSection } from "./UnusedSection";

const CHOICES = [30, 90, 180, 365];
const DEFAULT_DAYS = 90;
const MAX_DAYS = 3650;

/** The days asked for, kept in the address (`?days=`) so that a report can be linked to; 90 unless it says otherwise. */
const useDays = () => {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get("days") ?? DEFAULT_DAYS);
  const days = Number.isInteger(asked) && asked >= 0 && asked <= MAX_DAYS ? asked : DEFAULT_DAYS;
  // Only days: the router may still hold parameters of the sign-in that the adapter has taken out of the address.
  const setDays = (value: number) => setParams({ days: String(value) }, { replace: true });
  return [days, setDays] as const;
};

/**
 * What of the project nobody used lately: its service accounts, keys and federated credentials not used in the days
 * chosen (never used ones count from when they were made), each linking to its account's page.
 */
export const UnusedTab = ({ projectId }: { projectId: string }) => {
  const { t } = useTranslation();
  const { api: iam } = useIamConsole();
  const [days, setDays] = useDays();
  const report = useLoaded(() => iam.unused(projectId, days), [projectId, days]);
  const choices = CHOICES.includes(days) ? CHOICES : [days, ...CHOICES].sort((a, b) => a - b);

  return (
    <>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <FormSelect aria-label={t("iamUnusedDays")} data-testid="iam-unused-days" value={String(days)}
              onChange={(_e, value) => setDays(Number(value))}>
              {choices.map((n) => <FormSelectOption key={n} value={String(n)} label={t("iamUnusedDaysChoice", { count: n })} />)}
            </FormSelect>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <TextContent className="pf-v5-u-px-md pf-v5-u-pb-md">
        <Text>{t("iamUnusedHelp", { count: days })}</Text>
      </TextContent>
      <Loaded state={report}>{(found) => <UnusedSections report={found} />}</Loaded>
    </>
  );
};

const AccountLink = ({ account }: { account: AccountRef }) => {
  const { paths } = useIamConsole();
  return <Link to={paths.account(account.id)}>{account.name}</Link>;
};

const UnusedSections = ({ report }: { report: UnusedReport }) => {
  const { t } = useTranslation();
  const never = t("iamNever");
  return (
    <>
      <UnusedSection ariaLabelKey="iamServiceAccounts" titleKey="iamUnusedServiceAccounts" emptyKey="iamUnusedNoServiceAccounts" testId="iam-unused-accounts"
        rows={report.serviceAccounts} rowKey={(a) => a.id}
        columns={[
          { titleKey: "iamName", render: (a) => <AccountLink account={a} /> },
          { titleKey: "iamDescription", modifier: "truncate", render: (a) => a.description },
          { titleKey: "iamCreatedAt", modifier: "nowrap", render: (a) => <When instant={a.createdAt} never="" dayOnly /> },
          { titleKey: "iamLastUsed", modifier: "nowrap", render: (a) => <When instant={a.lastUsedAt ?? null} never={never} /> },
          { titleKey: "iamEnabled", modifier: "fitContent", render: (a) => t(a.enabled ? "iamYes" : "iamNo") },
        ]} />
      <UnusedSection ariaLabelKey="iamKeys" titleKey="iamUnusedKeys" emptyKey="iamUnusedNoKeys" testId="iam-unused-keys"
        rows={report.keys} rowKey={(k) => k.key.id}
        columns={[
          { titleKey: "iamServiceAccount", render: (k) => <AccountLink account={k.serviceAccount} /> },
          {
            titleKey: "iamKeyId",
            modifier: "nowrap",
            render: (k) => <Tooltip content={k.key.id}><code>{shortId(k.key.id)}</code></Tooltip>,
          },
          { titleKey: "iamAlgorithm", modifier: "fitContent", render: (k) => k.key.algorithm },
          { titleKey: "iamCreatedAt", modifier: "nowrap", render: (k) => <When instant={k.key.createdAt} never="" dayOnly /> },
          { titleKey: "iamLastUsed", modifier: "nowrap", render: (k) => <When instant={k.key.lastUsedAt} never={never} /> },
          {
            titleKey: "iamEnabled",
            modifier: "nowrap",
            render: (k) => (k.key.enabled ? t("iamYes") : (
              <>{t("iamNo")} <DisabledReason reason={k.key.disabledReason} at={k.key.disabledAt} /></>
            )),
          },
        ]} />
      <UnusedSection ariaLabelKey="iamFederatedCredentials" titleKey="iamUnusedFederatedCredentials" emptyKey="iamUnusedNoFederatedCredentials"
        testId="iam-unused-credentials" rows={report.federatedCredentials} rowKey={(c) => c.federatedCredential.id}
        columns={[
          { titleKey: "iamServiceAccount", render: (c) => <AccountLink account={c.serviceAccount} /> },
          { titleKey: "iamName", modifier: "nowrap", render: (c) => c.federatedCredential.name },
          {
            titleKey: "iamIssuer",
            modifier: "truncate",
            render: (c) => <Tooltip content={c.federatedCredential.issuer}><span>{c.federatedCredential.issuer}</span></Tooltip>,
          },
          { titleKey: "iamCreatedAt", modifier: "nowrap", render: (c) => <When instant={c.federatedCredential.createdAt} never="" dayOnly /> },
          { titleKey: "iamLastUsed", modifier: "nowrap", render: (c) => <When instant={c.federatedCredential.lastUsedAt} never={never} /> },
          { titleKey: "iamEnabled", modifier: "fitContent", render: (c) => t(c.federatedCredential.enabled ? "iamYes" : "iamNo") },
        ]} />
    </>
  );
};
