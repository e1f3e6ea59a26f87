import { useMemo, useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';

/**
 * Picks a company by typing part of its name: the server searches (`/api/admin/companies?q=`), so it
 * works with any number of companies. Used by group membership, explain and the price trace.
 */
export function CompanyPicker({
  value,
  onChange,
  label,
  placeholder,
  testId,
  error,
  w,
}: {
  value: string | null;
  onChange: (company: { id: string; legalName: string } | null) => void;
  label?: string;
  placeholder?: string;
  testId?: string;
  error?: string | undefined;
  w?: number | string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const results = useQuery({
    queryKey: ['admin', 'companies', 'search', debounced],
    enabled: debounced.length > 0,
    queryFn: () => unwrap(api.GET('/api/admin/companies', { params: { query: { q: debounced, limit: 20 } } })),
  });
  // The chosen company's name, also when the id came from the URL rather than from a search.
  const chosen = useQuery({
    queryKey: ['admin', 'company', value],
    enabled: Boolean(value),
    queryFn: () => unwrap(api.GET('/api/admin/companies/{id}', { params: { path: { id: value ?? '' } } })),
  });
  const data = useMemo(() => {
    const rows = (results.data?.items ?? []).map((c) => ({ value: c.id, label: c.legalName }));
    if (chosen.data && !rows.some((r) => r.value === chosen.data.id)) rows.unshift({ value: chosen.data.id, label: chosen.data.legalName });
    return rows;
  }, [results.data, chosen.data]);

  return (
    <Select
      w={w}
      label={label ?? t('groups.picker.company')}
      placeholder={placeholder ?? t('groups.picker.placeholder')}
      leftSection={<IconSearch size={16} />}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by name; show its answer as is.
      filter={({ options }) => options}
      data={data}
      value={value}
      onChange={(id) => {
        const row = data.find((d) => d.value === id);
        onChange(id && row ? { id, legalName: row.label } : null);
      }}
      nothingFoundMessage={debounced ? (results.isFetching ? t('common.loading') : t('groups.picker.none')) : t('groups.picker.typeToSearch')}
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
