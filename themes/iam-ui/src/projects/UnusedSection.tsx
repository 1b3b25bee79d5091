import { Text, TextContent, TextVariants } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { type Column, RowsTable } from "../components/RowsTable";

type Props<T> = {
  /** What the rows are, for the table's label; the heading says it with the count. */
  ariaLabelKey: string;
  titleKey: string;
  emptyKey: string;
  testId: string;
  rows: T[];
  rowKey: (row: T) => string;
  columns: Column<T>[];
};

/** One part of the unused report: a heading with the count, and its rows or a line saying there are none. */
export function UnusedSection<T>({ ariaLabelKey, titleKey, emptyKey, testId, rows, rowKey, columns }: Props<T>) {
  const { t } = useTranslation();
  return (
    <section className="pf-v5-u-mb-lg" data-testid={testId}>
      <TextContent className="pf-v5-u-px-md">
        <Text component={TextVariants.h3}>{t(titleKey, { count: rows.length })}</Text>
        {rows.length === 0 && <Text component={TextVariants.p}>{t(emptyKey)}</Text>}
      </TextContent>
      {rows.length > 0 && <RowsTable ariaLabelKey={ariaLabelKey} columns={columns} rows={rows} rowKey={rowKey} />}
    </section>
  );
}
