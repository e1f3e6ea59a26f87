import { useEffect, useState } from 'react';
import { Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert, fieldError } from '../ui/error-alert.tsx';
import { currencyDigits, formatDateTime, formatMoney } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { useCreditAccount, useCreditLedger, useUpdateCreditAccount, type CreditAccount, type LedgerEntry } from './company-credit-api.ts';
import { parseAmount } from './contract-prices-api.ts';
import { useCan } from './session.ts';
import { TaxExemptionPanel } from './tax-exemption-panel.tsx';
import { TermsSelect } from './terms-select.tsx';

/** Minor units → the plain number typed in the limit field ("150000.00"). */
const toInput = (amount: number | null, digits: number) => (amount === null ? '' : (amount / 10 ** digits).toFixed(digits));

function Figure({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="xl" fw={700} c={tone} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function CreditForm({ account, canWrite }: { account: CreditAccount; canWrite: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateCreditAccount(account.companyId);
  const digits = currencyDigits(account.currency);
  const [terms, setTerms] = useState(account.paymentTerms);
  const [limit, setLimit] = useState(toInput(account.creditLimit, digits));
  const [action, setAction] = useState<string>(account.overLimitAction);
  const [poRequired, setPoRequired] = useState(account.poRequired);
  const [allowNewShipTo, setAllowNewShipTo] = useState(account.allowNewShipTo);
  const [limitError, setLimitError] = useState<string | null>(null);
  useEffect(() => {
    setTerms(account.paymentTerms);
    setLimit(toInput(account.creditLimit, digits));
    setAction(account.overLimitAction);
    setPoRequired(account.poRequired);
    setAllowNewShipTo(account.allowNewShipTo);
  }, [account, digits]);

  const save = () => {
    const parsed = limit.trim() === '' ? null : parseAmount(limit, digits);
    if (limit.trim() !== '' && parsed === null) {
      setLimitError(t('credit.badAmount', { digits }));
      return;
    }
    setLimitError(null);
    update.mutate({
      paymentTerms: terms,
      creditLimit: parsed,
      overLimitAction: action === 'hold' ? 'hold' : 'block',
      poRequired,
      allowNewShipTo,
    });
  };

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Title order={3} size="h5">
          {t('credit.settings')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <TermsSelect
            label={t('credit.terms')}
            description={t('credit.termsHint')}
            noneLabel={t('credit.inherit')}
            value={terms}
            onChange={setTerms}
            error={fieldError(update.error, 'paymentTerms')}
            disabled={!canWrite}
            testId="credit-terms"
          />
          <TextInput
            label={t('credit.limit', { currency: account.currency })}
            description={t('credit.limitHint')}
            value={limit}
            onChange={(e) => setLimit(e.currentTarget.value)}
            error={limitError ?? fieldError(update.error, 'creditLimit')}
            inputMode="decimal"
            dir="ltr"
            disabled={!canWrite}
            data-testid="credit-limit"
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('credit.overLimit')}
          </Text>
          <SegmentedControl
            value={action}
            onChange={setAction}
            disabled={!canWrite}
            data={[
              { value: 'block', label: t('credit.action.block') },
              { value: 'hold', label: t('credit.action.hold') },
            ]}
            data-testid="credit-action"
          />
          <Text size="xs" c="dimmed">
            {t(`credit.actionHint.${action === 'hold' ? 'hold' : 'block'}`)}
          </Text>
        </Stack>
        <Switch label={t('credit.poRequired')} checked={poRequired} onChange={(e) => setPoRequired(e.currentTarget.checked)} disabled={!canWrite} data-testid="credit-po" />
        <Switch label={t('credit.allowNewShipTo')} checked={allowNewShipTo} onChange={(e) => setAllowNewShipTo(e.currentTarget.checked)} disabled={!canWrite} data-testid="credit-new-ship-to" />
        <ErrorAlert error={update.error} />
        {canWrite ? (
          <Group justify="flex-end">
            <Button onClick={save} loading={update.isPending} data-testid="credit-save">
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
        {update.isSuccess ? (
          <Text size="sm" c="teal" data-testid="credit-saved">
            {t('credit.saved')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Ledger({ account }: { account: CreditAccount }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ledger = useCreditLedger(account.companyId);
  if (ledger.error) return <ErrorAlert error={ledger.error} />;
  const money = (amount: number) => formatMoney({ amount, currency: account.currency }, locale);
  return (
    <DataTable<LedgerEntry>
      testId="credit-ledger"
      rows={ledger.data?.items ?? []}
      rowKey={(e) => e.id}
      empty={ledger.isPending ? <Skeleton h={80} /> : <EmptyState icon={<IconReceipt size={28} />} title={t('credit.noEntries')} description={t('credit.noEntriesHint')} />}
      columns={[
        { key: 'at', header: t('credit.when'), render: (e) => formatDateTime(e.at, locale) },
        { key: 'ref', header: t('credit.reference'), render: (e) => <Text size="sm">{`${t(`credit.refKind.${e.refKind}`)} · ${e.refId}`}</Text> },
        { key: 'reason', header: t('credit.reason'), render: (e) => e.reason },
        { key: 'amount', header: t('credit.amount'), align: 'end', render: (e) => <Text c={e.amount > 0 ? 'orange' : 'teal'} dir="ltr">{`${e.amount > 0 ? '+' : '−'}${money(Math.abs(e.amount))}`}</Text> },
        { key: 'after', header: t('credit.exposureAfter'), align: 'end', render: (e) => money(e.exposureAfter) },
      ]}
    />
  );
}

/** A company's "Terms & credit" tab: terms (own or inherited), limit and checkout rules, exposure, ledger, tax status. */
export function CompanyCreditTab({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const account = useCreditAccount(companyId);
  const canWrite = useCan('credit:write');
  if (account.isPending) return <Skeleton h={240} />;
  if (account.error || !account.data) return <ErrorAlert error={account.error} />;
  const a = account.data;
  const money = (amount: number | null) => (amount === null ? '—' : formatMoney({ amount, currency: a.currency }, locale));
  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Text fw={600}>{t('credit.effectiveTerms')}:</Text>
        <Badge size="lg" variant="light" data-testid="credit-effective-terms">
          {a.effectiveTerms ? t(`credit.termsCode.${a.effectiveTerms.code}`) : t('credit.noTerms')}
        </Badge>
        <Text size="sm" c="dimmed">
          {t(`credit.source.${a.termsSource}`)}
        </Text>
        <Badge variant="dot" color={a.onAccount ? 'teal' : 'gray'} data-testid="credit-on-account">
          {a.onAccount ? t('credit.onAccount') : t('credit.notOnAccount')}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Figure label={t('credit.limitShort')} value={money(a.creditLimit)} testId="credit-figure-limit" />
        <Figure label={t('credit.exposure')} value={money(a.exposure)} testId="credit-figure-exposure" />
        <Figure label={t('credit.available')} value={money(a.available)} testId="credit-figure-available" tone={a.available !== null && a.available < 0 ? 'red' : undefined} />
      </SimpleGrid>
      <CreditForm account={a} canWrite={canWrite} />
      <TaxExemptionPanel companyId={companyId} />
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('credit.ledger')}
        </Title>
        <Ledger account={a} />
      </Stack>
    </Stack>
  );
}
