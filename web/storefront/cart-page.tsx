import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Modal, NumberInput, Paper, ScrollArea, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconShare, IconShoppingCart, IconStar, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatMoney, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useCart, useCarts, useCreateCart, useCurrentCart, useMakeCurrent, useRemoveLine, useUpdateLine, type CartData, type CartLineData } from './cart-api.ts';
import { LineProblems } from './cart-problems.tsx';
import { CartShareDialog } from './cart-share-dialog.tsx';
import { useStoreSession } from './session.ts';

/** Quantity typed inline; saved on Enter or when the field loses focus, only when it changed. */
function QuantityCell({ cartId, line, readOnly }: { cartId: string; line: CartLineData; readOnly: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateLine(cartId);
  const [value, setValue] = useState<number | string>(line.quantity);
  useEffect(() => setValue(line.quantity), [line.quantity]);
  const save = () => {
    const q = typeof value === 'number' ? value : Number(value);
    if (Number.isInteger(q) && q >= 1 && q !== line.quantity) update.mutate({ lineId: line.id, quantity: q });
    else setValue(line.quantity);
  };
  return (
    <NumberInput
      value={value}
      onChange={setValue}
      onBlur={save}
      onKeyDown={(e) => e.key === 'Enter' && save()}
      min={1}
      max={1_000_000}
      allowDecimal={false}
      allowNegative={false}
      w={110}
      size="sm"
      readOnly={readOnly}
      aria-label={t('cart.quantityOf', { sku: line.sku })}
      data-testid="cart-line-quantity"
    />
  );
}

function CartTable({ cart }: { cart: CartData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const remove = useRemoveLine(cart.id);
  const readOnly = cart.access === 'view' || cart.status !== 'open';
  if (cart.lines.length === 0) return <EmptyState title={t('cart.empty')} description={t('cart.emptyHint')} icon={<IconShoppingCart size={28} />} />;
  return (
    <Paper withBorder>
      <ScrollArea>
        <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="cart-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cart.colSku')}</Table.Th>
              <Table.Th>{t('cart.colProduct')}</Table.Th>
              <Table.Th>{t('cart.colQuantity')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('cart.colUnitPrice')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('cart.colLineTotal')}</Table.Th>
              <Table.Th>{t('cart.colStatus')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('cart.colActions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cart.lines.map((l) => (
              <Table.Tr key={l.id} data-testid="cart-line" data-sku={l.sku} bg={l.problems.length ? 'red.0' : undefined}>
                <Table.Td>
                  <Text ff="monospace" size="sm" fw={600}>
                    {l.sku}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {l.productSlug ? (
                    <Anchor component={Link} to={`/p/${l.productSlug}`} size="sm">
                      {l.productName}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">—</Text>
                  )}
                  {l.variantName && l.variantName !== l.productName ? (
                    <Text size="xs" c="dimmed">
                      {l.variantName}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <QuantityCell cartId={cart.id} line={l} readOnly={readOnly} />
                </Table.Td>
                <Table.Td style={{ textAlign: 'end' }}>
                  <Text size="sm">{l.unitPrice ? formatMoney(l.unitPrice, locale) : '—'}</Text>
                  {l.priceKind && l.priceKind !== 'base' ? (
                    <Badge size="xs" variant="light" color={l.priceKind === 'contract' ? 'violet' : 'teal'}>
                      {t(`cart.kind_${l.priceKind}`)}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ textAlign: 'end' }}>
                  <Text size="sm" fw={600} data-testid="cart-line-total">
                    {l.lineTotal ? formatMoney(l.lineTotal, locale) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {l.problems.length ? (
                    <LineProblems problems={l.problems} />
                  ) : (
                    <Text size="sm" c="teal.7">
                      {l.backorderQuantity > 0 ? t('cart.backordered', { qty: formatNumber(l.backorderQuantity, locale) }) : t('cart.lineOk')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {readOnly ? null : (
                    <ActionIcon variant="subtle" color="red" onClick={() => remove.mutate(l.id)} aria-label={t('cart.remove', { sku: l.sku })} data-testid="cart-line-remove">
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={4} style={{ textAlign: 'end' }}>
                {t('cart.subtotal')}
              </Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>
                <Text fw={700} data-testid="cart-subtotal">
                  {formatMoney(cart.subtotal, locale)}
                </Text>
              </Table.Th>
              <Table.Th colSpan={2} />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

function NewCartButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCart();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  return (
    <>
      <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setOpen(true)} data-testid="cart-new">
        {t('cart.newCart')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('cart.newCart')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) create.mutate(name.trim(), { onSuccess: (c) => { setOpen(false); setName(''); navigate(`/cart/${c.id}`); } });
          }}
        >
          <Stack>
            <TextInput label={t('cart.cartName')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} required data-autofocus />
            {create.error ? <ErrorAlert error={create.error} /> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                {t('cart.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function CartView({ cart }: { cart: CartData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const carts = useCarts();
  const makeCurrent = useMakeCurrent();
  const [sharing, setSharing] = useState(false);
  const options = (carts.data?.items ?? []).map((c) => ({
    value: c.id,
    label: c.access === 'owner' ? c.name : t('cart.sharedBy', { name: c.name, owner: c.owner.name }),
  }));
  if (!options.some((o) => o.value === cart.id)) options.unshift({ value: cart.id, label: cart.name });
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} size="h2" data-testid="cart-title">
            {cart.name}
          </Title>
          <Group gap="xs">
            {cart.isCurrent ? <Badge variant="light">{t('cart.current')}</Badge> : null}
            {cart.access !== 'owner' ? <Badge variant="light" color="grape">{t(`cart.access_${cart.access}`, { owner: cart.owner.name })}</Badge> : null}
            {cart.status === 'ordered' ? <Badge color="gray">{t('cart.ordered')}</Badge> : null}
            <Text size="sm" c="dimmed">
              {t('cart.lineCount', { formatted: formatNumber(cart.lineCount, locale) })}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          <Select
            data={options}
            value={cart.id}
            onChange={(id) => id && navigate(`/cart/${id}`)}
            aria-label={t('cart.switch')}
            w={240}
            allowDeselect={false}
            data-testid="cart-switcher"
          />
          <NewCartButton />
          {!cart.isCurrent && cart.access !== 'view' && cart.status === 'open' ? (
            <Button variant="subtle" leftSection={<IconStar size={16} />} onClick={() => makeCurrent.mutate(cart.id)} loading={makeCurrent.isPending}>
              {t('cart.makeCurrent')}
            </Button>
          ) : null}
          {cart.access === 'owner' ? (
            <Button variant="subtle" leftSection={<IconShare size={16} />} onClick={() => setSharing(true)} data-testid="cart-share">
              {t('cart.share')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {cart.problemLines > 0 ? (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="cart-problems">
          {t('cart.problemsNote', { formatted: formatNumber(cart.problemLines, locale) })}
        </Alert>
      ) : null}
      <CartTable cart={cart} />
      {cart.status === 'open' && cart.access !== 'view' && cart.lines.length > 0 ? (
        <Group justify="flex-end">
          <Button component={Link} to={`/checkout/${cart.id}`} size="md" data-testid="cart-checkout" disabled={cart.problemLines > 0}>
            {t('cart.checkout')}
          </Button>
        </Group>
      ) : null}
      {cart.access === 'owner' ? <CartShareDialog cartId={cart.id} opened={sharing} onClose={() => setSharing(false)} /> : null}
    </Stack>
  );
}

/** The cart page: `/cart` shows the current cart, `/cart/:id` any cart the buyer may read. */
export function CartPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const session = useStoreSession();
  const current = useCurrentCart(id === undefined && !!session.data);
  const named = useCart(id);
  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(id ? `/cart/${id}` : '/cart')}`} replace />;
  const q = id === undefined ? current : named;
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) {
    return (
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('cart.title')}
          </Title>
          <NewCartButton />
        </Group>
        <EmptyState title={t('cart.empty')} description={t('cart.emptyHint')} icon={<IconShoppingCart size={28} />} />
      </Stack>
    );
  }
  return <CartView cart={q.data} />;
}
