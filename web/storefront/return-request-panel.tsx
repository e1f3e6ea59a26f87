import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Button, Card, Group, Modal, NumberInput, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatMoney } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { ReturnStatusBadge } from './return-status.tsx';

export const RETURN_REASONS = ['damaged', 'defective', 'wrong_item', 'not_as_described', 'ordered_by_mistake', 'no_longer_needed', 'other'] as const;
type Reason = (typeof RETURN_REASONS)[number];

interface Pick {
  quantity: number;
  reason: Reason;
}

/** The return form: how many of each shipped line to send back and why, within the return window. */
function ReturnRequestModal({ orderId, orderNumber, opened, onClose, onDone }: { orderId: string; orderNumber: string; opened: boolean; onClose: () => void; onDone: (number: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const [picks, setPicks] = useState<Record<number, Pick>>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const lines = useQuery({
    queryKey: ['store', 'returnable', orderId],
    enabled: opened,
    queryFn: () => unwrap(api.GET('/api/store/orders/{id}/returnable-lines', { params: { path: { id: orderId } } })),
  });
  const submit = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/store/returns', {
          body: {
            orderId,
            lines: Object.entries(picks)
              .filter(([, p]) => p.quantity > 0)
              .map(([lineNo, p]) => ({ lineNo: Number(lineNo), quantity: p.quantity, reason: p.reason })),
            ...(comment.trim() ? { comment: comment.trim() } : {}),
          },
        }),
      ),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['store', 'returns'] });
      void qc.invalidateQueries({ queryKey: ['store', 'returnable', orderId] });
      void qc.invalidateQueries({ queryKey: ['store', 'dashboard'] });
      setPicks({});
      setComment('');
      onDone(r.number);
    },
  });
  const chosen = Object.values(picks).filter((p) => p.quantity > 0).length;
  const returnable = (lines.data?.lines ?? []).filter((l) => l.returnable > 0);
  const send = () => {
    if (!chosen) return setMissing(true);
    setMissing(false);
    submit.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={t('returns.requestTitle', { number: orderNumber })}>
      <Stack data-testid="return-form">
        <Text size="sm" c="dimmed">
          {t('returns.requestExplain')}
        </Text>
        {lines.isError ? <ErrorAlert error={lines.error} /> : null}
        {lines.data && !returnable.length ? <Alert color="gray">{t('returns.nothingReturnable')}</Alert> : null}
        {lines.data ? (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('returns.item')}</Table.Th>
                <Table.Th>{t('returns.returnable')}</Table.Th>
                <Table.Th>{t('returns.quantity')}</Table.Th>
                <Table.Th>{t('returns.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.data.lines.map((l) => {
                const p = picks[l.lineNo] ?? { quantity: 0, reason: 'damaged' as Reason };
                const set = (patch: Partial<Pick>) => setPicks((all) => ({ ...all, [l.lineNo]: { ...p, ...patch } }));
                return (
                  <Table.Tr key={l.lineNo} data-testid="return-line" data-sku={l.sku}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {l.name}
                      </Text>
                      <Text size="xs" c="dimmed" dir="ltr">
                        {l.sku} · {formatMoney(l.unitPrice, locale)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{l.returnable}</Text>
                      <Text size="xs" c="dimmed">
                        {l.quantityShipped === 0 ? t('returns.notShipped') : l.windowOpen && l.returnBy ? t('returns.returnBy', { date: formatDate(l.returnBy, locale) }) : t('returns.windowClosed')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        w={110}
                        min={0}
                        max={l.returnable}
                        disabled={l.returnable === 0}
                        value={p.quantity}
                        onChange={(v) => set({ quantity: typeof v === 'number' ? Math.max(0, Math.min(l.returnable, Math.floor(v))) : 0 })}
                        aria-label={`${t('returns.quantity')} ${l.sku}`}
                        data-testid="return-qty"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        w={200}
                        disabled={l.returnable === 0}
                        value={p.reason}
                        allowDeselect={false}
                        onChange={(v) => v && set({ reason: v as Reason })}
                        data={RETURN_REASONS.map((r) => ({ value: r, label: t(`returns.reasons.${r}`) }))}
                        aria-label={`${t('returns.reason')} ${l.sku}`}
                        data-testid="return-reason"
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : null}
        <Textarea label={t('returns.comment')} placeholder={t('returns.commentPlaceholder')} maxLength={2000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-testid="return-comment" />
        {missing ? <Alert color="orange">{t('returns.pickOne')}</Alert> : null}
        {submit.error ? <ErrorAlert error={submit.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('returns.cancel')}
          </Button>
          <Button onClick={send} loading={submit.isPending} disabled={!returnable.length} data-testid="return-submit">
            {t('returns.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The returns panel of an order page: its returns so far and the button that opens the return form. */
export function ReturnRequestPanel({ orderId, orderNumber, status }: { orderId: string; orderNumber: string; status: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['store', 'returns', 'order', orderId], queryFn: () => unwrap(api.GET('/api/store/returns', { params: { query: { orderId, limit: 50 } } })) });
  const shipped = ['partially_shipped', 'shipped', 'delivered'].includes(status);
  if (!shipped && !list.data?.items.length) return null;
  return (
    <Card withBorder data-testid="order-returns">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('returns.panelTitle')}
        </Title>
        {shipped ? (
          <Button variant="light" leftSection={<IconArrowBackUp size={16} />} onClick={() => setOpen(true)} data-testid="return-open">
            {t('returns.requestButton')}
          </Button>
        ) : null}
      </Group>
      {done ? (
        <Alert color="teal" icon={<IconCircleCheck size={16} />} mb="sm" data-testid="return-requested">
          {t('returns.requested', { number: done })}
        </Alert>
      ) : null}
      {list.data?.items.length ? (
        <Stack gap={4}>
          {list.data.items.map((r) => (
            <Group key={r.id} justify="space-between" data-testid="order-return">
              <Anchor component={Link} to={`/account/returns/${r.id}`} dir="ltr">
                {r.number}
              </Anchor>
              <Text size="sm" c="dimmed">
                {formatDate(r.requestedAt, locale)}
              </Text>
              <Text size="sm">{formatMoney(r.amount, locale)}</Text>
              <ReturnStatusBadge status={r.status} size="sm" />
            </Group>
          ))}
        </Stack>
      ) : null}
      <ReturnRequestModal
        orderId={orderId}
        orderNumber={orderNumber}
        opened={open}
        onClose={() => setOpen(false)}
        onDone={(n) => {
          setOpen(false);
          setDone(n);
        }}
      />
    </Card>
  );
}
