import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ActionIcon, Badge, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Skeleton, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconFileDollar, IconPlus, IconRoute, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { currencyDigits, formatDate, formatMoney, formatNumber } from '../ui/format.ts';
import { currencyOptions } from '../ui/geo.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { parseAmount, useContractPrices, useCreateContractPrice, useDeleteContractPrice, type ContractPrice } from './contract-prices-api.ts';
import { useCan } from './session.ts';

interface TierDraft {
  minQty: number | string;
  price: string;
}

/** The server's message when it named this field (or a field under it, e.g. `tiers[0].minQty`). */
function errorAt(error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  if (error.field === field || error.field === `/${field}`) return error.detail;
  return error.errors.find((e) => e.field === field || e.field === `/${field}`)?.message;
}

function CreateContractModal({ opened, onClose, companyId, currency: companyCurrency }: { opened: boolean; onClose: () => void; companyId: string; currency: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateContractPrice(companyId);
  const [sku, setSku] = useState('');
  const [currency, setCurrency] = useState(companyCurrency);
  const [price, setPrice] = useState('');
  const [tiers, setTiers] = useState<TierDraft[]>([]);
  const [reference, setReference] = useState('');
  const [validTo, setValidTo] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const digits = currencyDigits(currency);
  const close = () => {
    setSku('');
    setPrice('');
    setTiers([]);
    setReference('');
    setValidTo('');
    setLocal({});
    create.reset();
    onClose();
  };
  const submit = () => {
    // Amounts are checked here (the API takes minor units); everything else is the server's call.
    const problems: Record<string, string> = {};
    const unitPrice = parseAmount(price, digits);
    if (unitPrice === null) problems.unitPrice = t('contractPrices.badAmount', { digits });
    const parsedTiers = tiers.map((tier, i) => {
      const p = parseAmount(tier.price, digits);
      if (p === null) problems[`tiers[${i}].unitPrice`] = t('contractPrices.badAmount', { digits });
      return { minQty: Number(tier.minQty), unitPrice: p ?? 0 };
    });
    if (!validTo) problems.validTo = t('contractPrices.needExpiry');
    setLocal(problems);
    if (Object.keys(problems).length > 0 || unitPrice === null) return;
    create.mutate(
      { sku: sku.trim(), currency, unitPrice, tiers: parsedTiers, reference: reference.trim(), validTo: new Date(`${validTo}T23:59:59Z`).toISOString() },
      { onSuccess: close },
    );
  };
  const err = (field: string) => local[field] ?? errorAt(create.error, field);
  const shownGeneral = create.error && !['sku', 'variantId', 'unitPrice', 'reference', 'validTo', 'currency'].some((f) => errorAt(create.error, f)) && !tiers.some((_, i) => errorAt(create.error, `tiers[${i}].minQty`) || errorAt(create.error, `tiers[${i}].unitPrice`));
  return (
    <Modal opened={opened} onClose={close} title={t('contractPrices.create')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {shownGeneral ? <ErrorAlert error={create.error} /> : null}
          <SimpleGrid cols={2}>
            <TextInput label={t('contractPrices.sku')} required dir="ltr" value={sku} onChange={(e) => setSku(e.currentTarget.value)} error={err('sku') ?? err('variantId')} name="sku" data-autofocus />
            <TextInput label={t('contractPrices.reference')} required maxLength={100} value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={err('reference')} name="reference" />
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <TextInput label={t('contractPrices.price')} required dir="ltr" inputMode="decimal" value={price} onChange={(e) => setPrice(e.currentTarget.value)} error={err('unitPrice')} name="unitPrice" style={{ flex: 1 }} />
              <Select label={t('contractPrices.currency')} w={110} searchable allowDeselect={false} data={currencyOptions(locale).map((c) => c.value)} value={currency} onChange={(c) => setCurrency(c ?? currency)} error={err('currency')} />
            </Group>
            <TextInput label={t('contractPrices.expiry')} required type="date" value={validTo} onChange={(e) => setValidTo(e.currentTarget.value)} error={err('validTo')} name="validTo" />
          </SimpleGrid>
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text size="sm" fw={600}>
                  {t('contractPrices.tiers')}
                </Text>
                <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setTiers([...tiers, { minQty: '', price: '' }])} data-testid="add-tier">
                  {t('contractPrices.addTier')}
                </Button>
              </Group>
              {tiers.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('contractPrices.tiersHint')}
                </Text>
              ) : null}
              {tiers.map((tier, i) => (
                <Group key={i} gap="xs" align="flex-start" data-testid="tier-row">
                  <NumberInput label={t('contractPrices.fromQty')} min={1} allowDecimal={false} w={140} value={tier.minQty} onChange={(v) => setTiers(tiers.map((x, j) => (j === i ? { ...x, minQty: v } : x)))} error={err(`tiers[${i}].minQty`)} />
                  <TextInput label={t('contractPrices.unitPrice')} dir="ltr" inputMode="decimal" w={180} value={tier.price} onChange={(e) => setTiers(tiers.map((x, j) => (j === i ? { ...x, price: e.currentTarget.value } : x)))} error={err(`tiers[${i}].unitPrice`)} />
                  <ActionIcon mt={26} variant="subtle" color="gray" aria-label={t('common.remove')} onClick={() => setTiers(tiers.filter((_, j) => j !== i))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="save-contract">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A company's contract prices: the most specific price there is, each with its reference and expiry. */
export function ContractPricesTab({ company }: { company: { id: string; currency: string } }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const contracts = useContractPrices(company.id);
  const del = useDeleteContractPrice(company.id);
  const canWrite = useCan('pricing:write');
  const [creating, setCreating] = useState(false);
  const now = Date.now();
  if (contracts.error) return <ErrorAlert error={contracts.error} />;
  return (
    <Stack gap="sm">
      {canWrite ? (
        <Group justify="flex-end">
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)} data-testid="add-contract">
            {t('contractPrices.create')}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={del.error} />
      <DataTable<ContractPrice>
        testId="contract-prices"
        rows={contracts.data?.items ?? []}
        rowKey={(c) => c.id}
        empty={
          contracts.isPending ? (
            <Skeleton h={120} />
          ) : (
            <EmptyState icon={<IconFileDollar size={28} />} title={t('contractPrices.empty')} description={t('contractPrices.emptyHint')} action={canWrite ? <Button onClick={() => setCreating(true)}>{t('contractPrices.create')}</Button> : undefined} />
          )
        }
        columns={[
          { key: 'sku', header: t('contractPrices.sku'), render: (c) => <Text fw={500} ff="monospace" dir="ltr">{c.sku}</Text> },
          { key: 'price', header: t('contractPrices.price'), align: 'end', render: (c) => formatMoney({ amount: c.unitPrice, currency: c.currency }, locale) },
          {
            key: 'tiers',
            header: t('contractPrices.tiers'),
            render: (c) =>
              c.tiers.length === 0 ? (
                <Text size="sm" c="dimmed">—</Text>
              ) : (
                <Stack gap={0}>
                  {c.tiers.map((tier) => (
                    <Text key={tier.minQty} size="sm">
                      {t('contractPrices.tierLine', { qty: formatNumber(tier.minQty, locale), price: formatMoney({ amount: tier.unitPrice, currency: c.currency }, locale) })}
                    </Text>
                  ))}
                </Stack>
              ),
          },
          { key: 'reference', header: t('contractPrices.reference'), render: (c) => c.reference },
          {
            key: 'expiry',
            header: t('contractPrices.expiry'),
            render: (c) => (
              <Group gap={6}>
                <Text size="sm">{formatDate(c.validTo, locale)}</Text>
                {Date.parse(c.validTo) <= now ? (
                  <Badge color="red" variant="light" data-testid="expired">
                    {t('contractPrices.expired')}
                  </Badge>
                ) : null}
              </Group>
            ),
          },
          {
            key: 'actions',
            header: '',
            align: 'end',
            render: (c) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Tooltip label={t('priceTrace.open')}>
                  <ActionIcon variant="subtle" component={Link} to={`/admin/price-trace?companyId=${company.id}&sku=${encodeURIComponent(c.sku)}`} aria-label={t('priceTrace.open')}>
                    <IconRoute size={16} />
                  </ActionIcon>
                </Tooltip>
                {canWrite ? (
                  <Tooltip label={t('common.delete')}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} loading={del.isPending && del.variables === c.id} onClick={() => del.mutate(c.id)} data-testid="delete-contract">
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                ) : null}
              </Group>
            ),
          },
        ]}
      />
      <CreateContractModal opened={creating} onClose={() => setCreating(false)} companyId={company.id} currency={company.currency} />
    </Stack>
  );
}
