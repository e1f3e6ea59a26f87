import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { AppError, notFound, type ErrorCode } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Money } from '../../lib/money.ts';
import type { CardDetails, PaymentFailure, PaymentProvider } from './domain/provider.ts';
import { addRefund, findPayment, findPaymentByReference, insertPayment, refundsOf, type PaymentRow } from './payments.repo.ts';
import type { PaymentMethod, PaymentStatus, PaysKind } from './payments.tables.ts';
import { createTestPaymentProvider } from './test-provider.ts';

/** The provider name of payments recorded by staff or an ERP (money that did not pass through a provider). */
export const MANUAL_PROVIDER = 'manual';

/** A payment as other modules and the API see it. */
export interface Payment {
  readonly id: string;
  readonly companyId: string | null;
  readonly provider: string;
  readonly providerRef: string | null;
  readonly reference: string;
  readonly method: PaymentMethod;
  readonly status: PaymentStatus;
  readonly pays: { readonly kind: PaysKind; readonly id: string | null };
  readonly amount: Money;
  readonly refunded: Money;
  readonly card: { readonly brand: string; readonly last4: string } | null;
  readonly externalRef: string | null;
  readonly note: string | null;
  readonly receivedAt: string;
}

export function toPayment(r: PaymentRow): Payment {
  return {
    id: r.id,
    companyId: r.companyId,
    provider: r.provider,
    providerRef: r.providerRef,
    reference: r.reference,
    method: r.method,
    status: r.status,
    pays: { kind: r.paysKind, id: r.paysId },
    amount: { amount: r.amount, currency: r.currency },
    refunded: { amount: r.amountRefunded, currency: r.currency },
    card: r.cardBrand && r.cardLast4 ? { brand: r.cardBrand, last4: r.cardLast4 } : null,
    externalRef: r.externalRef,
    note: r.note,
    receivedAt: r.receivedAt.toISOString(),
  };
}

// The provider is chosen once at start-up from PAYMENT_PROVIDER (see paymentsRoutes).
let activeProvider: PaymentProvider = createTestPaymentProvider();

/** Installs the card payment provider (the composition root does this from config; tests may pass their own). */
export function usePaymentProvider(provider: PaymentProvider): void {
  activeProvider = provider;
}

/** The provider card payments go through now. */
export function paymentProvider(): PaymentProvider {
  return activeProvider;
}

const FAILURE_CODES: Record<PaymentFailure['code'], ErrorCode> = {
  card_declined: 'CARD_DECLINED',
  processing_error: 'CARD_DECLINED',
  insufficient_funds: 'INSUFFICIENT_FUNDS',
  expired_card: 'CARD_INVALID',
  incorrect_number: 'CARD_INVALID',
  incorrect_cvc: 'CARD_INVALID',
  invalid_expiry: 'CARD_INVALID',
  missing_card: 'CARD_INVALID',
};

/** A refused card as problem+json: 402 for a decline, 422 for details to correct, naming the card field. */
function cardProblem(failure: PaymentFailure, fieldPrefix: string): AppError {
  return new AppError(FAILURE_CODES[failure.code], failure.message, `${fieldPrefix}.${failure.field}`, { declineCode: failure.code });
}

export interface ChargeCardInput {
  readonly amount: number;
  readonly currency: string;
  readonly card: CardDetails;
  /** What the money pays: an order (checkout) or invoices (allocations are the invoicing module's). */
  readonly ref: { readonly kind: PaysKind; readonly id?: string | undefined };
  readonly companyId?: string | undefined;
  /** The idempotency reference sent to the provider; defaults to `<kind>:<id>`. */
  readonly reference?: string | undefined;
  /** Where the card sits in the request body, for error fields (default `card`). */
  readonly field?: string | undefined;
}

/**
 * Authorises and captures a card payment through the configured provider and records it. The same
 * reference charged again returns the first payment (no second charge); a refused card throws a
 * 402/422 problem naming the card field. Joins the caller's transaction.
 */
export async function chargeCard(ctx: Ctx, input: ChargeCardInput): Promise<Payment> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw new AppError('VALIDATION_FAILED', 'A card payment must be a positive amount', 'amount');
  const reference = input.reference ?? (input.ref.id ? `${input.ref.kind}:${input.ref.id}` : undefined);
  if (!reference) throw new Error('chargeCard needs ref.id or a reference');
  const provider = activeProvider;
  const field = input.field ?? 'card';
  return inTx(ctx, async (tx) => {
    const prior = await findPaymentByReference(tx.db, provider.name, reference);
    if (prior) {
      if (prior.amount !== input.amount || prior.currency !== input.currency) throw new AppError('CONFLICT', 'This payment reference was already used for another amount', 'reference');
      return toPayment(prior);
    }
    const now = ctx.clock.now();
    const auth = await provider.authorize({ reference, amount: input.amount, currency: input.currency, card: input.card, now });
    if (!auth.ok) {
      ctx.log.info({ reference, declineCode: auth.failure.code }, 'card payment refused');
      throw cardProblem(auth.failure, field);
    }
    const captured = await provider.capture({ reference, providerRef: auth.providerRef, amount: input.amount });
    if (!captured.ok) throw cardProblem(captured.failure, field);
    const { row } = await insertPayment(tx.db, {
      id: newId('payment', now.getTime()),
      companyId: input.companyId ?? null,
      provider: provider.name,
      reference,
      providerRef: captured.providerRef,
      method: 'card',
      status: 'captured',
      paysKind: input.ref.kind,
      paysId: input.ref.id ?? null,
      amount: input.amount,
      currency: input.currency,
      cardBrand: auth.brand,
      cardLast4: auth.last4,
      receivedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    return toPayment(row);
  });
}

export interface RecordPaymentInput {
  readonly companyId: string;
  readonly amount: number;
  readonly currency: string;
  readonly method: Exclude<PaymentMethod, 'card'> | 'card';
  readonly ref: { readonly kind: PaysKind; readonly id?: string | undefined };
  /** The sender's reference (ERP document number, bank transfer reference); makes the call idempotent. */
  readonly externalRef?: string | undefined;
  readonly note?: string | undefined;
  readonly receivedAt?: Date | undefined;
}

/**
 * Records money received outside the provider (bank transfer, cheque, cash, a card taken on a
 * terminal). With an external reference it is idempotent: the same reference returns the first
 * payment and `created: false`.
 */
export async function recordPayment(ctx: Ctx, input: RecordPaymentInput): Promise<{ payment: Payment; created: boolean }> {
  const now = ctx.clock.now();
  const id = newId('payment', now.getTime());
  const reference = input.externalRef !== undefined ? `ext:${input.externalRef}` : id;
  return inTx(ctx, async (tx) => {
    const { row, created } = await insertPayment(tx.db, {
      id,
      companyId: input.companyId,
      provider: MANUAL_PROVIDER,
      reference,
      providerRef: null,
      method: input.method,
      status: 'captured',
      paysKind: input.ref.kind,
      paysId: input.ref.id ?? null,
      amount: input.amount,
      currency: input.currency,
      externalRef: input.externalRef ?? null,
      note: input.note ?? null,
      receivedAt: input.receivedAt ?? now,
      createdAt: now,
      updatedAt: now,
    });
    if (!created && (row.amount !== input.amount || row.currency !== input.currency || row.companyId !== input.companyId))
      throw new AppError('CONFLICT', `External reference ${input.externalRef ?? ''} was already recorded with another amount or company`, 'externalRef');
    return { payment: toPayment(row), created };
  });
}

/** One payment by id (staff and system callers; buyers see payments through their invoices). */
export async function getPayment(ctx: Ctx, paymentId: string): Promise<Payment & { refunds: { id: string; amount: Money; reason: string | null; at: string }[] }> {
  const row = await findPayment(ctx.db, paymentId);
  if (!row) throw notFound('Payment', 'paymentId');
  const refunds = await refundsOf(ctx.db, paymentId);
  return { ...toPayment(row), refunds: refunds.map((r) => ({ id: r.id, amount: { amount: r.amount, currency: row.currency }, reason: r.reason, at: r.createdAt.toISOString() })) };
}

/**
 * Gives `amount` of a payment back: through the provider for card payments (idempotent per
 * payment and running refunded total), recorded only for manual ones. Never more than is left.
 */
export async function refundPayment(ctx: Ctx, paymentId: string, amount: number, reason?: string): Promise<Payment> {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new AppError('VALIDATION_FAILED', 'A refund must be a positive amount', 'amount');
  return inTx(ctx, async (tx) => {
    const row = await findPayment(tx.db, paymentId, { forUpdate: true });
    if (!row) throw notFound('Payment', 'paymentId');
    const left = row.amount - row.amountRefunded;
    if (amount > left) throw new AppError('REFUND_EXCEEDS_PAYMENT', `At most ${left} minor units of this payment can be refunded`, 'amount', { refundable: { amount: left, currency: row.currency } });
    let providerRef: string | null = null;
    if (row.provider !== MANUAL_PROVIDER) {
      if (row.provider !== activeProvider.name || !row.providerRef) throw new AppError('CONFLICT', `This payment went through ${row.provider}, which is not the configured provider`, 'paymentId');
      const refunded = await activeProvider.refund({ reference: `refund:${row.id}:${row.amountRefunded}:${amount}`, providerRef: row.providerRef, amount });
      if (!refunded.ok) throw new AppError('CARD_DECLINED', refunded.failure.message, 'paymentId', { declineCode: refunded.failure.code });
      providerRef = refunded.refundRef;
    }
    const now = ctx.clock.now();
    const updated = await addRefund(tx.db, row.id, { id: newId('paymentRefund', now.getTime()), amount, providerRef, reason: reason ?? null, at: now });
    return toPayment(updated);
  });
}
