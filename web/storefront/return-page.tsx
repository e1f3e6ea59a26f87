import { Link, Navigate, useParams } from 'react-router-dom';
import { Anchor, Card, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime, formatMoney } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ReturnStatusBadge } from './return-status.tsx';
import { useStoreSession } from './session.ts';

/** One return as the buyer follows it: lines, status, the seller's reason or resolution, the history. */
export function ReturnPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const session = useStoreSession();
  const q = useQuery({ queryKey: ['store', 'returns', 'one', id], enabled: Boolean(session.data), queryFn: () => unwrap(api.GET('/api/store/returns/{id}', { params: { path: { id } } })) });
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(`/account/returns/${id}`)}`} replace />;
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const r = q.data;
  return (
    <Stack gap="lg" data-testid="return-page">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h2" dir="ltr" data-testid="return-number">
            {r.number}
          </Title>
          <ReturnStatusBadge status={r.status} size="lg" />
        </Group>
        <Anchor component={Link} to="/account/returns">
          {t('returns.backToList')}
        </Anchor>
      </Group>
      <Text>
        {t('returns.order')}:{' '}
        <Anchor component={Link} to={`/account/orders/${r.orderId}`} dir="ltr">
          {r.orderNumber}
        </Anchor>
      </Text>
      {r.decisionReason ? (
        <Card withBorder>
          <Text size="sm" c="dimmed">{t('returns.decisionReason')}</Text>
          <Text data-testid="return-decision">{r.decisionReason}</Text>
        </Card>
      ) : null}
      {r.resolution && r.resolutionAmount ? (
        <Card withBorder>
          <Text size="sm" c="dimmed">{t('returns.resolution')}</Text>
          <Text fw={600}>
            {t(`returns.resolutions.${r.resolution}`)}: {formatMoney(r.resolutionAmount, locale)}
          </Text>
        </Card>
      ) : null}
      <Table data-testid="return-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('returns.item')}</Table.Th>
            <Table.Th>{t('returns.reason')}</Table.Th>
            <Table.Th>{t('returns.quantity')}</Table.Th>
            <Table.Th>{t('returns.received')}</Table.Th>
            <Table.Th ta="end">{t('returns.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.lines.map((l) => (
            <Table.Tr key={l.lineNo}>
              <Table.Td>
                <Text size="sm">{l.name}</Text>
                <Text size="xs" c="dimmed" dir="ltr">
                  {l.sku}
                </Text>
              </Table.Td>
              <Table.Td>{t(`returns.reasons.${l.reason}`)}</Table.Td>
              <Table.Td>{l.quantity}</Table.Td>
              <Table.Td>{l.quantityReceived ?? '—'}</Table.Td>
              <Table.Td ta="end">{formatMoney(l.amount, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {r.comment ? (
        <Text size="sm">
          <Text span c="dimmed">{t('returns.yourComment')}: </Text>
          {r.comment}
        </Text>
      ) : null}
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('returns.history')}
        </Title>
        <Timeline active={r.events.length - 1} bulletSize={14}>
          {r.events.map((e, i) => (
            <Timeline.Item key={i} title={e.toStatus ? t(`returns.event.${e.toStatus}`) : e.type}>
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at, locale)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
    </Stack>
  );
}
