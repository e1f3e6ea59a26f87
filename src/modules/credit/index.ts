/**
 * Credit: payment terms (per company, else inherited from a customer group) and credit accounts
 * whose exposure is a ledger with the running sum on the account row. Checkout calls
 * `checkoutPolicy` and `reserveCredit`; invoicing calls `dueDate` and `releaseCredit`.
 * Other modules import only this file (or `domain/terms.ts` through `dueDate` here).
 */
export { creditAccounts, creditLedger, customerGroupPaymentTerms, type CreditRefKind, type OverLimitAction } from './credit.tables.ts';
export { dueDate, isPaymentTermsCode, PAYMENT_TERMS, PAYMENT_TERMS_LABELS, paymentTerms, type PaymentTerms, type PaymentTermsCode } from './domain/terms.ts';
export {
  checkoutPolicy,
  creditSummary,
  forceReserveCredit,
  getCreditAccount,
  getGroupTerms,
  listLedger,
  releaseCredit,
  reserveCredit,
  setGroupTerms,
  updateCreditAccount,
  type CheckoutPolicy,
  type CreditAccountInput,
  type CreditAccountView,
  type CreditRef,
  type CreditSummary,
  type LedgerEntryView,
  type ReleaseInput,
  type ReleaseResult,
  type ReserveInput,
  type ReserveResult,
} from './credit.service.ts';

