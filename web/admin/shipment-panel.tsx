import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconTruckDelivery } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { useMarkDelivered, useOrderShipments, type AdminShipment } from './shipment-api.ts';
import { ShipmentCreateDialog } from './shipment-create-dialog.tsx';
import { ShipmentTrackingDialog } from './shipment-tracking-dialog.tsx';

const SHIPPABLE = new Set(['placed', 'confirmed', 'partially_shipped']);

/**
 * The shipments section of the admin order page: what remains to ship, each shipment with its
 * tracking timeline, and the actions — ship lines, add a tracking event, mark delivered.
 */
export function ShipmentPanel({ orderId, canWrite = true }: { orderId: string; canWrite?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const q = useOrderShipments(orderId);
  const deliver = useMarkDelivered(orderId);
  const [creating, setCreating] = useState(false);
  const [tracking, setTracking] = useState<AdminShipment | null>(null);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Skeleton h={160} />;
  const d = q.data;
  const remaining = d.lines.reduce((n, l) => n + l.remaining, 0);
  const mayShip = canWrite && remaining > 0 && SHIPPABLE.has(d.orderStatus);
  return (
    <Stack gap="sm" data-testid="admin-shipments">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('shipments.title')}
        </Title>
        {mayShip ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="shipment-create">
            {t('shipments.admin.create')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {remaining === 0 ? t('shipments.allShipped') : t('shipments.remaining', { remaining: formatNumber(remaining, locale), ordered: formatNumber(d.lines.reduce((n, l) => n + l.quantity, 0), locale) })}
      </Text>
      <ErrorAlert error={deliver.error} />
      {d.shipments.length ? (
        d.shipments.map((s) => (
          <Paper withBorder p="md" key={s.id} data-testid="admin-shipment" data-shipment={s.number} data-status={s.status}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap">
                <Group gap="xs">
                  <Text fw={600}>{s.number}</Text>
                  <Badge variant="light">{t(`shipments.status.${s.status}`)}</Badge>
                  <Text size="sm" c="dimmed">
                    {s.carrier}
                    {s.trackingNumber ? ' · ' : ''}
                    {s.trackingUrl && s.trackingNumber ? (
                      <Anchor href={s.trackingUrl} target="_blank" rel="noopener noreferrer" dir="ltr">
                        {s.trackingNumber}
                      </Anchor>
                    ) : (
                      <span dir="ltr">{s.trackingNumber}</span>
                    )}
                    {s.warehouse ? ` · ${s.warehouse.code}` : ''}
                  </Text>
                </Group>
                {canWrite && s.status !== 'delivered' ? (
                  <Group gap="xs">
                    <Button size="xs" variant="default" onClick={() => setTracking(s)} data-testid="shipment-add-event">
                      {t('shipments.admin.addEvent')}
                    </Button>
                    <Button size="xs" variant="light" color="teal" loading={deliver.isPending && deliver.variables === s.id} onClick={() => deliver.mutate(s.id)} data-testid="shipment-deliver">
                      {t('shipments.admin.markDelivered')}
                    </Button>
                  </Group>
                ) : null}
              </Group>
              <Text size="sm">{s.lines.map((l) => `${formatNumber(l.quantity, locale)} × ${l.sku}`).join(', ')}</Text>
              {s.events.length ? (
                <Table fz="sm" withRowBorders={false}>
                  <Table.Tbody>
                    {[...s.events].reverse().map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td w={180}>{formatDateTime(e.occurredAt, locale)}</Table.Td>
                        <Table.Td>{t(`shipments.event.${e.status}`)}</Table.Td>
                        <Table.Td>{[e.location, e.description].filter(Boolean).join(' · ')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : null}
            </Stack>
          </Paper>
        ))
      ) : (
        <EmptyState icon={<IconTruckDelivery size={28} />} title={t('shipments.none')} />
      )}
      <ShipmentCreateDialog data={d} opened={creating} onClose={() => setCreating(false)} />
      <ShipmentTrackingDialog orderId={orderId} shipment={tracking} onClose={() => setTracking(null)} />
    </Stack>
  );
}
