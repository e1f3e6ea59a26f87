import { AppError } from '../../../lib/errors.ts';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const TIMEZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']);

/** ISO 4217 codes known to ICU; refuses lookalikes such as `ABC`. */
export function assertCurrency(value: string, field = 'currency'): void {
  if (!CURRENCIES.has(value)) throw new AppError('VALIDATION_FAILED', `${value} is not an ISO 4217 currency`, field);
}

/** IANA time zone names known to ICU. */
export function assertTimezone(value: string, field = 'timezone'): void {
  if (!TIMEZONES.has(value)) throw new AppError('VALIDATION_FAILED', `${value} is not an IANA time zone`, field);
}

/** Emails compare case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
