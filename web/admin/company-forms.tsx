import { useState } from 'react';
import { Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from '../ui/error-alert.tsx';
import { useLocale } from '../ui/locale-sync.tsx';
import { countryOptions, currencyOptions } from '../ui/geo.ts';
import { COMPANY_ROLES, useCreateBuyer, useCreateCompany, useCreateLocation, type Company } from './companies-api.ts';

/** New company, optionally under a parent (a subsidiary, division or branch). */
export function CreateCompanyModal({ opened, onClose, parent, onCreated }: { opened: boolean; onClose: () => void; parent?: { id: string; legalName: string } | null; onCreated: (c: Company) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateCompany();
  const [legalName, setLegalName] = useState('');
  const [country, setCountry] = useState<string | null>('US');
  const [currency, setCurrency] = useState<string | null>('USD');
  const [taxId, setTaxId] = useState('');
  const [industry, setIndustry] = useState('');
  const close = () => {
    setLegalName('');
    setTaxId('');
    setIndustry('');
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={parent ? t('admin.companies.createUnder', { name: parent.legalName }) : t('admin.companies.create')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              legalName: legalName.trim(),
              country: country ?? '',
              currency: currency ?? '',
              ...(parent ? { parentId: parent.id } : {}),
              ...(taxId.trim() ? { taxId: taxId.trim() } : {}),
              ...(industry.trim() ? { industry: industry.trim() } : {}),
            },
            {
              onSuccess: (c) => {
                close();
                onCreated(c);
              },
            },
          );
        }}
      >
        <Stack>
          <ErrorAlert error={create.error} />
          <TextInput label={t('admin.companies.legalName')} required value={legalName} onChange={(e) => setLegalName(e.currentTarget.value)} error={fieldError(create.error, 'legalName')} data-autofocus name="legalName" />
          <SimpleGrid cols={2}>
            <Select label={t('admin.companies.country')} required searchable data={countryOptions(locale)} value={country} onChange={setCountry} error={fieldError(create.error, 'country')} name="country" />
            <Select label={t('admin.companies.currency')} required searchable data={currencyOptions(locale)} value={currency} onChange={setCurrency} error={fieldError(create.error, 'currency')} name="currency" />
            <TextInput label={t('admin.companies.taxId')} value={taxId} onChange={(e) => setTaxId(e.currentTarget.value)} error={fieldError(create.error, 'taxId')} />
            <TextInput label={t('admin.companies.industry')} value={industry} onChange={(e) => setIndustry(e.currentTarget.value)} error={fieldError(create.error, 'industry')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!legalName.trim()} data-testid="create-company-submit">
              {t('admin.companies.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Adds a buyer (company user) with a role; without a password they choose one via "Forgot password?". */
export function CreateBuyerModal({ opened, onClose, company }: { opened: boolean; onClose: () => void; company: Company }) {
  const { t } = useTranslation();
  const create = useCreateBuyer(company.id);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<string | null>('buyer');
  const [password, setPassword] = useState('');
  const close = () => {
    setEmail('');
    setName('');
    setPassword('');
    setRole('buyer');
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('admin.companies.addBuyerTo', { name: company.legalName })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { email: email.trim(), name: name.trim(), role: (role ?? 'buyer') as (typeof COMPANY_ROLES)[number], ...(password ? { password } : {}) },
            { onSuccess: close },
          );
        }}
      >
        <Stack>
          <ErrorAlert error={create.error} />
          <SimpleGrid cols={2}>
            <TextInput label={t('common.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(create.error, 'name')} data-autofocus name="name" />
            <TextInput label={t('auth.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError(create.error, 'email')} name="email" />
            <Select
              label={t('admin.companies.role')}
              required
              allowDeselect={false}
              data={COMPANY_ROLES.map((r) => ({ value: r, label: t(`roles.company.${r}`) }))}
              value={role}
              onChange={setRole}
              error={fieldError(create.error, 'role')}
              name="role"
            />
            <PasswordInput label={t('auth.password')} description={t('admin.companies.passwordOptional')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError(create.error, 'password')} name="password" autoComplete="new-password" />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!email.trim() || !name.trim()} data-testid="create-buyer-submit">
              {t('admin.companies.addBuyer')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Adds a bill-to / ship-to address. */
export function CreateLocationModal({ opened, onClose, company }: { opened: boolean; onClose: () => void; company: Company }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateLocation(company.id);
  const [v, setV] = useState({ name: '', line1: '', city: '', postalCode: '', country: company.country as string | null, isShipTo: true, isBillTo: false });
  const close = () => {
    create.reset();
    setV({ name: '', line1: '', city: '', postalCode: '', country: company.country, isShipTo: true, isBillTo: false });
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('admin.companies.addLocation')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { name: v.name.trim(), line1: v.line1.trim(), city: v.city.trim(), country: v.country ?? '', isShipTo: v.isShipTo, isBillTo: v.isBillTo, ...(v.postalCode.trim() ? { postalCode: v.postalCode.trim() } : {}) },
            { onSuccess: close },
          );
        }}
      >
        <Stack>
          <ErrorAlert error={create.error} />
          <TextInput label={t('common.name')} required value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={fieldError(create.error, 'name')} data-autofocus />
          <TextInput label={t('admin.companies.address')} required value={v.line1} onChange={(e) => setV({ ...v, line1: e.currentTarget.value })} error={fieldError(create.error, 'line1')} />
          <SimpleGrid cols={3}>
            <TextInput label={t('admin.companies.city')} required value={v.city} onChange={(e) => setV({ ...v, city: e.currentTarget.value })} error={fieldError(create.error, 'city')} />
            <TextInput label={t('admin.companies.postalCode')} value={v.postalCode} onChange={(e) => setV({ ...v, postalCode: e.currentTarget.value })} error={fieldError(create.error, 'postalCode')} />
            <Select label={t('admin.companies.country')} required searchable data={countryOptions(locale)} value={v.country} onChange={(c) => setV({ ...v, country: c })} error={fieldError(create.error, 'country')} />
          </SimpleGrid>
          <Group>
            <Switch label={t('admin.companies.shipTo')} checked={v.isShipTo} onChange={(e) => setV({ ...v, isShipTo: e.currentTarget.checked })} />
            <Switch label={t('admin.companies.billTo')} checked={v.isBillTo} onChange={(e) => setV({ ...v, isBillTo: e.currentTarget.checked })} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!v.name.trim() || !v.line1.trim() || !v.city.trim()}>
              {t('admin.companies.addLocation')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
