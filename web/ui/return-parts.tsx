import { Card, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Money } from './format.ts';
import { ItemCell } from './item-cell.tsx';
import { ListTable, type ListColumn } from './list-table.tsx';
import { useFormat } from './use-format.ts';

export interface ReturnLine {
  lineNo: number;
  name: string;
  sku: string;
  reason: string;
  quantity: number;
  quantityReceived: number | null;
  amount: Money;
}

/** What is being sent back and why, and how many arrived once the seller has counted them. */
export function ReturnLinesTable({ lines, inlineSku = false, testId }: { lines: ReturnLine[]; inlineSku?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const columns: ListColumn<ReturnLine>[] = [
    { key: 'item', header: t('returns.item'), cell: (l) => <ItemCell name={l.name} sku={l.sku} inline={inlineSku} /> },
    { key: 'reason', header: t('returns.reason'), cell: (l) => t(`returns.reasons.${l.reason}`) },
    { key: 'qty', header: t('returns.quantity'), cell: (l) => l.quantity },
    { key: 'received', header: t('returns.received'), cell: (l) => l.quantityReceived ?? '—' },
    { key: 'amount', header: t('returns.amount'), end: true, cell: (l) => fmt.money(l.amount) },
  ];
  return <ListTable testId={testId} variant="lines" rows={lines} rowKey="lineNo" columns={columns} />;
}

export interface ReturnEvent {
  type: string;
  toStatus: string | null;
  at: string;
  actorName?: string | null;
  actorKind?: string;
}

/** A return's steps, newest last; staff also see who took each step. */
export function ReturnHistory({ events, showActor = false }: { events: ReturnEvent[]; showActor?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('returns.history')}
      </Title>
      <Timeline active={events.length - 1} bulletSize={14}>
        {events.map((e, i) => (
          <Timeline.Item key={i} title={e.toStatus ? t(`returns.event.${e.toStatus}`) : e.type}>
            <Text size="xs" c="dimmed">
              {fmt.dateTime(e.at)}
              {showActor ? ` · ${e.actorName ?? e.actorKind}` : null}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
