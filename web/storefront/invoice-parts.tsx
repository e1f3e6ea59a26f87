import { useState } from 'react';
import { Badge, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError, unwrap } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatMoney, type Money } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';

export const INVOICE_STATUSES = ['open', 'partially_paid', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

const COLORS: Record<InvoiceStatus, string> = { open: 'blue', partially_paid: 'yellow', paid: 'green', overdue: 'red', void: 'gray' };

export function InvoiceStatusBadge({ status, size = 'sm' }: { status: InvoiceStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" size={size} data-testid="invoice-status" data-status={status}>
      {t(`invoices.status.${status}`)}
    </Badge>
  );
}

/** Whether the buyer can still pay it by card (staff can record a payment against the same ones). */
export function isPayable(invoice: { status: InvoiceStatus; balanceDue: Money }): boolean {
  return ['open', 'partially_paid', 'overdue'].includes(invoice.status) && invoice.balanceDue.amount > 0;
}

/** The PDF in the reader's language (server-side rendering: shaping and right-to-left for Arabic and Urdu). */
export function pdfUrl(invoiceId: string, locale: string): string {
  const lang = ['en', 'ar', 'ur', 'bn'].includes(locale.split('-')[0] ?? '') ? locale.split('-')[0] : 'en';
  return `/api/store/invoices/${invoiceId}/pdf?locale=${lang}`;
}

/**
 * Card payment of one or several invoices, in full, through the payment provider. The test
 * provider takes Stripe's test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.
 */
export function PayInvoicesModal({ invoices, opened, onClose, onPaid }: { invoices: { id: string; number: string; balanceDue: Money }[]; opened: boolean; onClose: () => void; onPaid: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const [number, setNumber] = useState('');
  const [expMonth, setExpMonth] = useState<number | string>('');
  const [expYear, setExpYear] = useState<number | string>('');
  const [cvc, setCvc] = useState('');
  const [name, setName] = useState('');
  const total = invoices.reduce((s, i) => s + i.balanceDue.amount, 0);
  const currency = invoices[0]?.balanceDue.currency ?? 'USD';
  const pay = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/store/invoices/pay', {
          body: {
            invoiceIds: invoices.map((i) => i.id),
            card: { number, expMonth: Number(expMonth) || undefined, expYear: Number(expYear) || undefined, cvc, ...(name.trim() ? { name: name.trim() } : {}) },
          },
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['store', 'invoices'] });
      void qc.invalidateQueries({ queryKey: ['store', 'invoice'] });
      void qc.invalidateQueries({ queryKey: ['store', 'statement'] });
      void qc.invalidateQueries({ queryKey: ['store', 'dashboard'] });
      setNumber('');
      setCvc('');
      onPaid();
    },
  });
  const fieldError = (f: string) => (isApiError(pay.error) && pay.error.field === `card.${f}` ? pay.error.detail : undefined);
  return (
    <Modal opened={opened} onClose={onClose} title={t('invoices.payTitle', { count: invoices.length })} data-testid="pay-modal">
      <Stack
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          pay.mutate();
        }}
      >
        <Text size="sm">{invoices.map((i) => i.number).join(', ')}</Text>
        <Group justify="space-between">
          <Text fw={600}>{t('invoices.payAmount')}</Text>
          <Text fw={700} data-testid="pay-total">
            {formatMoney({ amount: total, currency }, locale)}
          </Text>
        </Group>
        <TextInput label={t('invoices.cardNumber')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} maxLength={23} inputMode="numeric" autoComplete="cc-number" dir="ltr" required error={fieldError('number')} data-testid="card-number" />
        <SimpleGrid cols={3}>
          <NumberInput label={t('invoices.expMonth')} value={expMonth} onChange={setExpMonth} min={1} max={12} hideControls required error={fieldError('expMonth')} data-testid="card-exp-month" />
          <NumberInput label={t('invoices.expYear')} value={expYear} onChange={setExpYear} min={2000} max={2200} hideControls required error={fieldError('expYear')} data-testid="card-exp-year" />
          <TextInput label={t('invoices.cvc')} value={cvc} onChange={(e) => setCvc(e.currentTarget.value)} maxLength={4} inputMode="numeric" autoComplete="cc-csc" dir="ltr" required error={fieldError('cvc')} data-testid="card-cvc" />
        </SimpleGrid>
        <TextInput label={t('invoices.cardName')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={120} autoComplete="cc-name" />
        <Text size="xs" c="dimmed">
          {t('invoices.testCards')}
        </Text>
        {pay.isError ? <ErrorAlert error={pay.error} /> : null}
        <Button type="submit" loading={pay.isPending} data-testid="pay-submit">
          {t('invoices.payNow', { amount: formatMoney({ amount: total, currency }, locale) })}
        </Button>
      </Stack>
    </Modal>
  );
}
