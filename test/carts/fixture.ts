import { expect } from 'vitest';
import type { Ctx } from '../../src/http/context.ts';
import { companyPermissions, systemCtx, type CompanyRole } from '../../src/modules/accounts/index.ts';
import type { TestApp } from '../harness.ts';
import { loginBuyer, makeBuyer, type SignedIn } from '../helpers/auth.ts';
import { pricedStore } from '../pricing/storefront-fixture.ts';

export interface Money { amount: number; currency: string }
export interface Problem { code: string; message: string; limit: number | null }
export interface Line {
  id: string; variantId: string; sku: string; productName: string; quantity: number; note: string;
  unitPrice: Money | null; lineTotal: Money | null; priceKind: string | null; available: number | null; backorderQuantity: number; problems: Problem[];
}
export interface Cart {
  id: string; name: string; status: string; access: string; isCurrent: boolean; currency: string; owner: { id: string; name: string };
  lines: Line[]; subtotal: Money; lineCount: number; problemLines: number;
}

export const pkr = (amount: number): Money => ({ amount, currency: 'PKR' });

/**
 * The priced store of the pricing tests (SFP-1 10,000 / 8,800 for builders with a tier at 100;
 * SFP-2 with builder contract 10,000; SFP-10 sold in fives; SFP-11 in hundreds; SFP-3 unpriced)
 * plus stock in one warehouse: SFP-1 1,000, SFP-2 5, SFP-10 100, SFP-11 none but backorders,
 * SFP-3 10; and a colleague of the builder's buyer (role `buyer`) and a viewer.
 */
export async function cartStore(t: TestApp) {
  const s = await pricedStore(t);
  await s.ok('POST', '/api/admin/warehouses', { code: 'KHI', name: 'Karachi', country: 'PK' });
  const inv = await s.ok('PUT', '/api/admin/inventory', {
    items: [
      { sku: 'SFP-1', warehouseCode: 'KHI', onHand: 1000 },
      { sku: 'SFP-2', warehouseCode: 'KHI', onHand: 5 },
      { sku: 'SFP-10', warehouseCode: 'KHI', onHand: 100 },
      { sku: 'SFP-11', warehouseCode: 'KHI', onHand: 0, backorder: true },
      { sku: 'SFP-3', warehouseCode: 'KHI', onHand: 10 },
    ],
  });
  expect(inv.failed).toBe(0);
  const colleague = await member(t, s.builder.company.id, 'buyer', 'Colleague Cole');
  const viewer = await member(t, s.builder.company.id, 'viewer', 'Viewer Vi');
  const call = async (who: SignedIn | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, ...(who ? { headers: who.headers } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });
  const cart = async (who: SignedIn, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, status = 200): Promise<Cart> => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json() as Cart;
  };
  /**
   * Deletes `who`'s current cart, if any. For tests that start from "no current cart yet": CI
   * retries a failed test once, and the retry would otherwise find the first attempt's cart.
   */
  const dropCurrentCart = async (who: SignedIn): Promise<void> => {
    const current = await call(who, 'GET', '/api/store/carts/current');
    if (current.statusCode === 200) expect((await call(who, 'DELETE', `/api/store/carts/${(current.json() as Cart).id}`)).statusCode).toBeLessThan(300);
  };
  return { ...s, colleague, viewer, call, cart, dropCurrentCart };
}

/** Another member of a company, signed in, with the user id. */
export async function member(t: TestApp, companyId: string, role: CompanyRole, name: string): Promise<SignedIn & { userId: string }> {
  const b = await makeBuyer(t, { companyId, role, name });
  return { ...(await loginBuyer(t.app, b.email, b.password)), userId: b.user.id };
}

/** A service context acting as a buyer (what a route's `req.ctx()` gives). */
export function buyerCtx(t: TestApp, userId: string, companyId: string, role: CompanyRole = 'admin'): Ctx {
  return { ...systemCtx(t.database.db), actor: { kind: 'buyer', userId, companyId, email: 'x@example.test', permissions: companyPermissions(role), sessionId: 'test' } };
}
