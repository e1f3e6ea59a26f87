import { createHash, randomBytes } from 'node:crypto';
import { cardBrand, cardExpired, cvcValid, luhnValid, normaliseCardNumber } from './domain/card.ts';
import type { Authorization, AuthorizeRequest, PaymentFailure, PaymentProvider, ProviderResult } from './domain/provider.ts';

/**
 * Stripe's test cards (https://docs.stripe.com/testing): a valid number succeeds unless it is one
 * of these, which fail the way a real issuer would.
 */
const TEST_CARD_FAILURES: Readonly<Record<string, PaymentFailure>> = {
  '4000000000000002': { code: 'card_declined', message: 'Your card was declined.', field: 'number' },
  '4000000000009995': { code: 'insufficient_funds', message: 'Your card has insufficient funds.', field: 'number' },
  '4000000000009987': { code: 'card_declined', message: 'Your card was declined (lost card).', field: 'number' },
  '4000000000009979': { code: 'card_declined', message: 'Your card was declined (stolen card).', field: 'number' },
  '4000000000000069': { code: 'expired_card', message: 'Your card has expired.', field: 'expYear' },
  '4000000000000127': { code: 'incorrect_cvc', message: "Your card's security code is incorrect.", field: 'cvc' },
  '4000000000000119': { code: 'processing_error', message: 'An error occurred while processing your card. Try again in a little bit.', field: 'number' },
};

/** Stripe's test tokens, for clients that tokenise in the browser. */
const TEST_TOKENS: Readonly<Record<string, string>> = {
  tok_visa: '4242424242424242',
  tok_mastercard: '5555555555554444',
  tok_amex: '378282246310005',
  tok_chargeDeclined: '4000000000000002',
  tok_chargeDeclinedInsufficientFunds: '4000000000009995',
};

const fail = (failure: PaymentFailure) => ({ ok: false as const, failure });

/** The checks a card network would answer for: the failure, or the card number when it is good. */
function checkCard(req: AuthorizeRequest): { failure: PaymentFailure } | { number: string } {
  const { card } = req;
  if (card.token !== undefined) {
    const mapped = TEST_TOKENS[card.token];
    if (!mapped) return { failure: { code: 'incorrect_number', message: 'The card token is not known.', field: 'token' } };
    return { number: mapped };
  }
  if (!card.number) return { failure: { code: 'missing_card', message: 'Enter a card number.', field: 'number' } };
  const number = normaliseCardNumber(card.number);
  if (!luhnValid(number)) return { failure: { code: 'incorrect_number', message: 'Your card number is incorrect.', field: 'number' } };
  if (card.expMonth === undefined || card.expMonth < 1 || card.expMonth > 12) return { failure: { code: 'invalid_expiry', message: "Your card's expiration month is invalid.", field: 'expMonth' } };
  if (card.expYear === undefined) return { failure: { code: 'invalid_expiry', message: "Your card's expiration year is invalid.", field: 'expYear' } };
  if (cardExpired(card.expMonth, card.expYear, req.now)) return { failure: { code: 'expired_card', message: 'Your card has expired.', field: 'expYear' } };
  if (card.cvc === undefined || !cvcValid(card.cvc, cardBrand(number))) return { failure: { code: 'incorrect_cvc', message: "Your card's security code is invalid.", field: 'cvc' } };
  return { number };
}

interface Charge {
  readonly amount: number;
  captured: number;
  refunded: number;
}

/**
 * The built-in provider (`PAYMENT_PROVIDER=test`): validates cards like a real gateway (Luhn,
 * expiry, CVC), fails Stripe's decline test numbers, keeps authorisations and refunds in memory and
 * answers a repeated reference with the first outcome, as a real provider's idempotency keys do.
 */
export function createTestPaymentProvider(): PaymentProvider {
  const byReference = new Map<string, { fingerprint: string; result: ProviderResult<Authorization> }>();
  const charges = new Map<string, Charge>();
  const refunds = new Map<string, ProviderResult<{ refundRef: string }>>();
  const newRef = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

  return {
    name: 'test',

    async authorize(req) {
      const fingerprint = createHash('sha256').update(JSON.stringify([req.amount, req.currency, req.card.number ?? req.card.token])).digest('hex');
      const prior = byReference.get(req.reference);
      if (prior) {
        if (prior.fingerprint !== fingerprint) return fail({ code: 'processing_error', message: 'This payment reference was already used for another charge.', field: 'number' });
        return prior.result;
      }
      const checked = checkCard(req);
      let result: ProviderResult<Authorization>;
      if ('failure' in checked) result = fail(checked.failure);
      else {
        const scripted = TEST_CARD_FAILURES[checked.number];
        if (scripted) result = fail(scripted);
        else {
          const providerRef = newRef('ch');
          charges.set(providerRef, { amount: req.amount, captured: 0, refunded: 0 });
          result = { ok: true, providerRef, brand: cardBrand(checked.number), last4: checked.number.slice(-4) };
        }
      }
      byReference.set(req.reference, { fingerprint, result });
      return result;
    },

    async capture(req) {
      const charge = charges.get(req.providerRef);
      if (!charge) return fail({ code: 'processing_error', message: 'No such authorisation.', field: 'number' });
      if (charge.captured > 0) return { ok: true, providerRef: req.providerRef }; // a repeated capture is the same capture
      if (req.amount > charge.amount) return fail({ code: 'processing_error', message: 'Cannot capture more than was authorised.', field: 'number' });
      charge.captured = req.amount;
      return { ok: true, providerRef: req.providerRef };
    },

    async refund(req) {
      const prior = refunds.get(req.reference);
      if (prior) return prior;
      const charge = charges.get(req.providerRef);
      let result: ProviderResult<{ refundRef: string }>;
      // A charge from before a restart is not in memory; the service has checked what is left of it.
      if (!charge) result = /^ch_test_[0-9a-f]{24}$/.test(req.providerRef) ? { ok: true, refundRef: newRef('re') } : fail({ code: 'processing_error', message: 'No such charge.', field: 'number' });
      else if (charge.refunded + req.amount > charge.captured) result = fail({ code: 'processing_error', message: 'The refund is more than what is left of the charge.', field: 'number' });
      else {
        charge.refunded += req.amount;
        result = { ok: true, refundRef: newRef('re') };
      }
      refunds.set(req.reference, result);
      return result;
    },
  };
}
