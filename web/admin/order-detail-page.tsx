import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Anchor, Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { OrderFacts, OrderLines, OrderTimeline, type OrderDetail } from '../storefront/order-parts.tsx';
import { OrderStatusBadge } from '../storefront/order-status.tsx';
import { ShipmentPanel } from './shipment-panel.tsx';
import { useCan } from './session.ts';

type Action = OrderDetail['actions'][number];

/** One order for staff: facts, lines, timeline, the transitions their role allows (with a reason), shipments. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const canWrite = useCan('orders:write');
  const [pending, setPending] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: ['admin', 'order', id], queryFn: () => unwrap(api.GET('/api/admin/orders/{id}', { params: { path: { id } } })) });
  const move = useMutation({
    mutationFn: (a: Action) => {
      const body = reason.trim() ? { reason: reason.trim() } : {};
      return a.action === 'release'
        ? unwrap(api.POST('/api/admin/orders/{id}/release', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/admin/orders/{id}/transitions', { params: { path: { id } }, body: { to: a.to, ...body } }));
    },
    onSuccess: (o) => {
      qc.setQueryData(['admin', 'order', id], o);
      void qc.invalidateQueries({ queryKey: ['admin', 'orders'] });
      void qc.invalidateQueries({ queryKey: ['admin', 'credit-holds'] });
      setPending(null);
      setReason('');
    },
  });
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const o = q.data;
  // Shipping has its own panel; release appears once even when the lifecycle offers two targets.
  const actions = o.actions.filter((a, i, all) => !['ship', 'ship_partially', 'deliver'].includes(a.action) && all.findIndex((b) => b.action === a.action) === i);
  return (
    <Stack gap="lg" data-testid="admin-order" data-order={o.id}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Title order={1} size="h2" dir="ltr">
            {o.number}
          </Title>
          <OrderStatusBadge status={o.status} size="lg" />
          <Anchor component={Link} to={`/admin/companies/${o.companyId}`}>
            {o.companyName}
          </Anchor>
        </Group>
        <Group gap="xs">
          {actions.map((a) => (
            <Button key={a.action} variant={a.action === 'cancel' ? 'light' : 'filled'} color={a.action === 'cancel' ? 'red' : a.action === 'hold' ? 'orange' : undefined} onClick={() => setPending(a)} data-testid={`order-action-${a.action}`}>
              {t(`orders.action.${a.action}`)}
            </Button>
          ))}
        </Group>
      </Group>
      <OrderFacts o={o} />
      <OrderLines o={o} />
      <ShipmentPanel orderId={o.id} canWrite={canWrite} />
      <OrderTimeline o={o} />
      <Modal opened={pending !== null} onClose={() => setPending(null)} title={pending ? t(`orders.action.${pending.action}`) : ''}>
        <Stack>
          {pending ? <Text size="sm">{t('orders.admin.confirmMove', { number: o.number, status: t(`orders.status.${pending.action === 'release' ? 'placed' : pending.to}`) })}</Text> : null}
          <Textarea label={t('orders.reason')} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          {move.error ? <ErrorAlert error={move.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              {t('orders.admin.back')}
            </Button>
            <Button loading={move.isPending} onClick={() => pending && move.mutate(pending)} data-testid="order-action-confirm">
              {t('orders.admin.apply')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
