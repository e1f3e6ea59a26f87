import { useState } from 'react';
import { Badge, Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type BodyOf, type ResponseOf } from '../api/client.ts';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert, fieldError } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';

type Staff = ResponseOf<'/api/admin/staff', 'get'>['items'][number];
type StaffRole = Staff['role'];
const ROLES: StaffRole[] = ['admin', 'catalog_manager', 'pricing_manager', 'sales_rep', 'credit_controller', 'support'];

/** Staff accounts and their roles; create, change role, disable. */
export function StaffPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const staff = useQuery({ queryKey: ['admin', 'staff'], queryFn: () => unwrap(api.GET('/api/admin/staff', { params: { query: { limit: 200 } } })) });
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({ name: '', email: '', role: 'support' as StaffRole, password: '' });
  const create = useMutation({
    mutationFn: (body: BodyOf<'/api/admin/staff', 'post'>) => unwrap(api.POST('/api/admin/staff', { body })),
    onSuccess: () => {
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['admin', 'staff'] });
    },
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<'/api/admin/staff/{id}', 'patch'> }) => unwrap(api.PATCH('/api/admin/staff/{id}', { params: { path: { id } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['admin', 'staff'] }),
  });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.staff.${r}`) }));
  return (
    <>
      <PageHeader
        title={t('admin.staff.title')}
        description={t('admin.staff.description')}
        actions={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => {
              create.reset();
              setV({ name: '', email: '', role: 'support', password: '' });
              setOpen(true);
            }}
          >
            {t('admin.staff.create')}
          </Button>
        }
      />
      <ErrorAlert error={staff.error ?? update.error} />
      <DataTable<Staff>
        rows={staff.data?.items ?? []}
        rowKey={(s) => s.id}
        empty={staff.isPending ? null : <EmptyState icon={<IconUsers size={28} />} title={t('admin.staff.empty')} />}
        columns={[
          { key: 'name', header: t('common.name'), render: (s) => <Text fw={500}>{s.name}</Text> },
          { key: 'email', header: t('auth.email'), render: (s) => <Text size="sm" dir="ltr">{s.email}</Text> },
          {
            key: 'role',
            header: t('admin.companies.role'),
            render: (s) => (
              <Select
                size="xs"
                w={210}
                allowDeselect={false}
                data={roleOptions}
                value={s.role}
                aria-label={t('admin.companies.role')}
                onChange={(role) => role && role !== s.role && update.mutate({ id: s.id, body: { role: role as StaffRole } })}
                onClick={(e) => e.stopPropagation()}
              />
            ),
          },
          { key: 'status', header: t('common.status'), render: (s) => <Badge variant="dot" color={s.status === 'active' ? 'teal' : 'gray'}>{t(`admin.userStatus.${s.status}`)}</Badge> },
          { key: 'created', header: t('common.created'), render: (s) => formatDate(s.createdAt, locale) },
          {
            key: 'actions',
            header: '',
            align: 'end',
            render: (s) => (
              <Button size="compact-sm" variant="subtle" color={s.status === 'active' ? 'red' : 'teal'} onClick={() => update.mutate({ id: s.id, body: { status: s.status === 'active' ? 'disabled' : 'active' } })}>
                {s.status === 'active' ? t('admin.staff.disable') : t('admin.staff.enable')}
              </Button>
            ),
          },
        ]}
      />
      <Modal opened={open} onClose={() => setOpen(false)} title={t('admin.staff.create')} size="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ name: v.name.trim(), email: v.email.trim(), role: v.role, ...(v.password ? { password: v.password } : {}) });
          }}
        >
          <Stack>
            <ErrorAlert error={create.error} />
            <SimpleGrid cols={2}>
              <TextInput label={t('common.name')} required value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={fieldError(create.error, 'name')} data-autofocus />
              <TextInput label={t('auth.email')} type="email" required value={v.email} onChange={(e) => setV({ ...v, email: e.currentTarget.value })} error={fieldError(create.error, 'email')} />
              <Select label={t('admin.companies.role')} allowDeselect={false} data={roleOptions} value={v.role} onChange={(r) => setV({ ...v, role: (r ?? 'support') as StaffRole })} />
              <PasswordInput label={t('auth.password')} description={t('admin.companies.passwordOptional')} value={v.password} onChange={(e) => setV({ ...v, password: e.currentTarget.value })} error={fieldError(create.error, 'password')} autoComplete="new-password" />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!v.name.trim() || !v.email.trim()}>
                {t('admin.staff.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
