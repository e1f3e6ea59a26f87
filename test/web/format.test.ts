import { describe, expect, it } from 'vitest';
import { currencyDigits, formatCountry, formatDate, formatMoney, formatNumber } from '../../web/ui/format.ts';

describe('web formatting helpers', () => {
  it('formats money from minor units with the currency’s own decimals', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    expect(formatMoney({ amount: 123456, currency: 'USD' }, 'en')).toBe('$1,234.56');
    expect(formatMoney({ amount: 1500, currency: 'JPY' }, 'en')).toBe('¥1,500');
    expect(formatMoney({ amount: 1500, currency: 'KWD' }, 'en')).toMatch(/^KWD\s1\.500$/);
  });

  it('writes numbers the way each language does', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, 'bn')).toBe(new Intl.NumberFormat('bn').format(1234567));
    expect(formatNumber(1234567, 'bn')).toMatch(/[০-৯]/); // Bengali digits
    expect(formatMoney({ amount: 250000, currency: 'PKR' }, 'ur')).toBe(new Intl.NumberFormat('ur', { style: 'currency', currency: 'PKR', minimumFractionDigits: 2 }).format(2500)); // paisa, not rupees
  });

  it('formats dates in the locale and tolerates bad input', () => {
    expect(formatDate('2026-03-01T12:00:00Z', 'en', { dateStyle: 'long', timeZone: 'UTC' })).toBe('March 1, 2026');
    expect(formatDate('2026-03-01T12:00:00Z', 'ar', { dateStyle: 'long', timeZone: 'UTC' })).toContain('مارس');
    expect(formatDate('not a date', 'en')).toBe('');
  });

  it('names countries in the reader’s language', () => {
    expect(formatCountry('PK', 'en')).toBe('Pakistan');
    expect(formatCountry('PK', 'ar')).toBe('باكستان');
    expect(formatCountry(null, 'en')).toBe('');
  });
});
