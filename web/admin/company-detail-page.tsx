import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Anchor, Badge, Breadcrumbs, Button, Grid, Group, Paper, SimpleGrid, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconBuilding, IconFileDollar, IconMapPin, IconPlus, IconRoute, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatCountry, formatDate } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { useUpdateCompany, useCompany, useCompanyAncestors, useCompanyChildren, useCompanyLocations, useCompanyUsers, type Company, type CompanyRow, type CompanyUser, type Location } from './companies-api.ts';
import { CreateBuyerModal, CreateCompanyModal, CreateLocationModal } from './company-forms.tsx';
import { useCan } from './session.ts';
import { ContractPricesTab } from './contract-prices-tab.tsx';
import { CompanyCreditTab } from './company-credit-tab.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </Stack>
  );
}

function Overview({ company }: { company: Company }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper withBorder p="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg">
        <Field label={t('admin.companies.country')}>{formatCountry(company.country, locale)}</Field>
        <Field label={t('admin.companies.region')}>{company.region}</Field>
        <Field label={t('admin.companies.currency')}>{company.currency}</Field>
        <Field label={t('admin.companies.timezone')}>{company.timezone}</Field>
        <Field label={t('admin.companies.taxId')}>{company.taxId}</Field>
        <Field label={t('admin.companies.industry')}>{company.industry}</Field>
        <Field label={t('admin.companies.tags')}>
          {company.tags.length ? (
            <Group gap={4} component="span">
              {company.tags.map((tag) => (
                <Badge key={tag} size="sm" variant="light" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : null}
        </Field>
        <Field label={t('common.created')}>{formatDate(company.createdAt, locale)}</Field>
      </SimpleGrid>
    </Paper>
  );
}

function Users({ company, onAdd }: { company: Company; onAdd: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const users = useCompanyUsers(company.id);
  if (users.error) return <ErrorAlert error={users.error} />;
  return (
    <DataTable<CompanyUser>
      testId="company-users"
      rows={users.data?.items ?? []}
      rowKey={(u) => u.id}
      empty={users.isPending ? <Skeleton h={120} /> : <EmptyState icon={<IconUsers size={28} />} title={t('admin.companies.noUsers')} description={t('admin.companies.noUsersHint')} action={<Button onClick={onAdd}>{t('admin.companies.addBuyer')}</Button>} />}
      columns={[
        { key: 'name', header: t('common.name'), render: (u) => <Text fw={500}>{u.name}</Text> },
        { key: 'email', header: t('auth.email'), render: (u) => <Text size="sm" dir="ltr">{u.email}</Text> },
        { key: 'role', header: t('admin.companies.role'), render: (u) => <Badge variant="light">{t(`roles.company.${u.role}`)}</Badge> },
        { key: 'status', header: t('common.status'), render: (u) => <Badge variant="dot" color={u.status === 'active' ? 'teal' : 'gray'}>{t(`admin.userStatus.${u.status}`)}</Badge> },
        { key: 'created', header: t('common.created'), render: (u) => formatDate(u.createdAt, locale) },
      ]}
    />
  );
}

function Locations({ company, onAdd }: { company: Company; onAdd: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const locations = useCompanyLocations(company.id);
  if (locations.error) return <ErrorAlert error={locations.error} />;
  return (
    <DataTable<Location>
      rows={locations.data?.items ?? []}
      rowKey={(l) => l.id}
      empty={locations.isPending ? <Skeleton h={120} /> : <EmptyState icon={<IconMapPin size={28} />} title={t('admin.companies.noLocations')} action={<Button onClick={onAdd}>{t('admin.companies.addLocation')}</Button>} />}
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
              {l.isDefault ? <Badge size="sm" variant="outline" color="gray">{t('admin.companies.default')}</Badge> : null}
            </Group>
          ),
        },
      ]}
    />
  );
}

function Subsidiaries({ company, onAdd }: { company: Company; onAdd: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const children = useCompanyChildren(company.id);
  const rows = children.data?.pages.flatMap((p) => p.items) ?? [];
  if (children.error) return <ErrorAlert error={children.error} />;
  return (
    <DataTable<CompanyRow>
      rows={rows}
      rowKey={(c) => c.id}
      onActivate={(c) => navigate(`/admin/companies/${c.id}`)}
      empty={children.isPending ? <Skeleton h={120} /> : <EmptyState icon={<IconBuilding size={28} />} title={t('admin.companies.noSubsidiaries')} action={<Button onClick={onAdd}>{t('admin.companies.addSubsidiary')}</Button>} />}
      columns={[
        { key: 'name', header: t('admin.companies.legalName'), render: (c) => <Text fw={500}>{c.legalName}</Text> },
        { key: 'country', header: t('admin.companies.country'), render: (c) => formatCountry(c.country, locale) },
        { key: 'children', header: t('admin.companies.subsidiaries'), align: 'end', render: (c) => c.childCount },
      ]}
    />
  );
}

/** One company: where it sits in the hierarchy, its details, users, locations and subsidiaries. */
export function CompanyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const company = useCompany(id);
  const ancestors = useCompanyAncestors(id);
  const [modal, setModal] = useState<'buyer' | 'location' | 'child' | null>(null);
  const canWrite = useCan('companies:write');
  const canPricing = useCan('pricing:read');
  const update = useUpdateCompany(id);
  if (company.isPending) return <Skeleton h={300} />;
  if (company.error || !company.data) return <ErrorAlert error={company.error} />;
  const c = company.data;
  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/admin/companies" size="sm">
          {t('admin.companies.title')}
        </Anchor>
        {(ancestors.data?.items ?? [])
          .filter((a) => a.id !== c.id)
          .map((a) => (
            <Anchor key={a.id} component={Link} to={`/admin/companies/${a.id}`} size="sm">
              {a.legalName}
            </Anchor>
          ))}
        <Text size="sm">{c.legalName}</Text>
      </Breadcrumbs>
      <Grid align="flex-end">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Group gap="sm">
            <Title order={1} size="h2" data-testid="company-title">
              {c.legalName}
            </Title>
            <Badge variant="dot" color={c.status === 'active' ? 'teal' : 'orange'}>
              {t(`admin.companies.status.${c.status}`)}
            </Badge>
            {canPricing ? (
              <Button variant="light" size="xs" leftSection={<IconRoute size={14} />} component={Link} to={`/admin/price-trace?companyId=${c.id}`} data-testid="price-as-company">
                {t('priceTrace.asCompany')}
              </Button>
            ) : null}
          </Group>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Group justify="flex-end" gap="sm" display={canWrite ? undefined : 'none'}>
            <Button
              variant="subtle"
              color={c.status === 'active' ? 'orange' : 'teal'}
              loading={update.isPending}
              onClick={() => update.mutate({ status: c.status === 'active' ? 'suspended' : 'active' })}
              data-testid="toggle-status"
            >
              {c.status === 'active' ? t('admin.companies.suspend') : t('admin.companies.reactivate')}
            </Button>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setModal('child')}>
              {t('admin.companies.addSubsidiary')}
            </Button>
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setModal('buyer')} data-testid="add-buyer">
              {t('admin.companies.addBuyer')}
            </Button>
          </Group>
        </Grid.Col>
      </Grid>
      <ErrorAlert error={update.error} />
      <Overview company={c} />
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users" leftSection={<IconUsers size={16} />}>
            {t('admin.companies.users')}
          </Tabs.Tab>
          <Tabs.Tab value="locations" leftSection={<IconMapPin size={16} />}>
            {t('admin.companies.locations')}
          </Tabs.Tab>
          <Tabs.Tab value="subsidiaries" leftSection={<IconBuilding size={16} />}>
            {t('admin.companies.subsidiaries')}
          </Tabs.Tab>
          {canPricing ? (
            <Tabs.Tab value="contract-prices" leftSection={<IconFileDollar size={16} />} data-testid="tab-contract-prices">
              {t('contractPrices.tab')}
            </Tabs.Tab>
          ) : null}
          <Tabs.Tab value="credit" data-testid="tab-credit">{t('credit.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <Users company={c} onAdd={() => setModal('buyer')} />
        </Tabs.Panel>
        <Tabs.Panel value="locations">
          <Group justify="flex-end" mb="sm" display={canWrite ? undefined : 'none'}>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setModal('location')}>
              {t('admin.companies.addLocation')}
            </Button>
          </Group>
          <Locations company={c} onAdd={() => setModal('location')} />
        </Tabs.Panel>
        <Tabs.Panel value="subsidiaries">
          <Subsidiaries company={c} onAdd={() => setModal('child')} />
        </Tabs.Panel>
        <Tabs.Panel value="contract-prices">
          <ContractPricesTab company={c} />
        </Tabs.Panel>
        <Tabs.Panel value="credit">
          <CompanyCreditTab companyId={c.id} />
        </Tabs.Panel>
      </Tabs>
      <CreateBuyerModal opened={modal === 'buyer'} onClose={() => setModal(null)} company={c} />
      <CreateLocationModal opened={modal === 'location'} onClose={() => setModal(null)} company={c} />
      <CreateCompanyModal opened={modal === 'child'} onClose={() => setModal(null)} parent={c} onCreated={(n) => navigate(`/admin/companies/${n.id}`)} />
    </Stack>
  );
}
