import type { Database } from '../db/client.ts';
import { companyPermissions, systemCtx } from '../modules/accounts/index.ts';
import { requestReturn } from '../modules/returns/index.ts';

/**
 * One return in the demo: the buyer of the oldest delivered demo order asks to send back one unit
 * of its first line as damaged, so a new user finds an open return on the buyer's dashboard and a
 * request to approve in the admin console. Runs through the returns service as that buyer;
 * nothing happens when no demo order was delivered.
 */
export async function seedDemoReturns(database: Database, windowDays = 30): Promise<number> {
  const [order] = await database.query<{ id: string; company_id: string; placed_by: string; email: string; role: string }>(
    `select o.id, o.company_id, o.placed_by, u.email, m.role
       from orders o join company_users u on u.id = o.placed_by
       join company_memberships m on m.user_id = o.placed_by and m.company_id = o.company_id
      where o.status in ('partially_shipped','shipped','delivered')
        and exists (select 1 from order_lines l where l.order_id = o.id and l.quantity_shipped > l.quantity_returned)
      order by (o.status = 'delivered') desc, o.placed_at, o.id limit 1`,
  );
  if (!order) return 0;
  const [line] = await database.query<{ line_no: number }>('select line_no from order_lines where order_id = $1 and quantity_shipped > quantity_returned order by line_no limit 1', [order.id]);
  if (!line) return 0;
  const base = systemCtx(database.db);
  const ctx = { ...base, actor: { kind: 'buyer' as const, userId: order.placed_by, companyId: order.company_id, email: order.email, permissions: companyPermissions(order.role), sessionId: 'seed' } };
  await requestReturn(ctx, { windowDays }, { orderId: order.id, lines: [{ lineNo: line.line_no, quantity: 1, reason: 'damaged' }], comment: 'One unit arrived with a cracked casing.' });
  return 1;
}
