import { ActionsColumn, type IAction, Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type Column<T> = {
  titleKey: string;
  render: (row: T) => ReactNode;
  /** How the cell gives way when the table is narrow (PatternFly's column modifiers). */
  modifier?: "truncate" | "nowrap" | "fitContent" | "wrap";
};

type Props<T> = {
  ariaLabelKey: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** A row's menu; rows without any show none. */
  actions?: (row: T) => IAction[];
  testId?: string;
};

/** Rows already at hand in the section's compact table, one column per field, with an optional menu per row. */
export function RowsTable<T>({ ariaLabelKey, columns, rows, rowKey, actions, testId }: Props<T>) {
  const { t } = useTranslation();
  const rowActions = (row: T) => actions?.(row) ?? [];
  return (
    <Table aria-label={t(ariaLabelKey)} variant="compact" data-testid={testId}>
      <Thead>
        <Tr>
          {columns.map((c) => <Th key={c.titleKey} modifier={c.modifier}>{t(c.titleKey)}</Th>)}
          {actions && <Th screenReaderText={t("iamActions")} />}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={rowKey(row)}>
            {columns.map((c) => (
              <Td key={c.titleKey} dataLabel={t(c.titleKey)} modifier={c.modifier}>{c.render(row)}</Td>
            ))}
            {actions && (
              <Td isActionCell>{rowActions(row).length > 0 && <ActionsColumn items={rowActions(row)} />}</Td>
            )}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
