import {
  Alert,
  Bullseye,
  EmptyState,
  EmptyStateBody,
  EmptyStateHeader,
  Pagination,
  SearchInput,
  Spinner,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import type { IAction } from "@patternfly/react-table";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { IamError } from "../api";
import { type Column, RowsTable } from "./RowsTable";
import { describe } from "./useNotify";

type Props<T> = {
  ariaLabelKey: string;
  columns: Column<T>[];
  /** Reads one page; with `paginated`, called with first, max and search as the API takes them. */
  load: (first: number, max: number, search: string) => Promise<T[]>;
  paginated?: boolean;
  searchPlaceholderKey?: string;
  toolbar?: ReactNode;
  /** A row's menu; rows without any show none. */
  actions?: (row: T) => IAction[];
  empty: { titleKey: string; bodyKey: string; action?: ReactNode };
  rowKey: (row: T) => string;
};

/** A list of the section: search and pages read from the server, one page at a time (it asks for one row more). */
export function IamTable<T>({ ariaLabelKey, columns, load, paginated, searchPlaceholderKey, toolbar, actions, empty, rowKey }: Props<T>) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<T[]>();
  const [first, setFirst] = useState(0);
  const [max, setMax] = useState(10);
  const [search, setSearch] = useState("");
  const [typed, setTyped] = useState("");
  const [failure, setFailure] = useState<unknown>();

  useEffect(() => {
    let current = true;
    setRows(undefined);
    load(first, paginated ? max + 1 : 1000, search)
      .then((loaded) => current && setRows(loaded))
      .catch((error) => current && setFailure(error ?? "error"));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [first, max, search]);

  const more = paginated && rows !== undefined && rows.length > max;
  const shown = rows?.slice(0, paginated ? max : undefined);
  const nothingYet = shown?.length === 0 && !search && first === 0 && empty.action !== undefined;

  return (
    <>
      {/* An empty list offers its action in the empty state only, as Keycloak's lists do. */}
      {!nothingYet && (
      <Toolbar>
        <ToolbarContent>
          {searchPlaceholderKey && (
            <ToolbarItem>
              <SearchInput
                placeholder={t(searchPlaceholderKey)}
                aria-label={t(searchPlaceholderKey)}
                value={typed}
                onChange={(_e, value) => setTyped(value)}
                onSearch={() => { setFirst(0); setSearch(typed); }}
                onClear={() => { setTyped(""); setFirst(0); setSearch(""); }}
              />
            </ToolbarItem>
          )}
          {toolbar}
          {paginated && (
            <ToolbarItem variant="pagination" align={{ default: "alignRight" }}>
              <Pagination
                isCompact
                itemCount={first + (shown?.length ?? 0) + (more ? 1 : 0)}
                page={first / max + 1}
                perPage={max}
                toggleTemplate={({ firstIndex, lastIndex }) => <b>{firstIndex} - {lastIndex}</b>}
                onSetPage={(_e, page) => setFirst((page - 1) * max)}
                onPerPageSelect={(_e, perPage) => { setFirst(0); setMax(perPage); }}
                perPageOptions={[10, 20, 50, 100].map((value) => ({ title: String(value), value }))}
              />
            </ToolbarItem>
          )}
        </ToolbarContent>
      </Toolbar>
      )}
      {failure instanceof IamError && failure.status === 403 ? (
        // A list the person's role does not show (an environment's members to a project.user): no error of theirs,
        // said as an information with the server's words.
        <Alert variant="info" isInline title={t("iamLoadForbidden")} className="pf-v5-u-m-md" data-testid="iam-load-forbidden">
          {describe(failure, t)}
        </Alert>
      ) : failure !== undefined ? (
        <Alert variant="danger" isInline title={t("iamLoadFailed")} className="pf-v5-u-m-md">{describe(failure, t)}</Alert>
      ) : shown === undefined ? (
        <Bullseye className="pf-v5-u-p-xl"><Spinner aria-label={t("iamLoading")} /></Bullseye>
      ) : shown.length === 0 ? (
        <EmptyState>
          <EmptyStateHeader titleText={t(search ? "iamNoSearchResults" : empty.titleKey)} headingLevel="h2" />
          <EmptyStateBody>{search ? t("iamNoSearchResultsInstructions") : t(empty.bodyKey)}</EmptyStateBody>
          {!search && empty.action}
        </EmptyState>
      ) : (
        <RowsTable ariaLabelKey={ariaLabelKey} columns={columns} rows={shown} rowKey={rowKey} actions={actions} />
      )}
    </>
  );
}
