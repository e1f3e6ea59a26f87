import { useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { OrderFacts, OrderLines, OrderTimeline } from './order-parts.tsx';
import { OrderStatusBadge } from './order-status.tsx';
import { useStoreSession } from './session.ts';
import { ReturnRequestPanel } from './return-request-panel.tsx';
import { OrderTracking } from './order-tracking.tsx';
import { OrderInvoices } from './order-invoices.tsx';

/**
 * One order as the buyer follows it: status, ship-to and payment, lines and totals, the timeline,
 * and cancel while the seller has not started shipping. Shipments, invoices and returns add their
 * panels below (one line each).
 */
export function OrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const session = useStoreSession();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const q = useQuery({
    queryKey: ['store', 'order', id],
    enabled: Boolean(session.data),
    queryFn: () => unwrap(api.GET('/api/store/orders/{id}', { params: { path: { id } } })),
  });
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/api/store/orders/{id}/cancel', { params: { path: { id } }, body: reason.trim() ? { reason: reason.trim() } : {} })),
    onSuccess: (o) => {
      qc.setQueryData(['store', 'order', id], o);
      void qc.invalidateQueries({ queryKey: ['store', 'orders'] });
      setConfirming(false);
    },
  });
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(`/account/orders/${id}`)}`} replace />;
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const o = q.data;
  const mayCancel = o.actions.some((a) => a.to === 'cancelled');
  return (
    <Stack gap="lg" data-testid="order-page" data-order={o.id}>
      {params.get('placed') ? (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="order-placed">
          {o.status === 'on_hold' ? t('orders.placedOnHold', { number: o.number }) : t('orders.placedThanks', { number: o.number })}
        </Alert>
      ) : null}
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Title order={1} size="h2" data-testid="order-number" dir="ltr">
            {o.number}
          </Title>
          <OrderStatusBadge status={o.status} size="lg" />
        </Group>
        <Group gap="sm">
          <Anchor component={Link} to="/account/orders">
            {t('orders.backToList')}
          </Anchor>
          {mayCancel ? (
            <Button color="red" variant="light" onClick={() => setConfirming(true)} data-testid="order-cancel">
              {t('orders.cancel')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <OrderFacts o={o} />
      <OrderLines o={o} />
      <OrderTracking orderId={o.id} />
      <OrderInvoices orderId={o.id} />
      <OrderTimeline o={o} />
      <ReturnRequestPanel orderId={o.id} orderNumber={o.number} status={o.status} />
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('orders.cancelTitle', { number: o.number })}>
        <Stack>
          <Text size="sm">{t('orders.cancelExplain')}</Text>
          <Textarea label={t('orders.reason')} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('orders.keep')}
            </Button>
            <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate()} data-testid="order-cancel-confirm">
              {t('orders.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
