import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Anchor, Button, Card, Group, NumberInput, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { DetailHeader } from '../ui/detail-header.tsx';
import { currencyDigits, formatMoney } from '../ui/format.ts';
import { LabelledText } from '../ui/labelled-text.tsx';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { RefLink } from '../ui/ref-link.tsx';
import { ReturnHistory, ReturnLinesTable } from '../ui/return-parts.tsx';
import { ReturnStatusBadge } from '../storefront/return-status.tsx';
import { useWarehouses } from './catalog-api.ts';

type Return = ResponseOf<'/api/admin/returns/{id}', 'get'>;
type Action = Return['actions'][number];

/** The form for the next step of a return: a reason to reject, what arrived, or how to settle it. */
function ActionForm({ r, action, onDone }: { r: Return; action: Action; onDone: (next: Return) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const warehouses = useWarehouses();
  const [text, setText] = useState('');
  const [received, setReceived] = useState<Record<number, number>>(() => Object.fromEntries(r.lines.map((l) => [l.lineNo, l.quantity])));
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | string>('');
  const path = { params: { path: { id: r.id } } };
  const run = useMutation({
    mutationFn: async (): Promise<Return> => {
      switch (action) {
        case 'approve':
          return unwrap(api.POST('/api/admin/returns/{id}/approve', { ...path, body: text.trim() ? { note: text.trim() } : {} }));
        case 'reject':
          return unwrap(api.POST('/api/admin/returns/{id}/reject', { ...path, body: { reason: text.trim() } }));
        case 'receive':
          return unwrap(
            api.POST('/api/admin/returns/{id}/receive', {
              ...path,
              body: { lines: r.lines.map((l) => ({ lineNo: l.lineNo, quantityReceived: received[l.lineNo] ?? l.quantity })), ...(warehouseId ? { restockWarehouseId: warehouseId } : {}) },
            }),
          );
        default: {
          const minor = typeof amount === 'number' ? Math.round(amount * 10 ** currencyDigits(r.amount.currency)) : undefined;
          return unwrap(
            api.POST('/api/admin/returns/{id}/resolve', { ...path, body: { resolution: action === 'refund' ? 'refund' : 'credit_memo', ...(minor ? { amount: minor } : {}), ...(text.trim() ? { note: text.trim() } : {}) } }),
          );
        }
      }
    },
    onSuccess: onDone,
  });
  return (
    <Stack data-testid={`return-action-${action}`}>
      {action === 'receive' ? (
        <>
          {r.lines.map((l) => (
            <NumberInput
              key={l.lineNo}
              label={`${t('returns.admin.quantityReceived')} — ${l.sku}`}
              min={0}
              max={l.quantity}
              value={received[l.lineNo] ?? l.quantity}
              onChange={(v) => setReceived((all) => ({ ...all, [l.lineNo]: typeof v === 'number' ? v : 0 }))}
            />
          ))}
          <Select
            label={t('returns.admin.restock')}
            placeholder={t('returns.admin.noRestock')}
            clearable
            value={warehouseId}
            onChange={setWarehouseId}
            data={(warehouses.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.code} — ${w.name}` }))}
          />
        </>
      ) : null}
      {action === 'refund' || action === 'credit' ? (
        <NumberInput label={t('returns.admin.amount')} min={0} decimalScale={currencyDigits(r.amount.currency)} value={amount} onChange={setAmount} placeholder={formatMoney(r.amount, locale)} />
      ) : null}
      {action !== 'receive' ? (
        <Textarea
          label={action === 'reject' ? t('returns.admin.rejectReason') : t('returns.admin.note')}
          required={action === 'reject'}
          maxLength={1000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="return-action-text"
        />
      ) : null}
      {run.error ? <ErrorAlert error={run.error} /> : null}
      <Group justify="flex-end">
        <Button color={action === 'reject' ? 'red' : undefined} loading={run.isPending} disabled={action === 'reject' && !text.trim()} onClick={() => run.mutate()} data-testid="return-action-confirm">
          {t(`returns.admin.${action}`)}
        </Button>
      </Group>
    </Stack>
  );
}

/** One return for staff: lines, customer comment, history, and the next step (approve/reject, receive, refund/credit). */
export function ReturnDetailPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const q = useQuery({ queryKey: ['admin', 'return', id], queryFn: () => unwrap(api.GET('/api/admin/returns/{id}', { params: { path: { id } } })) });
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const r = q.data;
  return (
    <Stack gap="lg" data-testid="admin-return" data-status={r.status}>
      <DetailHeader number={r.number} badge={<ReturnStatusBadge status={r.status} size="lg" />}>
        <Anchor component={Link} to="/admin/returns">
          {t('returns.backToList')}
        </Anchor>
      </DetailHeader>
      <Group gap="xl">
        <LabelledText label={t('returns.company')}>
          <Anchor component={Link} to={`/admin/companies/${r.companyId}`}>
            {r.companyName}
          </Anchor>
        </LabelledText>
        <LabelledText label={t('returns.order')}>
          <RefLink to={`/admin/orders/${r.orderId}`}>{r.orderNumber}</RefLink>
        </LabelledText>
        <LabelledText label={t('returns.admin.paidBy')}>{t(`returns.admin.${r.paymentMethod}`)}</LabelledText>
        <LabelledText label={t('returns.amount')}>{formatMoney(r.amount, locale)}</LabelledText>
      </Group>
      <ReturnLinesTable lines={r.lines} inlineSku />
      {r.comment ? (
        <LabelledText size="sm" label={t('returns.admin.customerComment')}>
          {r.comment}
        </LabelledText>
      ) : null}
      {r.decisionReason ? (
        <LabelledText size="sm" label={t('returns.decisionReason')}>
          {r.decisionReason}
        </LabelledText>
      ) : null}
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('returns.admin.actions')}
        </Title>
        {r.actions.length ? (
          <Stack>
            <Group>
              {r.actions.map((a) => (
                <Button key={a} variant={action === a ? 'filled' : 'light'} color={a === 'reject' ? 'red' : undefined} onClick={() => setAction(a)} data-testid={`return-${a}`}>
                  {t(`returns.admin.${a}`)}
                </Button>
              ))}
            </Group>
            {action && r.actions.includes(action) ? (
              <ActionForm
                key={`${r.status}-${action}`}
                r={r}
                action={action}
                onDone={(next) => {
                  qc.setQueryData(['admin', 'return', id], next);
                  void qc.invalidateQueries({ queryKey: ['admin', 'returns'] });
                  setAction(null);
                }}
              />
            ) : null}
          </Stack>
        ) : (
          <Text c="dimmed">{t('returns.admin.noActions')}</Text>
        )}
      </Card>
      <ReturnHistory events={r.events} showActor />
    </Stack>
  );
}
