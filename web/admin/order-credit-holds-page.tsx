import { Link } from 'react-router-dom';
import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useCan } from './session.ts';

/** The credit controller's queue: orders held over the credit limit with the company's credit, and release. */
export function CreditHoldsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const canRelease = useCan('orders:write');
  const q = useQuery({ queryKey: ['admin', 'credit-holds'], queryFn: () => unwrap(api.GET('/api/admin/orders/credit-holds', { params: { query: { limit: 200 } } })) });
  const release = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/admin/orders/{id}/release', { params: { path: { id } }, body: {} })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['admin', 'credit-holds'] });
      void qc.invalidateQueries({ queryKey: ['admin', 'orders'] });
    },
  });
  return (
    <Stack gap="md" data-testid="credit-holds">
      <PageHeader title={t('orders.admin.creditHolds')} description={t('orders.admin.creditHoldsHint')} />
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {release.error ? <ErrorAlert error={release.error} /> : null}
      {q.isPending ? (
        <PageLoader />
      ) : q.data && q.data.items.length === 0 ? (
        <EmptyState title={t('orders.admin.noHolds')} />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.number')}</Table.Th>
              <Table.Th>{t('orders.admin.company')}</Table.Th>
              <Table.Th>{t('orders.placedAt')}</Table.Th>
              <Table.Th ta="end">{t('orders.total')}</Table.Th>
              <Table.Th ta="end">{t('orders.admin.limit')}</Table.Th>
              <Table.Th ta="end">{t('orders.admin.availableCredit')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data?.items.map((o) => (
              <Table.Tr key={o.id} data-testid="credit-hold-row">
                <Table.Td>
                  <Anchor component={Link} to={`/admin/orders/${o.id}`} dir="ltr">
                    {o.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{o.companyName}</Table.Td>
                <Table.Td>{formatDate(o.placedAt, locale)}</Table.Td>
                <Table.Td ta="end">{formatMoney(o.total, locale)}</Table.Td>
                <Table.Td ta="end">{o.credit.limit ? formatMoney(o.credit.limit, locale) : '—'}</Table.Td>
                <Table.Td ta="end">
                  <Text c={o.credit.available && o.credit.available.amount < o.total.amount ? 'red' : undefined} size="sm">
                    {o.credit.available ? formatMoney(o.credit.available, locale) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="end">
                  {canRelease ? (
                    <Button size="xs" loading={release.isPending && release.variables === o.id} onClick={() => release.mutate(o.id)} data-testid="credit-hold-release">
                      {t('orders.action.release')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
