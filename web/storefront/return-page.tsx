import { Link, Navigate, useParams } from 'react-router-dom';
import { Anchor, Card, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { DetailHeader } from '../ui/detail-header.tsx';
import { formatMoney } from '../ui/format.ts';
import { LabelledText } from '../ui/labelled-text.tsx';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { RefLink } from '../ui/ref-link.tsx';
import { ReturnHistory, ReturnLinesTable } from '../ui/return-parts.tsx';
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
      <DetailHeader number={r.number} numberTestId="return-number" badge={<ReturnStatusBadge status={r.status} size="lg" />}>
        <Anchor component={Link} to="/account/returns">
          {t('returns.backToList')}
        </Anchor>
      </DetailHeader>
      <Text>
        {t('returns.order')}:{' '}
        <RefLink to={`/account/orders/${r.orderId}`}>{r.orderNumber}</RefLink>
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
      <ReturnLinesTable lines={r.lines} testId="return-lines" />
      {r.comment ? (
        <LabelledText size="sm" label={t('returns.yourComment')}>
          {r.comment}
        </LabelledText>
      ) : null}
      <ReturnHistory events={r.events} />
    </Stack>
  );
}
