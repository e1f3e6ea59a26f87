import { Link, Navigate } from 'react-router-dom';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { CursorListView, pageQuery, useCursorList } from '../ui/cursor-list.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ListTable, type ListColumn } from '../ui/list-table.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { RefLink } from '../ui/ref-link.tsx';
import { useFormat } from '../ui/use-format.ts';
import { ReturnStatusBadge } from './return-status.tsx';
import { useStoreSession } from './session.ts';

/** The company's returns, newest first, more on demand. */
export function ReturnsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useStoreSession();
  const { list, items } = useCursorList(['store', 'returns', 'all'], (cursor) => unwrap(api.GET('/api/store/returns', { params: { query: pageQuery(25, cursor, {}) } })), Boolean(session.data));
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to="/sign-in?next=%2Faccount%2Freturns" replace />;
  // Returns start from an order, so the empty state leads to the orders.
  const toOrders = (
    <Button component={Link} to="/account/orders" variant="light">
      {t('dashboard.viewAll')}
    </Button>
  );
  const empty = <EmptyState title={t('returns.empty')} description={t('returns.emptyHint')} action={toOrders} />;
  const columns: ListColumn<(typeof items)[number]>[] = [
    { key: 'number', header: t('returns.number'), cell: (r) => <RefLink to={`/account/returns/${r.id}`}>{r.number}</RefLink> },
    { key: 'order', header: t('returns.order'), cell: (r) => <RefLink to={`/account/orders/${r.orderId}`}>{r.orderNumber}</RefLink> },
    { key: 'requested', header: t('returns.requestedAt'), cell: (r) => fmt.date(r.requestedAt) },
    { key: 'status', header: t('returns.status'), cell: (r) => <ReturnStatusBadge status={r.status} size="sm" /> },
    { key: 'amount', header: t('returns.amount'), end: true, cell: (r) => fmt.money(r.amount) },
  ];
  return (
    <Stack gap="md" data-testid="returns-page">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('returns.title')}
        </Title>
        <Text c="dimmed">{t('returns.subtitle')}</Text>
      </Stack>
      <CursorListView list={list} count={items.length} empty={empty} moreLabel={t('dashboard.viewAll')} moreVariant="default">
        <ListTable testId="returns-table" rows={items} rowKey="id" rowTestId="return-row" columns={columns} />
      </CursorListView>
    </Stack>
  );
}
