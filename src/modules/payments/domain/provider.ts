/**
 * The seam between Precis and a card payment provider (Stripe, Adyen, a bank gateway…). Every call
 * carries our `reference`: a provider must treat a repeated reference as the same operation and
 * answer with the first outcome (Stripe's idempotency keys), so a retry after a timeout never
 * charges twice.
 */

/** What the buyer typed (or a token from the provider's card form). */
export interface CardDetails {
  readonly number?: string | undefined;
  readonly token?: string | undefined;
  readonly expMonth?: number | undefined;
  readonly expYear?: number | undefined;
  readonly cvc?: string | undefined;
  readonly name?: string | undefined;
}

/** Why a card was refused, in the provider-neutral vocabulary Stripe popularised. */
export type FailureCode = 'card_declined' | 'insufficient_funds' | 'expired_card' | 'incorrect_number' | 'incorrect_cvc' | 'invalid_expiry' | 'processing_error' | 'missing_card';

export interface PaymentFailure {
  readonly code: FailureCode;
  readonly message: string;
  /** The card field at fault, for the form to highlight. */
  readonly field: keyof CardDetails;
}

export type ProviderResult<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly failure: PaymentFailure };

export interface AuthorizeRequest {
  readonly reference: string;
  readonly amount: number;
  readonly currency: string;
  readonly card: CardDetails;
  /** The application's clock, for the expiry check. */
  readonly now: Date;
}

export interface Authorization {
  readonly providerRef: string;
  readonly brand: string;
  readonly last4: string;
}

export interface PaymentProvider {
  /** Stored on each payment row ('test', 'stripe'…). */
  readonly name: string;
  /** Holds `amount` on the card; nothing is taken until capture. */
  authorize(req: AuthorizeRequest): Promise<ProviderResult<Authorization>>;
  /** Takes (up to) the authorised amount. */
  capture(req: { readonly reference: string; readonly providerRef: string; readonly amount: number }): Promise<ProviderResult<{ readonly providerRef: string }>>;
  /** Gives `amount` of a captured charge back; `reference` identifies this refund. */
  refund(req: { readonly reference: string; readonly providerRef: string; readonly amount: number }): Promise<ProviderResult<{ readonly refundRef: string }>>;
}
