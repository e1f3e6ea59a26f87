import type { Ctx } from '../../http/context.ts';
import { buyerPrice, storePricer, type PricedResolution, type PricingStrategy } from '../pricing/index.ts';
import { invisibleVariantIds } from '../shared-catalogs/index.ts';
import type { ItemRow } from './carts.repo.ts';
import { UNAVAILABLE, backorderQuantity, priceUnavailable, quantityProblems, stockProblems, type LineProblem } from './domain/problems.ts';

export interface Money {
  amount: number;
  currency: string;
}

/** The buyer-facing price of a checked line. */
export interface LinePrice {
  unitPrice: Money;
  lineTotal: Money;
  kind: 'contract' | 'volume' | 'list' | 'base';
  label: string;
  /** `contract:C-9`, `list:pl_…` …: where the price came from (kept on the order line). */
  source: string;
  quantityRules: { min: number | null; max: number | null; increment: number | null } | null;
}

export interface CheckedLine<K> {
  key: K;
  variantId: string;
  quantity: number;
  /** Undefined when the company cannot buy the item (unknown, inactive or hidden — all alike). */
  item: ItemRow | undefined;
  price: LinePrice | null;
  problems: LineProblem[];
  /** How much of the quantity would ship later (backorders). */
  backorderQuantity: number;
}

export interface CheckedLines<K> {
  currency: string;
  lines: CheckedLine<K>[];
  /** Exact sum of the priced lines' totals, in minor units. */
  subtotal: number;
}

function sourceOf(r: PricedResolution): string {
  if (r.source.kind === 'contract') return `contract:${r.source.contractRef ?? ''}`;
  return `${r.source.kind}:${r.source.listId ?? ''}`;
}

/**
 * Re-validates lines for a company the way checkout will: visibility through the company's
 * catalogs (`invisibleVariantIds`, one query, unless the caller loaded it with the items as
 * `hidden`), prices and quantity rules through the storefront pricer (one call for all lines,
 * from the process price cache outside a transaction), and stock from the items (already loaded
 * with the lines). No query per line.
 */
export async function checkLines<K>(
  ctx: Ctx,
  companyId: string,
  lines: readonly { key: K; variantId: string; quantity: number }[],
  items: ReadonlyMap<string, ItemRow>,
  strategy: PricingStrategy,
  knownHidden?: ReadonlySet<string>,
): Promise<CheckedLines<K>> {
  const ids = [...new Set(lines.map((l) => l.variantId))];
  const hidden = knownHidden ?? (await invisibleVariantIds(ctx, companyId, ids));
  const visible = ids.filter((id) => !hidden.has(id) && items.has(id));
  const pricer = await storePricer(ctx, visible, strategy);
  const currency = pricer.currency ?? '';
  const buyable = lines.filter((l) => !hidden.has(l.variantId) && items.has(l.variantId));
  const priced = pricer.cart(buyable.map((l) => ({ variantId: l.variantId, quantity: l.quantity })));
  const byLine = new Map(buyable.map((l, i) => [l, priced?.lines[i]]));
  const out: CheckedLine<K>[] = lines.map((l) => {
    const item = hidden.has(l.variantId) ? undefined : items.get(l.variantId);
    if (item === undefined) return { key: l.key, variantId: l.variantId, quantity: l.quantity, item, price: null, problems: [UNAVAILABLE], backorderQuantity: 0 };
    const r = byLine.get(l);
    const stock = { available: item.available, backorder: item.backorder };
    const problems: LineProblem[] = [];
    let price: LinePrice | null = null;
    if (r === undefined || !r.priced) {
      problems.push(priceUnavailable(currency));
    } else {
      const p = buyerPrice(r, pricer.rulesOf(r, l.variantId));
      price = {
        unitPrice: p.unitPrice,
        lineTotal: { amount: r.lineTotal, currency: r.currency },
        kind: p.kind,
        label: p.label,
        source: sourceOf(r),
        quantityRules: p.quantityRules,
      };
      problems.push(...quantityProblems(r.qtyRuleViolations));
    }
    problems.push(...stockProblems(l.quantity, stock));
    return { key: l.key, variantId: l.variantId, quantity: l.quantity, item, price, problems, backorderQuantity: backorderQuantity(l.quantity, stock) };
  });
  return { currency, lines: out, subtotal: priced?.total ?? 0 };
}
