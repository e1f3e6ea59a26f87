/**
 * The credit arithmetic, pure: what a reservation or a release does to an account's exposure.
 * The service applies it to the locked account row; the property tests check it against a model.
 */

export interface CreditState {
  /** null = no limit set: nothing can be reserved except by force. */
  readonly limit: number | null;
  readonly exposure: number;
}

/** limit − exposure (negative after a forced reservation past the limit); null without a limit. */
export function available(s: CreditState): number | null {
  return s.limit === null ? null : s.limit - s.exposure;
}

export type ReserveDecision = { ok: true; exposure: number; available: number } | { ok: false; available: number };

/** A reservation succeeds only when it fits in what is available (a limit of null fits nothing). */
export function decideReserve(s: CreditState, amount: number): ReserveDecision {
  const avail = available(s) ?? 0;
  if (s.limit === null || amount > avail) return { ok: false, available: avail };
  return { ok: true, exposure: s.exposure + amount, available: avail - amount };
}

/** A release frees at most the current exposure (it never goes below 0); returns the amount freed. */
export function decideRelease(s: CreditState, amount: number): { freed: number; exposure: number } {
  const freed = Math.min(amount, s.exposure);
  return { freed, exposure: s.exposure - freed };
}
