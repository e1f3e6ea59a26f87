import { describe, expect, it } from 'vitest';
import { assertCurrency, assertTimezone, normaliseEmail } from './validation.ts';

describe('account field validation', () => {
  it('accepts real currencies and refuses made-up ones naming the field', () => {
    expect(() => assertCurrency('PKR')).not.toThrow();
    expect(() => assertCurrency('KWD')).not.toThrow();
    expect(() => assertCurrency('ABC')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'currency' }));
  });

  it('accepts IANA zones and refuses others', () => {
    expect(() => assertTimezone('Asia/Karachi')).not.toThrow();
    expect(() => assertTimezone('UTC')).not.toThrow();
    expect(() => assertTimezone('Mars/Olympus')).toThrow(expect.objectContaining({ field: 'timezone' }));
  });

  it('normalises emails for case-insensitive comparison', () => {
    expect(normaliseEmail('  Ayesha@Example.PK ')).toBe('ayesha@example.pk');
  });
});
