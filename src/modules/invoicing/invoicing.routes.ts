import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { buyerOf, requireBuyer, requireScope, requireStaff } from '../../http/guards.ts';
import type { Ctx } from '../../http/context.ts';
import { issueCreditMemo } from './credit-memos.service.ts';
import { payInvoicesByCard, recordInvoicePayment } from './invoice-payments.service.ts';
import { getInvoice, issueInvoice, listInvoices } from './invoices.service.ts';
import {
  AdminInvoiceListQuery,
  CompanyParams,
  CreditMemoBody,
  CreditMemoSchema,
  InvoiceDetailSchema,
  InvoiceListQuery,
  InvoicePage,
  InvoiceParams,
  IssueInvoiceBody,
  PayInvoicesBody,
  PayInvoicesResult,
  RecordPaymentBody,
  RecordPaymentResult,
  StatementQuery,
  StatementSchema,
} from './invoicing.schemas.ts';
import { invoicePdf, PDF_LOCALES } from './pdf/invoice-pdf.ts';
import { accountStatement } from './statement.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const PdfQuery = Type.Object({ locale: Type.Optional(Type.Union(PDF_LOCALES.map((l) => Type.Literal(l)), { description: "The PDF's language; default the invoice's (the buyer's locale at ordering)" })) }, { additionalProperties: false });

async function sendPdf(ctx: Ctx, reply: FastifyReply, invoiceId: string, locale: string | undefined) {
  const invoice = await getInvoice(ctx, invoiceId);
  const pdf = await invoicePdf(invoice, locale ?? invoice.locale);
  return reply.type('application/pdf').header('content-disposition', `inline; filename="${invoice.number}.pdf"`).send(pdf);
}

/** Buyers: their company's invoices, paying them by card, the PDF and the account statement. */
export async function storeInvoiceRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['store: invoices'];

  app.get(
    '/api/store/invoices',
    { preHandler: requireBuyer('company.invoices:read'), schema: { tags, summary: "The company's invoices, newest first (filter by status; 'unpaid' = open, partially paid, overdue)", querystring: InvoiceListQuery, response: { 200: InvoicePage, 400: ERR, ...DENIED } } },
    async (req) => listInvoices(req.ctx(), req.query),
  );

  app.get(
    '/api/store/invoices/:id',
    { preHandler: requireBuyer('company.invoices:read'), schema: { tags, summary: 'One invoice with lines, payments and credit memos', params: InvoiceParams, response: { 200: InvoiceDetailSchema, ...DENIED, 404: ERR } } },
    async (req) => getInvoice(req.ctx(), req.params.id),
  );

  app.get(
    '/api/store/invoices/:id/pdf',
    { preHandler: requireBuyer('company.invoices:read'), schema: { tags, summary: 'The invoice as a PDF, in the buyer\'s language (right-to-left for Arabic and Urdu)', params: InvoiceParams, querystring: PdfQuery, produces: ['application/pdf'], response: { 400: ERR, ...DENIED, 404: ERR } } },
    async (req, reply) => sendPdf(req.ctx(), reply, req.params.id, req.query.locale),
  );

  app.post(
    '/api/store/invoices/pay',
    {
      preHandler: requireBuyer('company.invoices:pay'),
      schema: {
        tags,
        summary: 'Pay one or several invoices in full with one card payment (test card 4242 4242 4242 4242; 4000 0000 0000 0002 is declined)',
        body: PayInvoicesBody,
        response: { 200: PayInvoicesResult, 400: ERR, ...DENIED, 402: ERR, 404: ERR, 409: ERR, 422: ERR },
      },
    },
    async (req) => payInvoicesByCard(req.ctx(), req.body),
  );

  app.get(
    '/api/store/statement',
    {
      preHandler: requireBuyer('company.invoices:read'),
      schema: { tags, summary: 'Account statement: invoices, payments and credit memos with a running balance over a period (default the last 90 days), and the ageing of what is unpaid', querystring: StatementQuery, response: { 200: StatementSchema, 400: ERR, ...DENIED } },
    },
    async (req) => accountStatement(req.ctx(), buyerOf(req).companyId, req.query),
  );
}

/** Staff: every company's invoices, invoicing an order by hand, recording payments, credit memos, statements. */
export async function adminInvoiceRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin: invoices'];

  app.get(
    '/api/admin/invoices',
    { preHandler: requireStaff('orders:read'), schema: { tags, summary: 'Invoices of every company, newest first (filter by status, company, order; search by number)', querystring: AdminInvoiceListQuery, response: { 200: InvoicePage, 400: ERR, ...DENIED } } },
    async (req) => listInvoices(req.ctx(), req.query),
  );

  app.get(
    '/api/admin/invoices/:id',
    { preHandler: requireStaff('orders:read'), schema: { tags, summary: 'One invoice with lines, payments and credit memos', params: InvoiceParams, response: { 200: InvoiceDetailSchema, ...DENIED, 404: ERR } } },
    async (req) => getInvoice(req.ctx(), req.params.id),
  );

  app.get(
    '/api/admin/invoices/:id/pdf',
    { preHandler: requireStaff('orders:read'), schema: { tags, summary: 'The invoice as a PDF', params: InvoiceParams, querystring: PdfQuery, produces: ['application/pdf'], response: { 400: ERR, ...DENIED, 404: ERR } } },
    async (req, reply) => sendPdf(req.ctx(), reply, req.params.id, req.query.locale),
  );

  app.post(
    '/api/admin/orders/:id/invoices',
    {
      preHandler: requireStaff('invoices:write'),
      schema: {
        tags,
        summary: 'Invoice an order: a shipment, given quantities, or everything not invoiced yet (the first invoice carries the shipping charge)',
        params: InvoiceParams,
        body: IssueInvoiceBody,
        response: { 200: InvoiceDetailSchema, 201: InvoiceDetailSchema, 400: ERR, ...DENIED, 404: ERR, 409: ERR },
      },
    },
    async (req, reply) => {
      const { invoice, created } = await issueInvoice(req.ctx(), { orderId: req.params.id, shipmentId: req.body.shipmentId, lines: req.body.lines });
      return reply.status(created ? 201 : 200).send(invoice);
    },
  );

  app.post(
    '/api/admin/invoices/:id/payments',
    {
      preHandler: requireStaff('invoices:write'),
      schema: { tags, summary: 'Record a payment received for the invoice (bank transfer, cheque…); idempotent by externalRef', params: InvoiceParams, body: RecordPaymentBody, response: { 200: RecordPaymentResult, 201: RecordPaymentResult, 400: ERR, ...DENIED, 404: ERR, 409: ERR, 422: ERR } },
    },
    async (req, reply) => {
      const r = await recordInvoicePayment(req.ctx(), req.params.id, req.body);
      return reply.status(r.created ? 201 : 200).send(r);
    },
  );

  app.post(
    '/api/admin/credit-memos',
    {
      preHandler: requireStaff('invoices:write'),
      schema: { tags, summary: "Issue a credit memo: applied to the order's unpaid invoices, frees credit, shows on the statement", body: CreditMemoBody, response: { 201: CreditMemoSchema, 400: ERR, ...DENIED, 404: ERR, 409: ERR, 422: ERR } },
    },
    async (req, reply) =>
      reply.status(201).send(await issueCreditMemo(req.ctx(), { companyId: req.body.companyId, orderId: req.body.orderId ?? null, returnId: null, amount: req.body.amount, currency: req.body.currency, lines: [], reason: req.body.reason })),
  );

  app.get(
    '/api/admin/companies/:companyId/statement',
    { preHandler: requireStaff('orders:read'), schema: { tags, summary: "A company's account statement with ageing", params: CompanyParams, querystring: StatementQuery, response: { 200: StatementSchema, 400: ERR, ...DENIED, 404: ERR } } },
    async (req) => accountStatement(req.ctx(), req.params.companyId, req.query),
  );
}

/** ERP: payments received for an invoice, by API key with the invoices:write scope. */
export async function integrationInvoiceRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/integrations/invoices/:id/payments',
    {
      preHandler: requireScope('invoices:write'),
      schema: {
        tags: ['integrations: invoices'],
        summary: 'Record a payment received for an invoice; the same externalRef again answers 200 with the first payment',
        params: InvoiceParams,
        body: RecordPaymentBody,
        response: { 200: RecordPaymentResult, 201: RecordPaymentResult, 400: ERR, ...DENIED, 404: ERR, 409: ERR, 422: ERR },
      },
    },
    async (req, reply) => {
      const r = await recordInvoicePayment(req.ctx(), req.params.id, req.body);
      return reply.status(r.created ? 201 : 200).send(r);
    },
  );
}
