import { Link, useNavigate } from 'react-router-dom';
import { Badge, Box, Button, Text } from '@mantine/core';
import { IconPlus, IconTags } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { targetsSummary, validitySummary } from './price-list-labels.ts';
import { usePriceLists, type PriceListRow } from './price-lists-api.ts';
import { useCan } from './session.ts';

/** Every price list with who it prices and how many entries it holds; Enter opens its entries. */
export function PriceListsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const lists = usePriceLists();
  const canWrite = useCan('pricing:write');
  const rows = lists.data?.pages.flatMap((p) => p.items) ?? [];
  const create = canWrite ? (
    <Button component={Link} to="/admin/price-lists/new" leftSection={<IconPlus size={16} />} data-testid="price-list-new">
      {t('priceLists.create')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('priceLists.title')} description={t('priceLists.description')} actions={create} />
      <ErrorAlert error={lists.error} />
      <DataTable<PriceListRow>
        testId="price-lists-table"
        rows={rows}
        rowKey={(l) => l.id}
        onActivate={(l) => navigate(`/admin/price-lists/${l.id}`)}
        empty={lists.isPending ? null : <EmptyState icon={<IconTags size={28} />} title={t('priceLists.empty')} description={t('priceLists.emptyHint')} action={create} />}
        columns={[
          {
            key: 'name',
            header: t('common.name'),
            render: (l) => (
              <Box>
                <Text fw={500} size="sm">
                  {l.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`priceLists.kind.${l.kind}`)}
                </Text>
              </Box>
            ),
          },
          { key: 'currency', header: t('priceLists.currency'), render: (l) => <Text ff="monospace" size="sm">{l.currency}</Text> },
          { key: 'status', header: t('common.status'), render: (l) => <Badge variant="light" color={l.status === 'active' ? 'teal' : 'gray'}>{t(`priceLists.status.${l.status}`)}</Badge> },
          { key: 'priority', header: t('priceLists.priority'), align: 'end', render: (l) => formatNumber(l.priority, locale) },
          { key: 'validity', header: t('priceLists.validity.label'), render: (l) => validitySummary(t, l, locale) },
          { key: 'targets', header: t('priceLists.targets.label'), render: (l) => targetsSummary(t, l) },
          { key: 'entries', header: t('priceLists.entries'), align: 'end', render: (l) => formatNumber(l.entryCount ?? 0, locale) },
        ]}
      />
      {lists.hasNextPage ? (
        <Box ta="center" mt="md">
          <Button variant="default" loading={lists.isFetchingNextPage} onClick={() => void lists.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Box>
      ) : null}
    </>
  );
}
