import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { InvoiceStatusBadge, INVOICE_STATUSES } from '../storefront/invoice-parts.tsx';

type Filter = (typeof INVOICE_STATUSES)[number] | 'unpaid';

/** Staff: every company's invoices, newest first; filter by status, search by invoice, order or PO number. */
export function AdminInvoicesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [status, setStatus] = useState<Filter | null>('unpaid');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  type Page = ResponseOf<'/api/admin/invoices', 'get'>;
  const list = useInfiniteQuery<Page, Error, { pages: Page[] }, (string | null)[], string | undefined>({
    queryKey: ['admin', 'invoices', status, search],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/admin/invoices', { params: { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}), ...(status ? { status } : {}), ...(search ? { q: search } : {}) } } })),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack data-testid="admin-invoices-page">
      <Title order={1} size="h2">
        {t('invoices.title')}
      </Title>
      <Group
        component="form"
        align="flex-end"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <TextInput label={t('invoices.admin.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} maxLength={100} leftSection={<IconSearch size={16} />} />
        <Select label={t('invoices.statusLabel')} clearable value={status} onChange={(v) => setStatus(v as Filter | null)} data={[{ value: 'unpaid', label: t('invoices.filter.unpaid') }, ...INVOICE_STATUSES.map((s) => ({ value: s, label: t(`invoices.status.${s}`) }))]} />
        <Button type="submit" variant="light">
          {t('invoices.admin.searchButton')}
        </Button>
      </Group>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('invoices.empty')}</Text>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoices.number')}</Table.Th>
              <Table.Th>{t('invoices.admin.company')}</Table.Th>
              <Table.Th>{t('invoices.order')}</Table.Th>
              <Table.Th>{t('invoices.due')}</Table.Th>
              <Table.Th>{t('invoices.statusLabel')}</Table.Th>
              <Table.Th ta="end">{t('invoices.total')}</Table.Th>
              <Table.Th ta="end">{t('invoices.balance')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.id} data-testid="admin-invoice-row">
                <Table.Td>
                  <Anchor component={Link} to={`/admin/invoices/${i.id}`} dir="ltr">
                    {i.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{i.companyName ?? i.companyId}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/admin/orders/${i.orderId}`} dir="ltr">
                    {i.orderNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(i.dueAt, locale, { dateStyle: 'medium', timeZone: 'UTC' })}</Table.Td>
                <Table.Td>
                  <InvoiceStatusBadge status={i.status} />
                </Table.Td>
                <Table.Td ta="end">{formatMoney(i.total, locale)}</Table.Td>
                <Table.Td ta="end">{formatMoney(i.balanceDue, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage ? (
        <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('invoices.more')}
        </Button>
      ) : null}
    </Stack>
  );
}
