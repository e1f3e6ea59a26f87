import { Link, Navigate } from 'react-router-dom';
import { Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ReturnStatusBadge } from './return-status.tsx';
import { useStoreSession } from './session.ts';

type ReturnsPage = ResponseOf<'/api/store/returns', 'get'>;

/** The company's returns, newest first, more on demand. */
export function ReturnsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useStoreSession();
  const list = useInfiniteQuery({
    queryKey: ['store', 'returns', 'all'],
    enabled: Boolean(session.data),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: ReturnsPage) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }): Promise<ReturnsPage> => unwrap(api.GET('/api/store/returns', { params: { query: { limit: 25, ...(pageParam ? { cursor: pageParam } : {}) } } })),
  });
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to="/sign-in?next=%2Faccount%2Freturns" replace />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md" data-testid="returns-page">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('returns.title')}
        </Title>
        <Text c="dimmed">{t('returns.subtitle')}</Text>
      </Stack>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyState
          title={t('returns.empty')}
          description={t('returns.emptyHint')}
          action={
            <Button component={Link} to="/account/orders" variant="light">
              {t('dashboard.viewAll')}
            </Button>
          }
        />
      ) : (
        <Table striped highlightOnHover data-testid="returns-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('returns.number')}</Table.Th>
              <Table.Th>{t('returns.order')}</Table.Th>
              <Table.Th>{t('returns.requestedAt')}</Table.Th>
              <Table.Th>{t('returns.status')}</Table.Th>
              <Table.Th ta="end">{t('returns.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id} data-testid="return-row">
                <Table.Td>
                  <Anchor component={Link} to={`/account/returns/${r.id}`} dir="ltr">
                    {r.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/account/orders/${r.orderId}`} dir="ltr">
                    {r.orderNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(r.requestedAt, locale)}</Table.Td>
                <Table.Td>
                  <ReturnStatusBadge status={r.status} size="sm" />
                </Table.Td>
                <Table.Td ta="end">{formatMoney(r.amount, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage ? (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('dashboard.viewAll')}
        </Button>
      ) : null}
    </Stack>
  );
}
