import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import type { ProductCardData } from './catalog.ts';

/** The caller's price for a variant or card, as the API sends it (BuyerPrice). */
export type BuyerPrice = NonNullable<ProductCardData['price']>;

/** "Save 12%": the saving against the base list, in the reader's digits. */
function SavingBadge({ price }: { price: BuyerPrice }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!price.saving) return null;
  return (
    <Badge size="sm" color="teal" variant="light" data-testid="price-saving">
      {t('prices.save', { percent: formatNumber(price.saving.percent / 100, locale, { style: 'percent', maximumFractionDigits: 1 }) })}
    </Badge>
  );
}

/** The base list price struck through, shown only when the buyer's price is lower. */
function WasPrice({ price }: { price: BuyerPrice }) {
  const locale = useLocale();
  if (!price.saving || !price.basePrice) return null;
  return (
    <Text size="xs" c="dimmed" td="line-through" data-testid="price-base">
      {formatMoney(price.basePrice, locale)}
    </Text>
  );
}

/** A product card's price: "from …" when variants or quantities differ, the base price struck through and the saving. */
export function CardPrice({ price, varies }: { price: BuyerPrice | null; varies: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!price) {
    return (
      <Text size="sm" c="dimmed" data-testid="card-price">
        {t('prices.noPrice')}
      </Text>
    );
  }
  const amount = formatMoney(price.unitPrice, locale);
  return (
    <Group gap={6} align="baseline" wrap="wrap" data-testid="card-price">
      <Text fw={700} size="md" data-testid="price-amount">
        {varies ? t('prices.from', { price: amount }) : amount}
      </Text>
      <WasPrice price={price} />
      <SavingBadge price={price} />
    </Group>
  );
}

/** What kind of price this is, in words: "Your contract price (ref C-9)", "Volume price from 100". */
export function PriceKindBadge({ price }: { price: Pick<BuyerPrice, 'kind' | 'contractRef' | 'tierMinQty'> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text =
    price.kind === 'contract'
      ? t('prices.kindContract', { ref: price.contractRef ?? '' })
      : price.kind === 'volume'
        ? t('prices.kindVolume', { qty: formatNumber(price.tierMinQty ?? 1, locale) })
        : price.kind === 'list'
          ? t('prices.kindList')
          : t('prices.kindBase');
  const color = price.kind === 'contract' ? 'grape' : price.kind === 'volume' ? 'orange' : price.kind === 'list' ? 'blue' : 'gray';
  return (
    <Badge size="sm" variant="light" color={color} tt="none" data-testid="price-kind" data-kind={price.kind}>
      {text}
    </Badge>
  );
}

/** "Order at least 5, in multiples of 5, at most 100". */
export function QuantityRuleHint({ rules }: { rules: BuyerPrice['quantityRules'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!rules) return null;
  const parts = [
    rules.min != null ? t('prices.ruleMin', { qty: formatNumber(rules.min, locale) }) : null,
    rules.increment != null && rules.increment > 1 ? t('prices.ruleIncrement', { qty: formatNumber(rules.increment, locale) }) : null,
    rules.max != null ? t('prices.ruleMax', { qty: formatNumber(rules.max, locale) }) : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="quantity-rules">
      {parts.join(t('prices.ruleSeparator'))}
    </Text>
  );
}

/** "From 100: Rs 79.20" rows of a price with volume tiers. */
export function TierTable({ price }: { price: BuyerPrice }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (price.tiers.length < 2) return null;
  return (
    <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={6} w="auto" data-testid="tier-table">
      <Table.Tbody>
        {price.tiers.map((tier) => (
          <Table.Tr key={tier.minQty} data-testid="tier-row">
            <Table.Td>
              <Text size="xs" c="dimmed">
                {t('prices.tierFrom', { qty: formatNumber(tier.minQty, locale) })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="xs" fw={600}>
                {formatMoney(tier.unitPrice, locale)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A variant's price on the product page: amount, was-price and saving, its kind, tiers and quantity rules. */
export function VariantPrice({ price }: { price: BuyerPrice | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!price) {
    return (
      <Text size="sm" c="dimmed" data-testid="variant-price">
        {t('prices.noPrice')}
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid="variant-price">
      <Group gap={6} align="baseline" wrap="wrap">
        <Text fw={700} data-testid="price-amount">
          {formatMoney(price.unitPrice, locale)}
        </Text>
        <WasPrice price={price} />
        <SavingBadge price={price} />
      </Group>
      {price.kind !== 'base' ? <PriceKindBadge price={price} /> : null}
      <TierTable price={price} />
      <QuantityRuleHint rules={price.quantityRules} />
    </Stack>
  );
}
