import { useState } from 'react';
import { Alert, Badge, Button, Code, CopyButton, Group, Modal, MultiSelect, Stack, Text, TextInput, Tooltip, ActionIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, expectOk, unwrap, type ResponseOf } from '../api/client.ts';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert, fieldError } from '../ui/error-alert.tsx';
import { formatDateTime } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';

type ApiKey = ResponseOf<'/api/admin/api-keys', 'get'>['items'][number];
type CreatedKey = ResponseOf<'/api/admin/api-keys', 'post'>;

const SCOPES = ['catalog:read', 'catalog:write', 'inventory:read', 'inventory:write', 'companies:read', 'companies:write', 'orders:read', 'orders:write'];

function CreateKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['catalog:read']);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/admin/api-keys', { body: { name: name.trim(), scopes } })),
    onSuccess: (k) => {
      setCreated(k);
      void qc.invalidateQueries({ queryKey: ['admin', 'api-keys'] });
    },
  });
  const close = () => {
    setName('');
    setScopes(['catalog:read']);
    setCreated(null);
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('admin.apiKeys.create')} size="lg">
      {created ? (
        <Stack>
          <Alert color="yellow" title={t('admin.apiKeys.copyNow')}>
            {t('admin.apiKeys.copyNowText')}
          </Alert>
          <Group wrap="nowrap" gap="xs">
            <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="new-api-key" dir="ltr">
              {created.key}
            </Code>
            <CopyButton value={created.key}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
                  <ActionIcon variant="light" size="lg" onClick={copy} aria-label={t('common.copy')}>
                    {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Stack>
            <ErrorAlert error={create.error} />
            <TextInput label={t('common.name')} description={t('admin.apiKeys.nameHint')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(create.error, 'name')} data-autofocus />
            <MultiSelect label={t('admin.apiKeys.scopes')} data={SCOPES} value={scopes} onChange={setScopes} searchable error={fieldError(create.error, 'scopes')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim() || scopes.length === 0}>
                {t('admin.apiKeys.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Integration keys: create (the key is shown once), list, revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const keys = useQuery({ queryKey: ['admin', 'api-keys'], queryFn: () => unwrap(api.GET('/api/admin/api-keys', { params: { query: { limit: 200 } } })) });
  const revoke = useMutation({
    mutationFn: (id: string) => expectOk(api.DELETE('/api/admin/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('admin.apiKeys.revoked') });
      void qc.invalidateQueries({ queryKey: ['admin', 'api-keys'] });
    },
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });
  return (
    <>
      <PageHeader
        title={t('admin.apiKeys.title')}
        description={t('admin.apiKeys.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen(true)}>
            {t('admin.apiKeys.create')}
          </Button>
        }
      />
      <ErrorAlert error={keys.error} />
      <DataTable<ApiKey>
        rows={keys.data?.items ?? []}
        rowKey={(k) => k.id}
        empty={keys.isPending ? null : <EmptyState icon={<IconKey size={28} />} title={t('admin.apiKeys.empty')} description={t('admin.apiKeys.emptyHint')} />}
        columns={[
          { key: 'name', header: t('common.name'), render: (k) => <Text fw={500}>{k.name}</Text> },
          { key: 'prefix', header: t('admin.apiKeys.prefix'), render: (k) => <Code dir="ltr">{k.prefix}…</Code> },
          {
            key: 'scopes',
            header: t('admin.apiKeys.scopes'),
            render: (k) => (
              <Group gap={4}>
                {k.scopes.map((s) => (
                  <Badge key={s} variant="light" size="sm" tt="none">
                    {s}
                  </Badge>
                ))}
              </Group>
            ),
          },
          { key: 'created', header: t('common.created'), render: (k) => formatDateTime(k.createdAt, locale) },
          { key: 'used', header: t('admin.apiKeys.lastUsed'), render: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : <Text c="dimmed" size="sm">{t('admin.apiKeys.never')}</Text>) },
          {
            key: 'status',
            header: t('common.status'),
            render: (k) =>
              k.revokedAt ? (
                <Badge color="gray" variant="light">{t('admin.apiKeys.revokedStatus')}</Badge>
              ) : (
                <Badge color="teal" variant="light">{t('common.active')}</Badge>
              ),
          },
          {
            key: 'actions',
            header: '',
            align: 'end',
            render: (k) =>
              k.revokedAt ? null : (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  loading={revoke.isPending && revoke.variables === k.id}
                  onClick={(e) => {
                    e.stopPropagation();
                    if (window.confirm(t('admin.apiKeys.revokeConfirm', { name: k.name }))) revoke.mutate(k.id);
                  }}
                >
                  {t('admin.apiKeys.revoke')}
                </Button>
              ),
          },
        ]}
      />
      <CreateKeyModal opened={open} onClose={() => setOpen(false)} />
    </>
  );
}
