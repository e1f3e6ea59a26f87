import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ReturnStatusBadge } from '../storefront/return-status.tsx';

const STATUSES = ['requested', 'approved', 'rejected', 'received', 'refunded', 'credited'] as const;
type Status = (typeof STATUSES)[number];
type ReturnsPageData = ResponseOf<'/api/admin/returns', 'get'>;

/** Staff's returns console: every return newest first, filtered by status (open by default) or searched. */
export function ReturnsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [status, setStatus] = useState<Status | null>(null);
  const [openOnly, setOpenOnly] = useState(true);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const list = useInfiniteQuery({
    queryKey: ['admin', 'returns', status, openOnly, search],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: ReturnsPageData) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }): Promise<ReturnsPageData> =>
      unwrap(
        api.GET('/api/admin/returns', {
          params: { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}), ...(status ? { status } : {}), ...(openOnly && !status ? { open: true } : {}), ...(search ? { q: search } : {}) } },
        }),
      ),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md" data-testid="admin-returns">
      <PageHeader title={t('returns.admin.title')} description={t('returns.admin.subtitle')} />
      <Group
        component="form"
        align="flex-end"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <TextInput label={t('returns.admin.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} maxLength={200} leftSection={<IconSearch size={16} />} data-testid="returns-search" />
        <Select
          label={t('returns.status')}
          clearable
          placeholder={t('returns.admin.all')}
          value={status}
          onChange={(v) => setStatus(v as Status | null)}
          data={STATUSES.map((s) => ({ value: s, label: t(`returns.statuses.${s}`) }))}
          data-testid="returns-status-filter"
        />
        <Checkbox label={t('returns.admin.openOnly')} checked={openOnly && !status} disabled={Boolean(status)} onChange={(e) => setOpenOnly(e.currentTarget.checked)} />
        <Button type="submit" variant="light">
          <IconSearch size={16} />
        </Button>
      </Group>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyState title={t('returns.admin.empty')} />
      ) : (
        <Table striped highlightOnHover data-testid="admin-returns-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('returns.number')}</Table.Th>
              <Table.Th>{t('returns.company')}</Table.Th>
              <Table.Th>{t('returns.order')}</Table.Th>
              <Table.Th>{t('returns.requestedAt')}</Table.Th>
              <Table.Th>{t('returns.status')}</Table.Th>
              <Table.Th ta="end">{t('returns.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id} data-testid="admin-return-row">
                <Table.Td>
                  <Anchor component={Link} to={`/admin/returns/${r.id}`} dir="ltr">
                    {r.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.companyName}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/admin/orders/${r.orderId}`} dir="ltr">
                    {r.orderNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(r.requestedAt, locale)}</Text>
                </Table.Td>
                <Table.Td>
                  <ReturnStatusBadge status={r.status} size="sm" />
                </Table.Td>
                <Table.Td ta="end">{formatMoney(r.amount, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage ? (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('dashboard.viewAll')}
        </Button>
      ) : null}
    </Stack>
  );
}
