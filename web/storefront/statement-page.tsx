import { useState } from 'react';
import { Navigate } from 'react-router-dom';
import { Box, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { chosenOnly } from '../ui/cursor-list.tsx';
import { ListTable } from '../ui/list-table.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useFormat } from '../ui/use-format.ts';
import { useStoreSession } from './session.ts';

const BUCKETS = ['current', 'days1to30', 'days31to60', 'days61to90', 'days90plus'] as const;
const BUCKET_COLORS: Record<(typeof BUCKETS)[number], string> = { current: 'var(--mantine-color-teal-5)', days1to30: 'var(--mantine-color-yellow-5)', days31to60: 'var(--mantine-color-orange-5)', days61to90: 'var(--mantine-color-red-5)', days90plus: 'var(--mantine-color-red-9)' };

/** The account statement: ageing of what is unpaid as bars, then every invoice, payment and credit memo with the running balance. */
export function StatementPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useStoreSession();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const q = useQuery({ queryKey: ['store', 'statement', period], enabled: Boolean(session.data), queryFn: () => unwrap(api.GET('/api/store/statement', { params: { query: period } })) });
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to="/sign-in?next=%2Faccount%2Fstatement" replace />;
  const s = q.data;
  const max = s ? Math.max(1, ...BUCKETS.map((b) => s.ageing.buckets[b].amount)) : 1;
  return (
    <Stack gap="md" data-testid="statement-page">
      <Title order={1} size="h2">
        {t('statement.title')}
      </Title>
      <Group
        component="form"
        align="flex-end"
        onSubmit={(e) => {
          e.preventDefault();
          setPeriod(chosenOnly({ from, to }));
        }}
      >
        <TextInput type="date" label={t('statement.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="statement-from" />
        <TextInput type="date" label={t('statement.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="statement-to" />
        <Button type="submit" variant="light">
          {t('statement.show')}
        </Button>
      </Group>
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {!s ? (
        <PageLoader />
      ) : (
        <>
          <Card withBorder data-testid="statement-ageing">
            <Group justify="space-between" mb="sm">
              <Text fw={600}>{t('statement.ageing')}</Text>
              <Text fw={700} data-testid="ageing-total">
                {fmt.money(s.ageing.total)}
              </Text>
            </Group>
            <Group align="flex-end" gap="lg" h={160} wrap="nowrap" role="img" aria-label={t('statement.ageingChart')}>
              {BUCKETS.map((b) => {
                const m = s.ageing.buckets[b];
                return (
                  <Stack key={b} gap={4} align="center" style={{ flex: 1 }} data-testid="ageing-bucket" data-bucket={b} data-amount={m.amount}>
                    <Text size="xs" fw={600}>
                      {fmt.money(m)}
                    </Text>
                    <Box w="100%" maw={72} h={Math.max(2, Math.round((m.amount / max) * 110))} bg={BUCKET_COLORS[b]} style={{ borderRadius: 4 }} />
                    <Text size="xs" c="dimmed" ta="center">
                      {t(`statement.bucket.${b}`)}
                    </Text>
                  </Stack>
                );
              })}
            </Group>
          </Card>
          <Group justify="space-between">
            <Text>
              {t('statement.period', { from: fmt.day(s.from), to: fmt.day(s.to) })}
            </Text>
            <Text>
              {t('statement.opening')}: <b>{fmt.money(s.openingBalance)}</b>
            </Text>
          </Group>
          <ListTable
            testId="statement-entries"
            variant="ledger"
            rows={s.entries}
            rowKey={(e) => `${e.kind}-${e.id}`}
            rowTestId="statement-entry"
            rowAttrs={(e) => ({ 'data-kind': e.kind })}
            emptyRow={t('statement.empty')}
            columns={[
              { key: 'date', header: t('statement.date'), cell: (e) => fmt.date(e.at) },
              {
                key: 'document',
                header: t('statement.document'),
                cell: (e) => (
                  <>
                    {t(`statement.kind.${e.kind}`)} <span dir="ltr">{e.reference}</span>
                  </>
                ),
              },
              { key: 'details', header: t('statement.details'), cell: (e) => (e.kind === 'payment' ? t(`invoices.method.${e.description}`, { defaultValue: e.description }) : e.description) },
              { key: 'debit', header: t('statement.debit'), end: true, cell: (e) => (e.debit.amount ? fmt.money(e.debit) : '') },
              { key: 'credit', header: t('statement.credit'), end: true, cell: (e) => (e.credit.amount ? fmt.money(e.credit) : '') },
              { key: 'balance', header: t('statement.balance'), end: true, cell: (e) => fmt.money(e.balance) },
            ]}
          />
          <Group justify="flex-end">
            <Text fw={700} data-testid="statement-closing">
              {t('statement.closing')}: {fmt.money(s.closingBalance)}
            </Text>
          </Group>
        </>
      )}
    </Stack>
  );
}
