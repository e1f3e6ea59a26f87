import { expect } from 'vitest';
import type { Ctx } from '../../src/http/context.ts';
import { companyPermissions, createLocation, systemCtx, type CompanyRole } from '../../src/modules/accounts/index.ts';
import { updateCreditAccount, type CreditAccountInput } from '../../src/modules/credit/index.ts';
import { createShippingMethod } from '../../src/modules/shipping/index.ts';
import { createTaxRate } from '../../src/modules/tax/index.ts';
import type { TestApp } from '../harness.ts';
import type { SignedIn } from '../helpers/auth.ts';
import { cartStore } from '../carts/fixture.ts';

export interface Money { amount: number; currency: string }
export interface OrderDetail {
  id: string; number: string; companyId: string; status: string; subtotal: Money; shippingTotal: Money; taxTotal: Money; total: Money;
  paymentMethod: string; paymentId: string | null; poNumber: string | null; requestedDeliveryDate: string | null; notes: string | null;
  shipTo: { locationId: string | null; name: string; city: string; country: string }; shippingMethodName: string | null; paymentTerms: string | null;
  lines: { lineNo: number; sku: string; quantity: number; unitPrice: Money; lineTotal: Money; taxRateBp: number; taxAmount: Money }[];
  events: { type: string; fromStatus: string | null; toStatus: string | null; actorKind: string; actorName: string | null; reason: string | null }[];
  actions: { to: string; action: string }[];
}

/**
 * The carts' priced store (SFP-1 at 8,800 PKR for the builder, 1,000 in stock; SFP-2 contract 10,000,
 * 5 in stock …) made ready for checkout: two ship-to locations in Karachi and Lahore, a PK courier
 * at 500 PKR (free from 1,000,000), Pakistan's 18% standard GST, and the builder on Net 30 with a
 * credit limit (default 1,000,000 PKR minor units).
 */
export async function checkoutStore(t: TestApp, credit: CreditAccountInput = {}) {
  const s = await cartStore(t);
  const sys = systemCtx(t.database.db);
  const companyId = s.builder.company.id;
  const karachi = await createLocation(sys, companyId, { name: 'Karachi depot', line1: '1 Port Road', city: 'Karachi', region: 'Sindh', country: 'PK', isShipTo: true, isDefault: true });
  const lahore = await createLocation(sys, companyId, { name: 'Lahore site', line1: '9 Mall Road', city: 'Lahore', region: 'Punjab', country: 'PK', isShipTo: true });
  const courier = await createShippingMethod(sys, {
    name: 'TCS Courier', carrier: 'TCS', currency: 'PKR', freeThreshold: 100_000_000, estimatedDays: { min: 1, max: 3 },
    zones: [{ country: 'PK', region: '' }], bands: [{ maxGrams: 10_000_000, amount: 500 }],
  });
  await createTaxRate(sys, { country: 'PK', taxClass: 'standard', rateBp: 1800, label: 'GST 18%' });
  await updateCreditAccount(sys, companyId, { paymentTerms: 'net30', creditLimit: 1_000_000, overLimitAction: 'block', ...credit });
  /** A new cart of `who` with these lines; returns its id. */
  const cartWith = async (who: SignedIn, lines: { sku: string; quantity: number }[], name = 'Checkout cart'): Promise<string> => {
    const c = await s.cart(who, 'POST', '/api/store/carts', { name }, 201);
    for (const l of lines) await s.cart(who, 'POST', `/api/store/carts/${c.id}/lines`, l);
    return c.id;
  };
  const checkout = (who: SignedIn, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/store/checkout', headers: { ...who.headers, ...headers }, payload: { shipToLocationId: karachi.id, shippingMethodId: courier.id, paymentMethod: 'account', ...body } });
  const stock = async (sku: string) => {
    const [r] = await t.database.query<{ on_hand: number; reserved: number }>('select sum(i.on_hand)::int as on_hand, sum(i.reserved)::int as reserved from inventory i join variants v on v.id = i.variant_id where v.sku = $1', [sku]);
    return { onHand: r!.on_hand, reserved: r!.reserved };
  };
  const exposure = async () => {
    const [r] = await t.database.query<{ exposure: string }>('select exposure::text as exposure from credit_accounts where company_id = $1', [companyId]);
    return Number(r!.exposure);
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await t.database.query<{ n: string }>(`select count(*)::text as n from (${sql}) x`, params))[0]!.n);
  return { ...s, sys, companyId, karachi, lahore, courier, cartWith, checkout, stock, exposure, count };
}

/** A service context acting as a buyer of the company (what a route's `req.ctx()` gives). */
export function buyerCtx(t: TestApp, userId: string, companyId: string, role: CompanyRole = 'admin'): Ctx {
  return { ...systemCtx(t.database.db), actor: { kind: 'buyer', userId, companyId, email: 'x@example.test', permissions: companyPermissions(role), sessionId: 'test' } };
}

export function expectStatus(res: { statusCode: number; body: string }, status: number): void {
  expect(res.statusCode, res.body).toBe(status);
}
