import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { OrderStatusBadge } from '../storefront/order-status.tsx';
import { ORDER_STATUSES } from '../storefront/orders-page.tsx';

type Page = ResponseOf<'/api/admin/orders', 'get'>;
interface Filters { q: string; status: string | null; companyId: string; poNumber: string; from: string; to: string }
const EMPTY: Filters = { q: '', status: null, companyId: '', poNumber: '', from: '', to: '' };

/** Staff order search: number, PO, status, company and placed-between dates; newest first. */
export function OrdersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [f, setF] = useState<Filters>(EMPTY);
  const list = useInfiniteQuery<Page, Error, { pages: Page[] }, unknown[], string | undefined>({
    queryKey: ['admin', 'orders', f],
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }) => {
      const query = {
        limit: 50,
        ...(pageParam ? { cursor: pageParam } : {}),
        ...(f.q.trim() ? { q: f.q.trim() } : {}),
        ...(f.status ? { status: f.status as (typeof ORDER_STATUSES)[number] } : {}),
        ...(f.companyId.trim() ? { companyId: f.companyId.trim() } : {}),
        ...(f.poNumber.trim() ? { poNumber: f.poNumber.trim() } : {}),
        ...(f.from ? { from: f.from } : {}),
        ...(f.to ? { to: f.to } : {}),
      };
      return unwrap(api.GET('/api/admin/orders', { params: { query } }));
    },
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (k: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [k]: e.currentTarget.value });
  return (
    <Stack gap="md" data-testid="admin-orders">
      <PageHeader
        title={t('orders.admin.title')}
        description={t('orders.admin.description')}
        actions={
          <Button component={Link} to="/admin/orders/credit-holds" variant="light">
            {t('orders.admin.creditHolds')}
          </Button>
        }
      />
      <form onSubmit={(e) => { e.preventDefault(); setF(draft); }}>
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }}>
          <TextInput label={t('orders.search')} placeholder={t('orders.searchHint')} maxLength={60} value={draft.q} onChange={set('q')} />
          <Select label={t('orders.statusFilter')} clearable placeholder={t('orders.allStatuses')} value={draft.status} onChange={(v) => setDraft({ ...draft, status: v })} data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))} />
          <TextInput label={t('orders.admin.companyId')} maxLength={64} value={draft.companyId} onChange={set('companyId')} dir="ltr" />
          <TextInput label={t('orders.poNumber')} maxLength={60} value={draft.poNumber} onChange={set('poNumber')} />
          <TextInput type="date" label={t('orders.admin.from')} value={draft.from} onChange={set('from')} />
          <TextInput type="date" label={t('orders.admin.to')} value={draft.to} onChange={set('to')} />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">{t('orders.searchButton')}</Button>
          <Button variant="subtle" onClick={() => { setDraft(EMPTY); setF(EMPTY); }}>
            {t('orders.admin.reset')}
          </Button>
        </Group>
      </form>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyState title={t('orders.empty')} />
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.number')}</Table.Th>
              <Table.Th>{t('orders.admin.company')}</Table.Th>
              <Table.Th>{t('orders.placedAt')}</Table.Th>
              <Table.Th>{t('orders.poNumber')}</Table.Th>
              <Table.Th>{t('orders.statusLabel')}</Table.Th>
              <Table.Th ta="end">{t('orders.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((o) => (
              <Table.Tr key={o.id} data-testid="admin-order-row">
                <Table.Td>
                  <Anchor component={Link} to={`/admin/orders/${o.id}`} dir="ltr">
                    {o.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{o.companyName}</Text>
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
