import { describe, expect, it } from 'vitest';
import { formatMajor, formatTiers, parseMajor, parseTiers } from '../../web/admin/price-list-money.ts';

/** The admin grid reads typed prices and tiers exactly as the CSV import does (major units, strict). */
describe('admin grid money input', () => {
  it('reads amounts in major units with at most the currency’s decimals, exactly', () => {
    expect(parseMajor('1250.50', 'PKR')).toBe(125_050);
    expect(parseMajor('0.07', 'PKR')).toBe(7);
    expect(parseMajor('12', 'PKR')).toBe(1_200);
    expect(parseMajor('1250', 'JPY')).toBe(1_250);
    expect(parseMajor('1.250', 'KWD')).toBe(1_250);
    expect(parseMajor('0.29', 'USD')).toBe(29);
    for (const bad of ['1,000', '-1', '1e3', '$5', '', '.5']) expect(typeof parseMajor(bad, 'PKR'), bad).toBe('string');
    expect(parseMajor('12.5', 'JPY')).toMatch(/JPY has 0 decimal places/);
    for (const [minor, cur, text] of [[7, 'PKR', '0.07'], [125_050, 'PKR', '1250.50'], [1250, 'JPY', '1250'], [1250, 'KWD', '1.250']] as const) {
      expect(formatMajor(minor, cur)).toBe(text);
      expect(parseMajor(text, cur)).toBe(minor);
    }
  });

  it('reads and writes tiers in the CSV notation', () => {
    expect(parseTiers('100:9.00|10:9.50', 'PKR')).toEqual([{ minQty: 10, unitPrice: 950 }, { minQty: 100, unitPrice: 900 }]);
    expect(formatTiers([{ minQty: 100, unitPrice: 900 }, { minQty: 10, unitPrice: 950 }], 'PKR')).toBe('10:9.50|100:9.00');
    expect(parseTiers('', 'PKR')).toEqual([]);
    expect(parseTiers('10:1|10:2', 'PKR')).toMatch(/two tiers/);
    expect(parseTiers('ten:1', 'PKR')).toMatch(/quantity:price/);
  });
});
