import type { Database } from '../db/client.ts';
import { newId } from '../lib/ids.ts';
import { systemCtx } from '../modules/accounts/index.ts';
import { invisibleVariantIds } from '../modules/shared-catalogs/index.ts';
import { DEMO_BUYERS } from './demo.ts';

/**
 * Carts and lists for the named demo buyers, so a new user finds them on first sign-in: Bilal
 * (Indus Builders Karachi) has a current cart "Site A restock" shared with a colleague to edit, and
 * a company-wide list "Monthly consumables"; Layla (Gulf Facilities) a current cart and a private
 * list. Only items the company may see, in stock. Returns the number of carts made.
 */
export async function seedDemoCarts(database: Database): Promise<number> {
  const ctx = systemCtx(database.db);
  const buyers = await database.query<{ user_id: string; company_id: string; email: string }>(
    `select m.user_id, m.company_id, u.email from company_memberships m join company_users u on u.id = m.user_id
      where lower(u.email) = any($1::text[]) and m.role in ('admin', 'buyer')`,
    [DEMO_BUYERS.map((b) => b.email.toLowerCase())],
  );
  const stocked = await database.query<{ id: string }>(
    `select v.id from variants v join products p on p.id = v.product_id
      where v.status = 'active' and p.status = 'active'
        and (select coalesce(sum(i.on_hand - i.reserved), 0) from inventory i where i.variant_id = v.id) >= 50
      order by v.id limit 400`,
  );
  const plans: { email: string; cart: string; list: string; visibility: 'company' | 'private'; share: boolean }[] = [
    { email: 'bilal@indus-builders.demo', cart: 'Site A restock', list: 'Monthly consumables', visibility: 'company', share: true },
    { email: 'layla@gulf-facilities.demo', cart: 'Tower 2 maintenance', list: 'Cleaning supplies', visibility: 'private', share: false },
  ];
  let made = 0;
  for (const [n, plan] of plans.entries()) {
    const buyer = buyers.find((b) => b.email.toLowerCase() === plan.email);
    if (!buyer) continue;
    const ids = stocked.map((r) => r.id);
    const hidden = await invisibleVariantIds(ctx, buyer.company_id, ids);
    // Different items per buyer: a stride through the visible, stocked variants.
    const visible = ids.filter((id) => !hidden.has(id)).filter((_, i) => i % 7 === n);
    if (visible.length < 9) continue;
    const cartId = newId('cart');
    await database.query('insert into carts (id, company_id, owner_id, name) values ($1, $2, $3, $4)', [cartId, buyer.company_id, buyer.user_id, plan.cart]);
    await database.query('insert into cart_current (user_id, company_id, cart_id) values ($1, $2, $3) on conflict do nothing', [buyer.user_id, buyer.company_id, cartId]);
    const cartLines = visible.slice(0, 5).map((v, i) => ({ v, q: [10, 4, 25, 2, 12][i] ?? 1 }));
    for (const l of cartLines) {
      await database.query('insert into cart_lines (id, cart_id, variant_id, quantity, added_by) values ($1, $2, $3, $4, $5)', [newId('cartLine'), cartId, l.v, l.q, buyer.user_id]);
    }
    await database.query(
      `insert into cart_events (id, cart_id, company_id, type, actor_kind, actor_id, data) values
        ($1, $3, $4, 'created', 'buyer', $5, $6::jsonb), ($2, $3, $4, 'line_added', 'buyer', $5, $7::jsonb)`,
      [newId('cartEvent'), newId('cartEvent'), cartId, buyer.company_id, buyer.user_id, JSON.stringify({ name: plan.cart }), JSON.stringify({ source: 'demo', count: cartLines.length })],
    );
    if (plan.share) {
      const [colleague] = await database.query<{ user_id: string }>(
        `select m.user_id from company_memberships m join company_users u on u.id = m.user_id
          where m.company_id = $1 and m.user_id <> $2 and m.role in ('admin', 'buyer') and u.status = 'active' order by m.user_id limit 1`,
        [buyer.company_id, buyer.user_id],
      );
      if (colleague) await database.query(`insert into cart_shares (cart_id, user_id, access) values ($1, $2, 'edit')`, [cartId, colleague.user_id]);
    }
    const listId = newId('shoppingList');
    await database.query('insert into shopping_lists (id, company_id, owner_id, name, visibility) values ($1, $2, $3, $4, $5)', [listId, buyer.company_id, buyer.user_id, plan.list, plan.visibility]);
    for (const [i, v] of visible.slice(5, 9).entries()) {
      await database.query('insert into shopping_list_lines (list_id, variant_id, quantity) values ($1, $2, $3)', [listId, v, [20, 5, 10, 50][i] ?? 1]);
    }
    made++;
  }
  return made;
}
