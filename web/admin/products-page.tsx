import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Badge, Box, Button, Group, Kbd, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPackage, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { CsvImportExport } from './csv-import.tsx';
import { PRODUCT_STATUSES, useAdminProducts, useAllCategories, useBrands, type ProductRow, type ProductStatus } from './catalog-api.ts';

export const STATUS_COLOR: Record<ProductStatus, string> = { draft: 'gray', active: 'teal', archived: 'orange' };

/** Product list: type to filter (press / to focus search), ↑/↓ to move, Enter to edit. */
export function ProductsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ProductStatus | 'all'>('all');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const products = useAdminProducts({ q: debounced, status: status === 'all' ? null : status });
  const brands = useBrands();
  const categories = useAllCategories();
  const search = useRef<HTMLInputElement>(null);
  const brandName = new Map((brands.data?.items ?? []).map((b) => [b.id, b.name]));
  const categoryName = new Map((categories.data?.items ?? []).map((c) => [c.id, c.name]));
  const rows = products.data?.pages.flatMap((p) => p.items) ?? [];

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key === '/' && !(target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <PageHeader
        title={t('admin.products.title')}
        description={t('admin.products.description')}
        actions={
          <>
            <CsvImportExport importPath="/api/admin/products/import" exportHref="/api/admin/products/export" invalidate="products" />
            <Button component={Link} to="/admin/products/new" leftSection={<IconPlus size={16} />}>
              {t('admin.products.create')}
            </Button>
          </>
        }
      />
      <Group mb="md" gap="md" wrap="wrap">
        <TextInput
          ref={search}
          style={{ flex: 1, minWidth: 260, maxWidth: 480 }}
          leftSection={<IconSearch size={16} />}
          rightSection={<Kbd size="xs">/</Kbd>}
          placeholder={t('admin.products.searchPlaceholder')}
          aria-label={t('admin.products.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => {
            // ↓ from the search box goes straight into the table.
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.querySelector<HTMLElement>('[data-testid="products-table"] tr[data-row]')?.focus();
            }
          }}
        />
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as ProductStatus | 'all')}
          data={[{ value: 'all', label: t('admin.products.all') }, ...PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`admin.products.status.${s}`) }))]}
        />
      </Group>
      <ErrorAlert error={products.error} />
      <DataTable<ProductRow>
        testId="products-table"
        rows={rows}
        rowKey={(p) => p.id}
        onActivate={(p) => navigate(`/admin/products/${p.id}`)}
        empty={
          products.isPending ? null : (
            <EmptyState
              icon={<IconPackage size={28} />}
              title={debounced ? t('admin.products.noMatch', { q: debounced }) : t('admin.products.empty')}
              description={debounced ? t('admin.products.noMatchHint') : t('admin.products.emptyHint')}
            />
          )
        }
        columns={[
          {
            key: 'name',
            header: t('common.name'),
            render: (p) => (
              <Box>
                <Text fw={500} size="sm">
                  {p.name}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {p.slug}
                </Text>
              </Box>
            ),
          },
          { key: 'brand', header: t('admin.products.brand'), render: (p) => (p.brandId ? brandName.get(p.brandId) ?? '' : '') },
          { key: 'category', header: t('admin.products.category'), render: (p) => (p.categoryId ? categoryName.get(p.categoryId) ?? '' : '') },
          { key: 'variants', header: t('admin.products.variants'), align: 'end', render: (p) => p.variantCount },
          { key: 'status', header: t('common.status'), render: (p) => <Badge variant="light" color={STATUS_COLOR[p.status]}>{t(`admin.products.status.${p.status}`)}</Badge> },
          { key: 'updated', header: t('admin.products.updated'), render: (p) => formatDate(p.updatedAt, locale) },
        ]}
      />
      {products.hasNextPage ? (
        <Box ta="center" mt="md">
          <Button variant="default" loading={products.isFetchingNextPage} onClick={() => void products.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Box>
      ) : null}
    </>
  );
}
