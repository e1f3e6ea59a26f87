import { Divider, Group, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../api/client.ts';
import { formatDate, formatDateTime, formatMoney } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';

/** The order detail both surfaces read (same shape from /api/store and /api/admin). */
export type OrderDetail = ResponseOf<'/api/store/orders/{id}', 'get'>;

/** Ship-to, PO, delivery date, payment and shipping method. */
export function OrderFacts({ o }: { o: OrderDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fact = (label: string, value: string, testId?: string) => (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text data-testid={testId}>{value}</Text>
    </Stack>
  );
  const a = o.shipTo;
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {fact(t('orders.shipTo'), [a.name, a.line1, a.line2, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', '), 'order-ship-to')}
        {fact(t('orders.poNumber'), o.poNumber ?? '—', 'order-po')}
        {fact(t('orders.deliveryDate'), o.requestedDeliveryDate ? formatDate(`${o.requestedDeliveryDate}T00:00:00Z`, locale) : '—')}
        {fact(t('orders.payment'), o.paymentMethod === 'account' ? t('orders.onAccount', { terms: o.paymentTerms ?? '' }) : t('orders.card'), 'order-payment')}
        {fact(t('orders.shippingMethod'), o.shippingMethodName ?? '—')}
        {fact(t('orders.placedBy'), `${o.placedByName ?? '—'} · ${formatDateTime(o.placedAt, locale)}`)}
      </SimpleGrid>
      {o.notes ? (
        <Text mt="sm" size="sm">
          <Text span c="dimmed">
            {t('orders.notes')}:{' '}
          </Text>
          {o.notes}
        </Text>
      ) : null}
      {o.vatId ? (
        <Text mt={4} size="sm" c="dimmed">
          {t('orders.vatId', { vatId: o.vatId })}
        </Text>
      ) : null}
    </Paper>
  );
}

/** Lines with tax and shipped quantities, then the totals. */
export function OrderLines({ o }: { o: OrderDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const total = (label: string, value: string, testId: string, strong = false) => (
    <Group justify="space-between" w={{ base: '100%', sm: 320 }}>
      <Text fw={strong ? 700 : 400}>{label}</Text>
      <Text fw={strong ? 700 : 400} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
  return (
    <Paper withBorder p="md">
      <Table data-testid="order-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orders.sku')}</Table.Th>
            <Table.Th>{t('orders.item')}</Table.Th>
            <Table.Th ta="end">{t('orders.quantity')}</Table.Th>
            <Table.Th ta="end">{t('orders.shipped')}</Table.Th>
            <Table.Th ta="end">{t('orders.unitPrice')}</Table.Th>
            <Table.Th ta="end">{t('orders.taxRate')}</Table.Th>
            <Table.Th ta="end">{t('orders.lineTotal')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {o.lines.map((l) => (
            <Table.Tr key={l.lineNo} data-testid="order-line">
              <Table.Td dir="ltr">{l.sku}</Table.Td>
              <Table.Td>{l.name}</Table.Td>
              <Table.Td ta="end">{l.quantity}</Table.Td>
              <Table.Td ta="end">{l.quantityShipped}</Table.Td>
              <Table.Td ta="end">{formatMoney(l.unitPrice, locale)}</Table.Td>
              <Table.Td ta="end">{`${(l.taxRateBp / 100).toLocaleString(locale)}%`}</Table.Td>
              <Table.Td ta="end">{formatMoney(l.lineTotal, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap={4} mt="md" align="flex-end">
        {total(t('orders.subtotal'), formatMoney(o.subtotal, locale), 'order-subtotal')}
        {total(t('orders.shipping'), formatMoney(o.shippingTotal, locale), 'order-shipping')}
        {total(o.taxExempt ? t('orders.taxExempt') : t('orders.tax'), formatMoney(o.taxTotal, locale), 'order-tax')}
        <Divider w={{ base: '100%', sm: 320 }} />
        {total(t('orders.total'), formatMoney(o.total, locale), 'order-total', true)}
      </Stack>
    </Paper>
  );
}

/** Every change with who and when, oldest first. */
export function OrderTimeline({ o }: { o: OrderDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const what = (e: OrderDetail['events'][number]) =>
    e.type === 'status_changed' && e.toStatus
      ? t('orders.event.status_changed', { status: t(`orders.status.${e.toStatus}`) })
      : e.type === 'placed' && e.toStatus
        ? t('orders.event.placed', { status: t(`orders.status.${e.toStatus}`) })
        : t(`orders.event.${e.type.replace('.', '_')}`, { defaultValue: e.type });
  const who = (e: OrderDetail['events'][number]) => e.actorName ?? t(`orders.actor.${e.actorKind}`);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('orders.timeline')}
      </Title>
      <Timeline active={o.events.length - 1} bulletSize={14} lineWidth={2} data-testid="order-timeline">
        {o.events.map((e) => (
          <Timeline.Item key={e.id} title={what(e)} data-testid="order-event" data-type={e.type}>
            <Text size="sm" c="dimmed">
              {who(e)} · {formatDateTime(e.at, locale)}
            </Text>
            {e.reason ? <Text size="sm">{e.reason}</Text> : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
