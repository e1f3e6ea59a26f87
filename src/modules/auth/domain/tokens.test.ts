import { describe, expect, it } from 'vitest';
import { looksLikeApiKey, newApiKey, randomToken, safeEqual, sha256, SCOPE_PATTERN } from './tokens.ts';

describe('secrets', () => {
  it('makes distinct URL-safe tokens', () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
  });

  it('stores API keys as a hash with a short visible prefix', () => {
    const k = newApiKey();
    expect(looksLikeApiKey(k.key)).toBe(true);
    expect(k.hash).toBe(sha256(k.key));
    expect(k.hash).not.toContain(k.key.slice(8));
    expect(k.prefix).toBe(k.key.slice(0, 14));
    expect(looksLikeApiKey('pk_live_short')).toBe(false);
    expect(looksLikeApiKey(`pk_test_${k.key.slice(8)}`)).toBe(false);
  });

  it('compares secrets of any length safely', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });

  it.each([
    ['catalog:read', true],
    ['inventory:write', true],
    ['companies:delete', false],
    ['Catalog:read', false],
    ['catalog', false],
  ])('scope %s is well-formed: %s', (scope, ok) => {
    expect(new RegExp(SCOPE_PATTERN).test(scope)).toBe(ok);
  });
});
