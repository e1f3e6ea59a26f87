import { useNavigate } from 'react-router-dom';
import { Badge, Button, Code, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { groupKind, useGroups, type CustomerGroup } from './group-api.ts';
import { useCan } from './session.ts';

const KIND_COLOR = { static: 'gray', rule: 'indigo', both: 'grape' } as const;

/** static / rule / both as a badge. */
export function GroupKindBadge({ group }: { group: Pick<CustomerGroup, 'rule' | 'staticCount'> }) {
  const { t } = useTranslation();
  const kind = groupKind(group);
  return (
    <Badge variant="light" color={KIND_COLOR[kind]} style={{ flexShrink: 0, overflow: 'visible' }} data-testid="group-kind">
      {t(`groups.kind.${kind}`)}
    </Badge>
  );
}

/** Customer groups: who is in each and by which rule; the entry to creating one. */
export function GroupsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const groups = useGroups();
  const canWrite = useCan('segments:write');
  const rows = groups.data?.pages.flatMap((p) => p.items) ?? [];
  const create = canWrite ? (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/admin/groups/new')} data-testid="new-group">
      {t('groups.create')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('groups.title')} description={t('groups.description')} actions={create} />
      <ErrorAlert error={groups.error} />
      {groups.isPending ? (
        <Skeleton h={200} />
      ) : (
        <Stack gap="sm">
          <DataTable<CustomerGroup>
            testId="groups-table"
            rows={rows}
            rowKey={(g) => g.id}
            onActivate={(g) => navigate(`/admin/groups/${g.id}`)}
            empty={
              <EmptyState
                icon={<IconUsersGroup size={28} />}
                title={t('groups.empty')}
                description={
                  <Stack gap={6} maw={520} mx="auto">
                    <Text size="sm">{t('groups.emptyHint')}</Text>
                    <Code dir="ltr">industry in ("construction", "mining") and spend_90d &gt;= 50000.00 PKR</Code>
                    <Text size="sm">{t('groups.emptyHint2')}</Text>
                  </Stack>
                }
                action={create}
              />
            }
            columns={[
              { key: 'name', header: t('common.name'), render: (g) => <Text fw={500}>{g.name}</Text> },
              { key: 'kind', header: t('groups.kindLabel'), width: 150, render: (g) => <GroupKindBadge group={g} /> },
              { key: 'members', header: t('groups.members'), align: 'end', render: (g) => formatNumber(g.memberCount, locale) },
              {
                key: 'rule',
                header: t('groups.rule'),
                render: (g) =>
                  g.rule ? (
                    <Text size="sm" ff="monospace" dir="ltr" lineClamp={2} maw={460}>
                      {g.rule}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('groups.noRule')}
                    </Text>
                  ),
              },
              { key: 'updated', header: t('groups.updated'), render: (g) => formatDateTime(g.updatedAt, locale) },
            ]}
          />
          {groups.hasNextPage ? (
            <Group justify="center">
              <Button variant="default" loading={groups.isFetchingNextPage} onClick={() => void groups.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      )}
    </>
  );
}
