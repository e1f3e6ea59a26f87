import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPercentage, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatCountry, formatDate, formatNumber } from '../ui/format.ts';
import { countryOptions } from '../ui/geo.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useCan } from './session.ts';
import { useDeleteTaxRate, useSaveTaxRate, useTaxRates, type TaxRate } from './tax-rates-api.ts';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

function errorAt(error: unknown, field: string): string | undefined {
  return isApiError(error) && (error.field === field || error.field === `/${field}`) ? error.detail : undefined;
}

function RateModal({ rate, opened, onClose }: { rate: TaxRate | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveTaxRate();
  const [country, setCountry] = useState(rate?.country ?? '');
  const [region, setRegion] = useState(rate?.region ?? '');
  const [taxClass, setTaxClass] = useState(rate?.taxClass ?? 'standard');
  const [percent, setPercent] = useState<number | string>(rate ? rate.rateBp / 100 : '');
  const [label, setLabel] = useState(rate?.label ?? '');
  const [from, setFrom] = useState(day(rate?.validFrom ?? null));
  const [to, setTo] = useState(day(rate?.validTo ?? null));
  const submit = () =>
    save.mutate(
      { id: rate?.id ?? null, body: { country, region: region.trim() || null, taxClass: taxClass.trim(), rateBp: Math.round(Number(percent) * 100), label: label.trim(), validFrom: from || null, validTo: to || null } },
      { onSuccess: onClose },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={rate ? t('tax.editRate') : t('tax.addRate')} size="lg">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('tax.country')} data={countryOptions(locale)} value={country || null} onChange={(v) => setCountry(v ?? '')} searchable required error={errorAt(save.error, 'country')} data-testid="tax-rate-country" />
          <TextInput label={t('tax.region')} placeholder={t('tax.wholeCountry')} value={region} onChange={(e) => setRegion(e.currentTarget.value)} maxLength={100} error={errorAt(save.error, 'region')} />
          <TextInput label={t('tax.taxClass')} value={taxClass} onChange={(e) => setTaxClass(e.currentTarget.value)} maxLength={40} dir="ltr" error={errorAt(save.error, 'taxClass')} data-testid="tax-rate-class" />
          <NumberInput label={t('tax.rate')} value={percent} onChange={setPercent} min={0} max={100} decimalScale={2} required error={errorAt(save.error, 'rateBp')} data-testid="tax-rate-percent" />
        </SimpleGrid>
        <TextInput label={t('tax.label')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} maxLength={100} required error={errorAt(save.error, 'label')} data-testid="tax-rate-label" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('tax.validFrom')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={errorAt(save.error, 'validFrom')} />
          <TextInput type="date" label={t('tax.validTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errorAt(save.error, 'validTo')} />
        </SimpleGrid>
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={!country || percent === '' || !label.trim()} data-testid="tax-rate-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Tax rates as data: by ship-to country or region and product tax class, with validity dates. */
export function TaxRatesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [country, setCountry] = useState<string | null>(null);
  const rates = useTaxRates(country);
  const remove = useDeleteTaxRate();
  const canWrite = useCan('settings:write');
  const [editing, setEditing] = useState<TaxRate | 'new' | null>(null);
  const when = (r: TaxRate) => (r.validFrom || r.validTo ? `${r.validFrom ? formatDate(r.validFrom, locale) : '…'} – ${r.validTo ? formatDate(r.validTo, locale) : '…'}` : t('tax.always'));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('tax.ratesTitle')}
        description={t('tax.ratesHint')}
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="tax-rate-add">
              {t('tax.addRate')}
            </Button>
          ) : null
        }
      />
      <Select w={260} placeholder={t('tax.allCountries')} data={countryOptions(locale)} value={country} onChange={setCountry} searchable clearable aria-label={t('tax.country')} data-testid="tax-country-filter" />
      <ErrorAlert error={rates.error ?? remove.error} />
      <DataTable<TaxRate>
        testId="tax-rates"
        rows={rates.data?.items ?? []}
        rowKey={(r) => r.id}
        onActivate={canWrite ? (r) => setEditing(r) : undefined}
        empty={rates.isPending ? null : <EmptyState icon={<IconPercentage size={28} />} title={t('tax.noRates')} description={t('tax.noRatesHint')} />}
        columns={[
          { key: 'country', header: t('tax.country'), render: (r) => formatCountry(r.country, locale) },
          { key: 'region', header: t('tax.region'), render: (r) => r.region ?? <Text c="dimmed" size="sm">{t('tax.wholeCountry')}</Text> },
          { key: 'class', header: t('tax.taxClass'), render: (r) => <Badge variant="light" tt="none">{r.taxClass}</Badge> },
          { key: 'rate', header: t('tax.rate'), align: 'end', render: (r) => formatNumber(r.rateBp / 10_000, locale, { style: 'percent', maximumFractionDigits: 3 }) },
          { key: 'label', header: t('tax.label'), render: (r) => r.label },
          { key: 'valid', header: t('tax.validFrom'), render: when },
          {
            key: 'actions',
            header: '',
            align: 'end',
            render: (r) =>
              canWrite ? (
                <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={(e) => (e.stopPropagation(), remove.mutate(r.id))}>
                  <IconTrash size={16} />
                </ActionIcon>
              ) : null,
          },
        ]}
      />
      {editing ? <RateModal key={editing === 'new' ? 'new' : editing.id} rate={editing === 'new' ? null : editing} opened onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
