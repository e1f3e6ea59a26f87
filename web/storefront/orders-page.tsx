import { useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { OrderStatusBadge } from './order-status.tsx';
import { useStoreSession } from './session.ts';

export const ORDER_STATUSES = ['pending_approval', 'on_hold', 'placed', 'confirmed', 'partially_shipped', 'shipped', 'delivered', 'cancelled'] as const;
type Status = (typeof ORDER_STATUSES)[number];

/** The buyer's order history: newest first, filter by status, search by order or PO number, more on demand. */
export function OrdersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useStoreSession();
  const [status, setStatus] = useState<Status | null>(null);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  type Page = ResponseOf<'/api/store/orders', 'get'>;
  const list = useInfiniteQuery<Page, Error, { pages: Page[] }, (string | null)[], string | undefined>({
    queryKey: ['store', 'orders', status, search],
    enabled: Boolean(session.data),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/store/orders', { params: { query: { limit: 25, ...(pageParam ? { cursor: pageParam } : {}), ...(status ? { status } : {}), ...(search ? { q: search } : {}) } } })),
  });
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to="/sign-in?next=%2Faccount%2Forders" replace />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md" data-testid="orders-page">
      <Title order={1} size="h2">
        {t('orders.title')}
      </Title>
      <Group component="form" onSubmit={(e) => { e.preventDefault(); setSearch(q.trim()); }} align="flex-end">
        <TextInput label={t('orders.search')} placeholder={t('orders.searchHint')} value={q} onChange={(e) => setQ(e.currentTarget.value)} maxLength={60} leftSection={<IconSearch size={16} />} data-testid="orders-search" />
        <Select label={t('orders.statusFilter')} clearable placeholder={t('orders.allStatuses')} value={status} onChange={(v) => setStatus(v as Status | null)} data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))} />
        <Button type="submit" variant="light">
          {t('orders.searchButton')}
        </Button>
      </Group>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyState title={t('orders.empty')} description={t('orders.emptyHint')} />
      ) : (
        <Table striped highlightOnHover data-testid="orders-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.number')}</Table.Th>
              <Table.Th>{t('orders.placedAt')}</Table.Th>
              <Table.Th>{t('orders.poNumber')}</Table.Th>
              <Table.Th>{t('orders.statusLabel')}</Table.Th>
              <Table.Th ta="end">{t('orders.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((o) => (
              <Table.Tr key={o.id} data-testid="order-row">
                <Table.Td>
                  <Anchor component={Link} to={`/account/orders/${o.id}`} dir="ltr">
                    {o.number}
                  </Anchor>
                  {o.companyId !== session.data?.company.id ? <Text size="xs" c="dimmed">{o.companyName}</Text> : null}
                </Table.Td>
                <Table.Td>{formatDate(o.placedAt, locale)}</Table.Td>
                <Table.Td dir="ltr">{o.poNumber ?? '—'}</Table.Td>
                <Table.Td>
                  <OrderStatusBadge status={o.status} size="sm" />
                </Table.Td>
                <Table.Td ta="end">{formatMoney(o.total, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage ? (
        <Button variant="subtle" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('orders.more')}
        </Button>
      ) : null}
    </Stack>
  );
}
