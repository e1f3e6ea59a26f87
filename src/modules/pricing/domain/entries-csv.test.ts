import { describe, expect, it } from 'vitest';
import { checkEntryHeader, entryCells, formatMajor, parseMajor, parseTiers, validateEntryRow } from './entries-csv.ts';
import { percentProblem, scalePrices } from './bulk-adjust.ts';

describe('entry CSV cells', () => {
  it('reads prices in major units exactly, with at most the currency’s decimals', () => {
    expect(parseMajor('1250.50', 'PKR')).toBe(125_050);
    expect(parseMajor('0.07', 'PKR')).toBe(7);
    expect(parseMajor('12', 'PKR')).toBe(1_200);
    expect(parseMajor('1250', 'JPY')).toBe(1_250);
    expect(parseMajor('1.250', 'KWD')).toBe(1_250);
    // 0.1 + 0.2 style float surprises cannot happen: the digits are concatenated.
    expect(parseMajor('0.29', 'USD')).toBe(29);
    for (const bad of ['-1', '1,000', '1e3', '$5', '1.234', '', ' 1', '.5', '5.']) expect(typeof parseMajor(bad, 'PKR'), bad).toBe('string');
    expect(parseMajor('12.5', 'JPY')).toMatch(/JPY has 0 decimal places/);
  });

  it('writes major units with the currency’s decimals and reads them back', () => {
    for (const [minor, cur, text] of [[7, 'PKR', '0.07'], [125_050, 'PKR', '1250.50'], [0, 'USD', '0.00'], [1250, 'JPY', '1250'], [1250, 'KWD', '1.250'], [1e15, 'PKR', '10000000000000.00']] as const) {
      expect(formatMajor(minor, cur)).toBe(text);
      expect(parseMajor(text, cur)).toBe(minor);
    }
  });

  it('reads tiers as minQty:price joined by |, sorted, refusing repeats and bad pairs', () => {
    expect(parseTiers('100:9.00|10:9.50', 'PKR')).toEqual([{ minQty: 10, unitPrice: 950 }, { minQty: 100, unitPrice: 900 }]);
    expect(parseTiers('', 'PKR')).toEqual([]);
    expect(parseTiers('10:1|10:2', 'PKR')).toMatch(/two tiers start at 10/);
    expect(parseTiers('0:1', 'PKR')).toMatch(/whole number from 1/);
    expect(parseTiers('10=1', 'PKR')).toMatch(/minQty:price/);
    expect(parseTiers('10:1.001', 'PKR')).toMatch(/tier 10: PKR has 2 decimal places/);
  });

  it('validates a whole row before anything is written, naming each bad field', () => {
    const ok = validateEntryRow({ sku: ' A-1 ', unit_price: '10.00', tiers: '5:9.00', qty_min: '2', qty_max: '', qty_increment: '2' }, 2, 'PKR');
    expect(ok).toEqual({ value: { row: 2, sku: 'A-1', unitPrice: 1_000, tiers: [{ minQty: 5, unitPrice: 900 }], qtyMin: 2, qtyMax: null, qtyIncrement: 2 } });
    const bad = validateEntryRow({ sku: '', unit_price: 'x', tiers: '5', qty_min: '0', qty_max: 'many', qty_increment: '' }, 3, 'PKR');
    expect('errors' in bad && bad.errors.map((e) => e.field)).toEqual(['sku', 'unit_price', 'tiers', 'qty_min', 'qty_max']);
    const rules = validateEntryRow({ sku: 'A', unit_price: '1', qty_min: '10', qty_max: '5' }, 4, 'PKR');
    expect('errors' in rules && rules.errors).toEqual([{ field: 'qty_max', message: 'max 5 is below min 10' }]);
  });

  it('checks the header and round-trips the export cells', () => {
    expect(checkEntryHeader(['sku', 'unit_price', 'product_name'])).toBeNull();
    expect(checkEntryHeader(['sku'])).toEqual({ field: 'unit_price', message: 'missing column unit_price' });
    expect(checkEntryHeader(['sku', 'unit_price', 'price'])?.field).toBe('price');
    const cells = entryCells({ sku: 'A', productName: 'Hammer', unitPrice: 10_001, tiers: [{ minQty: 100, unitPrice: 8_000 }, { minQty: 10, unitPrice: 9_000 }], qtyMin: null, qtyMax: 50, qtyIncrement: null }, 'PKR');
    expect(cells).toEqual({ sku: 'A', unit_price: '100.01', tiers: '10:90.00|100:80.00', qty_min: '', qty_max: '50', qty_increment: '', product_name: 'Hammer' });
    expect(validateEntryRow(cells, 2, 'PKR')).toEqual({ value: { row: 2, sku: 'A', unitPrice: 10_001, tiers: [{ minQty: 10, unitPrice: 9_000 }, { minQty: 100, unitPrice: 8_000 }], qtyMin: null, qtyMax: 50, qtyIncrement: null } });
  });
});

describe('bulk change by percent', () => {
  it('scales unit and tier prices with one half-even rounding each', () => {
    expect(scalePrices({ unitPrice: 125, tiers: [{ minQty: 10, unitPrice: 135 }] }, 10, { type: 'none' })).toEqual({ unitPrice: 138, tiers: [{ minQty: 10, unitPrice: 148 }] });
    expect(scalePrices({ unitPrice: 10_000, tiers: [] }, -12, { type: 'none' }).unitPrice).toBe(8_800);
    expect(scalePrices({ unitPrice: 1_000, tiers: [] }, -3, { type: 'nearest', step: 25 }).unitPrice).toBe(975);
    expect(scalePrices({ unitPrice: 5_000, tiers: [] }, -100, { type: 'none' }).unitPrice).toBe(0);
    // Beyond 2^53 intermediate products still round exactly (BigInt path).
    expect(scalePrices({ unitPrice: 999_999_999_999_999, tiers: [] }, -0.01, { type: 'none' }).unitPrice).toBe(999_899_999_999_999);
  });

  it('refuses zero, out-of-range and three-decimal percentages', () => {
    expect(percentProblem(-12.5)).toBeNull();
    expect(percentProblem(0)).toMatch(/changes nothing/);
    expect(percentProblem(-101)).toMatch(/between/);
    expect(percentProblem(1.234)).toMatch(/two decimals/);
  });
});
