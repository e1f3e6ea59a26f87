import { useEffect, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Group, MultiSelect, NumberInput, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconRoute, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatMoney, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useCompanyGroups, useGroups } from './group-api.ts';
import { CompanyPicker } from './group-company-picker.tsx';
import { SkuPicker } from './price-trace-pickers.tsx';

type Resolution = ResponseOf<'/api/admin/pricing/resolve', 'get'>;
type Step = Resolution['trace'][number];
type Strategy = 'default' | 'lowest' | 'priority';

/** The staff price trace for one company, SKU and quantity; optionally "what if" groups or strategy. */
function useTrace(q: { companyId: string | null; sku: string | null; quantity: number; strategy: Strategy; groupIds: string[] | null }) {
  return useQuery({
    queryKey: ['admin', 'price-trace', q],
    enabled: Boolean(q.companyId && q.sku),
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/admin/pricing/resolve', {
          params: {
            query: {
              companyId: q.companyId ?? '',
              sku: q.sku ?? '',
              quantity: q.quantity,
              ...(q.strategy !== 'default' ? { strategy: q.strategy } : {}),
              ...(q.groupIds ? { groupIds: q.groupIds.join(',') } : {}),
            },
          },
        }),
      ),
  });
}

function Summary({ r }: { r: Resolution }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (amount: number | null | undefined) => (amount == null ? '—' : formatMoney({ amount, currency: r.currency }, locale));
  const winner = r.trace.find((s) => s.won);
  if (!r.priced) {
    return (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('priceTrace.unpriced')} data-testid="trace-summary">
        {t('priceTrace.unpricedHint', { sku: r.sku, currency: r.currency })}
      </Alert>
    );
  }
  const saving = r.basePrice != null && r.unitPrice != null && r.basePrice > r.unitPrice ? r.basePrice - r.unitPrice : null;
  return (
    <Paper withBorder p="lg" data-testid="trace-summary">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('priceTrace.unitPrice')}
          </Text>
          <Text size="xl" fw={700} data-testid="trace-unit-price">
            {money(r.unitPrice)}
          </Text>
          {saving ? (
            <Text size="xs" c="teal">
              {t('priceTrace.saving', { amount: money(saving), base: money(r.basePrice) })}
            </Text>
          ) : null}
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('priceTrace.lineTotal', { qty: formatNumber(r.quantity, locale) })}
          </Text>
          <Text size="xl" fw={700}>
            {money(r.lineTotal)}
          </Text>
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('priceTrace.source')}
          </Text>
          <Group gap={6}>
            <Badge variant="light" color="indigo" data-testid="trace-source">
              {t(`priceTrace.kind.${r.source?.kind ?? 'base'}`)}
            </Badge>
            {r.source?.contractRef ? <Text size="sm">{r.source.contractRef}</Text> : null}
          </Group>
          <Text size="sm" data-testid="trace-winner">
            {winner?.candidate.label}
          </Text>
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('priceTrace.tier')}
          </Text>
          <Text size="sm">{r.tier ? t('priceTrace.fromQty', { qty: formatNumber(r.tier.minQty, locale) }) : t('priceTrace.noTier')}</Text>
          <Text size="xs" c="dimmed">
            {t('priceTrace.strategyUsed', { strategy: t(`priceTrace.strategy.${r.strategy}`) })}
          </Text>
        </Stack>
      </SimpleGrid>
      {r.qtyRuleViolations && r.qtyRuleViolations.length > 0 ? (
        <Alert mt="md" color="yellow" variant="light" title={t('priceTrace.qtyRules')}>
          {r.qtyRuleViolations.map((v) => (
            <Text key={v.code} size="sm" dir="ltr">
              {v.message}
            </Text>
          ))}
        </Alert>
      ) : null}
      {r.tierTable && r.tierTable.length > 0 ? (
        <Table mt="md" withTableBorder maw={360} data-testid="tier-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('priceTrace.fromQtyHeader')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('priceTrace.unitPrice')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.tierTable.map((row) => (
              <Table.Tr key={row.minQty} fw={r.tier?.minQty === row.minQty ? 700 : undefined}>
                <Table.Td>{formatNumber(row.minQty, locale)}</Table.Td>
                <Table.Td style={{ textAlign: 'end' }}>{money(row.unitPrice)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}

function TraceTable({ r }: { r: Resolution }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The winner first, then the others that priced the variant, then the ones that did not apply.
  const rows = [...r.trace].sort((a, b) => Number(b.won) - Number(a.won) || Number(b.considered) - Number(a.considered));
  return (
    <DataTable<Step>
      testId="trace-table"
      rows={rows}
      rowKey={(s) => `${s.candidate.kind}|${s.candidate.listId ?? ''}|${s.candidate.contractRef ?? ''}|${s.candidate.label}`}
      empty={<EmptyState title={t('priceTrace.noCandidates')} />}
      columns={[
        {
          key: 'result',
          header: t('priceTrace.result'),
          width: 130,
          render: (s) =>
            s.won ? (
              <Badge color="teal" leftSection={<IconTrophy size={12} />} data-testid="trace-won">
                {t('priceTrace.won')}
              </Badge>
            ) : (
              <Badge color={s.considered ? 'orange' : 'gray'} variant="light">
                {s.considered ? t('priceTrace.lost') : t('priceTrace.notApplicable')}
              </Badge>
            ),
        },
        { key: 'candidate', header: t('priceTrace.candidate'), render: (s) => <Text fw={s.won ? 700 : 500} size="sm">{s.candidate.label}</Text> },
        { key: 'kind', header: t('priceTrace.kindLabel'), width: 150, render: (s) => <Badge variant="outline" color="gray" tt="none">{t(`priceTrace.kind.${s.candidate.kind}`)}</Badge> },
        { key: 'price', header: t('priceTrace.unitPrice'), align: 'end', render: (s) => (s.unitPrice == null ? '—' : formatMoney({ amount: s.unitPrice, currency: r.currency }, locale)) },
        { key: 'reason', header: t('priceTrace.why'), render: (s) => <Text size="sm" dir="ltr">{s.reason}</Text> },
      ]}
    />
  );
}

/** "Price as company X": the resolved price and the full trace, with what-if groups and strategy. */
export function PriceTracePage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const companyId = sp.get('companyId');
  const sku = sp.get('sku');
  const quantity = Math.max(1, Math.min(1_000_000_000, Math.trunc(Number(sp.get('qty') ?? '1')) || 1));
  const strategy = (['lowest', 'priority'].includes(sp.get('strategy') ?? '') ? sp.get('strategy') : 'default') as Strategy;
  const whatIf = sp.has('groups');
  const groupIds = useMemo(() => (whatIf ? (sp.get('groups') ?? '').split(',').filter(Boolean) : null), [sp, whatIf]);
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setSp(next, { replace: true });
  };
  const [debouncedQty] = useDebouncedValue(quantity, 300);
  const trace = useTrace({ companyId, sku, quantity: debouncedQty, strategy, groupIds });
  const companyGroups = useCompanyGroups(companyId);
  const allGroups = useGroups();
  const groupOptions = (allGroups.data?.pages.flatMap((p) => p.items) ?? []).map((g) => ({ value: g.id, label: g.name }));
  // The what-if picker offers every group: load the remaining pages once it is open.
  useEffect(() => {
    if (whatIf && allGroups.hasNextPage && !allGroups.isFetchingNextPage) void allGroups.fetchNextPage();
  }, [whatIf, allGroups]);

  return (
    <>
      <PageHeader title={t('priceTrace.title')} description={t('priceTrace.description')} />
      <Stack gap="lg">
        <Paper withBorder p="lg">
          <Stack>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <CompanyPicker w={320} value={companyId} onChange={(c) => set({ companyId: c?.id ?? null, groups: null })} testId="trace-company" />
              <SkuPicker sku={sku} onChange={(s) => set({ sku: s })} />
              <NumberInput label={t('priceTrace.quantity')} w={140} min={1} max={1_000_000_000} allowDecimal={false} value={quantity} onChange={(v) => set({ qty: String(Number(v) || 1) })} data-testid="trace-qty" />
            </Group>
            <Group gap="lg" align="flex-end" wrap="wrap">
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('priceTrace.strategyLabel')}
                </Text>
                <SegmentedControl
                  value={strategy}
                  onChange={(v) => set({ strategy: v === 'default' ? null : v })}
                  data={[
                    { value: 'default', label: t('priceTrace.strategy.default') },
                    { value: 'lowest', label: t('priceTrace.strategy.lowest') },
                    { value: 'priority', label: t('priceTrace.strategy.priority') },
                  ]}
                  data-testid="trace-strategy"
                />
              </Stack>
              <Switch
                label={t('priceTrace.whatIf')}
                description={t('priceTrace.whatIfHint')}
                checked={whatIf}
                disabled={!companyId}
                onChange={(e) => set({ groups: e.currentTarget.checked ? (companyGroups.data?.items ?? []).map((g) => g.groupId).join(',') : null })}
                data-testid="trace-what-if"
              />
              {whatIf ? (
                <MultiSelect w={380} label={t('priceTrace.whatIfGroups')} searchable clearable data={groupOptions} value={groupIds ?? []} onChange={(ids) => set({ groups: ids.join(',') })} data-testid="trace-groups" comboboxProps={{ withinPortal: true }} />
              ) : null}
            </Group>
          </Stack>
        </Paper>
        {!companyId || !sku ? (
          <EmptyState icon={<IconRoute size={28} />} title={t('priceTrace.pickBoth')} description={t('priceTrace.pickBothHint')} />
        ) : trace.error ? (
          <ErrorAlert error={trace.error} />
        ) : !trace.data ? (
          <Skeleton h={240} />
        ) : (
          <>
            <Summary r={trace.data} />
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('priceTrace.traceTitle')}
              </Title>
              <TraceTable r={trace.data} />
            </Stack>
          </>
        )}
        {companyId ? (
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={2} size="h4">
                {whatIf ? t('priceTrace.actualGroups') : t('priceTrace.companyGroups')}
              </Title>
              <Anchor component={Link} to={`/admin/companies/${companyId}`} size="sm">
                {t('priceTrace.openCompany')}
              </Anchor>
            </Group>
            <ErrorAlert error={companyGroups.error} />
            <Paper withBorder p="sm" data-testid="trace-company-groups">
              {(companyGroups.data?.items ?? []).length === 0 ? (
                <Text size="sm" c="dimmed">
                  {companyGroups.isPending ? t('common.loading') : t('priceTrace.noGroups')}
                </Text>
              ) : (
                <Stack gap={6}>
                  {companyGroups.data?.items.map((g) => (
                    <Group key={g.groupId} gap="sm" wrap="nowrap" align="flex-start">
                      <Anchor component={Link} to={`/admin/groups/${g.groupId}`} fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {g.name}
                      </Anchor>
                      <Text size="sm" c="dimmed" dir="ltr">
                        {g.reason}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Paper>
          </Stack>
        ) : null}
      </Stack>
    </>
  );
}
