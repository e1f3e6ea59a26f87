import { useState } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { CursorListView, pageQuery, useCursorList } from '../ui/cursor-list.tsx';
import { ListTable, type ListColumn } from '../ui/list-table.tsx';
import { RefLink } from '../ui/ref-link.tsx';
import { SearchForm, StatusSelect } from '../ui/search-form.tsx';
import { useFormat } from '../ui/use-format.ts';
import { InvoiceStatusBadge, INVOICE_STATUSES } from '../storefront/invoice-parts.tsx';

type Filter = (typeof INVOICE_STATUSES)[number] | 'unpaid';
const FILTERS: readonly Filter[] = ['unpaid', ...INVOICE_STATUSES];

/** Staff: every company's invoices, newest first; filter by status, search by invoice, order or PO number. */
export function AdminInvoicesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [status, setStatus] = useState<Filter | null>('unpaid');
  const [search, setSearch] = useState('');
  const { list, items } = useCursorList(['admin', 'invoices', status, search], (cursor) => unwrap(api.GET('/api/admin/invoices', { params: { query: pageQuery(50, cursor, { status, q: search }) } })));
  const columns: ListColumn<(typeof items)[number]>[] = [
    { key: 'number', header: t('invoices.number'), cell: (i) => <RefLink to={`/admin/invoices/${i.id}`}>{i.number}</RefLink> },
    { key: 'company', header: t('invoices.admin.company'), cell: (i) => i.companyName ?? i.companyId },
    { key: 'order', header: t('invoices.order'), cell: (i) => <RefLink to={`/admin/orders/${i.orderId}`}>{i.orderNumber}</RefLink> },
    { key: 'due', header: t('invoices.due'), cell: (i) => fmt.day(i.dueAt) },
    { key: 'status', header: t('invoices.statusLabel'), cell: (i) => <InvoiceStatusBadge status={i.status} /> },
    { key: 'total', header: t('invoices.total'), end: true, cell: (i) => fmt.money(i.total) },
    { key: 'balance', header: t('invoices.balance'), end: true, cell: (i) => fmt.money(i.balanceDue) },
  ];
  return (
    <Stack data-testid="admin-invoices-page">
      <Title order={1} size="h2">
        {t('invoices.title')}
      </Title>
      <SearchForm label={t('invoices.admin.search')} maxLength={100} onSearch={setSearch} submit={t('invoices.admin.searchButton')}>
        <StatusSelect label={t('invoices.statusLabel')} statuses={FILTERS} labelOf={(s) => (s === 'unpaid' ? t('invoices.filter.unpaid') : t(`invoices.status.${s}`))} value={status} onChange={setStatus} />
      </SearchForm>
      <CursorListView list={list} count={items.length} empty={<Text c="dimmed">{t('invoices.empty')}</Text>} moreLabel={t('invoices.more')} moreVariant="light">
        <ListTable rows={items} rowKey="id" rowTestId="admin-invoice-row" columns={columns} />
      </CursorListView>
    </Stack>
  );
}
