/**
 * Invoicing: invoices issued per shipment (an outbox consumer of `shipment.shipped`) or by staff
 * from an order, paid online by card (several at once) or recorded by staff / an ERP, marked
 * overdue by a scheduled job; credit memos; the account statement with ageing; invoice PDFs in the
 * buyer's language. Other modules import only this file.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import { configureInvoicing } from './invoicing.context.ts';
import { adminInvoiceRoutes, integrationInvoiceRoutes, storeInvoiceRoutes } from './invoicing.routes.ts';

export { invoices, invoiceLines, invoicePayments, creditMemos, creditMemoApplications, type CreditMemoLine, type PartySnapshot } from './invoicing.tables.ts';
export { ageing, ageingBucket, AGEING_BUCKETS, balanceDue, INVOICE_STATUSES, UNPAID_STATUSES, type AgeingBucket, type InvoiceStatus } from './domain/settlement.ts';
export type { CreditMemoView, InvoiceDetail, InvoiceLineView, InvoiceView } from './invoicing.views.ts';
export { getInvoice, invoiceShipment, issueInvoice, listInvoices, type InvoiceListQuery, type IssueInvoiceInput } from './invoices.service.ts';
export { payInvoicesByCard, recordInvoicePayment, type RecordInvoicePaymentInput } from './invoice-payments.service.ts';
export { issueCreditMemo, type IssueCreditMemoInput } from './credit-memos.service.ts';
export { markOverdueInvoices } from './overdue.service.ts';
export { accountStatement, invoiceSummary, type Statement, type StatementEntry } from './statement.service.ts';
export { invoicingEventHandlers } from './invoicing.handlers.ts';
export { INVOICING_EVENT_TYPES } from './invoicing.events.ts';
export { configureInvoicing } from './invoicing.context.ts';
export { invoicePdf, PDF_LOCALES } from './pdf/invoice-pdf.ts';

/** Store, admin and integration invoice routes; takes the seller details from config. Register after auth. */
export async function invoicingRoutes(app: FastifyInstance, deps: { config: Pick<Config, 'SELLER_NAME' | 'SELLER_ADDRESS' | 'SELLER_VAT_ID' | 'SELLER_EMAIL'> }): Promise<void> {
  configureInvoicing(deps.config);
  await app.register(storeInvoiceRoutes);
  await app.register(adminInvoiceRoutes);
  await app.register(integrationInvoiceRoutes);
}
