import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { formatDate, formatMoney } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { InvoiceStatusBadge, pdfUrl } from './invoice-parts.tsx';

/** The invoices of an order on the order page (none until something is invoiced). */
export function OrderInvoices({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const q = useQuery({ queryKey: ['store', 'invoices', 'order', orderId], queryFn: () => unwrap(api.GET('/api/store/invoices', { params: { query: { orderId, limit: 50 } } })) });
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card withBorder data-testid="order-invoices">
      <Text fw={600} mb="xs">
        {t('invoices.title')}
      </Text>
      <Stack gap="xs">
        {items.map((i) => (
          <Group key={i.id} justify="space-between" data-testid="order-invoice">
            <Group gap="sm">
              <Anchor component={Link} to={`/account/invoices/${i.id}`} dir="ltr">
                {i.number}
              </Anchor>
              <InvoiceStatusBadge status={i.status} />
              <Text size="sm" c="dimmed">
                {t('invoices.dueOn', { date: formatDate(i.dueAt, locale, { dateStyle: 'medium', timeZone: 'UTC' }) })}
              </Text>
            </Group>
            <Group gap="sm">
              <Text fw={600}>{formatMoney(i.balanceDue, locale)}</Text>
              <Anchor href={pdfUrl(i.id, locale)} target="_blank" rel="noopener" size="sm">
                {t('invoices.pdf')}
              </Anchor>
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
