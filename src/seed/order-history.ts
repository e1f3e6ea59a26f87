import type { Database } from '../db/client.ts';
import { compileRule, customerGroups, purchaseOrderLines, purchaseOrders } from '../modules/segments/index.ts';
import { bulkInsert } from './bulk-insert.ts';
import { idMaker } from './ids.ts';
import { createRng, type Rng } from './prng.ts';
import type { SeedDataset } from './types.ts';

/** How much history to make: orders per company on average, over how many days back. */
export interface OrderHistorySize {
  readonly ordersPerCompany: number;
  readonly days: number;
}

export const ORDER_HISTORY_SCALES = {
  small: { ordersPerCompany: 14, days: 540 },
  large: { ordersPerCompany: 8, days: 540 },
} as const satisfies Record<string, OrderHistorySize>;

/** One generated order, dated relative to the day the seed is loaded (so windows like spend_90d stay meaningful). */
export interface SeedOrder {
  readonly id: string;
  readonly companyId: string;
  readonly ref: string;
  /** Whole days before the load day, and minutes into that day (UTC). */
  readonly daysAgo: number;
  readonly minute: number;
  readonly currency: string;
  readonly status: 'delivered' | 'shipped' | 'placed' | 'cancelled';
  readonly lines: readonly { variantId: string; sku: string; categoryId: string; categorySlug: string; brandSlug: string; quantity: number; amount: number }[];
}

/** Minor units of a currency per US cent (catalog list prices are US cents), as in the pricing seed. */
const RATE: Readonly<Record<string, number>> = { USD: 1, EUR: 0.92, GBP: 0.79, AED: 3.67, SAR: 3.75, PKR: 280, BDT: 118 };

/** Demo companies whose buying is fixed, so the README's story has big spenders to find. */
const HEAVY_DEMO = ['Indus Builders Karachi (Pvt) Ltd', 'Indus Builders Lahore (Pvt) Ltd', 'Gulf Facilities Management LLC'];

/**
 * Order history for the generated companies, pure and deterministic for a seed: each company gets an
 * activity level (a fifth buy heavily, half regularly, the rest rarely or never), orders spread over
 * `days` (recent ones more likely for active buyers), one to five lines from a few favourite
 * categories, amounts from the catalog's list prices in the company's currency. About 3% are cancelled.
 */
export function generateOrderHistory(data: Pick<SeedDataset, 'companies' | 'variants' | 'products' | 'categories' | 'brands'>, size: OrderHistorySize, seed: string): SeedOrder[] {
  const rng: Rng = createRng(`${seed}:orders`);
  const id = idMaker(rng);
  const product = new Map(data.products.map((p) => [p.id, p]));
  const categorySlug = new Map(data.categories.map((c) => [c.id, c.slug]));
  const brandSlug = new Map(data.brands.map((b) => [b.id, b.slug]));
  const byCategory = new Map<string, typeof data.variants>();
  for (const v of data.variants) {
    const cat = product.get(v.productId)?.categoryId;
    if (!cat) continue;
    const list = byCategory.get(cat);
    if (list) (list as (typeof v)[]).push(v);
    else byCategory.set(cat, [v]);
  }
  const categories = [...byCategory.keys()];
  if (categories.length === 0) return [];
  const orders: SeedOrder[] = [];
  let seq = 0;
  for (const c of data.companies) {
    if (c.status !== 'active') continue;
    const level = HEAVY_DEMO.includes(c.legalName) ? 'heavy' : rng.weighted([['heavy', 2], ['regular', 5], ['rare', 2], ['none', 1]] as const);
    if (level === 'none') continue;
    const mean = size.ordersPerCompany * (level === 'heavy' ? 2.5 : level === 'regular' ? 0.8 : 0.2);
    const count = Math.max(1, Math.round(mean * (0.5 + rng.next())));
    const favourites = rng.sample(categories, rng.int(2, 4));
    const rate = RATE[c.currency] ?? 1;
    for (let i = 0; i < count; i++) {
      // Heavy buyers order steadily up to today; the others' orders thin out towards the present.
      const daysAgo = level === 'heavy' ? rng.int(0, size.days) : Math.min(size.days, Math.floor(size.days * Math.sqrt(rng.next())));
      const lines = Array.from({ length: rng.int(1, 5) }, () => {
        const v = rng.pick(byCategory.get(rng.pick(favourites))!);
        const p = product.get(v.productId)!;
        const quantity = level === 'heavy' ? rng.int(5, 80) : rng.int(1, 15);
        return { variantId: v.id, sku: v.sku, categoryId: p.categoryId, categorySlug: categorySlug.get(p.categoryId) ?? '', brandSlug: brandSlug.get(p.brandId) ?? '', quantity, amount: Math.round(v.priceCents * rate) * quantity };
      });
      seq += 1;
      orders.push({
        id: id('purchaseOrder'),
        companyId: c.id,
        ref: `SO-${String(seq).padStart(7, '0')}`,
        daysAgo,
        minute: rng.int(7 * 60, 19 * 60),
        currency: c.currency,
        status: rng.chance(0.03) ? 'cancelled' : daysAgo < 3 ? 'placed' : daysAgo < 10 ? 'shipped' : 'delivered',
        lines,
      });
    }
  }
  return orders;
}

/** Loads generated orders as the ERP import would have recorded them (source "erp"), dated back from `today` (UTC day). */
export async function loadOrderHistory(database: Database, orders: readonly SeedOrder[], today: Date): Promise<number> {
  const day0 = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const at = (o: SeedOrder) => new Date(day0 - o.daysAgo * 86_400_000 + o.minute * 60_000);
  await database.withConnection(async (conn) => {
    await conn.exec('begin');
    try {
      await bulkInsert(
        conn,
        purchaseOrders,
        orders.map((o) => ({ id: o.id, companyId: o.companyId, source: 'erp', externalRef: o.ref, orderedAt: at(o), currency: o.currency, total: o.lines.reduce((s, l) => s + l.amount, 0), status: o.status })),
        { batchSize: 5000 },
      );
      await bulkInsert(
        conn,
        purchaseOrderLines,
        orders.flatMap((o) => o.lines.map((l, i) => ({ orderId: o.id, lineNo: i + 1, variantId: l.variantId, sku: l.sku, categoryId: l.categoryId, categorySlug: l.categorySlug || null, brandSlug: l.brandSlug || null, quantity: l.quantity, amount: l.amount }))),
        { batchSize: 10000 },
      );
      await conn.exec('commit');
    } catch (err) {
      await conn.exec('rollback').catch(() => undefined);
      throw err;
    }
  });
  return orders.length;
}

/**
 * A demo rule group over the purchase metrics: roughly the top quarter of buyers by spend over the
 * last 90 days, per trading currency (the README's Indus Builders Karachi is one of them).
 */
export const DEMO_SPEND_GROUP = {
  name: 'Big spenders, last 90 days',
  description: 'Companies whose orders over the last 90 days reach the big-spender mark of their currency',
  rule: 'spend_90d >= 5000000.00 PKR or spend_90d >= 5000000.00 BDT or spend_90d >= 200000.00 AED or spend_90d >= 200000.00 SAR or spend_90d >= 50000.00 USD or spend_90d >= 30000.00 EUR or spend_90d >= 30000.00 GBP',
} as const;

/** Inserts the demo spend group (members follow from the seed's full re-evaluation); its id is derived from the seed. */
export async function loadDemoSpendGroup(database: Database, seed: string): Promise<void> {
  const compiled = compileRule(DEMO_SPEND_GROUP.rule);
  if (!compiled.ok) throw new Error(`demo spend rule does not compile: ${compiled.errors[0]?.message}`);
  const id = idMaker(createRng(`${seed}:spend-group`))('group');
  await database.db.insert(customerGroups).values({ id, name: DEMO_SPEND_GROUP.name, description: DEMO_SPEND_GROUP.description, ruleSource: DEMO_SPEND_GROUP.rule, ruleAst: compiled.ast }).onConflictDoNothing();
}
