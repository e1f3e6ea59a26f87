import { formatCountry } from './format.ts';

/** Countries and currencies offered in forms; names come from Intl in the reader's language. */
const COUNTRIES = ['AE', 'AT', 'AU', 'BD', 'BE', 'BR', 'CA', 'CH', 'CN', 'CZ', 'DE', 'DK', 'EG', 'ES', 'FI', 'FR', 'GB', 'IE', 'IN', 'IT', 'JP', 'KE', 'KW', 'MA', 'MX', 'NG', 'NL', 'NO', 'NZ', 'PK', 'PL', 'PT', 'QA', 'SA', 'SE', 'SG', 'TR', 'US', 'ZA'];
const CURRENCIES = ['AED', 'AUD', 'BDT', 'BRL', 'CAD', 'CHF', 'CNY', 'CZK', 'DKK', 'EGP', 'EUR', 'GBP', 'INR', 'JPY', 'KES', 'KWD', 'MAD', 'MXN', 'NGN', 'NOK', 'NZD', 'PKR', 'PLN', 'QAR', 'SAR', 'SEK', 'SGD', 'TRY', 'USD', 'ZAR'];

export function countryOptions(locale: string): { value: string; label: string }[] {
  return COUNTRIES.map((c) => ({ value: c, label: `${formatCountry(c, locale)} (${c})` })).sort((a, b) => a.label.localeCompare(b.label, locale));
}

export function currencyOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  return CURRENCIES.map((c) => ({ value: c, label: `${c} — ${names.of(c) ?? c}` }));
}
