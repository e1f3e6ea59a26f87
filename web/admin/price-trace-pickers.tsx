import { useMemo, useState } from 'react';
import { Group, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';

/**
 * A SKU by way of its product: search products by name or SKU prefix, then pick one of its
 * variants (the only one is chosen at once). A SKU given in the URL is shown as is.
 */
export function SkuPicker({ sku, onChange }: { sku: string | null; onChange: (sku: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [productId, setProductId] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const products = useQuery({
    queryKey: ['admin', 'products', 'pick', debounced],
    enabled: debounced.length > 0,
    queryFn: () => unwrap(api.GET('/api/admin/products', { params: { query: { q: debounced, limit: 20 } } })),
  });
  const product = useQuery({
    queryKey: ['admin', 'product', productId],
    enabled: Boolean(productId),
    queryFn: () => unwrap(api.GET('/api/admin/products/{id}', { params: { path: { id: productId ?? '' } } })),
  });
  const productData = useMemo(() => {
    const rows = (products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
    if (product.data && !rows.some((r) => r.value === product.data.id)) rows.unshift({ value: product.data.id, label: product.data.name });
    return rows;
  }, [products.data, product.data]);
  const skus = useMemo(() => {
    const list = (product.data?.variants ?? []).map((v) => ({ value: v.sku, label: v.name ? `${v.sku} — ${v.name}` : v.sku }));
    if (sku && !list.some((v) => v.value === sku)) list.unshift({ value: sku, label: sku });
    return list;
  }, [product.data, sku]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        w={280}
        label={t('priceTrace.product')}
        placeholder={t('priceTrace.productPlaceholder')}
        leftSection={<IconSearch size={16} />}
        searchable
        clearable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={productData}
        value={productId}
        onChange={async (id) => {
          setProductId(id);
          if (!id) return;
          // One variant: it is the SKU; several: the reader picks.
          const p = await unwrap(api.GET('/api/admin/products/{id}', { params: { path: { id } } }));
          onChange(p.variants.length === 1 ? (p.variants[0]?.sku ?? null) : null);
        }}
        nothingFoundMessage={debounced ? t('priceTrace.noProduct') : t('groups.picker.typeToSearch')}
        data-testid="product-picker"
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        w={260}
        label={t('priceTrace.sku')}
        placeholder={t('priceTrace.skuPlaceholder')}
        searchable
        data={skus}
        value={sku}
        onChange={(s) => onChange(s)}
        nothingFoundMessage={t('priceTrace.pickProductFirst')}
        data-testid="sku-picker"
        comboboxProps={{ withinPortal: true }}
      />
    </Group>
  );
}
