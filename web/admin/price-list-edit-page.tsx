import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Button, Group, MultiSelect, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMajor, parseMajor } from './price-list-money.ts';
import { isApiError } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useAllCategories, useBrands } from './catalog-api.ts';
import { TargetsEditor } from './price-list-targets.tsx';
import { usePriceList, usePriceLists, useSavePriceList, type Derived, type PriceList, type PriceListInput, type Target } from './price-lists-api.ts';

type Kind = PriceList['kind'];
type RoundingType = Derived['rounding']['type'];

/** `2027-01-31T09:00` (the browser's local time, as datetime-local inputs want it) from ISO. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const fromLocalInput = (v: string): string | null => (v ? new Date(v).toISOString() : null);

interface Form {
  name: string;
  currency: string;
  status: 'draft' | 'active';
  kind: Kind;
  validFrom: string;
  validTo: string;
  priority: number;
  targets: Target[];
  baseListId: string | null;
  adjustmentType: 'percent' | 'amount';
  adjustmentValue: string;
  categoryIds: string[];
  brandIds: string[];
  tags: string[];
  roundingType: RoundingType;
  roundingStep: string;
  roundingEnding: number;
}

const EMPTY: Form = {
  name: '', currency: 'PKR', status: 'draft', kind: 'standard', validFrom: '', validTo: '', priority: 0, targets: [],
  baseListId: null, adjustmentType: 'percent', adjustmentValue: '', categoryIds: [], brandIds: [], tags: [], roundingType: 'none', roundingStep: '', roundingEnding: 99,
};

function formOf(l: PriceList): Form {
  const d = l.derived;
  return {
    name: l.name, currency: l.currency, status: l.status, kind: l.kind, validFrom: toLocalInput(l.validFrom), validTo: toLocalInput(l.validTo), priority: l.priority, targets: l.targets,
    baseListId: d?.baseListId ?? null,
    adjustmentType: d?.adjustment.type ?? 'percent',
    adjustmentValue: d ? (d.adjustment.type === 'percent' ? String(d.adjustment.value) : formatMajor(d.adjustment.value, l.currency)) : '',
    categoryIds: [...(d?.scope?.categoryIds ?? [])], brandIds: [...(d?.scope?.brandIds ?? [])], tags: [...(d?.scope?.tags ?? [])],
    roundingType: d?.rounding.type ?? 'none',
    roundingStep: d?.rounding.type === 'nearest' ? formatMajor(d.rounding.step, l.currency) : '',
    roundingEnding: d?.rounding.type === 'ending' ? d.rounding.ending : 99,
  };
}

/** The API body of the form, or the field and message of the first thing to fix. */
function bodyOf(f: Form): { body: PriceListInput } | { field: string; message: string } {
  let derived: Derived | null = null;
  if (f.kind === 'derived') {
    if (!f.baseListId) return { field: 'derived.baseListId', message: 'baseList' };
    let value: number;
    if (f.adjustmentType === 'percent') {
      value = Number(f.adjustmentValue);
      if (f.adjustmentValue.trim() === '' || !Number.isFinite(value)) return { field: 'derived.adjustment.value', message: 'percent' };
    } else {
      const neg = f.adjustmentValue.trim().startsWith('-');
      const minor = parseMajor(f.adjustmentValue.trim().replace(/^-/, ''), f.currency);
      if (typeof minor === 'string') return { field: 'derived.adjustment.value', message: minor };
      value = neg ? -minor : minor;
    }
    let rounding: Derived['rounding'] = { type: 'none' };
    if (f.roundingType === 'nearest') {
      const step = parseMajor(f.roundingStep.trim(), f.currency);
      if (typeof step === 'string' || step < 1) return { field: 'derived.rounding.step', message: typeof step === 'string' ? step : 'step' };
      rounding = { type: 'nearest', step };
    } else if (f.roundingType === 'ending') rounding = { type: 'ending', ending: f.roundingEnding };
    const scope = { ...(f.categoryIds.length ? { categoryIds: f.categoryIds } : {}), ...(f.brandIds.length ? { brandIds: f.brandIds } : {}), ...(f.tags.length ? { tags: f.tags } : {}) };
    derived = { baseListId: f.baseListId, adjustment: { type: f.adjustmentType, value }, ...(Object.keys(scope).length ? { scope } : {}), rounding };
  }
  return {
    body: {
      name: f.name.trim(), currency: f.currency.trim().toUpperCase(), status: f.status, kind: f.kind, priority: f.priority,
      validFrom: fromLocalInput(f.validFrom), validTo: fromLocalInput(f.validTo), targets: f.kind === 'base' ? [] : f.targets, derived,
    },
  };
}

/** Create or edit a price list: header, validity, priority, targets and (derived lists) the rule. */
export function PriceListEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const existing = usePriceList(id);
  const all = usePriceLists();
  const categories = useAllCategories();
  const brands = useBrands();
  const save = useSavePriceList(id);
  const [form, setForm] = useState<Form>(EMPTY);
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  useEffect(() => {
    if (existing.data) setForm(formOf(existing.data));
  }, [existing.data]);
  if (id && existing.isPending) return <PageLoader />;
  const set = <K extends keyof Form>(key: K, v: Form[K]) => setForm((f) => ({ ...f, [key]: v }));
  const editing = Boolean(id);
  const serverField = isApiError(save.error) ? save.error.field : undefined;
  const fieldError = (field: string) => (local?.field === field ? t(`priceLists.form.errors.${local.message}`, { defaultValue: local.message }) : serverField === field ? save.error?.message : undefined);
  const bases = (all.data?.pages.flatMap((p) => p.items) ?? []).filter((l) => l.id !== id && l.currency === form.currency.trim().toUpperCase());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = bodyOf(form);
    if ('field' in r) return setLocal(r);
    setLocal(null);
    save.mutate(r.body, { onSuccess: (l) => navigate(`/admin/price-lists/${l.id}`) });
  };

  return (
    <form onSubmit={submit} data-testid="price-list-form">
      <PageHeader title={editing ? t('priceLists.form.editTitle', { name: existing.data?.name ?? '' }) : t('priceLists.form.newTitle')} description={t('priceLists.form.description')} />
      <ErrorAlert error={existing.error} />
      <Stack maw={860}>
        <Paper withBorder p="lg">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('common.name')} required value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={fieldError('name')} name="name" data-autofocus />
              <TextInput label={t('priceLists.currency')} required disabled={editing} maxLength={3} value={form.currency} onChange={(e) => set('currency', e.currentTarget.value.toUpperCase())} error={fieldError('currency')} name="currency" />
            </SimpleGrid>
            <Group gap="xl" align="flex-end">
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('priceLists.form.kind')}
                </Text>
                <SegmentedControl disabled={editing} value={form.kind} onChange={(v) => set('kind', v as Kind)} data={(['standard', 'base', 'derived'] as const).map((k) => ({ value: k, label: t(`priceLists.kind.${k}`) }))} />
              </Stack>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('common.status')}
                </Text>
                <SegmentedControl value={form.status} onChange={(v) => set('status', v as Form['status'])} data={(['draft', 'active'] as const).map((s) => ({ value: s, label: t(`priceLists.status.${s}`) }))} data-testid="price-list-status" />
              </Stack>
              <NumberInput label={t('priceLists.priority')} description={t('priceLists.form.priorityHint')} value={form.priority} onChange={(v) => set('priority', Number(v) || 0)} allowDecimal={false} w={180} error={fieldError('priority')} />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput type="datetime-local" label={t('priceLists.form.validFrom')} value={form.validFrom} onChange={(e) => set('validFrom', e.currentTarget.value)} error={fieldError('validFrom')} />
              <TextInput type="datetime-local" label={t('priceLists.form.validTo')} value={form.validTo} onChange={(e) => set('validTo', e.currentTarget.value)} error={fieldError('validTo')} />
            </SimpleGrid>
          </Stack>
        </Paper>
        {form.kind !== 'base' ? (
          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="xs">
              {t('priceLists.targets.label')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('priceLists.form.targetsHint')}
            </Text>
            <TargetsEditor value={form.targets} onChange={(v) => set('targets', v)} />
            {fieldError('targets') ? <Text c="red" size="sm" mt="xs">{fieldError('targets')}</Text> : null}
          </Paper>
        ) : null}
        {form.kind === 'derived' ? (
          <Paper withBorder p="lg" data-testid="derived-editor">
            <Title order={2} size="h4" mb="xs">
              {t('priceLists.form.derivedTitle')}
            </Title>
            <Stack>
              <Select label={t('priceLists.form.baseList')} data={bases.map((l) => ({ value: l.id, label: l.name }))} value={form.baseListId} onChange={(v) => set('baseListId', v)} error={fieldError('derived.baseListId')} searchable />
              <Group align="flex-end">
                <SegmentedControl value={form.adjustmentType} onChange={(v) => set('adjustmentType', v as Form['adjustmentType'])} data={[{ value: 'percent', label: t('priceLists.form.percentOff') }, { value: 'amount', label: t('priceLists.form.amountOff') }]} />
                <TextInput
                  label={form.adjustmentType === 'percent' ? t('priceLists.form.percentValue') : t('priceLists.form.amountValue', { currency: form.currency })}
                  value={form.adjustmentValue}
                  onChange={(e) => set('adjustmentValue', e.currentTarget.value)}
                  error={fieldError('derived.adjustment.value')}
                  w={200}
                />
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <MultiSelect label={t('priceLists.form.scopeCategories')} data={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} value={form.categoryIds} onChange={(v) => set('categoryIds', v)} searchable />
                <MultiSelect label={t('priceLists.form.scopeBrands')} data={(brands.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))} value={form.brandIds} onChange={(v) => set('brandIds', v)} searchable />
                <TagsInput label={t('priceLists.form.scopeTags')} value={form.tags} onChange={(v) => set('tags', v)} />
              </SimpleGrid>
              <Group align="flex-end">
                <Select
                  label={t('priceLists.form.rounding')}
                  value={form.roundingType}
                  onChange={(v) => set('roundingType', (v ?? 'none') as RoundingType)}
                  data={(['none', 'nearest', 'ending'] as const).map((r) => ({ value: r, label: t(`priceLists.rounding.${r}`) }))}
                  allowDeselect={false}
                  w={240}
                />
                {form.roundingType === 'nearest' ? (
                  <TextInput label={t('priceLists.form.roundingStep', { currency: form.currency })} value={form.roundingStep} onChange={(e) => set('roundingStep', e.currentTarget.value)} placeholder="0.05" error={fieldError('derived.rounding.step')} w={200} />
                ) : null}
                {form.roundingType === 'ending' ? (
                  <NumberInput label={t('priceLists.form.roundingEnding')} value={form.roundingEnding} min={0} max={99} allowDecimal={false} onChange={(v) => set('roundingEnding', Number(v) || 0)} w={200} />
                ) : null}
              </Group>
              <Text size="xs" c="dimmed">
                {t('priceLists.form.derivedHint')}
              </Text>
            </Stack>
          </Paper>
        ) : null}
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={id ? `/admin/price-lists/${id}` : '/admin/price-lists'}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="price-list-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
