import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { Anchor, Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconListDetails, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useStoreSession } from './session.ts';

export const LISTS = ['store', 'lists'] as const;

function NewListButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [visibility, setVisibility] = useState<'private' | 'company'>('private');
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/store/lists', { body: { name: name.trim(), visibility } })),
    onSuccess: (l) => {
      void qc.invalidateQueries({ queryKey: LISTS });
      setOpen(false);
      navigate(`/lists/${l.id}`);
    },
  });
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen(true)} data-testid="list-new">
        {t('lists.newList')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('lists.newList')}>
        <form onSubmit={(e) => { e.preventDefault(); if (name.trim()) create.mutate(); }}>
          <Stack>
            <TextInput label={t('lists.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} required data-autofocus />
            <Stack gap={4}>
              <Text size="sm" fw={500}>{t('lists.visibility')}</Text>
              <SegmentedControl value={visibility} onChange={(v) => setVisibility(v as 'private' | 'company')}
                data={[{ value: 'private', label: t('lists.private') }, { value: 'company', label: t('lists.company') }]} />
            </Stack>
            {create.error ? <ErrorAlert error={create.error} /> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>{t('lists.create')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Shopping / requisition lists: the buyer's own and those shared with the company. */
export function ListsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useStoreSession();
  const lists = useQuery({ queryKey: [...LISTS, 'index'], enabled: !!session.data, queryFn: () => unwrap(api.GET('/api/store/lists', { params: { query: { limit: 100 } } })) });
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to="/sign-in?next=/lists" replace />;
  return (
    <Stack gap="lg" maw={1000}>
      <Group justify="space-between">
        <Stack gap={4}>
          <Title order={1} size="h2">{t('lists.title')}</Title>
          <Text c="dimmed">{t('lists.intro')}</Text>
        </Stack>
        {session.data.permissions.includes('company.lists:write') ? <NewListButton /> : null}
      </Group>
      {lists.error ? <ErrorAlert error={lists.error} /> : null}
      {lists.isPending ? <PageLoader /> : null}
      {lists.data && lists.data.items.length === 0 ? <EmptyState title={t('lists.none')} icon={<IconListDetails size={28} />} /> : null}
      {lists.data && lists.data.items.length > 0 ? (
        <Paper withBorder>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="lists-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('lists.name')}</Table.Th>
                <Table.Th>{t('lists.owner')}</Table.Th>
                <Table.Th>{t('lists.visibility')}</Table.Th>
                <Table.Th style={{ textAlign: 'end' }}>{t('lists.lines')}</Table.Th>
                <Table.Th>{t('lists.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lists.data.items.map((l) => (
                <Table.Tr key={l.id} data-testid="list-row">
                  <Table.Td><Anchor component={Link} to={`/lists/${l.id}`} fw={600}>{l.name}</Anchor></Table.Td>
                  <Table.Td>{l.mine ? t('lists.you') : l.owner.name}</Table.Td>
                  <Table.Td><Badge variant="light" color={l.visibility === 'company' ? 'grape' : 'gray'}>{t(`lists.${l.visibility}`)}</Badge></Table.Td>
                  <Table.Td style={{ textAlign: 'end' }}>{formatNumber(l.lineCount, locale)}</Table.Td>
                  <Table.Td>{formatDate(l.updatedAt, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
    </Stack>
  );
}
