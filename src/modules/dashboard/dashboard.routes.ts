import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type TProperties } from 'typebox';
import { requireBuyer } from '../../http/guards.ts';
import { storeDashboard } from './dashboard.service.ts';

const closed = { additionalProperties: false } as const;
const Obj = <T extends TProperties>(props: T) => Type.Object(props, closed);
const Money = Obj({ amount: Type.Integer({ description: 'Minor units' }), currency: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Order = Obj({ id: Type.String(), number: Type.String(), status: Type.String(), total: Money, poNumber: Nullable(Type.String()), placedAt: Type.String({ format: 'date-time' }), placedByName: Nullable(Type.String()) });
const Return = Obj({
  id: Type.String(),
  number: Type.String(),
  companyId: Type.String(),
  companyName: Type.String(),
  orderId: Type.String(),
  orderNumber: Type.String(),
  status: Type.String(),
  amount: Money,
  lineCount: Type.Integer(),
  requestedAt: Type.String({ format: 'date-time' }),
  requestedByName: Nullable(Type.String()),
});

export const StoreDashboard = Obj({
  company: Obj({ id: Type.String(), name: Type.String(), currency: Type.String() }),
  credit: Obj({
    onAccount: Type.Boolean({ description: 'False when the company buys without a credit limit (card only)' }),
    limit: Nullable(Money),
    used: Money,
    available: Nullable(Money),
    paymentTerms: Nullable(Obj({ code: Type.String(), label: Type.String() })),
  }),
  openOrders: Obj({ count: Type.Integer(), items: Type.Array(Order) }),
  invoices: Obj({ open: Type.Integer(), overdue: Obj({ count: Type.Integer(), amount: Money }) }),
  recentOrders: Type.Array(Order, { description: 'Newest first; reorder one with POST /api/store/orders/{id}/reorder' }),
  returns: Obj({ open: Type.Integer(), items: Type.Array(Return) }),
});

const ERR = { $ref: 'Problem#' } as const;

/** GET /api/store/dashboard: the buyer's landing page in one call. */
export async function dashboardRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/store/dashboard',
    {
      schema: { tags: ['dashboard'], summary: 'Credit limit / used / available, open orders, overdue invoices, recent orders and open returns of your company', response: { 200: StoreDashboard, 401: ERR, 403: ERR } },
      preHandler: requireBuyer('company.orders:read'),
    },
    async (request) => storeDashboard(request.ctx()),
  );
}
