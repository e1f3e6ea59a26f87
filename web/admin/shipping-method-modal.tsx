import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { currencyDigits } from '../ui/format.ts';
import { countryOptions, currencyOptions } from '../ui/geo.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { parseAmount } from './contract-prices-api.ts';
import { useSaveShippingMethod, type ShippingMethod } from './shipping-api.ts';

interface BandDraft {
  kg: number | string;
  price: string;
}

const major = (amount: number, digits: number) => (amount / 10 ** digits).toFixed(digits);

function errorAt(error: unknown, prefix: string): string | undefined {
  if (!isApiError(error) || !error.field) return undefined;
  const f = error.field.replace(/^\//, '').replace(/\//g, '.');
  return f === prefix || f.startsWith(`${prefix}.`) || f.startsWith(`${prefix}[`) ? error.detail : undefined;
}

/** Add or edit a shipping method: zone rows (country + optional region) and weight-band rows. */
export function ShippingMethodModal({ method, onClose }: { method: ShippingMethod | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveShippingMethod();
  const [name, setName] = useState(method?.name ?? '');
  const [carrier, setCarrier] = useState(method?.carrier ?? '');
  const [currency, setCurrency] = useState(method?.currency ?? 'USD');
  const digits = currencyDigits(currency);
  const [free, setFree] = useState(method?.freeThreshold == null ? '' : major(method.freeThreshold, digits));
  const [daysMin, setDaysMin] = useState<number | string>(method?.estimatedDays.min ?? 1);
  const [daysMax, setDaysMax] = useState<number | string>(method?.estimatedDays.max ?? 3);
  const [active, setActive] = useState(method?.active ?? true);
  const [zones, setZones] = useState(method?.zones.map((z) => ({ ...z })) ?? [{ country: '', region: '' }]);
  const [bands, setBands] = useState<BandDraft[]>(method?.bands.map((b) => ({ kg: b.maxGrams / 1000, price: major(b.amount, digits) })) ?? [{ kg: 1, price: '' }]);
  const [local, setLocal] = useState<string | null>(null);

  const submit = () => {
    const freeThreshold = free.trim() === '' ? null : parseAmount(free, digits);
    const parsed = bands.map((b) => ({ maxGrams: Math.round(Number(b.kg) * 1000), amount: parseAmount(b.price, digits) }));
    if ((free.trim() !== '' && freeThreshold === null) || parsed.some((b) => b.amount === null)) {
      setLocal(t('shipping.badAmount', { digits }));
      return;
    }
    setLocal(null);
    save.mutate(
      {
        id: method?.id ?? null,
        body: {
          name: name.trim(),
          carrier: carrier.trim(),
          currency,
          freeThreshold,
          estimatedDays: { min: Number(daysMin), max: Number(daysMax) },
          active,
          zones: zones.filter((z) => z.country).map((z) => ({ country: z.country, region: z.region.trim() })),
          bands: parsed.map((b) => ({ maxGrams: b.maxGrams, amount: b.amount ?? 0 })),
        },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal opened onClose={onClose} title={method ? t('shipping.editMethod') : t('shipping.addMethod')} size="xl">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('shipping.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={200} required error={errorAt(save.error, 'name')} data-testid="shipping-name" />
          <TextInput label={t('shipping.carrier')} value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} maxLength={200} required error={errorAt(save.error, 'carrier')} data-testid="shipping-carrier" />
          <Select label={t('shipping.currency')} data={currencyOptions(locale)} value={currency} onChange={(v) => setCurrency(v ?? currency)} searchable allowDeselect={false} />
          <NumberInput label={t('shipping.daysMin')} value={daysMin} onChange={setDaysMin} min={0} max={365} />
          <NumberInput label={t('shipping.daysMax')} value={daysMax} onChange={setDaysMax} min={0} max={365} error={errorAt(save.error, 'estimatedDays')} />
          <TextInput label={t('shipping.freeThreshold')} description={t('shipping.freeThresholdHint')} value={free} onChange={(e) => setFree(e.currentTarget.value)} inputMode="decimal" dir="ltr" error={errorAt(save.error, 'freeThreshold')} />
        </SimpleGrid>
        <Switch label={t('shipping.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        <Text fw={600} size="sm">
          {t('shipping.zones')} <Text span c="dimmed" size="xs">{t('shipping.zonesHint')}</Text>
        </Text>
        {zones.map((z, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
            <Select flex={1} aria-label={t('tax.country')} data={countryOptions(locale)} value={z.country || null} onChange={(v) => setZones(zones.map((x, j) => (j === i ? { ...x, country: v ?? '' } : x)))} searchable error={errorAt(save.error, `zones[${i}]`)} data-testid={`shipping-zone-country-${i}`} />
            <TextInput flex={1} aria-label={t('shipping.zoneRegion')} placeholder={t('shipping.zoneRegion')} value={z.region} onChange={(e) => setZones(zones.map((x, j) => (j === i ? { ...x, region: e.currentTarget.value } : x)))} maxLength={100} />
            <ActionIcon variant="subtle" color="red" aria-label={t('common.remove')} onClick={() => setZones(zones.filter((_, j) => j !== i))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setZones([...zones, { country: '', region: '' }])} w="fit-content">
          {t('shipping.addZone')}
        </Button>
        <Text fw={600} size="sm">
          {t('shipping.bands')}
        </Text>
        {bands.map((b, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
            <NumberInput flex={1} label={i === 0 ? t('shipping.upToKg') : undefined} aria-label={t('shipping.upToKg')} value={b.kg} onChange={(v) => setBands(bands.map((x, j) => (j === i ? { ...x, kg: v } : x)))} min={0.001} max={100_000} decimalScale={3} error={errorAt(save.error, `bands[${i}]`)} data-testid={`shipping-band-kg-${i}`} />
            <TextInput flex={1} label={i === 0 ? `${t('shipping.price')} (${currency})` : undefined} aria-label={t('shipping.price')} value={b.price} onChange={(e) => setBands(bands.map((x, j) => (j === i ? { ...x, price: e.currentTarget.value } : x)))} inputMode="decimal" dir="ltr" data-testid={`shipping-band-price-${i}`} />
            <ActionIcon variant="subtle" color="red" aria-label={t('common.remove')} onClick={() => setBands(bands.filter((_, j) => j !== i))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setBands([...bands, { kg: '', price: '' }])} w="fit-content" data-testid="shipping-add-band">
          {t('shipping.addBand')}
        </Button>
        {local ? (
          <Text c="red" size="sm">
            {local}
          </Text>
        ) : null}
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={!name.trim() || !carrier.trim()} data-testid="shipping-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
