import { useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { Alert, Anchor, Button, Checkbox, Group, SegmentedControl, Stack, Table, Title } from '@mantine/core';
import { IconCircleCheck, IconFileInvoice } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { InvoiceStatusBadge, PayInvoicesModal } from './invoice-parts.tsx';
import { useStoreSession } from './session.ts';

type Filter = 'unpaid' | 'overdue' | 'paid' | 'all';

/** The company's invoices: filter by status, tick several unpaid ones and pay them in one card payment. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useStoreSession();
  const [filter, setFilter] = useState<Filter>('unpaid');
  const [picked, setPicked] = useState<string[]>([]);
  const [paying, setPaying] = useState(false);
  const [paid, setPaid] = useState(false);
  type Page = ResponseOf<'/api/store/invoices', 'get'>;
  const list = useInfiniteQuery<Page, Error, { pages: Page[] }, string[], string | undefined>({
    queryKey: ['store', 'invoices', filter],
    enabled: Boolean(session.data),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/store/invoices', { params: { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}), ...(filter === 'all' ? {} : { status: filter }) } } })),
  });
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to="/sign-in?next=%2Faccount%2Finvoices" replace />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const payable = items.filter((i) => ['open', 'partially_paid', 'overdue'].includes(i.status) && i.balanceDue.amount > 0);
  const chosen = payable.filter((i) => picked.includes(i.id));
  const currencies = new Set(chosen.map((i) => i.balanceDue.currency));
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  return (
    <Stack gap="md" data-testid="invoices-page">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('invoices.title')}
        </Title>
        <Anchor component={Link} to="/account/statement" data-testid="statement-link">
          {t('statement.title')}
        </Anchor>
      </Group>
      <Group justify="space-between">
        <SegmentedControl
          value={filter}
          onChange={(v) => {
            setFilter(v as Filter);
            setPicked([]);
          }}
          data={(['unpaid', 'overdue', 'paid', 'all'] as const).map((f) => ({ value: f, label: t(`invoices.filter.${f}`) }))}
          data-testid="invoice-filter"
        />
        <Button disabled={!chosen.length || currencies.size > 1} onClick={() => setPaying(true)} data-testid="pay-selected">
          {t('invoices.paySelected', { count: chosen.length })}
        </Button>
      </Group>
      {paid ? (
        <Alert color="green" icon={<IconCircleCheck size={18} />} withCloseButton onClose={() => setPaid(false)} data-testid="pay-done">
          {t('invoices.paid')}
        </Alert>
      ) : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyState title={t('invoices.empty')} description={t('invoices.emptyHint')} />
      ) : (
        <Table striped highlightOnHover data-testid="invoices-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>{t('invoices.number')}</Table.Th>
              <Table.Th>{t('invoices.order')}</Table.Th>
              <Table.Th>{t('invoices.issued')}</Table.Th>
              <Table.Th>{t('invoices.due')}</Table.Th>
              <Table.Th>{t('invoices.statusLabel')}</Table.Th>
              <Table.Th ta="end">{t('invoices.total')}</Table.Th>
              <Table.Th ta="end">{t('invoices.balance')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => {
              const canPay = payable.includes(i);
              return (
                <Table.Tr key={i.id} data-testid="invoice-row" data-number={i.number}>
                  <Table.Td>{canPay ? <Checkbox aria-label={t('invoices.select', { number: i.number })} checked={picked.includes(i.id)} onChange={(e) => toggle(i.id, e.currentTarget.checked)} data-testid="invoice-pick" /> : null}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/account/invoices/${i.id}`} dir="ltr" data-testid="invoice-link">
                      <IconFileInvoice size={14} /> {i.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td dir="ltr">{i.orderNumber}</Table.Td>
                  <Table.Td>{formatDate(i.issuedAt, locale)}</Table.Td>
                  <Table.Td>{formatDate(i.dueAt, locale, { dateStyle: 'medium', timeZone: 'UTC' })}</Table.Td>
                  <Table.Td>
                    <InvoiceStatusBadge status={i.status} />
                  </Table.Td>
                  <Table.Td ta="end">{formatMoney(i.total, locale)}</Table.Td>
                  <Table.Td ta="end" fw={600}>
                    {formatMoney(i.balanceDue, locale)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage ? (
        <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('invoices.more')}
        </Button>
      ) : null}
      <PayInvoicesModal
        invoices={chosen}
        opened={paying}
        onClose={() => setPaying(false)}
        onPaid={() => {
          setPaying(false);
          setPicked([]);
          setPaid(true);
        }}
      />
    </Stack>
  );
}
