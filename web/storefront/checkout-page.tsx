import { useMemo, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Divider, Grid, Group, Paper, Radio, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError, unwrap, type BodyOf, type ResponseOf } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatMoney } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useStoreSession } from './session.ts';

type Options = ResponseOf<'/api/store/checkout/options', 'get'>;
type CheckoutBody = BodyOf<'/api/store/checkout', 'post'>;

const NEW = 'new';
const today = () => new Date().toISOString().slice(0, 10);

/** Totals column: subtotal, shipping, tax and the total the order will carry. */
function Summary({ o }: { o: Options }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const row = (label: string, value: string, testId: string, strong = false) => (
    <Group justify="space-between">
      <Text fw={strong ? 700 : 400}>{label}</Text>
      <Text fw={strong ? 700 : 400} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('checkout.summary')}
        </Title>
        {row(t('checkout.subtotal'), formatMoney(o.totals.subtotal, locale), 'checkout-subtotal')}
        {row(t('checkout.shipping'), formatMoney(o.totals.shipping, locale), 'checkout-shipping')}
        {row(o.tax?.exempt ? t('checkout.taxExempt') : t('checkout.tax'), formatMoney(o.totals.tax, locale), 'checkout-tax')}
        <Divider />
        {row(t('checkout.total'), formatMoney(o.totals.total, locale), 'checkout-total', true)}
      </Stack>
    </Paper>
  );
}

/**
 * Checkout for one cart: ship-to (a company location, or a new address where the company allows
 * it), shipping method with its rate, PO number, requested delivery date, notes, payment on
 * account (terms and available credit) or by card, the cart's lines with any problems, tax and
 * totals. Placing sends an Idempotency-Key, so a double click or a retry never orders twice.
 */
export function CheckoutPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { cartId = '' } = useParams();
  const session = useStoreSession();
  const [locationId, setLocationId] = useState<string | null>(null);
  const [methodId, setMethodId] = useState<string | null>(null);
  const [address, setAddress] = useState({ name: '', line1: '', city: '', region: '', postalCode: '', country: '' });
  const [poNumber, setPoNumber] = useState('');
  const [date, setDate] = useState('');
  const [notes, setNotes] = useState('');
  const [payment, setPayment] = useState<'account' | 'card' | null>(null);
  const [card, setCard] = useState({ number: '', exp: '', cvc: '' });
  // One key per checkout attempt on this page: retries of the same submission replay its answer.
  const idempotencyKey = useMemo(() => `checkout-${cartId}-${Date.now()}-${Math.random().toString(36).slice(2)}`, [cartId]);

  const ship = locationId === NEW ? undefined : (locationId ?? undefined);
  const options = useQuery({
    queryKey: ['store', 'checkout-options', cartId, ship ?? null, methodId],
    enabled: Boolean(session.data),
    placeholderData: (prev) => prev,
    queryFn: () => unwrap(api.GET('/api/store/checkout/options', { params: { query: { cartId, ...(ship ? { shipToLocationId: ship } : {}), ...(methodId ? { shippingMethodId: methodId } : {}) } } })),
  });

  const place = useMutation({
    mutationFn: (body: CheckoutBody) => unwrap(api.POST('/api/store/checkout', { body, headers: { 'idempotency-key': idempotencyKey } })),
    onSuccess: (order) => navigate(`/account/orders/${order.id}?placed=1`),
    onError: (e) => {
      // The cart changed under us (stock, prices): show the lines' problems afresh.
      if (isApiError(e, 'CHECKOUT_CART_INVALID') || isApiError(e, 'CHECKOUT_STOCK_SHORT')) void options.refetch();
    },
  });

  if (session.isPending) return <PageLoader />;
  if (!session.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(`/checkout/${cartId}`)}`} replace />;
  if (options.isPending) return <PageLoader />;
  if (options.isError) return <ErrorAlert error={options.error} />;
  const o = options.data;
  const chosenLocation = locationId ?? o.selectedLocationId;
  const chosenMethod = methodId ?? o.selectedShippingMethodId;
  const account = o.payment.account;
  const chosenPayment = payment ?? (account.available ? 'account' : 'card');
  const problems = o.cart.lines.filter((l) => l.problems.length > 0);
  const blocked = problems.length > 0 || o.cart.problems.length > 0 || !chosenMethod || (!chosenLocation && locationId !== NEW);

  const submit = () => {
    const [mm, yy] = card.exp.split('/').map((x) => Number(x.trim()));
    const body: CheckoutBody = {
      cartId,
      shippingMethodId: chosenMethod ?? '',
      paymentMethod: chosenPayment,
      ...(chosenLocation && chosenLocation !== NEW ? { shipToLocationId: chosenLocation } : {}),
      ...(locationId === NEW
        ? { newAddress: { name: address.name, line1: address.line1, city: address.city, country: address.country.toUpperCase(), ...(address.region ? { region: address.region } : {}), ...(address.postalCode ? { postalCode: address.postalCode } : {}) } }
        : {}),
      ...(poNumber.trim() ? { poNumber: poNumber.trim() } : {}),
      ...(date ? { requestedDeliveryDate: date } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(chosenPayment === 'card' ? { card: { number: card.number, expMonth: mm || undefined, expYear: yy ? (yy < 100 ? 2000 + yy : yy) : undefined, cvc: card.cvc } } : {}),
    };
    place.mutate(body);
  };

  return (
    <Stack gap="lg" data-testid="checkout-page">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('checkout.title')}
        </Title>
        <Text c="dimmed">{o.cart.name}</Text>
      </Group>
      {place.error ? <ErrorAlert error={place.error} /> : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p="md">
              <Radio.Group label={t('checkout.shipTo')} value={chosenLocation ?? ''} onChange={(v) => { setLocationId(v); setMethodId(null); }} data-testid="checkout-ship-to">
                <Stack gap="xs" mt="xs">
                  {o.locations.map((l) => (
                    <Radio key={l.id} value={l.id} data-testid="ship-to-option" label={`${l.name} — ${[l.line1, l.city, l.region, l.country].filter(Boolean).join(', ')}`} />
                  ))}
                  {o.allowNewShipTo ? <Radio value={NEW} label={t('checkout.newAddress')} data-testid="ship-to-new" /> : null}
                </Stack>
              </Radio.Group>
              {o.locations.length === 0 && !o.allowNewShipTo ? <Text c="red">{t('checkout.noLocations')}</Text> : null}
              {locationId === NEW ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
                  {(['name', 'line1', 'city', 'region', 'postalCode', 'country'] as const).map((k) => (
                    <TextInput key={k} label={t(`checkout.address.${k}`)} value={address[k]} required={!['region', 'postalCode'].includes(k)} maxLength={k === 'country' ? 2 : 200} onChange={(e) => setAddress({ ...address, [k]: e.currentTarget.value })} />
                  ))}
                </SimpleGrid>
              ) : null}
            </Paper>

            <Paper withBorder p="md">
              <Radio.Group label={t('checkout.shippingMethod')} value={chosenMethod ?? ''} onChange={setMethodId}>
                <Stack gap="xs" mt="xs">
                  {o.shippingOptions.map((m) => (
                    <Radio
                      key={m.id}
                      value={m.id}
                      data-testid="shipping-option"
                      label={`${m.name} (${m.carrier}) — ${m.free ? t('checkout.free') : formatMoney(m.amount, locale)} · ${t('checkout.days', { min: m.estimatedDays.min, max: m.estimatedDays.max })}`}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              {o.shippingOptions.length === 0 ? <Text c="dimmed">{t('checkout.noShipping')}</Text> : null}
            </Paper>

            <Paper withBorder p="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('checkout.poNumber')}
                  description={o.payment.poRequired ? t('checkout.poRequired') : undefined}
                  required={o.payment.poRequired}
                  name="poNumber"
                  maxLength={60}
                  value={poNumber}
                  onChange={(e) => setPoNumber(e.currentTarget.value)}
                  data-testid="checkout-po"
                />
                <TextInput type="date" label={t('checkout.deliveryDate')} min={today()} value={date} onChange={(e) => setDate(e.currentTarget.value)} data-testid="checkout-date" />
              </SimpleGrid>
              <Textarea mt="sm" label={t('checkout.notes')} maxLength={2000} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} data-testid="checkout-notes" />
            </Paper>

            <Paper withBorder p="md">
              <Radio.Group label={t('checkout.payment')} value={chosenPayment} onChange={(v) => setPayment(v as 'account' | 'card')}>
                <Stack gap="xs" mt="xs">
                  <Radio
                    value="account"
                    disabled={!account.available}
                    data-testid="pay-account"
                    label={account.available && account.terms ? t('checkout.onAccount', { terms: account.terms.label }) : t('checkout.onAccountUnavailable')}
                    description={
                      account.available && account.availableCredit
                        ? t('checkout.availableCredit', { available: formatMoney(account.availableCredit, locale), limit: account.creditLimit ? formatMoney(account.creditLimit, locale) : '' })
                        : undefined
                    }
                  />
                  <Radio value="card" label={t('checkout.card')} data-testid="pay-card" />
                </Stack>
              </Radio.Group>
              {chosenPayment === 'account' && account.availableCredit && account.availableCredit.amount < o.totals.total.amount ? (
                <Alert mt="sm" color="orange" icon={<IconAlertTriangle size={16} />} data-testid="over-credit">
                  {account.overLimitAction === 'hold' ? t('checkout.overCreditHold') : t('checkout.overCreditBlock')}
                </Alert>
              ) : null}
              {chosenPayment === 'card' ? (
                <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
                  <TextInput label={t('checkout.cardNumber')} dir="ltr" autoComplete="cc-number" value={card.number} onChange={(e) => setCard({ ...card, number: e.currentTarget.value })} />
                  <TextInput label={t('checkout.cardExpiry')} dir="ltr" placeholder="MM/YY" autoComplete="cc-exp" value={card.exp} onChange={(e) => setCard({ ...card, exp: e.currentTarget.value })} />
                  <TextInput label={t('checkout.cardCvc')} dir="ltr" autoComplete="cc-csc" maxLength={4} value={card.cvc} onChange={(e) => setCard({ ...card, cvc: e.currentTarget.value })} />
                </SimpleGrid>
              ) : null}
            </Paper>

            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('checkout.items', { count: o.cart.lines.length })}
              </Title>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('orders.sku')}</Table.Th>
                    <Table.Th>{t('orders.item')}</Table.Th>
                    <Table.Th ta="end">{t('orders.quantity')}</Table.Th>
                    <Table.Th ta="end">{t('orders.lineTotal')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.cart.lines.map((l) => (
                    <Table.Tr key={l.lineId} data-testid="checkout-line" data-problem={l.problems.length > 0 ? 'yes' : 'no'}>
                      <Table.Td dir="ltr">{l.sku}</Table.Td>
                      <Table.Td>
                        {l.name}
                        {l.problems.map((p) => (
                          <Text key={p.code} size="sm" c="red" data-testid="line-problem">
                            {t(`checkout.problem.${p.code}`, { defaultValue: p.message })}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td ta="end">{l.quantity}</Table.Td>
                      <Table.Td ta="end">{formatMoney(l.lineTotal, locale)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {problems.length > 0 ? (
                <Group mt="sm" gap="xs">
                  <Badge color="red">{t('checkout.fixProblems', { count: problems.length })}</Badge>
                  <Anchor component={Link} to="/cart">
                    {t('checkout.backToCart')}
                  </Anchor>
                </Group>
              ) : null}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Summary o={o} />
            {o.tax?.exemptReason ? <Text size="sm" c="dimmed">{o.tax.exemptReason}</Text> : null}
            <Button size="md" onClick={submit} loading={place.isPending} disabled={blocked} data-testid="place-order">
              {t('checkout.placeOrder')}
            </Button>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
