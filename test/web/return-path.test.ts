import { describe, expect, it } from 'vitest';
import { AFTER_SIGN_IN, safeReturnPath } from '../../web/storefront/return-path.ts';

const ORIGIN = 'https://shop.precis.example';

describe('where a buyer goes after signing in', () => {
  it('lands on the account dashboard when no page sent them', () => {
    expect(AFTER_SIGN_IN).toBe('/account');
    expect(safeReturnPath(null, ORIGIN)).toBe('/account');
    expect(safeReturnPath('', ORIGIN)).toBe('/account');
  });

  it('returns to the page that sent them, with its query and hash', () => {
    expect(safeReturnPath('/account/orders/ord_1', ORIGIN)).toBe('/account/orders/ord_1');
    expect(safeReturnPath('/search?q=hammer&brand=Stanley#results', ORIGIN)).toBe('/search?q=hammer&brand=Stanley#results');
    expect(safeReturnPath('/', ORIGIN)).toBe('/');
  });

  it('never leaves the site: absolute, protocol-relative and backslash URLs are ignored', () => {
    for (const evil of ['https://evil.example/', 'http://evil.example', '//evil.example/', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', '/\t/evil.example', '/\n/evil.example', 'evil.example/x', ' /account']) {
      expect(safeReturnPath(evil, ORIGIN), evil).toBe('/account');
    }
  });

  it('does not loop back to the sign-in page', () => {
    expect(safeReturnPath('/sign-in?next=%2Fcart', ORIGIN)).toBe('/account');
  });
});
