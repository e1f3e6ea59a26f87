import { expect } from 'vitest';
import type { TestApp } from '../harness.ts';
import { buyerSession, staffSession, type SignedIn } from '../helpers/auth.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export interface Money { amount: number; currency: string }
export interface BuyerPrice {
  unitPrice: Money; quantity: number; basePrice: Money | null; saving: { amount: Money; percent: number } | null;
  kind: string; label: string; contractRef: string | null; tierMinQty: number | null;
  tiers: { minQty: number; unitPrice: Money }[]; quantityRules: { min: number | null; max: number | null; increment: number | null } | null;
}
export interface Card { id: string; name: string; slug: string; price: BuyerPrice | null; priceVaries: boolean }
export interface Variant { id: string; sku: string; price: BuyerPrice | null }

/**
 * A storefront with prices: products "Pricing Hammer" (SFP-1 with a tier at 100, SFP-2), "Pricing
 * Bolts" (SFP-10 sold in fives, SFP-11 in hundreds with a tier at 100) and "Pricing Unlisted"
 * (SFP-3, priced nowhere); a PKR base list; a rule-based group "Builders" (industry construction)
 * with a list 12 % below base; a builder company with a contract price on SFP-2; and an outsider.
 */
export async function pricedStore(t: TestApp) {
  const admin = await staffSession(t, 'admin');
  const call = (who: SignedIn | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, ...(who ? { headers: who.headers } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (method: Method, url: string, payload?: unknown) => {
    const res = await call(admin, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.statusCode === 204 ? null : res.json();
  };
  const product = async (name: string, skus: string[]) =>
    (await ok('POST', '/api/admin/products', { name, status: 'active', variants: skus.map((sku) => ({ sku })) })) as { id: string; slug: string };
  const hammer = await product('Pricing Hammer', ['SFP-1', 'SFP-2']);
  const bolts = await product('Pricing Bolts', ['SFP-10', 'SFP-11']);
  const unlisted = await product('Pricing Unlisted', ['SFP-3']);
  const list = async (body: Record<string, unknown>, items: Record<string, unknown>[]): Promise<string> => {
    const l = await ok('POST', '/api/admin/price-lists', { currency: 'PKR', status: 'active', ...body });
    if (items.length > 0) {
      const put = await ok('PUT', `/api/admin/price-lists/${l.id}/entries`, { items });
      expect(put.failed, JSON.stringify(put.errors)).toBe(0);
    }
    return l.id as string;
  };
  const baseId = await list({ name: 'Base PKR', kind: 'base' }, [
    { sku: 'SFP-1', unitPrice: 10_000, tiers: [{ minQty: 100, unitPrice: 9_000 }] },
    { sku: 'SFP-2', unitPrice: 12_000 },
    { sku: 'SFP-10', unitPrice: 50_000, qtyMin: 5, qtyIncrement: 5 },
    { sku: 'SFP-11', unitPrice: 1_000, tiers: [{ minQty: 100, unitPrice: 900 }], qtyMin: 100, qtyIncrement: 100 },
  ]);
  // Companies first: creating the group evaluates its rule over the companies that exist.
  const builder = await buyerSession(t, { company: { industry: 'construction' } });
  const outsider = await buyerSession(t, { company: { industry: 'mining' } });
  const group = await ok('POST', '/api/admin/customer-groups', { name: 'Builders', rule: 'industry = "construction"' });
  const groupListId = await list({ name: 'Builders 12% off', targets: [{ type: 'group', groupId: group.id }] }, [
    { sku: 'SFP-1', unitPrice: 8_800, tiers: [{ minQty: 100, unitPrice: 7_920 }] },
    { sku: 'SFP-2', unitPrice: 10_560 },
  ]);
  await ok('POST', `/api/admin/companies/${builder.company.id}/contract-prices`, { sku: 'SFP-2', currency: 'PKR', unitPrice: 10_000, reference: 'C-9', validTo: '2999-01-01T00:00:00Z' });
  return { admin, builder, outsider, group, baseId, groupListId, hammer, bolts, unlisted, call, ok, list };
}

/** The cards of a storefront search as `who` (null = anonymous), by product name. */
export async function cards(t: TestApp, who: SignedIn | null, q: string): Promise<Map<string, Card>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/store/products?q=${encodeURIComponent(q)}`, ...(who ? { headers: who.headers } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return new Map((res.json().items as Card[]).map((c) => [c.name, c]));
}

/** A product page's variants as `who`, by SKU. */
export async function variants(t: TestApp, who: SignedIn | null, slug: string): Promise<Map<string, Variant>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/store/products/${slug}`, ...(who ? { headers: who.headers } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return new Map((res.json().variants as Variant[]).map((v) => [v.sku, v]));
}
