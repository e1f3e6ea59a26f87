import type { Static } from 'typebox';
import type { Ctx } from '../../http/context.ts';
import { AppError, ERROR_CODES } from '../../lib/errors.ts';
import { variantFacts } from '../catalog/index.ts';
import { invisibleVariantIds } from '../shared-catalogs/index.ts';
import type { PricingStrategy, QuantityViolationCode } from './domain/types.ts';
import { buyerPrice, storePricer } from './storefront-prices.ts';
import type * as s from './storefront-cart.schemas.ts';

export type CartPreviewView = Static<typeof s.CartPreview>;
type LineView = CartPreviewView['lines'][number];
type Problem = LineView['problems'][number];

const VIOLATION: Readonly<Record<QuantityViolationCode, Problem['code']>> = {
  BELOW_MIN: 'QUANTITY_BELOW_MIN',
  ABOVE_MAX: 'QUANTITY_ABOVE_MAX',
  NOT_INCREMENT: 'QUANTITY_NOT_INCREMENT',
};

/**
 * Prices pasted "SKU quantity" lines for the signed-in buyer's company, as a cart would: each line
 * with its unit price, line total and what kind of price it is, and its problems — an unknown SKU
 * (also what a product hidden from the company's catalogs looks like, so nothing leaks), a quantity
 * outside the item's rules, no price in the company's currency. A bad line never fails the request.
 * The subtotal is the engine's exact integer sum of the priced lines.
 */
export async function previewCart(ctx: Ctx, lines: Static<typeof s.CartPreviewBody>['lines'], strategy: PricingStrategy): Promise<CartPreviewView> {
  if (ctx.actor.kind !== 'buyer') throw new AppError('FORBIDDEN', 'The cart preview is for company buyers');
  const companyId = ctx.actor.companyId;
  const facts = await variantFacts(ctx, { skus: [...new Set(lines.map((l) => l.sku.trim()))] });
  const bySku = new Map(facts.map((f) => [f.sku.toLowerCase(), f]));
  const hidden = await invisibleVariantIds(ctx, companyId, facts.map((f) => f.variantId));
  const found = lines.map((l) => {
    const f = bySku.get(l.sku.trim().toLowerCase());
    return f !== undefined && !hidden.has(f.variantId) ? f : undefined;
  });
  const visible = [...new Set(found.flatMap((f) => (f ? [f.variantId] : [])))];
  const pricer = await storePricer(ctx, visible, strategy);
  const currency = pricer.currency ?? '';
  const pricedIdx: number[] = [];
  const cartLines: { variantId: string; quantity: number }[] = [];
  found.forEach((f, i) => {
    if (f) { pricedIdx.push(i); cartLines.push({ variantId: f.variantId, quantity: lines[i]!.quantity }); }
  });
  const cart = pricer.cart(cartLines);
  const byLine = new Map(pricedIdx.map((lineIdx, k) => [lineIdx, cart?.lines[k]]));

  const out: LineView[] = lines.map((l, i) => {
    const f = found[i];
    const base: LineView = {
      sku: l.sku, variantId: null, productName: null, quantity: l.quantity, unitPrice: null, lineTotal: null, basePrice: null,
      kind: null, label: null, contractRef: null, tierMinQty: null, quantityRules: null, problems: [],
    };
    if (f === undefined) {
      return { ...base, problems: [{ code: 'SKU_UNKNOWN', message: `No item has SKU ${l.sku}`, field: `lines[${i}].sku` }] };
    }
    const known = { ...base, sku: f.sku, variantId: f.variantId, productName: f.productName };
    const r = byLine.get(i);
    if (r === undefined || !r.priced) {
      return { ...known, problems: [{ code: 'PRICE_UNAVAILABLE', message: `${ERROR_CODES.PRICE_UNAVAILABLE.title} (${currency})`, field: `lines[${i}].sku` }] };
    }
    const p = buyerPrice(r, pricer.rulesOf(r, f.variantId));
    return {
      ...known,
      unitPrice: p.unitPrice, lineTotal: { amount: r.lineTotal, currency: r.currency }, basePrice: p.basePrice,
      kind: p.kind, label: p.label, contractRef: p.contractRef, tierMinQty: p.tierMinQty, quantityRules: p.quantityRules,
      problems: r.qtyRuleViolations.map((v) => ({ code: VIOLATION[v.code], message: `${v.message[0]!.toUpperCase()}${v.message.slice(1)}`, field: `lines[${i}].quantity` })),
    };
  });
  return {
    currency,
    lines: out,
    subtotal: { amount: cart?.total ?? 0, currency },
    pricedLines: out.filter((l) => l.lineTotal !== null).length,
    problemLines: out.filter((l) => l.problems.length > 0).length,
  };
}
