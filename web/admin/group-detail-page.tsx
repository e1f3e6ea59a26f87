import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ActionIcon, Alert, Anchor, Badge, Breadcrumbs, Button, Code, Group, List, Modal, Paper, SimpleGrid, Skeleton, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconHelpCircle, IconHistory, IconPencil, IconReceipt, IconTrash, IconUserMinus, IconUserPlus, IconUsers, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { useDeleteGroup, useExplain, useGroup, useGroupLog, useGroupMembers, useStaticMember, type CustomerGroup, type GroupMember, type LogEntry } from './group-api.ts';
import { CompanyPicker } from './group-company-picker.tsx';
import { GroupTermsTab } from './group-terms-tab.tsx';
import { GroupKindBadge } from './groups-page.tsx';
import { useCan } from './session.ts';

function Members({ group, onExplain }: { group: CustomerGroup; onExplain: (companyId: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const members = useGroupMembers(group.id);
  const { add, remove } = useStaticMember(group.id);
  const canWrite = useCan('segments:write');
  const [picked, setPicked] = useState<string | null>(null);
  const rows = members.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      {canWrite ? (
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <CompanyPicker w={360} label={t('groups.detail.addStatic')} value={picked} onChange={(c) => setPicked(c?.id ?? null)} testId="static-picker" />
            <Button
              leftSection={<IconUserPlus size={16} />}
              disabled={!picked}
              loading={add.isPending}
              onClick={() => picked && add.mutate(picked, { onSuccess: () => setPicked(null) })}
              data-testid="add-static"
            >
              {t('groups.detail.add')}
            </Button>
            <Text size="xs" c="dimmed" maw={360}>
              {t('groups.detail.addStaticHint')}
            </Text>
          </Group>
          <ErrorAlert error={add.error ?? remove.error} />
        </Paper>
      ) : null}
      {members.error ? <ErrorAlert error={members.error} /> : null}
      <DataTable<GroupMember>
        testId="group-members"
        rows={rows}
        rowKey={(m) => m.companyId}
        onActivate={(m) => onExplain(m.companyId)}
        empty={members.isPending ? <Skeleton h={120} /> : <EmptyState icon={<IconUsers size={28} />} title={t('groups.detail.noMembers')} description={t('groups.detail.noMembersHint')} />}
        columns={[
          {
            key: 'company',
            header: t('groups.detail.company'),
            render: (m) => (
              <Anchor component={Link} to={`/admin/companies/${m.companyId}`} fw={500} onClick={(e) => e.stopPropagation()}>
                {m.legalName}
              </Anchor>
            ),
          },
          {
            key: 'how',
            header: t('groups.detail.how'),
            width: 140,
            render: (m) => (
              <Badge variant="light" color={m.static ? 'gray' : 'indigo'}>
                {m.static ? t('groups.detail.static') : t('groups.detail.byRule')}
              </Badge>
            ),
          },
          { key: 'reason', header: t('groups.detail.reason'), render: (m) => <Text size="sm" dir="ltr">{m.reason}</Text> },
          { key: 'since', header: t('groups.detail.since'), render: (m) => formatDateTime(m.since, locale) },
          {
            key: 'actions',
            header: '',
            align: 'end',
            render: (m) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Tooltip label={t('groups.detail.explain')}>
                  <ActionIcon variant="subtle" aria-label={t('groups.detail.explain')} onClick={(e) => { e.stopPropagation(); onExplain(m.companyId); }}>
                    <IconHelpCircle size={16} />
                  </ActionIcon>
                </Tooltip>
                {m.static && canWrite ? (
                  <Tooltip label={t('groups.detail.removeStatic')}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('groups.detail.removeStatic')} loading={remove.isPending && remove.variables === m.companyId} onClick={(e) => { e.stopPropagation(); remove.mutate(m.companyId); }} data-testid="remove-static">
                      <IconUserMinus size={16} />
                    </ActionIcon>
                  </Tooltip>
                ) : null}
              </Group>
            ),
          },
        ]}
      />
      {members.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" loading={members.isFetchingNextPage} onClick={() => void members.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function Log({ group }: { group: CustomerGroup }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const log = useGroupLog(group.id);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  if (log.error) return <ErrorAlert error={log.error} />;
  return (
    <Stack gap="sm">
      <DataTable<LogEntry>
        testId="group-log"
        rows={rows}
        rowKey={(e) => String(e.id)}
        empty={log.isPending ? <Skeleton h={120} /> : <EmptyState icon={<IconHistory size={28} />} title={t('groups.detail.noLog')} />}
        columns={[
          { key: 'at', header: t('groups.detail.when'), render: (e) => formatDateTime(e.at, locale) },
          { key: 'company', header: t('groups.detail.company'), render: (e) => <Text fw={500}>{e.legalName}</Text> },
          {
            key: 'change',
            header: t('groups.detail.change'),
            render: (e) => (
              <Badge variant="light" color={e.change === 'joined' ? 'teal' : 'orange'}>
                {t(`groups.detail.${e.change}`)}
              </Badge>
            ),
          },
          { key: 'reason', header: t('groups.detail.reason'), render: (e) => <Text size="sm" dir="ltr">{e.reason}</Text> },
        ]}
      />
      {log.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** Why a chosen company is, or is not, in the group — with the values that decided it. */
function Explain({ group, companyId, onCompany }: { group: CustomerGroup; companyId: string | null; onCompany: (id: string | null) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const explained = useExplain(group.id, companyId);
  const e = explained.data;
  return (
    <Stack gap="sm">
      <CompanyPicker w={420} label={t('groups.detail.explainFor')} value={companyId} onChange={(c) => onCompany(c?.id ?? null)} testId="explain-picker" />
      <ErrorAlert error={explained.error} />
      {explained.isFetching && !e ? <Skeleton h={80} /> : null}
      {e ? (
        <Alert
          color={e.member ? 'teal' : 'gray'}
          variant="light"
          icon={e.member ? <IconCheck size={18} /> : <IconX size={18} />}
          title={e.member ? t('groups.detail.isMember') : t('groups.detail.notMember')}
          data-testid="explanation"
        >
          <Stack gap={6}>
            <Text size="sm" dir="ltr" data-testid="explanation-sentence">
              {e.sentence}
            </Text>
            {e.reasons.length > 1 ? (
              <List size="sm" spacing={2} dir="ltr">
                {e.reasons.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
              </List>
            ) : null}
            <Group gap="xs">
              {e.static ? <Badge variant="light" color="gray">{t('groups.detail.static')}</Badge> : null}
              {e.since ? (
                <Text size="xs" c="dimmed">
                  {t('groups.detail.memberSince', { date: formatDateTime(e.since, locale) })}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}

/** One group: its rule, members with the reason each is in, the join/leave log, and explain. */
export function GroupDetailPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const group = useGroup(id);
  const del = useDeleteGroup();
  const canWrite = useCan('segments:write');
  // The terms are read with the credit API, which staff without companies:read cannot use.
  const canSeeTerms = useCan('companies:read');
  const [tab, setTab] = useState<string | null>('members');
  const [explainFor, setExplainFor] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  if (group.isPending) return <Skeleton h={300} />;
  if (group.error || !group.data) return <ErrorAlert error={group.error} />;
  const g = group.data;
  const explain = (companyId: string) => {
    setExplainFor(companyId);
    setTab('explain');
  };
  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/admin/groups" size="sm">
          {t('groups.title')}
        </Anchor>
        <Text size="sm">{g.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <Group gap="sm">
          <Title order={1} size="h2" data-testid="group-title">
            {g.name}
          </Title>
          <GroupKindBadge group={g} />
        </Group>
        {canWrite ? (
          <Group gap="sm">
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
              {t('common.delete')}
            </Button>
            <Button leftSection={<IconPencil size={16} />} component={Link} to={`/admin/groups/${g.id}/edit`} data-testid="edit-group">
              {t('groups.edit')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Paper withBorder p="lg">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('groups.members')}
            </Text>
            <Text size="xl" fw={700} data-testid="member-count">
              {formatNumber(g.memberCount, locale)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('groups.detail.staticCount', { count: g.staticCount, formatted: formatNumber(g.staticCount, locale) })}
            </Text>
          </Stack>
          <Stack gap={2} style={{ gridColumn: 'span 2' }}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('groups.rule')}
            </Text>
            {g.rule ? (
              <Code block dir="ltr" data-testid="group-rule">
                {g.rule}
              </Code>
            ) : (
              <Text size="sm" c="dimmed">
                {t('groups.noRuleLong')}
              </Text>
            )}
            {g.description ? <Text size="sm">{g.description}</Text> : null}
            <Text size="xs" c="dimmed">
              {t('groups.detail.updatedAt', { date: formatDateTime(g.updatedAt, locale) })}
            </Text>
          </Stack>
        </SimpleGrid>
      </Paper>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="members" leftSection={<IconUsers size={16} />}>
            {t('groups.members')}
          </Tabs.Tab>
          <Tabs.Tab value="log" leftSection={<IconHistory size={16} />} data-testid="tab-log">
            {t('groups.detail.log')}
          </Tabs.Tab>
          <Tabs.Tab value="explain" leftSection={<IconHelpCircle size={16} />} data-testid="tab-explain">
            {t('groups.detail.explain')}
          </Tabs.Tab>
          {canSeeTerms ? (
            <Tabs.Tab value="terms" leftSection={<IconReceipt size={16} />} data-testid="tab-terms">
              {t('groupTerms.tab')}
            </Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="members">
          <Members group={g} onExplain={explain} />
        </Tabs.Panel>
        <Tabs.Panel value="log">
          <Log group={g} />
        </Tabs.Panel>
        <Tabs.Panel value="explain">
          <Explain group={g} companyId={explainFor} onCompany={setExplainFor} />
        </Tabs.Panel>
        {canSeeTerms ? (
          <Tabs.Panel value="terms">
            <GroupTermsTab groupId={g.id} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={t('groups.deleteTitle', { name: g.name })}>
        <Stack>
          <Text size="sm">{t('groups.deleteText')}</Text>
          <ErrorAlert error={del.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={del.isPending}
              onClick={() =>
                del.mutate(g.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('groups.deleted', { name: g.name }) });
                    navigate('/admin/groups');
                  },
                })
              }
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
