import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { CursorListView, pageQuery, useCursorList } from '../ui/cursor-list.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ListTable, type ListColumn } from '../ui/list-table.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { RefLink } from '../ui/ref-link.tsx';
import { StatusSelect } from '../ui/search-form.tsx';
import { useFormat } from '../ui/use-format.ts';
import { ORDER_STATUSES, orderColumns } from '../storefront/orders-page.tsx';

type Status = (typeof ORDER_STATUSES)[number];
interface Filters { q: string; status: Status | null; companyId: string; poNumber: string; from: string; to: string }
const EMPTY: Filters = { q: '', status: null, companyId: '', poNumber: '', from: '', to: '' };

/** Staff order search: number, PO, status, company and placed-between dates; newest first. */
export function OrdersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  // The form edits a draft; the list follows only what was submitted.
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [f, setF] = useState<Filters>(EMPTY);
  const { list, items } = useCursorList(['admin', 'orders', f], (cursor) =>
    unwrap(api.GET('/api/admin/orders', { params: { query: pageQuery(50, cursor, { q: f.q.trim(), status: f.status, companyId: f.companyId.trim(), poNumber: f.poNumber.trim(), from: f.from, to: f.to }) } })),
  );
  const set = (k: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [k]: e.currentTarget.value });
  const columns: ListColumn<(typeof items)[number]>[] = [
    { key: 'number', header: t('orders.number'), cell: (o) => <RefLink to={`/admin/orders/${o.id}`}>{o.number}</RefLink> },
    { key: 'company', header: t('orders.admin.company'), cell: (o) => <Text size="sm">{o.companyName}</Text> },
    ...orderColumns<(typeof items)[number]>(t, fmt),
  ];
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
          <StatusSelect label={t('orders.statusFilter')} placeholder={t('orders.allStatuses')} statuses={ORDER_STATUSES} labelOf={(s) => t(`orders.status.${s}`)} value={draft.status} onChange={(status) => setDraft({ ...draft, status })} />
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
      <CursorListView list={list} count={items.length} empty={<EmptyState title={t('orders.empty')} />} moreLabel={t('orders.more')} moreVariant="subtle">
        <ListTable rows={items} rowKey="id" rowTestId="admin-order-row" columns={columns} />
      </CursorListView>
    </Stack>
  );
}
