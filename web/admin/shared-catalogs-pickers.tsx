import { useMemo, useState } from 'react';
import { MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAllCategories, useBrands } from './catalog-api.ts';
import { useGroupOptions, useProductSearch, type RuleKind } from './shared-catalogs-api.ts';

interface PickerProps {
  value: string;
  /** The chosen item's name, shown before any list has loaded (a saved rule's label). */
  label: string;
  onChange: (value: string, label: string) => void;
  error?: string | undefined;
  testId?: string;
}

/** The value of one rule: a category, brand or product picked by typing, or a tag typed in. */
export function RuleValuePicker({ kind, ...props }: PickerProps & { kind: RuleKind }) {
  if (kind === 'category') return <CategoryPicker {...props} />;
  if (kind === 'brand') return <BrandPicker {...props} />;
  if (kind === 'product') return <ProductPicker {...props} />;
  return <TagInput {...props} />;
}

const comboboxProps = { withinPortal: true } as const;

function withChosen(rows: { value: string; label: string }[], value: string, label: string) {
  return value && !rows.some((r) => r.value === value) ? [{ value, label: label || value }, ...rows] : rows;
}

function CategoryPicker({ value, label, onChange, error, testId }: PickerProps) {
  const { t } = useTranslation();
  const categories = useAllCategories();
  // "Plumbing › Pipes": the path tells same-named subcategories apart.
  const data = useMemo(() => {
    const items = categories.data?.items ?? [];
    const byId = new Map(items.map((c) => [c.id, c]));
    const pathOf = (id: string): string => {
      const names: string[] = [];
      for (let c = byId.get(id); c && names.length < 10; c = c.parentId ? byId.get(c.parentId) : undefined) names.unshift(c.name);
      return names.join(' › ');
    };
    return withChosen(items.map((c) => ({ value: c.id, label: pathOf(c.id) })).sort((a, b) => a.label.localeCompare(b.label)), value, label);
  }, [categories.data, value, label]);
  return (
    <Select
      aria-label={t('catalogs.kind.category')}
      placeholder={t('catalogs.pick.category')}
      searchable
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '', data.find((d) => d.value === v)?.label ?? '')}
      nothingFoundMessage={t('catalogs.pick.none')}
      error={error}
      data-testid={testId}
      comboboxProps={comboboxProps}
      style={{ flex: 1 }}
    />
  );
}

function BrandPicker({ value, label, onChange, error, testId }: PickerProps) {
  const { t } = useTranslation();
  const brands = useBrands();
  const data = useMemo(() => withChosen((brands.data?.items ?? []).map((b) => ({ value: b.id, label: b.name })), value, label), [brands.data, value, label]);
  return (
    <Select
      aria-label={t('catalogs.kind.brand')}
      placeholder={t('catalogs.pick.brand')}
      searchable
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '', data.find((d) => d.value === v)?.label ?? '')}
      nothingFoundMessage={t('catalogs.pick.none')}
      error={error}
      data-testid={testId}
      comboboxProps={comboboxProps}
      style={{ flex: 1 }}
    />
  );
}

/** Products are searched on the server (`/api/admin/products?q=`), so any catalog size works. */
function ProductPicker({ value, label, onChange, error, testId }: PickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const results = useProductSearch(debounced);
  const data = useMemo(() => withChosen((results.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })), value, label), [results.data, value, label]);
  return (
    <Select
      aria-label={t('catalogs.kind.product')}
      placeholder={t('catalogs.pick.product')}
      leftSection={<IconSearch size={16} />}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '', data.find((d) => d.value === v)?.label ?? '')}
      nothingFoundMessage={debounced ? (results.isFetching ? t('common.loading') : t('catalogs.pick.none')) : t('catalogs.pick.typeToSearch')}
      error={error}
      data-testid={testId}
      comboboxProps={comboboxProps}
      style={{ flex: 1 }}
    />
  );
}

function TagInput({ value, onChange, error, testId }: PickerProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      aria-label={t('catalogs.kind.tag')}
      placeholder={t('catalogs.pick.tag')}
      maxLength={100}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value, e.currentTarget.value)}
      error={error}
      data-testid={testId}
      style={{ flex: 1 }}
    />
  );
}

/** Customer groups the catalog is assigned to, searchable by name. */
export function GroupMultiPicker({ value, labels, onChange, error }: { value: string[]; labels: Map<string, string>; onChange: (ids: string[], labels: Map<string, string>) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const groups = useGroupOptions();
  const data = useMemo(() => {
    const rows = (groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }));
    for (const id of value) if (!rows.some((r) => r.value === id)) rows.push({ value: id, label: labels.get(id) ?? id });
    return rows;
  }, [groups.data, value, labels]);
  return (
    <MultiSelect
      label={t('catalogs.assign.groups')}
      description={t('catalogs.assign.groupsHint')}
      placeholder={t('catalogs.pick.group')}
      searchable
      clearable
      data={data}
      value={value}
      onChange={(ids) => onChange(ids, new Map(data.map((d) => [d.value, d.label])))}
      nothingFoundMessage={t('catalogs.pick.none')}
      error={error}
      data-testid="catalog-groups"
      comboboxProps={comboboxProps}
    />
  );
}
