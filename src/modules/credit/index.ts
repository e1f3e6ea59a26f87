/**
 * Credit: payment terms (per company, else inherited from a customer group) and credit accounts
 * whose exposure is a ledger with the running sum on the account row. Checkout calls
 * `checkoutPolicy` and `reserveCredit`; invoicing calls `dueDate` and `releaseCredit`.
 * Other modules import only this file (or `domain/terms.ts` through `dueDate` here).
 */
import type { FastifyInstance } from 'fastify';
import { creditAdminRoutes, creditStoreRoutes } from './credit.routes.ts';
export { creditAccounts, creditLedger, customerGroupPaymentTerms, type CreditRefKind, type OverLimitAction } from './credit.tables.ts';
export { dueDate, isPaymentTermsCode, PAYMENT_TERMS, PAYMENT_TERMS_LABELS, paymentTerms, type PaymentTerms, type PaymentTermsCode } from './domain/terms.ts';
export {
  checkoutCreditRead,
  checkoutPolicy,
  creditSummary,
  forceReserveCredit,
  getCreditAccount,
  getGroupTerms,
  listLedger,
  releaseCredit,
  reserveCredit,
  reserveCreditWrites,
  reserveLockedCreditWrites,
  setGroupTerms,
  storeCredit,
  updateCreditAccount,
  type CheckoutCredit,
  type CheckoutPolicy,
  type LockedCreditAccount,
  type CreditAccountInput,
  type CreditAccountView,
  type CreditRef,
  type CreditSummary,
  type LedgerEntryView,
  type ReleaseInput,
  type ReleaseResult,
  type ReserveInput,
  type ReserveResult,
  type StoreCreditView,
} from './credit.service.ts';

export { creditAdminRoutes, creditStoreRoutes } from './credit.routes.ts';

/** The credit module's admin and store routes; register after auth. */
export async function creditRoutes(app: FastifyInstance): Promise<void> {
  await app.register(creditAdminRoutes);
  await app.register(creditStoreRoutes);
}
