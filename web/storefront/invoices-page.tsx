import { useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { Alert, Anchor, Button, Checkbox, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { IconCircleCheck, IconFileInvoice } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { CursorListView, pageQuery, useCursorList } from '../ui/cursor-list.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ListTable, type ListColumn } from '../ui/list-table.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { RefLink } from '../ui/ref-link.tsx';
import { useFormat } from '../ui/use-format.ts';
import { InvoiceStatusBadge, isPayable, PayInvoicesModal } from './invoice-parts.tsx';
import { useStoreSession } from './session.ts';

const FILTERS = ['unpaid', 'overdue', 'paid', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/** The company's invoices: filter by status, tick several unpaid ones and pay them in one card payment. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useStoreSession();
  const [filter, setFilter] = useState<Filter>('unpaid');
  const [picked, setPicked] = useState<string[]>([]);
  const [paying, setPaying] = useState(false);
  const [paid, setPaid] = useState(false);
  const { list, items } = useCursorList(['store', 'invoices', filter], (cursor) => unwrap(api.GET('/api/store/invoices', { params: { query: pageQuery(50, cursor, { status: filter === 'all' ? null : filter }) } })), Boolean(session.data));
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to="/sign-in?next=%2Faccount%2Finvoices" replace />;
  const payable = items.filter(isPayable);
  const chosen = payable.filter((i) => picked.includes(i.id));
  // One card payment is in one currency.
  const currencies = new Set(chosen.map((i) => i.balanceDue.currency));
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  const columns: ListColumn<(typeof items)[number]>[] = [
    {
      key: 'pick',
      width: 40,
      cell: (i) => (payable.includes(i) ? <Checkbox aria-label={t('invoices.select', { number: i.number })} checked={picked.includes(i.id)} onChange={(e) => toggle(i.id, e.currentTarget.checked)} data-testid="invoice-pick" /> : null),
    },
    {
      key: 'number',
      header: t('invoices.number'),
      cell: (i) => (
        <RefLink to={`/account/invoices/${i.id}`} testId="invoice-link">
          <IconFileInvoice size={14} /> {i.number}
        </RefLink>
      ),
    },
    { key: 'order', header: t('invoices.order'), ltr: true, cell: (i) => i.orderNumber },
    { key: 'issued', header: t('invoices.issued'), cell: (i) => fmt.date(i.issuedAt) },
    { key: 'due', header: t('invoices.due'), cell: (i) => fmt.day(i.dueAt) },
    { key: 'status', header: t('invoices.statusLabel'), cell: (i) => <InvoiceStatusBadge status={i.status} /> },
    { key: 'total', header: t('invoices.total'), end: true, cell: (i) => fmt.money(i.total) },
    { key: 'balance', header: t('invoices.balance'), end: true, bold: true, cell: (i) => fmt.money(i.balanceDue) },
  ];
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
          data={FILTERS.map((f) => ({ value: f, label: t(`invoices.filter.${f}`) }))}
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
      <CursorListView list={list} count={items.length} empty={<EmptyState title={t('invoices.empty')} description={t('invoices.emptyHint')} />} moreLabel={t('invoices.more')} moreVariant="light">
        <ListTable testId="invoices-table" rows={items} rowKey="id" rowTestId="invoice-row" rowAttrs={(i) => ({ 'data-number': i.number })} columns={columns} />
      </CursorListView>
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
