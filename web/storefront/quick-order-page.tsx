import { useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { Alert, Anchor, Button, FileButton, Group, Paper, ScrollArea, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconFileUpload, IconListCheck, IconShoppingCartPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatMoney, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useCarts, useCartUpdate } from './cart-api.ts';
import { LineProblems } from './cart-problems.tsx';
import { useStoreSession } from './session.ts';

type Preview = ResponseOf<'/api/store/quick-order/preview', 'post'>;
type AddResult = ResponseOf<'/api/store/quick-order/add', 'post'>;

const MAX_LINES = 1000;

function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = (nos: number[]) => nos.map((n) => formatNumber(n, locale)).join(', ');
  return (
    <Paper withBorder>
      <ScrollArea>
        <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="quick-order-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quickOrder.colLine')}</Table.Th>
              <Table.Th>{t('quickOrder.colSku')}</Table.Th>
              <Table.Th>{t('quickOrder.colProduct')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('quickOrder.colQuantity')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('quickOrder.colUnitPrice')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('quickOrder.colLineTotal')}</Table.Th>
              <Table.Th>{t('quickOrder.colStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.lines.map((l) => (
              <Table.Tr key={l.lineNos.join('-')} data-testid="quick-order-line" data-sku={l.sku} bg={l.problems.length ? 'red.0' : undefined}>
                <Table.Td>
                  <Text size="sm">{list(l.lineNos)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm" fw={600} dir="ltr">
                    {l.sku || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{l.productName ?? '—'}</Text>
                </Table.Td>
                <Table.Td style={{ textAlign: 'end' }}>{l.quantity === null ? '—' : formatNumber(l.quantity, locale)}</Table.Td>
                <Table.Td style={{ textAlign: 'end' }}>{l.unitPrice ? formatMoney(l.unitPrice, locale) : '—'}</Table.Td>
                <Table.Td style={{ textAlign: 'end' }}>
                  <Text size="sm" fw={600}>
                    {l.lineTotal ? formatMoney(l.lineTotal, locale) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {l.problems.length ? <LineProblems problems={l.problems} /> : <Text size="sm" c="teal.7">{t('quickOrder.lineOk')}</Text>}
                    {l.lineNos.length > 1 ? (
                      <Text size="xs" c="dimmed" data-testid="quick-order-merged">
                        {t('quickOrder.merged', { lines: list(l.lineNos) })}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={5} style={{ textAlign: 'end' }}>
                {t('quickOrder.subtotal')}
              </Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>
                <Text fw={700} data-testid="quick-order-subtotal">
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

/** Quick order: paste "SKU quantity" lines or upload a CSV → preview with problems per line → add the good lines to a cart. */
export function QuickOrderPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useStoreSession();
  const carts = useCarts(!!session.data);
  const cartDone = useCartUpdate();
  const [text, setText] = useState('');
  const [csv, setCsv] = useState<{ name: string; content: string } | null>(null);
  const [cartId, setCartId] = useState<string>('current');
  const preview = useMutation({
    mutationFn: (body: { text: string } | { csv: string }) => unwrap(api.POST('/api/store/quick-order/preview', { body })),
  });
  const add = useMutation({
    mutationFn: (lines: { sku: string; quantity: number }[]) => unwrap(api.POST('/api/store/quick-order/add', { body: { cartId, lines } })),
    onSuccess: (r: AddResult) => cartDone(r.cart),
  });

  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to="/sign-in?next=/quick-order" replace />;

  const valid = (preview.data?.lines ?? []).filter((l) => l.problems.length === 0 && l.quantity !== null);
  const check = () => {
    add.reset();
    preview.mutate(csv ? { csv: csv.content } : { text });
  };
  const cartOptions = [
    { value: 'current', label: t('quickOrder.currentCart') },
    ...(carts.data?.items ?? []).filter((c) => c.access !== 'view').map((c) => ({ value: c.id, label: c.name })),
  ];

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('quickOrder.title')}
        </Title>
        <Text c="dimmed">{t('quickOrder.intro', { max: formatNumber(MAX_LINES, locale) })}</Text>
      </Stack>
      <Textarea
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setCsv(null);
        }}
        placeholder={t('quickOrder.placeholder')}
        aria-label={t('quickOrder.pasteLabel')}
        autosize
        minRows={5}
        maxRows={16}
        ff="monospace"
        dir="ltr"
        data-testid="quick-order-input"
      />
      <Group>
        <Button leftSection={<IconListCheck size={16} />} onClick={check} loading={preview.isPending} disabled={!text.trim() && !csv} data-testid="quick-order-preview-button">
          {t('quickOrder.preview')}
        </Button>
        <FileButton
          accept=".csv,text/csv"
          onChange={(file) => {
            if (!file) return;
            void file.text().then((content) => {
              setCsv({ name: file.name, content });
              setText('');
              preview.mutate({ csv: content });
            });
          }}
        >
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconFileUpload size={16} />} data-testid="quick-order-upload">
              {t('quickOrder.upload')}
            </Button>
          )}
        </FileButton>
        {csv ? (
          <Text size="sm" c="dimmed">
            {t('quickOrder.fileChosen', { name: csv.name })}
          </Text>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {t('quickOrder.csvHint')}
      </Text>
      {preview.error ? <ErrorAlert error={preview.error} /> : null}
      {preview.data ? (
        <>
          <Text size="sm" data-testid="quick-order-summary">
            {t('quickOrder.summary', { valid: formatNumber(preview.data.validLines, locale), problems: formatNumber(preview.data.problemLines, locale) })}
          </Text>
          <PreviewTable preview={preview.data} />
          <Group align="flex-end">
            <Select label={t('quickOrder.toCart')} data={cartOptions} value={cartId} onChange={(v) => v && setCartId(v)} allowDeselect={false} w={260} data-testid="quick-order-cart" />
            <Button
              leftSection={<IconShoppingCartPlus size={16} />}
              disabled={valid.length === 0}
              loading={add.isPending}
              onClick={() => add.mutate(valid.map((l) => ({ sku: l.sku, quantity: l.quantity! })))}
              data-testid="quick-order-add"
            >
              {t('quickOrder.addValid', { formatted: formatNumber(valid.length, locale) })}
            </Button>
          </Group>
        </>
      ) : null}
      {add.error ? <ErrorAlert error={add.error} /> : null}
      {add.data ? (
        <Alert color="teal" icon={<IconCheck size={18} />} data-testid="quick-order-added">
          <Group gap="xs">
            <Text size="sm">{t('quickOrder.added', { formatted: formatNumber(add.data.added, locale), cart: add.data.cart.name })}</Text>
            <Anchor component={Link} to={`/cart/${add.data.cart.id}`} size="sm" data-testid="quick-order-view-cart">
              {t('quickOrder.viewCart')}
            </Anchor>
          </Group>
        </Alert>
      ) : null}
    </Stack>
  );
}
