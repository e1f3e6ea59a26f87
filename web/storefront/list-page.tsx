import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { ActionIcon, Alert, Anchor, Badge, Button, Checkbox, Group, NumberInput, Paper, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconPlus, IconShoppingCartPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, expectOk, unwrap, type ResponseOf } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatMoney, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useCartUpdate } from './cart-api.ts';
import { LineProblems } from './cart-problems.tsx';
import { LISTS } from './lists-page.tsx';
import { useStoreSession } from './session.ts';

type ListData = ResponseOf<'/api/store/lists/{id}', 'get'>;
type ListLine = ListData['lines'][number];

function QuantityCell({ listId, line, readOnly, onSaved }: { listId: string; line: ListLine; readOnly: boolean; onSaved: (l: ListData) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>(line.quantity);
  useEffect(() => setValue(line.quantity), [line.quantity]);
  const update = useMutation({
    mutationFn: (quantity: number) => unwrap(api.PATCH('/api/store/lists/{id}/lines/{variantId}', { params: { path: { id: listId, variantId: line.variantId } }, body: { quantity } })),
    onSuccess: onSaved,
  });
  const save = () => {
    const q = typeof value === 'number' ? value : Number(value);
    if (Number.isInteger(q) && q >= 1 && q !== line.quantity) update.mutate(q);
    else setValue(line.quantity);
  };
  return (
    <NumberInput value={value} onChange={setValue} onBlur={save} onKeyDown={(e) => e.key === 'Enter' && save()} min={1} max={1_000_000}
      allowDecimal={false} allowNegative={false} w={110} size="sm" readOnly={readOnly} aria-label={t('lists.quantityOf', { sku: line.sku })} />
  );
}

/** One list: its lines priced like a cart; the owner edits, anyone who reads adds all or some lines to the current cart. */
export function ListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const session = useStoreSession();
  const cartDone = useCartUpdate();
  const key = [...LISTS, 'list', id];
  const list = useQuery({ queryKey: key, enabled: !!session.data, queryFn: () => unwrap(api.GET('/api/store/lists/{id}', { params: { path: { id } } })) });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [sku, setSku] = useState('');
  const [qty, setQty] = useState<number | string>(1);
  const saved = (l: ListData) => {
    qc.setQueryData(key, l);
    void qc.invalidateQueries({ queryKey: [...LISTS, 'index'] });
  };
  const addLine = useMutation({
    mutationFn: () => unwrap(api.POST('/api/store/lists/{id}/lines', { params: { path: { id } }, body: { lines: [{ sku: sku.trim(), quantity: Number(qty) || 1 }] } })),
    onSuccess: (l) => { saved(l); setSku(''); setQty(1); },
  });
  const remove = useMutation({
    mutationFn: (variantId: string) => unwrap(api.DELETE('/api/store/lists/{id}/lines/{variantId}', { params: { path: { id, variantId } } })),
    onSuccess: saved,
  });
  const del = useMutation({
    mutationFn: () => expectOk(api.DELETE('/api/store/lists/{id}', { params: { path: { id } } })),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: LISTS }); navigate('/lists'); },
  });
  const toCart = useMutation({
    mutationFn: (variantIds?: string[]) => unwrap(api.POST('/api/store/lists/{id}/to-cart', { params: { path: { id } }, body: variantIds ? { variantIds } : {} })),
    onSuccess: (r) => cartDone(r.cart),
  });

  if (session.isPending || list.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to={`/sign-in?next=/lists/${id}`} replace />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const l = list.data;
  const canEdit = l.mine && session.data.permissions.includes('company.lists:write');
  const canBuy = session.data.permissions.includes('company.carts:write');
  const toggle = (v: string) => setSelected((s) => { const n = new Set(s); if (n.has(v)) n.delete(v); else n.add(v); return n; });

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Anchor component={Link} to="/lists" size="sm">{t('lists.back')}</Anchor>
          <Title order={1} size="h2" data-testid="list-title">{l.name}</Title>
          <Group gap="xs">
            <Badge variant="light" color={l.visibility === 'company' ? 'grape' : 'gray'}>{t(`lists.${l.visibility}`)}</Badge>
            {!l.mine ? <Text size="sm" c="dimmed">{t('lists.ownedBy', { name: l.owner.name })}</Text> : null}
          </Group>
        </Stack>
        <Group gap="xs">
          {canBuy ? (
            <>
              <Button variant="light" disabled={selected.size === 0} onClick={() => toCart.mutate([...selected])} leftSection={<IconShoppingCartPlus size={16} />}>
                {t('lists.addSelected', { formatted: formatNumber(selected.size, locale) })}
              </Button>
              <Button disabled={l.lines.length === 0} onClick={() => toCart.mutate(undefined)} loading={toCart.isPending} leftSection={<IconShoppingCartPlus size={16} />} data-testid="list-to-cart">
                {t('lists.addAll')}
              </Button>
            </>
          ) : null}
          {canEdit ? <Button variant="subtle" color="red" onClick={() => del.mutate()} loading={del.isPending}>{t('lists.delete')}</Button> : null}
        </Group>
      </Group>
      {toCart.error ? <ErrorAlert error={toCart.error} /> : null}
      {toCart.data ? (
        <Alert color="teal" icon={<IconCheck size={18} />}>
          <Stack gap={4}>
            <Group gap="xs">
              <Text size="sm">{t('lists.added', { formatted: formatNumber(toCart.data.added, locale), cart: toCart.data.cart.name })}</Text>
              <Anchor component={Link} to={`/cart/${toCart.data.cart.id}`} size="sm">{t('lists.viewCart')}</Anchor>
            </Group>
            {toCart.data.skipped.map((s) => <Text key={s.sku} size="sm" c="red.7">{t('lists.skipped', { sku: s.sku })}</Text>)}
          </Stack>
        </Alert>
      ) : null}
      {canEdit ? (
        <form onSubmit={(e) => { e.preventDefault(); if (sku.trim()) addLine.mutate(); }}>
          <Group align="flex-end">
            <TextInput label={t('lists.sku')} value={sku} onChange={(e) => setSku(e.currentTarget.value)} maxLength={100} dir="ltr" data-testid="list-add-sku" />
            <NumberInput label={t('lists.quantity')} value={qty} onChange={setQty} min={1} max={1_000_000} allowDecimal={false} w={120} />
            <Button type="submit" leftSection={<IconPlus size={16} />} loading={addLine.isPending} data-testid="list-add">{t('lists.addItem')}</Button>
          </Group>
          {addLine.error ? <ErrorAlert error={addLine.error} /> : null}
        </form>
      ) : null}
      <Paper withBorder>
        <ScrollArea>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="list-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40} />
                <Table.Th>{t('lists.sku')}</Table.Th>
                <Table.Th>{t('lists.product')}</Table.Th>
                <Table.Th>{t('lists.quantity')}</Table.Th>
                <Table.Th style={{ textAlign: 'end' }}>{t('lists.unitPrice')}</Table.Th>
                <Table.Th style={{ textAlign: 'end' }}>{t('lists.lineTotal')}</Table.Th>
                <Table.Th>{t('lists.status')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {l.lines.map((x) => (
                <Table.Tr key={x.variantId} data-testid="list-line" data-sku={x.sku}>
                  <Table.Td><Checkbox checked={selected.has(x.variantId)} onChange={() => toggle(x.variantId)} aria-label={t('lists.select', { sku: x.sku })} /></Table.Td>
                  <Table.Td><Text ff="monospace" size="sm" fw={600}>{x.sku}</Text></Table.Td>
                  <Table.Td>{x.productSlug ? <Anchor component={Link} to={`/p/${x.productSlug}`} size="sm">{x.productName}</Anchor> : '—'}</Table.Td>
                  <Table.Td><QuantityCell listId={id} line={x} readOnly={!canEdit} onSaved={saved} /></Table.Td>
                  <Table.Td style={{ textAlign: 'end' }}>{x.unitPrice ? formatMoney(x.unitPrice, locale) : '—'}</Table.Td>
                  <Table.Td style={{ textAlign: 'end' }}>{x.lineTotal ? formatMoney(x.lineTotal, locale) : '—'}</Table.Td>
                  <Table.Td>{x.problems.length ? <LineProblems problems={x.problems} /> : <Text size="sm" c="teal.7">{t('cart.lineOk')}</Text>}</Table.Td>
                  <Table.Td>
                    {canEdit ? (
                      <ActionIcon variant="subtle" color="red" onClick={() => remove.mutate(x.variantId)} aria-label={t('lists.remove', { sku: x.sku })}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={5} style={{ textAlign: 'end' }}>{t('lists.subtotal')}</Table.Th>
                <Table.Th style={{ textAlign: 'end' }}>{formatMoney(l.subtotal, locale)}</Table.Th>
                <Table.Th colSpan={2} />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollArea>
      </Paper>
    </Stack>
  );
}
