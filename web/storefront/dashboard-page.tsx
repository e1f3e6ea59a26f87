import { Link, Navigate, useNavigate } from 'react-router-dom';
import { Alert, Anchor, Button, Card, Group, Progress, RingProgress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconRepeat } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatMoney, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { OrderStatusBadge } from './order-status.tsx';
import { ReturnStatusBadge } from './return-status.tsx';
import { useStoreSession } from './session.ts';

type Dashboard = ResponseOf<'/api/store/dashboard', 'get'>;

/** Limit, used and available as a gauge and a bar; a company without a credit line is told so. */
function CreditCard({ credit }: { credit: Dashboard['credit'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!credit.onAccount || !credit.limit) {
    return (
      <Card withBorder data-testid="dashboard-credit" data-on-account="false">
        <Title order={2} size="h4" mb="sm">
          {t('dashboard.creditTitle')}
        </Title>
        <Text c="dimmed">{t('dashboard.creditNone')}</Text>
      </Card>
    );
  }
  const limit = credit.limit.amount;
  const usedPct = limit > 0 ? Math.min(100, (credit.used.amount / limit) * 100) : 100;
  const color = usedPct >= 90 ? 'red' : usedPct >= 70 ? 'orange' : 'teal';
  return (
    <Card withBorder data-testid="dashboard-credit" data-on-account="true">
      <Title order={2} size="h4" mb="sm">
        {t('dashboard.creditTitle')}
      </Title>
      <Group align="center" wrap="nowrap" gap="lg">
        <RingProgress
          size={120}
          thickness={12}
          roundCaps
          sections={[{ value: usedPct, color }]}
          label={
            <Text ta="center" fw={700} size="lg" data-testid="credit-percent">
              {formatNumber(usedPct / 100, locale, { style: 'percent', maximumFractionDigits: 0 })}
            </Text>
          }
        />
        <Stack gap={6} style={{ flex: 1 }}>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">{t('dashboard.creditLimit')}</Text>
            <Text fw={600} data-testid="credit-limit">{formatMoney(credit.limit, locale)}</Text>
          </Group>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">{t('dashboard.creditUsed')}</Text>
            <Text fw={600} data-testid="credit-used">{formatMoney(credit.used, locale)}</Text>
          </Group>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">{t('dashboard.creditAvailable')}</Text>
            <Text fw={700} c={color} data-testid="credit-available">{credit.available ? formatMoney(credit.available, locale) : '—'}</Text>
          </Group>
          {credit.paymentTerms ? (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">{t('dashboard.creditTerms')}</Text>
              <Text size="sm" data-testid="credit-terms">{t(`credit.termsCode.${credit.paymentTerms.code}`, { defaultValue: credit.paymentTerms.label })}</Text>
            </Group>
          ) : null}
        </Stack>
      </Group>
      <Progress.Root size="lg" mt="md" aria-label={t('dashboard.creditUsedPercent', { percent: formatNumber(usedPct / 100, locale, { style: 'percent', maximumFractionDigits: 0 }) })}>
        <Progress.Section value={usedPct} color={color} />
        <Progress.Section value={100 - usedPct} color="gray.2" />
      </Progress.Root>
      <Text size="xs" c="dimmed" mt={4}>
        {t('dashboard.creditUsedPercent', { percent: formatNumber(usedPct / 100, locale, { style: 'percent', maximumFractionDigits: 0 }) })}
      </Text>
    </Card>
  );
}

function InvoicesCard({ invoices }: { invoices: Dashboard['invoices'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const overdue = invoices.overdue.count > 0;
  return (
    <Card withBorder data-testid="dashboard-invoices">
      <Title order={2} size="h4" mb="sm">
        {t('dashboard.invoicesTitle')}
      </Title>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('dashboard.invoicesOpen')}</Text>
        <Text fw={600} data-testid="invoices-open">{formatNumber(invoices.open, locale)}</Text>
      </Group>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">{t('dashboard.invoicesOverdue')}</Text>
        <Text fw={700} c={overdue ? 'red' : undefined} data-testid="invoices-overdue">{formatNumber(invoices.overdue.count, locale)}</Text>
      </Group>
      {overdue ? (
        <Alert color="red" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="invoices-overdue-amount">
          {t('dashboard.invoicesOverdueAmount', { amount: formatMoney(invoices.overdue.amount, locale) })}
        </Alert>
      ) : (
        <Text size="sm" c="teal">
          <IconCircleCheck size={14} style={{ verticalAlign: 'middle' }} /> {t('dashboard.invoicesNoneOverdue')}
        </Text>
      )}
    </Card>
  );
}

function OrdersTable({ items, testId, reorder }: { items: Dashboard['recentOrders']; testId: string; reorder?: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table data-testid={testId} verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('dashboard.order')}</Table.Th>
          <Table.Th>{t('dashboard.placed')}</Table.Th>
          <Table.Th>{t('dashboard.status')}</Table.Th>
          <Table.Th ta="end">{t('dashboard.total')}</Table.Th>
          {reorder ? <Table.Th /> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((o) => (
          <Table.Tr key={o.id} data-testid={`${testId}-row`} data-order={o.number}>
            <Table.Td>
              <Anchor component={Link} to={`/account/orders/${o.id}`} dir="ltr">
                {o.number}
              </Anchor>
            </Table.Td>
            <Table.Td>{formatDate(o.placedAt, locale)}</Table.Td>
            <Table.Td>
              <OrderStatusBadge status={o.status} size="sm" />
            </Table.Td>
            <Table.Td ta="end">{formatMoney(o.total, locale)}</Table.Td>
            {reorder ? (
              <Table.Td ta="end">
                <Button size="compact-sm" variant="light" leftSection={<IconRepeat size={14} />} onClick={() => reorder(o.id)} data-testid="reorder">
                  {t('dashboard.reorder')}
                </Button>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The buyer's landing page after sign-in: credit limit / used / available, open orders, invoices
 * (overdue ones stand out), recent orders with one-click reorder, and returns in progress.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const session = useStoreSession();
  const q = useQuery({ queryKey: ['store', 'dashboard'], enabled: Boolean(session.data), queryFn: () => unwrap(api.GET('/api/store/dashboard')) });
  const reorder = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/store/orders/{id}/reorder', { params: { path: { id } }, body: {} })),
  });
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to="/sign-in?next=%2Faccount" replace />;
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const d = q.data;
  return (
    <Stack gap="lg" data-testid="dashboard-page">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('dashboard.title')}
        </Title>
        <Text c="dimmed">{t('dashboard.subtitle', { company: d.company.name })}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <CreditCard credit={d.credit} />
        <Card withBorder data-testid="dashboard-open-orders">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {t('dashboard.openOrdersTitle')}
            </Title>
            <Text fw={700} size="xl" data-testid="open-orders-count">
              {formatNumber(d.openOrders.count, locale)}
            </Text>
          </Group>
          {d.openOrders.items.length ? (
            <Stack gap={4}>
              {d.openOrders.items.map((o) => (
                <Group key={o.id} justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={`/account/orders/${o.id}`} size="sm" dir="ltr">
                    {o.number}
                  </Anchor>
                  <OrderStatusBadge status={o.status} size="sm" />
                </Group>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">{t('dashboard.openOrdersEmpty')}</Text>
          )}
        </Card>
        <InvoicesCard invoices={d.invoices} />
      </SimpleGrid>

      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('dashboard.recentTitle')}
          </Title>
          <Anchor component={Link} to="/account/orders" size="sm">
            {t('dashboard.viewAll')}
          </Anchor>
        </Group>
        {reorder.isSuccess ? (
          <Alert color="teal" mb="sm" data-testid="reorder-done" icon={<IconCircleCheck size={16} />}>
            <Group justify="space-between">
              <Text size="sm">{t('dashboard.reordered')}</Text>
              <Button size="compact-sm" variant="light" onClick={() => navigate('/cart')}>
                {t('dashboard.goToCart')}
              </Button>
            </Group>
          </Alert>
        ) : null}
        {reorder.error ? <ErrorAlert error={reorder.error} /> : null}
        {d.recentOrders.length ? (
          <OrdersTable items={d.recentOrders} testId="recent-orders" reorder={(id) => reorder.mutate(id)} />
        ) : (
          <EmptyState
            title={t('dashboard.recentEmpty')}
            action={
              <Button component={Link} to="/search">
                {t('dashboard.browse')}
              </Button>
            }
          />
        )}
      </Card>

      <Card withBorder data-testid="dashboard-returns">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('dashboard.returnsTitle')} <Text span c="dimmed" data-testid="open-returns-count">({formatNumber(d.returns.open, locale)})</Text>
          </Title>
          <Anchor component={Link} to="/account/returns" size="sm">
            {t('dashboard.viewAll')}
          </Anchor>
        </Group>
        {d.returns.items.length ? (
          <Stack gap={4}>
            {d.returns.items.map((r) => (
              <Group key={r.id} justify="space-between" wrap="nowrap" data-testid="dashboard-return">
                <Anchor component={Link} to={`/account/returns/${r.id}`} size="sm" dir="ltr">
                  {r.number}
                </Anchor>
                <Text size="sm" c="dimmed" dir="ltr">
                  {r.orderNumber}
                </Text>
                <ReturnStatusBadge status={r.status} size="sm" />
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">{t('dashboard.returnsEmpty')}</Text>
        )}
      </Card>
    </Stack>
  );
}
