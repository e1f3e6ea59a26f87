import { useNavigate } from 'react-router-dom';
import { Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconEyeOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { RULE_KINDS, useSharedCatalogs, type SharedCatalogSummary } from './shared-catalogs-api.ts';
import { CompanyVisibilityCheck } from './shared-catalogs-company-check.tsx';
import { useCan } from './session.ts';

/** "Shows 2 categories, 1 brand · hides 1 category" (or "every product"). */
function RuleSummary({ c }: { c: SharedCatalogSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const part = (counts: SharedCatalogSummary['include']) =>
    RULE_KINDS.filter((k) => counts[k] > 0)
      .map((k) => t(`catalogs.kindCount.${k}`, { count: counts[k], n: formatNumber(counts[k], locale) }))
      .join(', ');
  const shows = part(c.include);
  const hides = part(c.exclude);
  return (
    <Stack gap={0}>
      <Text size="sm">{shows ? t('catalogs.summary.shows', { what: shows }) : t('catalogs.summary.everything')}</Text>
      {hides ? (
        <Text size="sm" c="red.8">
          {t('catalogs.summary.hides', { what: hides })}
        </Text>
      ) : null}
    </Stack>
  );
}

function AssignmentSummary({ c }: { c: SharedCatalogSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parts: string[] = [];
  if (c.assignments.everyone) parts.push(t('catalogs.summary.everyone'));
  if (c.assignments.groups) parts.push(t('catalogs.summary.groups', { count: c.assignments.groups, n: formatNumber(c.assignments.groups, locale) }));
  if (c.assignments.companies) parts.push(t('catalogs.summary.companies', { count: c.assignments.companies, n: formatNumber(c.assignments.companies, locale) }));
  return parts.length ? (
    <Text size="sm">{parts.join(' · ')}</Text>
  ) : (
    <Text size="sm" c="dimmed">
      {t('catalogs.summary.nobody')}
    </Text>
  );
}

/** Shared catalogs: which products each shows or hides, and who it reaches. */
export function SharedCatalogsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const catalogs = useSharedCatalogs();
  const canWrite = useCan('catalog:write');
  const rows = catalogs.data?.pages.flatMap((p) => p.items) ?? [];
  const create = canWrite ? (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/admin/catalogs/new')} data-testid="new-catalog">
      {t('catalogs.create')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('catalogs.title')} description={t('catalogs.description')} actions={create} />
      <ErrorAlert error={catalogs.error} />
      {catalogs.isPending ? (
        <Skeleton h={200} />
      ) : (
        <Stack gap="sm">
          <DataTable<SharedCatalogSummary>
            testId="catalogs-table"
            rows={rows}
            rowKey={(c) => c.id}
            onActivate={(c) => navigate(`/admin/catalogs/${c.id}`)}
            empty={
              <EmptyState
                icon={<IconEyeOff size={28} />}
                title={t('catalogs.empty')}
                description={
                  <Stack gap={6} maw={520} mx="auto">
                    <Text size="sm">{t('catalogs.emptyHint')}</Text>
                    <Text size="sm">{t('catalogs.emptyExample')}</Text>
                  </Stack>
                }
                action={create}
              />
            }
            columns={[
              { key: 'name', header: t('common.name'), render: (c) => <Text fw={500}>{c.name}</Text> },
              {
                key: 'status',
                header: t('common.status'),
                render: (c) => (
                  <Badge variant="light" color={c.status === 'active' ? 'teal' : 'gray'} data-testid="catalog-status">
                    {t(`catalogs.status.${c.status}`)}
                  </Badge>
                ),
              },
              { key: 'rules', header: t('catalogs.rules'), render: (c) => <RuleSummary c={c} /> },
              { key: 'assignments', header: t('catalogs.assignedTo'), render: (c) => <AssignmentSummary c={c} /> },
              { key: 'updated', header: t('catalogs.updated'), render: (c) => formatDateTime(c.updatedAt, locale) },
            ]}
          />
          {catalogs.hasNextPage ? (
            <Group justify="center">
              <Button variant="default" loading={catalogs.isFetchingNextPage} onClick={() => void catalogs.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            </Group>
          ) : null}
          {rows.length ? <CompanyVisibilityCheck /> : null}
        </Stack>
      )}
    </>
  );
}
