import { Navigate } from 'react-router-dom';
import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconMapPin, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatCountry, formatDate } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useStoreSession } from './session.ts';

type User = ResponseOf<'/api/store/company/users', 'get'>['items'][number];
type Location = ResponseOf<'/api/store/company/locations', 'get'>['items'][number];

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </Stack>
  );
}

/** The buyer's own company: details, addresses and (for company admins) its people. */
export function CompanyPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useStoreSession();
  const can = (p: string) => Boolean(session.data?.permissions.includes(p));
  const companyId = session.data?.company.id;
  const company = useQuery({ queryKey: ['store', 'company', companyId], enabled: Boolean(companyId), queryFn: () => unwrap(api.GET('/api/store/company')) });
  const locations = useQuery({
    queryKey: ['store', 'company', companyId, 'locations'],
    enabled: Boolean(companyId) && can('company.locations:read'),
    queryFn: () => unwrap(api.GET('/api/store/company/locations', { params: { query: { limit: 200 } } })),
  });
  const users = useQuery({
    queryKey: ['store', 'company', companyId, 'users'],
    enabled: Boolean(companyId) && can('company.users:read'),
    queryFn: () => unwrap(api.GET('/api/store/company/users', { params: { query: { limit: 200 } } })),
  });

  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to="/sign-in?next=/account/company" replace />;
  if (company.error) return <ErrorAlert error={company.error} />;
  if (!company.data) return <Skeleton h={300} />;
  const c = company.data;

  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Title order={1} size="h2" data-testid="company-name">
          {c.legalName}
        </Title>
        <Badge variant="light">{t(`roles.company.${session.data.role}`, { defaultValue: session.data.role })}</Badge>
      </Group>
      <Paper withBorder p="lg">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg">
          <Field label={t('store.parentCompany')} value={c.parent?.legalName} />
          <Field label={t('admin.companies.country')} value={formatCountry(c.country, locale)} />
          <Field label={t('admin.companies.currency')} value={c.currency} />
          <Field label={t('admin.companies.taxId')} value={c.taxId} />
        </SimpleGrid>
      </Paper>
      {can('company.locations:read') ? (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('admin.companies.locations')}
          </Title>
          <ErrorAlert error={locations.error} />
          <DataTable<Location>
            rows={locations.data?.items ?? []}
            rowKey={(l) => l.id}
            empty={locations.isPending ? <Skeleton h={80} /> : <EmptyState icon={<IconMapPin size={28} />} title={t('admin.companies.noLocations')} />}
            columns={[
              { key: 'name', header: t('common.name'), render: (l) => <Text fw={500}>{l.name}</Text> },
              { key: 'address', header: t('admin.companies.address'), render: (l) => [l.line1, l.line2, [l.postalCode, l.city].filter(Boolean).join(' '), formatCountry(l.country, locale)].filter(Boolean).join(', ') },
              {
                key: 'use',
                header: t('admin.companies.use'),
                render: (l) => (
                  <Group gap={4}>
                    {l.isShipTo ? <Badge size="sm" variant="light">{t('admin.companies.shipTo')}</Badge> : null}
                    {l.isBillTo ? <Badge size="sm" variant="light" color="grape">{t('admin.companies.billTo')}</Badge> : null}
                  </Group>
                ),
              },
            ]}
          />
        </Stack>
      ) : null}
      {can('company.users:read') ? (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('admin.companies.users')}
          </Title>
          <ErrorAlert error={users.error} />
          <DataTable<User>
            rows={users.data?.items ?? []}
            rowKey={(u) => u.id}
            empty={users.isPending ? <Skeleton h={80} /> : <EmptyState icon={<IconUsers size={28} />} title={t('admin.companies.noUsers')} />}
            columns={[
              { key: 'name', header: t('common.name'), render: (u) => <Text fw={500}>{u.name}</Text> },
              { key: 'email', header: t('auth.email'), render: (u) => <Text size="sm" dir="ltr">{u.email}</Text> },
              { key: 'role', header: t('admin.companies.role'), render: (u) => <Badge variant="light">{t(`roles.company.${u.role}`)}</Badge> },
              { key: 'created', header: t('common.created'), render: (u) => formatDate(u.createdAt, locale) },
            ]}
          />
        </Stack>
      ) : null}
    </Stack>
  );
}
