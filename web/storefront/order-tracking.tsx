import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconPackage, IconTruckDelivery } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { useOrderLive, type LiveState } from './order-tracking-live.ts';

type Tracking = ResponseOf<'/api/store/orders/{id}/shipments', 'get'>;
type Shipment = Tracking['shipments'][number];

const STATUS_COLOR: Record<string, string> = { shipped: 'blue', in_transit: 'indigo', out_for_delivery: 'grape', delivered: 'teal', exception: 'orange' };

function LiveBadge({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  const color = state === 'live' ? 'teal' : state === 'connecting' ? 'gray' : 'orange';
  return (
    <Tooltip label={t(`shipments.live.${state}Hint`)}>
      <Badge variant="dot" color={color} data-testid="tracking-live" data-state={state}>
        {t(`shipments.live.${state}`)}
      </Badge>
    </Tooltip>
  );
}

function ShipmentCard({ s }: { s: Shipment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Newest first: the buyer wants to know where the parcel is now.
  const events = [...s.events].reverse();
  return (
    <Paper withBorder p="md" data-testid="shipment" data-shipment={s.number} data-status={s.status}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <IconPackage size={18} aria-hidden />
            <Text fw={600}>{t('shipments.shipmentNo', { number: s.number })}</Text>
            <Badge color={STATUS_COLOR[s.status] ?? 'gray'} variant="light" data-testid="shipment-status">
              {t(`shipments.status.${s.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {s.deliveredAt ? t('shipments.deliveredAt', { when: formatDateTime(s.deliveredAt, locale) }) : t('shipments.shippedAt', { when: formatDateTime(s.shippedAt, locale) })}
          </Text>
        </Group>
        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            <Text span c="dimmed">
              {t('shipments.carrier')}:{' '}
            </Text>
            <span data-testid="shipment-carrier">{s.carrier}</span>
          </Text>
          {s.trackingNumber ? (
            <Text size="sm">
              <Text span c="dimmed">
                {t('shipments.trackingNumber')}:{' '}
              </Text>
              {s.trackingUrl ? (
                <Anchor href={s.trackingUrl} target="_blank" rel="noopener noreferrer" data-testid="shipment-tracking-link" dir="ltr">
                  {s.trackingNumber}
                </Anchor>
              ) : (
                <span data-testid="shipment-tracking-number" dir="ltr">
                  {s.trackingNumber}
                </span>
              )}
            </Text>
          ) : null}
        </Group>
        <Stack gap={2}>
          {s.lines.map((l) => (
            <Text size="sm" key={l.orderLineNo} data-testid="shipment-line">
              {t('shipments.lineQty', { qty: formatNumber(l.quantity, locale), name: l.name })}{' '}
              <Text span size="xs" c="dimmed" dir="ltr">
                {l.sku}
              </Text>
            </Text>
          ))}
        </Stack>
        {events.length ? (
          <Timeline active={0} bulletSize={20} lineWidth={2} data-testid="shipment-timeline">
            {events.map((e) => (
              <Timeline.Item
                key={e.id}
                bullet={e.status === 'delivered' ? <IconCircleCheck size={12} /> : <IconTruckDelivery size={12} />}
                title={t(`shipments.event.${e.status}`)}
                data-testid="tracking-event"
                data-status={e.status}
              >
                {e.description ? <Text size="sm">{e.description}</Text> : null}
                <Text size="xs" c="dimmed">
                  {[e.location, formatDateTime(e.occurredAt, locale)].filter(Boolean).join(' · ')}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        ) : (
          <Text size="sm" c="dimmed">
            {t('shipments.noEvents')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The buyer's view of an order's delivery: each shipment with its carrier and tracking number (a
 * link when the carrier has a tracking page), what it carries, and its tracking timeline — kept
 * current live while the page is open.
 */
export function OrderTracking({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const live = useOrderLive(orderId);
  const q = useQuery({ queryKey: ['store', 'order-shipments', orderId], queryFn: () => unwrap(api.GET('/api/store/orders/{id}/shipments', { params: { path: { id: orderId } } })) });
  const remaining = q.data?.lines.reduce((n, l) => n + l.remaining, 0) ?? 0;
  const ordered = q.data?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0;
  return (
    <Stack gap="sm" data-testid="order-tracking">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('shipments.title')}
        </Title>
        <LiveBadge state={live} />
      </Group>
      <ErrorAlert error={q.error} />
      {q.isPending ? <Skeleton h={120} /> : null}
      {q.data ? (
        <>
          <Text size="sm" c="dimmed" data-testid="tracking-summary">
            {remaining === 0 ? t('shipments.allShipped') : t('shipments.remaining', { remaining: formatNumber(remaining, locale), ordered: formatNumber(ordered, locale) })}
          </Text>
          {q.data.shipments.length ? (
            [...q.data.shipments].reverse().map((s) => <ShipmentCard key={s.id} s={s} />)
          ) : (
            <EmptyState icon={<IconTruckDelivery size={28} />} title={t('shipments.none')} description={t('shipments.noneHint')} />
          )}
        </>
      ) : null}
    </Stack>
  );
}
