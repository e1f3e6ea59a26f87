import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Paper, ScrollArea, Table, Text } from '@mantine/core';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** Numbers and money read better aligned to the end. */
  align?: 'start' | 'end' | 'center';
  width?: number | string;
}

export interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Enter or click on a row. */
  onActivate?: (row: T) => void;
  empty?: ReactNode;
  caption?: string;
  testId?: string;
}

/**
 * A table the keyboard can drive: Tab lands on the active row, ↑/↓ (and j/k) move, Home/End jump,
 * Enter opens. Rows use a roving tabindex, so only one row is in the tab order at a time.
 */
export function DataTable<T>({ columns, rows, rowKey, onActivate, empty, caption, testId }: DataTableProps<T>) {
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const current = Math.min(active, Math.max(rows.length - 1, 0));

  const focusRow = (i: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, i));
    setActive(next);
    body.current?.querySelectorAll<HTMLTableRowElement>('tr[data-row]')[next]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, i: number, row: T) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        e.preventDefault();
        focusRow(i + 1);
        break;
      case 'ArrowUp':
      case 'k':
        e.preventDefault();
        focusRow(i - 1);
        break;
      case 'Home':
        e.preventDefault();
        focusRow(0);
        break;
      case 'End':
        e.preventDefault();
        focusRow(rows.length - 1);
        break;
      case 'Enter':
        if (onActivate) {
          e.preventDefault();
          onActivate(row);
        }
        break;
      default:
    }
  };

  if (rows.length === 0 && empty) return <>{empty}</>;
  const textAlign = (a?: 'start' | 'end' | 'center') => a ?? 'start';

  return (
    <Paper withBorder data-testid={testId}>
      <ScrollArea>
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" striped={false} stickyHeader>
          {caption ? <Table.Caption>{caption}</Table.Caption> : null}
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} style={{ textAlign: textAlign(c.align), width: c.width }}>
                  <Text size="xs" fw={600} tt="uppercase" c="dimmed">
                    {c.header}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={body}>
            {rows.map((row, i) => (
              <Table.Tr
                key={rowKey(row)}
                data-row
                tabIndex={i === current ? 0 : -1}
                aria-selected={i === current}
                className={onActivate ? 'precis-clickable' : undefined}
                onFocus={() => setActive(i)}
                onClick={() => {
                  setActive(i);
                  onActivate?.(row);
                }}
                onKeyDown={(e) => onKeyDown(e, i, row)}
              >
                {columns.map((c) => (
                  <Table.Td key={c.key} style={{ textAlign: textAlign(c.align) }}>
                    {c.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
