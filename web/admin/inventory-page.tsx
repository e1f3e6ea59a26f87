import { useState } from 'react';
import { ActionIcon, Badge, Box, Button, Group, NumberInput, Select, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuildingWarehouse, IconCheck, IconSearch, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { CsvImportExport } from './csv-import.tsx';
import { useInventory, useSetOnHand, useWarehouses, type InventoryRow } from './catalog-api.ts';

/** On-hand editor: type the new count, Enter saves, Escape cancels. */
function OnHandCell({ row }: { row: InventoryRow }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const set = useSetOnHand();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<number | string>(row.onHand);
  const commit = () =>
    set.mutate(
      { sku: row.sku, warehouseCode: row.warehouseCode, onHand: Number(value) },
      {
        onSuccess: (r) => {
          if (r.failed > 0) notifications.show({ color: 'red', message: r.errors.map((e) => e.message).join('; ') });
          else notifications.show({ color: 'teal', message: t('admin.inventory.saved', { sku: row.sku, code: row.warehouseCode }) });
          setEditing(false);
        },
        onError: (e) => notifications.show({ color: 'red', title: t('errors.generic'), message: isApiError(e) ? e.detail : String(e) }),
      },
    );
  if (!editing) {
    return (
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={(e) => {
          e.stopPropagation();
          setValue(row.onHand);
          setEditing(true);
        }}
        aria-label={t('admin.inventory.editOnHand', { sku: row.sku })}
      >
        {formatNumber(row.onHand, locale)}
      </Button>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <NumberInput
        size="xs"
        w={110}
        min={0}
        max={1_000_000_000}
        allowDecimal={false}
        value={value}
        onChange={setValue}
        autoFocus
        aria-label={t('admin.inventory.onHand')}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setEditing(false);
        }}
      />
      <Tooltip label={t('common.save')}>
        <ActionIcon color="teal" variant="light" loading={set.isPending} onClick={commit} aria-label={t('common.save')}>
          <IconCheck size={16} />
        </ActionIcon>
      </Tooltip>
      <ActionIcon color="gray" variant="subtle" onClick={() => setEditing(false)} aria-label={t('common.cancel')}>
        <IconX size={16} />
      </ActionIcon>
    </Group>
  );
}

/** Stock per variant × warehouse; on hand is editable in place. */
export function InventoryPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [sku, setSku] = useState('');
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(sku.trim(), 250);
  const warehouses = useWarehouses();
  const inventory = useInventory({ sku: debounced, warehouseId });
  const rows = inventory.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('admin.inventory.title')}
        description={t('admin.inventory.description')}
        actions={<CsvImportExport importPath="/api/admin/inventory/import" exportHref="/api/admin/inventory/export" invalidate="inventory" />}
      />
      <Group mb="md">
        <TextInput leftSection={<IconSearch size={16} />} placeholder={t('admin.inventory.skuPlaceholder')} aria-label={t('admin.inventory.skuPlaceholder')} value={sku} onChange={(e) => setSku(e.currentTarget.value)} w={320} dir="ltr" />
        <Select
          placeholder={t('admin.inventory.allWarehouses')}
          clearable
          data={(warehouses.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.code} — ${w.name}` }))}
          value={warehouseId}
          onChange={setWarehouseId}
          w={280}
          aria-label={t('admin.inventory.warehouse')}
        />
      </Group>
      <ErrorAlert error={inventory.error} />
      <DataTable<InventoryRow>
        rows={rows}
        rowKey={(r) => `${r.variantId}:${r.warehouseId}`}
        empty={inventory.isPending ? null : <EmptyState icon={<IconBuildingWarehouse size={28} />} title={debounced ? t('admin.inventory.noMatch', { q: debounced }) : t('admin.inventory.empty')} description={t('admin.inventory.emptyHint')} />}
        columns={[
          { key: 'sku', header: t('store.sku'), render: (r) => <Text ff="monospace" size="sm" fw={600}>{r.sku}</Text> },
          { key: 'wh', header: t('admin.inventory.warehouse'), render: (r) => <Badge variant="outline" color="gray">{r.warehouseCode}</Badge> },
          { key: 'onHand', header: t('admin.inventory.onHand'), align: 'end', render: (r) => <OnHandCell row={r} /> },
          { key: 'reserved', header: t('admin.inventory.reserved'), align: 'end', render: (r) => formatNumber(r.reserved, locale) },
          {
            key: 'available',
            header: t('admin.inventory.available'),
            align: 'end',
            render: (r) => (
              <Text size="sm" fw={600} c={r.available > 0 ? 'teal.7' : 'red.7'}>
                {formatNumber(r.available, locale)}
              </Text>
            ),
          },
          { key: 'backorder', header: t('admin.inventory.backorder'), render: (r) => (r.backorder ? <Badge size="sm" variant="light">{t('admin.inventory.allowed')}</Badge> : null) },
          { key: 'updated', header: t('admin.products.updated'), render: (r) => formatDateTime(r.updatedAt, locale) },
        ]}
      />
      {inventory.hasNextPage ? (
        <Box ta="center" mt="md">
          <Button variant="default" loading={inventory.isFetchingNextPage} onClick={() => void inventory.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Box>
      ) : null}
    </>
  );
}
