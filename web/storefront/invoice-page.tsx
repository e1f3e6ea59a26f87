import { useState } from 'react';
import { Navigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';
import { InvoiceLinesTable } from '../ui/invoice-lines.tsx';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { RefLink } from '../ui/ref-link.tsx';
import { InvoiceStatusBadge, isPayable, PayInvoicesModal, pdfUrl } from './invoice-parts.tsx';
import { useStoreSession } from './session.ts';

/** One invoice: parties, lines, totals, what paid it; download the PDF or pay the balance by card. */
export function InvoicePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useStoreSession();
  const [paying, setPaying] = useState(false);
  const [paid, setPaid] = useState(false);
  const q = useQuery({ queryKey: ['store', 'invoice', id], enabled: Boolean(session.data), queryFn: () => unwrap(api.GET('/api/store/invoices/{id}', { params: { path: { id } } })) });
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(`/account/invoices/${id}`)}`} replace />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <PageLoader />;
  const inv = q.data;
  const payable = isPayable(inv);
  const day = (iso: string) => formatDate(iso, locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const rows: [string, { amount: number; currency: string }, boolean][] = [
    [t('invoices.subtotal'), inv.subtotal, false],
    [t('invoices.shipping'), inv.shippingTotal, false],
    [t('invoices.tax'), inv.taxTotal, false],
    [t('invoices.total'), inv.total, true],
    ...(inv.amountPaid.amount ? ([[t('invoices.amountPaid'), inv.amountPaid, false]] as [string, { amount: number; currency: string }, boolean][]) : []),
    ...(inv.amountCredited.amount ? ([[t('invoices.amountCredited'), inv.amountCredited, false]] as [string, { amount: number; currency: string }, boolean][]) : []),
    [t('invoices.balance'), inv.balanceDue, true],
  ];
  return (
    <Stack gap="md" data-testid="invoice-page">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('invoices.invoice')} <span dir="ltr" data-testid="invoice-number">{inv.number}</span>
          </Title>
          <Group gap="xs">
            <InvoiceStatusBadge status={inv.status} size="lg" />
            <Text size="sm" c="dimmed">
              {t('invoices.dueOn', { date: day(inv.dueAt) })}
            </Text>
          </Group>
        </Stack>
        <Group>
          <Button component="a" href={pdfUrl(inv.id, locale)} target="_blank" rel="noopener" variant="light" leftSection={<IconDownload size={16} />} data-testid="invoice-pdf">
            {t('invoices.downloadPdf')}
          </Button>
          {payable ? (
            <Button onClick={() => setPaying(true)} data-testid="invoice-pay">
              {t('invoices.pay', { amount: formatMoney(inv.balanceDue, locale) })}
            </Button>
          ) : null}
        </Group>
      </Group>
      {paid ? (
        <Alert color="green" icon={<IconCircleCheck size={18} />} data-testid="pay-done">
          {t('invoices.paid')}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="xs" c="dimmed" fw={700}>
            {t('invoices.billTo')}
          </Text>
          <Text fw={600}>{inv.buyer.legalName}</Text>
          {inv.buyer.address.map((a) => (
            <Text size="sm" key={a}>
              {a}
            </Text>
          ))}
          {inv.buyer.vatId ? <Text size="sm">{t('invoices.vatId', { id: inv.buyer.vatId })}</Text> : null}
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed" fw={700}>
            {t('invoices.from')}
          </Text>
          <Text fw={600}>{inv.seller.legalName}</Text>
          {inv.seller.vatId ? <Text size="sm">{t('invoices.vatId', { id: inv.seller.vatId })}</Text> : null}
        </Card>
        <Card withBorder>
          <Text size="sm">
            {t('invoices.issued')}: {day(inv.issuedAt)}
          </Text>
          <Text size="sm">
            {t('invoices.order')}:{' '}
            <RefLink to={`/account/orders/${inv.orderId}`}>{inv.orderNumber}</RefLink>
          </Text>
          {inv.poNumber ? (
            <Text size="sm">
              {t('invoices.po')}: <span dir="ltr">{inv.poNumber}</span>
            </Text>
          ) : null}
          {inv.paymentTerms ? <Text size="sm">{t(`invoices.terms.${inv.paymentTerms}`, { defaultValue: inv.paymentTerms })}</Text> : null}
        </Card>
      </SimpleGrid>
      <InvoiceLinesTable lines={inv.lines} testId="invoice-lines" />
      <Stack gap={2} align="flex-end" data-testid="invoice-totals">
        {rows.map(([label, m, strong]) => (
          <Group key={label} gap="xl">
            <Text fw={strong ? 700 : 400}>{label}</Text>
            <Text fw={strong ? 700 : 400} miw={120} ta="end" data-testid={strong && label === t('invoices.balance') ? 'invoice-balance' : undefined}>
              {formatMoney(m, locale)}
            </Text>
          </Group>
        ))}
      </Stack>
      {inv.payments.length ? (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('invoices.payments')}
          </Text>
          {inv.payments.map((p) => (
            <Text size="sm" key={p.paymentId} data-testid="invoice-payment">
              {day(p.receivedAt)} · {p.card ? `${p.card.brand.toUpperCase()} •••• ${p.card.last4}` : t(`invoices.method.${p.method}`, { defaultValue: p.method })} · {formatMoney(p.amount, locale)}
            </Text>
          ))}
        </Card>
      ) : null}
      <PayInvoicesModal
        invoices={[inv]}
        opened={paying}
        onClose={() => setPaying(false)}
        onPaid={() => {
          setPaying(false);
          setPaid(true);
        }}
      />
    </Stack>
  );
}
