import {
  Alert,
  Bullseye,
  Button,
  EmptyState,
  EmptyStateBody,
  EmptyStateHeader,
  Spinner,
  Toolbar,
  ToolbarContent,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityEntry } from "../api";
import { RowsTable } from "../components/RowsTable";
import { describe } from "../components/useNotify";
import { When } from "../components/When";
import { type ActivityFilter, credentialChoices, matches, NO_FILTER, usedCredential } from "./activity";
import { ActivityDetails, ActivityKind, CredentialName } from "./ActivityCells";
import { ActivityFilters } from "./ActivityFilters";
import { EventsNotStored } from "./EventsNotStored";
import { useAccountCredentials } from "./useAccountCredentials";
import { useActivity } from "./useActivity";

type Row = ActivityEntry & { n: number };

/**
 * What a service account did, newest first, from the realm's stored events: tokens it got (with which key or
 * federated credential), tokens it was refused (and why), admin API calls it made. The filters narrow the entries
 * loaded so far; Load more reads the next hundred.
 */
export const ActivityTab = ({ accountId }: { accountId: string }) => {
  const { t } = useTranslation();
  const { entries, eventsStored, more, loading, failure, loadMore } = useActivity(accountId);
  const known = useAccountCredentials(accountId);
  const [filter, setFilter] = useState<ActivityFilter>(NO_FILTER);

  const failed = failure !== undefined && (
    <Alert variant="danger" isInline title={t("iamLoadFailed")} className="pf-v5-u-m-md">{describe(failure, t)}</Alert>
  );
  // The table waits for the account's keys and credentials too, not to call them gone while they are being read.
  if (entries === undefined || known === undefined) return failed || <Bullseye className="pf-v5-u-p-xl"><Spinner aria-label={t("iamLoading")} /></Bullseye>;
  if (!eventsStored) return <EventsNotStored />;
  if (entries.length === 0) {
    return (
      <EmptyState>
        <EmptyStateHeader titleText={t("iamNoActivity")} headingLevel="h2" />
        <EmptyStateBody>{t("iamNoActivityInstructions")}</EmptyStateBody>
      </EmptyState>
    );
  }

  // Entries have no id of their own: their place in the list tells rows apart.
  const shown = entries.map((entry, n): Row => ({ ...entry, n })).filter((entry) => matches(entry, filter));
  return (
    <>
      <Toolbar>
        <ToolbarContent>
          <ActivityFilters filter={filter} choices={credentialChoices(known, entries)} onChange={setFilter} />
        </ToolbarContent>
      </Toolbar>
      {shown.length === 0 ? (
        <EmptyState variant="xs">
          <EmptyStateHeader titleText={t("iamNoActivityMatches")} headingLevel="h2" />
          <EmptyStateBody>{t(more ? "iamNoActivityMatchesLoadMore" : "iamNoActivityMatchesInstructions")}</EmptyStateBody>
        </EmptyState>
      ) : (
        <RowsTable<Row>
          ariaLabelKey="iamActivity"
          testId="iam-activity"
          rows={shown}
          rowKey={(entry) => String(entry.n)}
          columns={[
            { titleKey: "iamActivityTime", modifier: "nowrap", render: (e) => <When instant={e.time} never="" /> },
            { titleKey: "iamActivityKindColumn", modifier: "fitContent", render: (e) => <ActivityKind type={e.type} /> },
            {
              titleKey: "iamActivityCredentialColumn",
              modifier: "nowrap",
              render: (e) => <CredentialName used={usedCredential(e, known)} />,
            },
            { titleKey: "iamActivityDetails", modifier: "wrap", render: (e) => <ActivityDetails entry={e} /> },
            { titleKey: "iamActivityIpAddress", modifier: "nowrap", render: (e) => e.ipAddress },
          ]}
        />
      )}
      {failed}
      {more && (
        <Bullseye className="pf-v5-u-p-md">
          <Button variant="secondary" data-testid="iam-activity-more" isLoading={loading} isDisabled={loading}
            onClick={loadMore}>
            {t("iamLoadMore")}
          </Button>
        </Bullseye>
      )}
    </>
  );
};
