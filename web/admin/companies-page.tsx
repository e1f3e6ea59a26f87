import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Badge, Box, Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatCountry } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useCompanyChildren, useCompanySearch, type CompanyRow } from './companies-api.ts';
import { CreateCompanyModal } from './company-forms.tsx';
import { useCan } from './session.ts';
import { TreeLevel } from './company-tree.tsx';

/** Companies as a tree (parents, subsidiaries, branches), with search and creation. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const [q, setQ] = useState(sp.get('q') ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [creating, setCreating] = useState<{ parent: CompanyRow | null } | null>(null);
  const roots = useCompanyChildren('root');
  const search = useCompanySearch(debounced);
  const canWrite = useCan('companies:write');
  const open = (c: { id: string }) => navigate(`/admin/companies/${c.id}`);
  const noCompanies = !roots.isPending && (roots.data?.pages[0]?.items.length ?? 0) === 0;

  return (
    <>
      <PageHeader
        title={t('admin.companies.title')}
        description={t('admin.companies.description')}
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating({ parent: null })} data-testid="new-company">
              {t('admin.companies.create')}
            </Button>
          ) : null
        }
      />
      <TextInput
        mb="md"
        maw={420}
        leftSection={<IconSearch size={16} />}
        placeholder={t('admin.companies.searchPlaceholder')}
        aria-label={t('admin.companies.searchPlaceholder')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setSp(e.currentTarget.value ? { q: e.currentTarget.value } : {}, { replace: true });
        }}
      />
      {debounced ? (
        <>
          <ErrorAlert error={search.error} />
          <DataTable<CompanyRow>
            rows={search.data?.items ?? []}
            rowKey={(c) => c.id}
            onActivate={open}
            empty={search.isPending ? null : <EmptyState title={t('admin.companies.noMatch', { q: debounced })} description={t('admin.companies.noMatchHint')} />}
            columns={[
              { key: 'name', header: t('admin.companies.legalName'), render: (c) => <Text fw={500}>{c.legalName}</Text> },
              { key: 'country', header: t('admin.companies.country'), render: (c) => formatCountry(c.country, locale) },
              { key: 'currency', header: t('admin.companies.currency'), render: (c) => c.currency },
              { key: 'status', header: t('common.status'), render: (c) => <Badge variant="dot" color={c.status === 'active' ? 'teal' : 'orange'}>{t(`admin.companies.status.${c.status}`)}</Badge> },
            ]}
          />
        </>
      ) : noCompanies ? (
        <EmptyState title={t('admin.companies.empty')} description={t('admin.companies.emptyHint')} action={<Button onClick={() => setCreating({ parent: null })}>{t('admin.companies.create')}</Button>} />
      ) : (
        <Paper withBorder>
          <Group px="md" py="xs" gap="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ flex: 1 }}>
              {t('admin.companies.legalName')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('admin.companies.treeHint')}
            </Text>
          </Group>
          <Box role="tree" aria-label={t('admin.companies.title')} data-testid="company-tree">
            <TreeLevel parentId="root" level={1} onOpen={open} onAddChild={canWrite ? (c) => setCreating({ parent: c }) : undefined} />
          </Box>
        </Paper>
      )}
      <CreateCompanyModal opened={creating !== null} parent={creating?.parent ?? null} onClose={() => setCreating(null)} onCreated={(c) => open(c)} />
    </>
  );
}
