import { Link, Navigate, useParams } from 'react-router-dom';
import { Anchor, Badge, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { PageLoader } from '../ui/page-loader.tsx';
import { OrderTracking } from './order-tracking.tsx';
import { useStoreSession } from './session.ts';

/**
 * A page of its own for following an order's delivery (the link a shipment email or a driver's
 * message can point at): the order's number and status, then the live tracking panel.
 */
export function OrderTrackingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useStoreSession();
  // Same query as the panel's, so the status in the heading follows the live updates too.
  const q = useQuery({
    queryKey: ['store', 'order-shipments', id],
    enabled: Boolean(session.data),
    queryFn: () => unwrap(api.GET('/api/store/orders/{id}/shipments', { params: { path: { id } } })),
  });
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(`/account/orders/${id}/tracking`)}`} replace />;
  return (
    <Stack gap="lg">
      <Group gap="sm" justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h2" data-testid="tracking-order-number">
            {q.data ? t('shipments.orderTitle', { number: q.data.orderNumber }) : t('shipments.title')}
          </Title>
          {q.data ? (
            <Badge variant="light" size="lg" data-testid="tracking-order-status" data-status={q.data.orderStatus}>
              {t(`shipments.orderStatus.${q.data.orderStatus}`)}
            </Badge>
          ) : null}
        </Group>
        <Anchor component={Link} to={`/account/orders/${encodeURIComponent(id)}`}>
          {t('shipments.backToOrder')}
        </Anchor>
      </Group>
      <OrderTracking orderId={id} />
    </Stack>
  );
}
