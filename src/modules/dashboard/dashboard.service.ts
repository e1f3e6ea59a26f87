import { and, count, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Money } from '../../lib/money.ts';
import { companies } from '../accounts/index.ts';
import { creditSummary, type PaymentTerms } from '../credit/index.ts';
import { invoiceSummary } from '../invoicing/index.ts';
import { listOrders, OPEN_STATUSES, orders, type OrderStatus } from '../orders/index.ts';
import { returnSummary, type ReturnSummaryItem } from '../returns/index.ts';

export interface DashboardOrder {
  id: string;
  number: string;
  status: OrderStatus;
  total: Money;
  poNumber: string | null;
  placedAt: string;
  placedByName: string | null;
}

/** Everything the buyer's landing page shows, for the company the buyer acts for. */
export interface StoreDashboard {
  company: { id: string; name: string; currency: string };
  credit: { onAccount: boolean; limit: Money | null; used: Money; available: Money | null; paymentTerms: PaymentTerms | null };
  openOrders: { count: number; items: DashboardOrder[] };
  invoices: { open: number; overdue: { count: number; amount: Money } };
  recentOrders: DashboardOrder[];
  returns: { open: number; items: ReturnSummaryItem[] };
}

const OPEN_LIST = 5;
const RECENT = 5;

/**
 * The self-service dashboard: credit limit / used / available, open orders, overdue invoices,
 * recent orders (for one-click reorder) and open returns, each read through its module's public face.
 */
export async function storeDashboard(ctx: Ctx): Promise<StoreDashboard> {
  const a = ctx.actor;
  if (a.kind !== 'buyer') throw new AppError('FORBIDDEN', 'The dashboard is for company buyers');
  const companyId = a.companyId;
  const [company] = await ctx.db.select({ id: companies.id, name: companies.legalName, currency: companies.currency }).from(companies).where(eq(companies.id, companyId)).limit(1);
  if (!company) throw new AppError('NOT_FOUND', 'Company not found');

  const credit = await creditSummary(ctx, companyId);
  const openWhere = and(eq(orders.companyId, companyId), inArray(orders.status, [...OPEN_STATUSES]));
  const [openCount] = await ctx.db.select({ n: count() }).from(orders).where(openWhere);
  const open = await listOrders(ctx, { companyId, statuses: OPEN_STATUSES, limit: OPEN_LIST });
  const recent = await listOrders(ctx, { companyId, limit: RECENT });
  const invoices = await invoiceSummary(ctx, companyId);
  const returns = await returnSummary(ctx, companyId);

  const cur = credit.currency;
  return {
    company,
    credit: {
      onAccount: credit.limit !== null,
      limit: credit.limit === null ? null : { amount: credit.limit, currency: cur },
      used: { amount: credit.exposure, currency: cur },
      available: credit.available === null ? null : { amount: credit.available, currency: cur },
      paymentTerms: credit.paymentTerms,
    },
    openOrders: {
      count: Number(openCount?.n ?? 0),
      items: open.items.map((o) => ({ id: o.id, number: o.number, status: o.status, total: { amount: o.total, currency: o.currency }, poNumber: o.poNumber, placedAt: o.placedAt, placedByName: o.placedByName })),
    },
    invoices: { open: invoices.open, overdue: { count: invoices.overdue.count, amount: { amount: invoices.overdue.amount, currency: invoices.currency ?? company.currency } } },
    recentOrders: recent.items.map((o) => ({ id: o.id, number: o.number, status: o.status, total: { amount: o.total, currency: o.currency }, poNumber: o.poNumber, placedAt: o.placedAt, placedByName: o.placedByName })),
    returns: { open: returns.open, items: returns.recent },
  };
}
