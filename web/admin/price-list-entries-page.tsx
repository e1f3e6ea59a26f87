import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Badge, Box, Button, Group, Paper, ScrollArea, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPercentage, IconPlus, IconSearch, IconTags } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { parseMajor } from './price-list-money.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { currencyDigits } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useAllCategories, useBrands } from './catalog-api.ts';
import { AdjustModal } from './price-list-adjust-modal.tsx';
import { EntriesCsv } from './price-list-csv.tsx';
import { EntryRow } from './price-list-entry-row.tsx';
import { targetsSummary, validitySummary } from './price-list-labels.ts';
import { useDeleteEntry, useEntries, usePriceList, usePutEntry, type EntryFilter } from './price-lists-api.ts';
import { useCan } from './session.ts';

/** Adds an entry by SKU and price (major units); the server resolves the SKU. */
function AddEntry({ listId, currency }: { listId: string; currency: string }) {
  const { t } = useTranslation();
  const put = usePutEntry(listId);
  const [sku, setSku] = useState('');
  const [price, setPrice] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minor = parseMajor(price.trim(), currency);
    if (typeof minor === 'string') return setProblem(minor);
    setProblem(null);
    put.mutate({ sku: sku.trim(), unitPrice: minor }, {
      onSuccess: () => {
        setSku('');
        setPrice('');
        notifications.show({ color: 'teal', message: t('priceLists.grid.added', { sku: sku.trim() }) });
      },
    });
  };
  return (
    <form onSubmit={submit} data-testid="add-entry">
      <Group align="flex-start" gap="xs">
        <TextInput placeholder="SKU" aria-label="SKU" value={sku} onChange={(e) => setSku(e.currentTarget.value)} required w={180} name="sku" error={put.error?.message} />
        <TextInput
          placeholder={(0).toFixed(currencyDigits(currency))}
          aria-label={t('priceLists.grid.unitPrice')}
          rightSection={<Text size="xs" c="dimmed">{currency}</Text>}
          rightSectionWidth={44}
          value={price}
          onChange={(e) => setPrice(e.currentTarget.value)}
          required
          w={160}
          name="unitPrice"
          error={problem}
        />
        <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} loading={put.isPending}>
          {t('priceLists.grid.add')}
        </Button>
      </Group>
    </form>
  );
}

/** A price list's header and its entries grid: filter, inline edit, add, delete, change by %, CSV. */
export function PriceListEntriesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const list = usePriceList(id);
  const canWrite = useCan('pricing:write');
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [brand, setBrand] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const filter: EntryFilter = { q: debounced, category, brand };
  const entries = useEntries(id, filter);
  const put = usePutEntry(id);
  const del = useDeleteEntry(id);
  const categories = useAllCategories();
  const brands = useBrands();
  const [adjusting, setAdjusting] = useState(false);
  if (list.isPending) return <PageLoader />;
  if (!list.data) return <ErrorAlert error={list.error} />;
  const l = list.data;
  const rows = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(debounced || category || brand);

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm">
            {l.name}
            <Badge variant="light" color={l.status === 'active' ? 'teal' : 'gray'}>
              {t(`priceLists.status.${l.status}`)}
            </Badge>
          </Group>
        }
        description={`${l.currency} · ${t(`priceLists.kind.${l.kind}`)} · ${t('priceLists.priority')} ${l.priority} · ${validitySummary(t, l, locale)} · ${targetsSummary(t, l)}`}
        actions={
          <>
            <EntriesCsv listId={id} filter={filter} canWrite={canWrite} />
            {canWrite ? (
              <>
                <Button variant="default" leftSection={<IconPercentage size={16} />} onClick={() => setAdjusting(true)} data-testid="adjust-open">
                  {t('priceLists.adjust.open')}
                </Button>
                <Button component={Link} to={`/admin/price-lists/${id}/edit`} leftSection={<IconPencil size={16} />}>
                  {t('priceLists.edit')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Group mb="md" gap="md" wrap="wrap" justify="space-between">
        <Group gap="sm" wrap="wrap">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('priceLists.grid.search')}
            aria-label={t('priceLists.grid.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={280}
            data-testid="entries-search"
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                document.querySelector<HTMLElement>('[data-testid="entries-table"] tr[data-row]')?.focus();
              }
            }}
          />
          <Select placeholder={t('priceLists.grid.category')} aria-label={t('priceLists.grid.category')} data={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} value={category} onChange={setCategory} clearable searchable w={200} />
          <Select placeholder={t('priceLists.grid.brand')} aria-label={t('priceLists.grid.brand')} data={(brands.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))} value={brand} onChange={setBrand} clearable searchable w={200} />
        </Group>
        {canWrite ? <AddEntry listId={id} currency={l.currency} /> : null}
      </Group>
      <ErrorAlert error={entries.error ?? del.error} />
      {rows.length === 0 && !entries.isPending ? (
        <EmptyState
          icon={<IconTags size={28} />}
          title={filtered ? t('priceLists.grid.noMatch') : t('priceLists.grid.empty')}
          description={filtered ? t('priceLists.grid.noMatchHint') : l.kind === 'derived' ? t('priceLists.grid.emptyDerived') : t('priceLists.grid.emptyHint')}
        />
      ) : (
        <Paper withBorder data-testid="entries-table">
          <ScrollArea>
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  {[t('priceLists.grid.product'), t('priceLists.grid.unitPrice'), t('priceLists.grid.tiers'), t('priceLists.grid.rules'), ''].map((h, i) => (
                    <Table.Th key={i} style={{ textAlign: i === 1 ? 'end' : 'start' }}>
                      <Text size="xs" fw={600} tt="uppercase" c="dimmed">
                        {h}
                      </Text>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((e) => (
                  <EntryRow
                    key={e.variantId}
                    entry={e}
                    currency={l.currency}
                    canWrite={canWrite}
                    onSave={(item) => put.mutateAsync(item)}
                    onDelete={() => del.mutate(e.variantId)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('priceLists.grid.keys')}
      </Text>
      {entries.hasNextPage ? (
        <Box ta="center" mt="md">
          <Button variant="default" loading={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Box>
      ) : null}
      <AdjustModal listId={id} currency={l.currency} filter={filter} opened={adjusting} onClose={() => setAdjusting(false)} />
    </>
  );
}
