import { describe, expect, it } from 'vitest';
import { cardBrand, cardExpired, cvcValid, luhnValid, normaliseCardNumber } from './card.ts';

describe('card checks', () => {
  it('accepts the test card numbers and rejects a mistyped digit', () => {
    expect(luhnValid(normaliseCardNumber('4242 4242 4242 4242'))).toBe(true);
    expect(luhnValid('4000000000000002')).toBe(true);
    expect(luhnValid('5555555555554444')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(luhnValid('42424242')).toBe(false);
    expect(luhnValid('4242-4242-4242-4242')).toBe(false);
  });

  it('names the brand from the number', () => {
    expect(cardBrand('4242424242424242')).toBe('visa');
    expect(cardBrand('5555555555554444')).toBe('mastercard');
    expect(cardBrand('2223003122003222')).toBe('mastercard');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('6011111111111117')).toBe('discover');
  });

  it('keeps a card valid through the last day of its expiry month', () => {
    expect(cardExpired(11, 2026, new Date('2026-11-30T23:59:59Z'))).toBe(false);
    expect(cardExpired(11, 2026, new Date('2026-12-01T00:00:00Z'))).toBe(true);
    expect(cardExpired(12, 26, new Date('2026-12-31T12:00:00Z'))).toBe(false);
    expect(cardExpired(1, 2025, new Date('2026-01-01T00:00:00Z'))).toBe(true);
  });

  it('wants four CVC digits for Amex and three for the others', () => {
    expect(cvcValid('123', 'visa')).toBe(true);
    expect(cvcValid('1234', 'visa')).toBe(false);
    expect(cvcValid('1234', 'amex')).toBe(true);
    expect(cvcValid('12a', 'mastercard')).toBe(false);
  });
});
