import type { ReactNode } from 'react';
import { Table } from '@mantine/core';

export interface ListColumn<T> {
  key: string;
  header?: ReactNode;
  cell: (row: T) => ReactNode;
  /** Money and quantities line up at the end (the right in English, the left in Urdu). */
  end?: boolean;
  width?: number;
  bold?: boolean;
  /** Numbers and codes (order, PO) stay left-to-right inside right-to-left text. */
  ltr?: boolean;
}

type DataAttrs = { [k: `data-${string}`]: string | undefined };

/**
 * `list`: rows lead somewhere, so hovering highlights them; `ledger`: stripes only, to follow a
 * row across many amounts; `lines`: a document's lines, plain as on the printed document.
 */
export type ListTableVariant = 'list' | 'ledger' | 'lines';

export interface ListTableProps<T> {
  columns: ListColumn<T>[];
  rows: T[];
  /** The field that identifies a row, or how to make one up when no single field does. */
  rowKey: (keyof T & string) | ((row: T) => string);
  /** Each row's test id (browser tests find rows by it). */
  rowTestId?: string;
  /** Further data attributes for each row. */
  rowAttrs?: (row: T) => DataAttrs;
  testId?: string;
  variant?: ListTableVariant;
  /** A row spanning the table when there are no rows, for tables that keep their header when empty. */
  emptyRow?: ReactNode;
}

/**
 * A plain read-only table described by its columns: lists, ledgers and document lines. Rows are
 * reached through the links in their cells; DataTable (roving focus, Enter opens a row) is for
 * pages that want row-level keyboard navigation, and would change how these pages look and behave.
 */
export function ListTable<T>({ columns, rows, rowKey, rowTestId, rowAttrs, testId, variant = 'list', emptyRow }: ListTableProps<T>) {
  const keyOf = (row: T) => (typeof rowKey === 'function' ? rowKey(row) : String(row[rowKey]));
  return (
    <Table striped={variant !== 'lines'} highlightOnHover={variant === 'list'} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.key} w={c.width} ta={c.end ? 'end' : undefined}>
              {c.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && emptyRow ? (
          <Table.Tr>
            <Table.Td colSpan={columns.length}>{emptyRow}</Table.Td>
          </Table.Tr>
        ) : null}
        {rows.map((row) => (
          <Table.Tr key={keyOf(row)} data-testid={rowTestId} {...rowAttrs?.(row)}>
            {columns.map((c) => (
              <Table.Td key={c.key} ta={c.end ? 'end' : undefined} fw={c.bold ? 600 : undefined} dir={c.ltr ? 'ltr' : undefined}>
                {c.cell(row)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
