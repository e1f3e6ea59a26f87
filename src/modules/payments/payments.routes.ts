import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireStaff } from '../../http/guards.ts';
import { PaymentDetailSchema, PaymentParams, PaymentSchema, RefundBody } from './payments.schemas.ts';
import { getPayment, refundPayment } from './payments.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const tags = ['admin: payments'];

/** Staff view of one payment and refunds of it (card refunds go back through the provider). */
export async function adminPaymentRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/admin/payments/:paymentId',
    {
      preHandler: requireStaff('invoices:write'),
      schema: { tags, summary: 'One payment with its refunds', params: PaymentParams, response: { 200: PaymentDetailSchema, 401: ERR, 403: ERR, 404: ERR } },
    },
    async (req) => getPayment(req.ctx(), req.params.paymentId),
  );

  app.post(
    '/api/admin/payments/:paymentId/refunds',
    {
      preHandler: requireStaff('invoices:write'),
      schema: {
        tags,
        summary: 'Refund part or all of a payment (card payments through the provider); never more than is left',
        params: PaymentParams,
        body: RefundBody,
        response: { 200: PaymentSchema, 400: ERR, 401: ERR, 402: ERR, 403: ERR, 404: ERR, 409: ERR, 422: ERR },
      },
    },
    async (req) => refundPayment(req.ctx(), req.params.paymentId, req.body.amount, req.body.reason),
  );
}
