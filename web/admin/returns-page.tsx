import { useState } from 'react';
import { Checkbox, Stack, Text } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { CursorListView, pageQuery, useCursorList } from '../ui/cursor-list.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ListTable, type ListColumn } from '../ui/list-table.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { RefLink } from '../ui/ref-link.tsx';
import { SearchForm, StatusSelect } from '../ui/search-form.tsx';
import { useFormat } from '../ui/use-format.ts';
import { ReturnStatusBadge } from '../storefront/return-status.tsx';

const STATUSES = ['requested', 'approved', 'rejected', 'received', 'refunded', 'credited'] as const;
type Status = (typeof STATUSES)[number];

/** Staff's returns console: every return newest first, filtered by status (open by default) or searched. */
export function ReturnsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [status, setStatus] = useState<Status | null>(null);
  const [openOnly, setOpenOnly] = useState(true);
  const [search, setSearch] = useState('');
  // "Open only" is meaningless once one status is picked, so it is sent only without one.
  const { list, items } = useCursorList(['admin', 'returns', status, openOnly, search], (cursor) =>
    unwrap(api.GET('/api/admin/returns', { params: { query: pageQuery(50, cursor, { status, open: openOnly && !status, q: search }) } })),
  );
  const columns: ListColumn<(typeof items)[number]>[] = [
    { key: 'number', header: t('returns.number'), cell: (r) => <RefLink to={`/admin/returns/${r.id}`}>{r.number}</RefLink> },
    { key: 'company', header: t('returns.company'), cell: (r) => r.companyName },
    { key: 'order', header: t('returns.order'), cell: (r) => <RefLink to={`/admin/orders/${r.orderId}`}>{r.orderNumber}</RefLink> },
    { key: 'requested', header: t('returns.requestedAt'), cell: (r) => <Text size="sm">{fmt.date(r.requestedAt)}</Text> },
    { key: 'status', header: t('returns.status'), cell: (r) => <ReturnStatusBadge status={r.status} size="sm" /> },
    { key: 'amount', header: t('returns.amount'), end: true, cell: (r) => fmt.money(r.amount) },
  ];
  return (
    <Stack gap="md" data-testid="admin-returns">
      <PageHeader title={t('returns.admin.title')} description={t('returns.admin.subtitle')} />
      <SearchForm label={t('returns.admin.search')} maxLength={200} testId="returns-search" onSearch={setSearch} submit={<IconSearch size={16} />}>
        <StatusSelect label={t('returns.status')} placeholder={t('returns.admin.all')} statuses={STATUSES} labelOf={(s) => t(`returns.statuses.${s}`)} value={status} onChange={setStatus} testId="returns-status-filter" />
        <Checkbox label={t('returns.admin.openOnly')} checked={openOnly && !status} disabled={Boolean(status)} onChange={(e) => setOpenOnly(e.currentTarget.checked)} />
      </SearchForm>
      <CursorListView list={list} count={items.length} empty={<EmptyState title={t('returns.admin.empty')} />} moreLabel={t('dashboard.viewAll')} moreVariant="default">
        <ListTable testId="admin-returns-table" rows={items} rowKey="id" rowTestId="admin-return-row" columns={columns} />
      </CursorListView>
    </Stack>
  );
}
