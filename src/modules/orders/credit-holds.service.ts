import type { Ctx } from '../../http/context.ts';
import type { PageResult } from '../../http/pagination.ts';
import { creditSummary, type CreditSummary } from '../credit/index.ts';
import { listOrders } from './orders.service.ts';
import { summaryView } from './orders.views.ts';

type Money = { amount: number; currency: string };

/** The credit controller's queue: orders on hold with their company's limit, exposure and available credit. */
export async function creditHoldQueue(ctx: Ctx, q: { limit?: number | undefined; cursor?: string | undefined }): Promise<PageResult<ReturnType<typeof summaryView> & { credit: { limit: Money | null; exposure: Money; available: Money | null } }>> {
  const page = await listOrders(ctx, { limit: q.limit, cursor: q.cursor, status: 'on_hold' });
  const credit = new Map<string, CreditSummary>();
  for (const id of new Set(page.items.map((o) => o.companyId))) credit.set(id, await creditSummary(ctx, id));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((o) => {
      const c = credit.get(o.companyId)!;
      const m = (amount: number | null) => (amount === null ? null : { amount, currency: c.currency });
      return { ...summaryView(o), credit: { limit: m(c.limit), exposure: { amount: c.exposure, currency: c.currency }, available: m(c.available) } };
    }),
  };
}
