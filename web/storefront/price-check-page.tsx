import { useState } from 'react';
import { Navigate } from 'react-router-dom';
import { Alert, Button, Group, Paper, ScrollArea, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalculator } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatMoney, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PriceKindBadge } from './price-tag.tsx';
import { useStoreSession } from './session.ts';

type Preview = ResponseOf<'/api/store/cart-preview', 'post'>;
type Line = Preview['lines'][number];

const MAX_LINES = 500;

/** "SKU quantity" lines (space, tab, comma or semicolon between; quantity 1 when left out). */
export function parsePriceCheck(text: string): { lines: { sku: string; quantity: number }[]; bad: { line: number; text: string }[] } {
  const lines: { sku: string; quantity: number }[] = [];
  const bad: { line: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (!trimmed) return;
    const [sku = '', qty = '1', ...rest] = trimmed.split(/[\s,;]+/);
    const quantity = /^\d{1,7}$/.test(qty) ? Number(qty) : NaN;
    if (rest.length > 0 || !sku || sku.length > 100 || !(quantity >= 1)) bad.push({ line: i + 1, text: trimmed });
    else lines.push({ sku, quantity });
  });
  return { lines, bad };
}

function ProblemText({ line }: { line: Line }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const r = line.quantityRules;
  const qty = (code: string) => formatNumber((code === 'QUANTITY_BELOW_MIN' ? r?.min : code === 'QUANTITY_ABOVE_MAX' ? r?.max : r?.increment) ?? 0, locale);
  return (
    <Stack gap={2}>
      {line.problems.map((p) => (
        <Text key={p.code} size="sm" c="red.7" data-testid="line-problem" data-code={p.code}>
          {t(`prices.problem_${p.code}`, { qty: qty(p.code) })}
        </Text>
      ))}
    </Stack>
  );
}

function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper withBorder>
      <ScrollArea>
        <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="price-check-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('prices.colSku')}</Table.Th>
              <Table.Th>{t('prices.colProduct')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('prices.colQuantity')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('prices.colUnitPrice')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('prices.colLineTotal')}</Table.Th>
              <Table.Th>{t('prices.colStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.lines.map((l, i) => (
              <Table.Tr key={i} data-testid="price-check-line" bg={l.problems.length ? 'red.0' : undefined}>
                <Table.Td>
                  <Text ff="monospace" size="sm" fw={600}>
                    {l.sku}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{l.productName ?? '—'}</Text>
                </Table.Td>
                <Table.Td style={{ textAlign: 'end' }}>{formatNumber(l.quantity, locale)}</Table.Td>
                <Table.Td style={{ textAlign: 'end' }}>
                  {l.unitPrice ? (
                    <Stack gap={2} align="flex-end">
                      <Text size="sm" fw={600} data-testid="line-unit-price">
                        {formatMoney(l.unitPrice, locale)}
                      </Text>
                      {l.kind && l.kind !== 'base' ? (
                        <PriceKindBadge price={{ kind: l.kind, contractRef: l.contractRef, tierMinQty: l.tierMinQty }} />
                      ) : null}
                    </Stack>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td style={{ textAlign: 'end' }}>
                  <Text size="sm" fw={600} data-testid="line-total">
                    {l.lineTotal ? formatMoney(l.lineTotal, locale) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>{l.problems.length ? <ProblemText line={l} /> : <Text size="sm" c="teal.7">{t('prices.lineOk')}</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={4} style={{ textAlign: 'end' }}>
                {t('prices.subtotal')}
                <Text size="xs" c="dimmed" fw={400}>
                  {t('prices.subtotalNote', { priced: formatNumber(preview.pricedLines, locale), total: formatNumber(preview.lines.length, locale) })}
                </Text>
              </Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>
                <Text fw={700} data-testid="price-check-subtotal">
                  {formatMoney(preview.subtotal, locale)}
                </Text>
              </Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

/** Price check: a buyer pastes "SKU quantity" lines and sees each priced for the company, with problems per line and the subtotal. */
export function PriceCheckPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useStoreSession();
  const [text, setText] = useState('');
  const [bad, setBad] = useState<{ line: number; text: string }[]>([]);
  const check = useMutation({ mutationFn: (lines: { sku: string; quantity: number }[]) => unwrap(api.POST('/api/store/cart-preview', { body: { lines } })) });

  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to="/sign-in?next=/price-check" replace />;

  const parsed = parsePriceCheck(text);
  const tooMany = parsed.lines.length > MAX_LINES;
  const submit = () => {
    setBad(parsed.bad);
    if (parsed.lines.length > 0 && !tooMany) check.mutate(parsed.lines);
  };

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('prices.checkTitle')}
        </Title>
        <Text c="dimmed">{t('prices.checkIntro', { max: formatNumber(MAX_LINES, locale) })}</Text>
      </Stack>
      <Textarea
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        placeholder={t('prices.checkPlaceholder')}
        aria-label={t('prices.checkTitle')}
        autosize
        minRows={5}
        maxRows={16}
        ff="monospace"
        dir="ltr"
        data-testid="price-check-input"
      />
      <Group>
        <Button leftSection={<IconCalculator size={16} />} onClick={submit} loading={check.isPending} disabled={parsed.lines.length === 0 || tooMany} data-testid="price-check-submit">
          {t('prices.checkSubmit')}
        </Button>
        <Button variant="subtle" color="gray" onClick={() => { setText(''); setBad([]); check.reset(); }}>
          {t('prices.checkClear')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('prices.checkCount', { formatted: formatNumber(parsed.lines.length, locale) })}
        </Text>
      </Group>
      {tooMany ? <Alert color="red" icon={<IconAlertTriangle size={18} />}>{t('prices.checkTooMany', { max: formatNumber(MAX_LINES, locale) })}</Alert> : null}
      {bad.length > 0 ? (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="price-check-unread">
          <Stack gap={2}>
            {bad.slice(0, 20).map((b) => (
              <Text key={b.line} size="sm">
                {t('prices.checkParseError', { line: formatNumber(b.line, locale), text: b.text })}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {check.error ? <ErrorAlert error={check.error} /> : null}
      {check.data ? <PreviewTable preview={check.data} /> : null}
    </Stack>
  );
}
