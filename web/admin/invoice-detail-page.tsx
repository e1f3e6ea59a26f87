import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Anchor, Button, Card, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { DetailHeader } from '../ui/detail-header.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { currencyDigits, formatDate, formatMoney } from '../ui/format.ts';
import { InvoiceLinesTable } from '../ui/invoice-lines.tsx';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { RefLink } from '../ui/ref-link.tsx';
import { InvoiceStatusBadge, isPayable } from '../storefront/invoice-parts.tsx';

const METHODS = ['bank_transfer', 'cheque', 'cash', 'card', 'other'] as const;

/** Staff: one invoice with its lines and payments, the PDF, and recording a payment received. */
export function AdminInvoiceDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['admin', 'invoice', id], queryFn: () => unwrap(api.GET('/api/admin/invoices/{id}', { params: { path: { id } } })) });
  const [amount, setAmount] = useState<number | string>('');
  const [method, setMethod] = useState<(typeof METHODS)[number]>('bank_transfer');
  const [ref, setRef] = useState('');
  const record = useMutation({
    mutationFn: () => {
      const inv = q.data!;
      const minor = Math.round(Number(amount) * 10 ** currencyDigits(inv.balanceDue.currency));
      return unwrap(api.POST('/api/admin/invoices/{id}/payments', { params: { path: { id } }, body: { amount: minor, currency: inv.balanceDue.currency, method, ...(ref.trim() ? { externalRef: ref.trim() } : {}) } }));
    },
    onSuccess: () => {
      setAmount('');
      setRef('');
      void qc.invalidateQueries({ queryKey: ['admin', 'invoice', id] });
      void qc.invalidateQueries({ queryKey: ['admin', 'invoices'] });
    },
  });
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <PageLoader />;
  const inv = q.data;
  const payable = isPayable(inv);
  return (
    <Stack data-testid="admin-invoice-page">
      <DetailHeader number={inv.number} badge={<InvoiceStatusBadge status={inv.status} size="lg" />} gap="md">
        <Group>
          <Anchor component={Link} to="/admin/invoices">
            {t('invoices.admin.back')}
          </Anchor>
          <Button component="a" href={`/api/admin/invoices/${inv.id}/pdf?locale=${inv.locale}`} target="_blank" rel="noopener" variant="light" leftSection={<IconDownload size={16} />}>
            {t('invoices.downloadPdf')}
          </Button>
        </Group>
      </DetailHeader>
      <Text>
        {inv.buyer.legalName} · {t('invoices.order')}{' '}
        <RefLink to={`/admin/orders/${inv.orderId}`}>{inv.orderNumber}</RefLink>{' '}
        · {t('invoices.dueOn', { date: formatDate(inv.dueAt, locale, { dateStyle: 'medium', timeZone: 'UTC' }) })}
      </Text>
      <InvoiceLinesTable lines={inv.lines} inlineSku />
      <Group justify="flex-end" gap="xl">
        <Text>
          {t('invoices.total')}: <b>{formatMoney(inv.total, locale)}</b>
        </Text>
        <Text>
          {t('invoices.balance')}: <b data-testid="admin-invoice-balance">{formatMoney(inv.balanceDue, locale)}</b>
        </Text>
      </Group>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('invoices.payments')}
        </Text>
        {inv.payments.length === 0 ? <Text size="sm" c="dimmed">—</Text> : null}
        {inv.payments.map((p) => (
          <Text size="sm" key={p.paymentId}>
            {formatDate(p.receivedAt, locale)} · {t(`invoices.method.${p.method}`, { defaultValue: p.method })} {p.externalRef ? <span dir="ltr">({p.externalRef})</span> : null} · {formatMoney(p.amount, locale)}
          </Text>
        ))}
        {payable ? (
          <Group
            component="form"
            align="flex-end"
            mt="md"
            onSubmit={(e) => {
              e.preventDefault();
              record.mutate();
            }}
          >
            <NumberInput label={t('invoices.admin.amount', { currency: inv.balanceDue.currency })} value={amount} onChange={setAmount} min={0} decimalScale={currencyDigits(inv.balanceDue.currency)} required data-testid="record-amount" />
            <Select label={t('invoices.admin.method')} value={method} onChange={(v) => v && setMethod(v as (typeof METHODS)[number])} data={METHODS.map((m) => ({ value: m, label: t(`invoices.method.${m}`) }))} allowDeselect={false} />
            <TextInput label={t('invoices.admin.reference')} value={ref} onChange={(e) => setRef(e.currentTarget.value)} maxLength={120} />
            <Button type="submit" loading={record.isPending} data-testid="record-submit">
              {t('invoices.admin.record')}
            </Button>
          </Group>
        ) : null}
        {record.isError ? <ErrorAlert error={record.error} /> : null}
      </Card>
    </Stack>
  );
}
