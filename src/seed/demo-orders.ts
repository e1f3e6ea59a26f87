import type { Database } from '../db/client.ts';
import type { Ctx } from '../http/context.ts';
import { newId } from '../lib/ids.ts';
import { companyPermissions, systemCtx } from '../modules/accounts/index.ts';
import { checkoutOptions, placeOrder } from '../modules/orders/index.ts';
import { invisibleVariantIds } from '../modules/shared-catalogs/index.ts';
import { DEMO_BUYERS } from './demo.ts';

const DAY = 86_400_000;

/**
 * Orders of the named demo buyers, placed through the real checkout (stock and credit reserved,
 * events, outbox) and dated over the last weeks, so a new user finds an order history, and the
 * shipment demo has orders to ship: Bilal (Indus Builders Karachi) three on account with PO
 * numbers, Sana (Lahore) and Layla (Gulf Facilities) one each. A buyer whose company cannot check
 * out (no shipping to its country, no stock) is skipped. Returns the number of orders placed.
 */
export async function seedDemoOrders(database: Database, now = new Date()): Promise<number> {
  const buyers = await database.query<{ user_id: string; company_id: string; email: string; role: string }>(
    `select m.user_id, m.company_id, u.email, m.role from company_memberships m join company_users u on u.id = m.user_id
      where lower(u.email) = any($1::text[]) and m.role in ('admin', 'buyer')`,
    [DEMO_BUYERS.map((b) => b.email.toLowerCase())],
  );
  const stocked = (
    await database.query<{ id: string }>(
      `select v.id from variants v join products p on p.id = v.product_id
        where v.status = 'active' and p.status = 'active'
          and (select coalesce(sum(i.on_hand - i.reserved), 0) from inventory i where i.variant_id = v.id) >= 100
        order by v.id limit 600`,
    )
  ).map((r) => r.id);
  const plans = [
    { email: 'bilal@indus-builders.demo', daysAgo: 24, po: 'PO-KHI-2231', lines: [6, 20, 3] },
    { email: 'bilal@indus-builders.demo', daysAgo: 12, po: 'PO-KHI-2277', lines: [2, 8, 5, 10] },
    { email: 'sana@indus-builders.demo', daysAgo: 9, po: 'LHR-0917', lines: [4, 4] },
    { email: 'layla@gulf-facilities.demo', daysAgo: 6, po: 'GF-T2-118', lines: [12, 3, 6] },
    { email: 'bilal@indus-builders.demo', daysAgo: 2, po: 'PO-KHI-2302', lines: [1, 15] },
  ];
  let placed = 0;
  for (const [n, plan] of plans.entries()) {
    const buyer = buyers.find((b) => b.email.toLowerCase() === plan.email);
    if (!buyer) continue;
    const at = new Date(now.getTime() - plan.daysAgo * DAY);
    const ctx: Ctx = {
      ...systemCtx(database.db, { clock: { now: () => at } }),
      actor: { kind: 'buyer', userId: buyer.user_id, companyId: buyer.company_id, email: buyer.email, permissions: companyPermissions(buyer.role), sessionId: 'demo-seed' },
    };
    const hidden = await invisibleVariantIds(ctx, buyer.company_id, stocked);
    const visible = stocked.filter((id) => !hidden.has(id)).filter((_, i) => i % 11 === n);
    if (visible.length < plan.lines.length) continue;
    const cartId = newId('cart', at.getTime());
    await database.query('insert into carts (id, company_id, owner_id, name) values ($1, $2, $3, $4)', [cartId, buyer.company_id, buyer.user_id, `Order ${plan.po}`]);
    for (const [i, q] of plan.lines.entries()) {
      await database.query('insert into cart_lines (id, cart_id, variant_id, quantity, added_by) values ($1, $2, $3, $4, $5)', [newId('cartLine', at.getTime()), cartId, visible[i], q, buyer.user_id]);
    }
    try {
      const o = await checkoutOptions(ctx, { cartId });
      if (!o.selectedLocationId || !o.selectedShippingMethodId || o.cart.lines.some((l) => l.problems.length)) throw new Error('not orderable');
      const onAccount = o.policy.onAccount && o.policy.currency === o.cart.currency;
      await placeOrder(ctx, {
        cartId,
        shipToLocationId: o.selectedLocationId,
        shippingMethodId: o.selectedShippingMethodId,
        poNumber: plan.po,
        notes: n === 0 ? 'Deliver to the site office, gate 2' : undefined,
        paymentMethod: onAccount ? 'account' : 'card',
        ...(onAccount ? {} : { card: { token: 'tok_visa' } }),
      });
      placed++;
    } catch {
      // The demo company cannot order this (e.g. no shipping to its country): leave the cart open.
      continue;
    }
  }
  return placed;
}
