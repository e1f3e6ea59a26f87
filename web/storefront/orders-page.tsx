import { useState } from 'react';
import { Navigate } from 'react-router-dom';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { CursorListView, pageQuery, useCursorList } from '../ui/cursor-list.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ListTable, type ListColumn } from '../ui/list-table.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { RefLink } from '../ui/ref-link.tsx';
import { SearchForm, StatusSelect } from '../ui/search-form.tsx';
import { useFormat } from '../ui/use-format.ts';
import { OrderStatusBadge } from './order-status.tsx';
import { useStoreSession } from './session.ts';

export const ORDER_STATUSES = ['pending_approval', 'on_hold', 'placed', 'confirmed', 'partially_shipped', 'shipped', 'delivered', 'cancelled'] as const;
type Status = (typeof ORDER_STATUSES)[number];

interface OrderRow {
  placedAt: string;
  poNumber: string | null;
  status: Status;
  total: { amount: number; currency: string };
}

/** The columns the buyer's and staff's order lists share, after each one's number (and company) column. */
export function orderColumns<R extends OrderRow>(t: (key: string) => string, fmt: ReturnType<typeof useFormat>): ListColumn<R>[] {
  return [
    { key: 'placed', header: t('orders.placedAt'), cell: (o) => fmt.date(o.placedAt) },
    { key: 'po', header: t('orders.poNumber'), ltr: true, cell: (o) => o.poNumber ?? '—' },
    { key: 'status', header: t('orders.statusLabel'), cell: (o) => <OrderStatusBadge status={o.status} size="sm" /> },
    { key: 'total', header: t('orders.total'), end: true, cell: (o) => fmt.money(o.total) },
  ];
}

/** The buyer's order history: newest first, filter by status, search by order or PO number, more on demand. */
export function OrdersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useStoreSession();
  const [status, setStatus] = useState<Status | null>(null);
  const [search, setSearch] = useState('');
  const { list, items } = useCursorList(['store', 'orders', status, search], (cursor) => unwrap(api.GET('/api/store/orders', { params: { query: pageQuery(25, cursor, { status, q: search }) } })), Boolean(session.data));
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to="/sign-in?next=%2Faccount%2Forders" replace />;
  const ownCompany = session.data.company.id;
  const columns: ListColumn<(typeof items)[number]>[] = [
    {
      key: 'number',
      header: t('orders.number'),
      cell: (o) => (
        <>
          <RefLink to={`/account/orders/${o.id}`}>{o.number}</RefLink>
          {/* Orders of a subsidiary say whose they are. */}
          {o.companyId !== ownCompany ? (
            <Text size="xs" c="dimmed">
              {o.companyName}
            </Text>
          ) : null}
        </>
      ),
    },
    ...orderColumns<(typeof items)[number]>(t, fmt),
  ];
  return (
    <Stack gap="md" data-testid="orders-page">
      <Title order={1} size="h2">
        {t('orders.title')}
      </Title>
      <SearchForm label={t('orders.search')} placeholder={t('orders.searchHint')} maxLength={60} testId="orders-search" onSearch={setSearch} submit={t('orders.searchButton')}>
        <StatusSelect label={t('orders.statusFilter')} placeholder={t('orders.allStatuses')} statuses={ORDER_STATUSES} labelOf={(s) => t(`orders.status.${s}`)} value={status} onChange={setStatus} />
      </SearchForm>
      <CursorListView list={list} count={items.length} empty={<EmptyState title={t('orders.empty')} description={t('orders.emptyHint')} />} moreLabel={t('orders.more')} moreVariant="subtle">
        <ListTable testId="orders-table" rows={items} rowKey="id" rowTestId="order-row" columns={columns} />
      </CursorListView>
    </Stack>
  );
}
