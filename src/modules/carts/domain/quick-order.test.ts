import { describe, expect, it } from 'vitest';
import { mergeEntries, parseCsv, parsePasted } from './quick-order.ts';

describe('quick-order input', () => {
  it('reads SKU and quantity separated by tabs, commas, semicolons or spaces, skipping blanks and a header', () => {
    const p = parsePasted('sku\tquantity\nABC-1\t5\n\n  abc-2, 10\nX-9;3\nY-1   7 extra\nZ-2\n');
    expect(p.entries).toEqual([
      { lineNo: 2, sku: 'ABC-1', quantity: 5 },
      { lineNo: 4, sku: 'abc-2', quantity: 10 },
      { lineNo: 5, sku: 'X-9', quantity: 3 },
      { lineNo: 6, sku: 'Y-1', quantity: 7 },
      { lineNo: 7, sku: 'Z-2', quantity: 1 },
    ]);
    expect(p.errors).toEqual([]);
    expect(p.lineCount).toBe(5);
  });

  it('reports quantities that are not whole numbers from 1 to 1,000,000, with the line number', () => {
    const p = parsePasted('A 0\nB -2\nC 1.5\nD lots\nE 1000001\nF 1000000\r\nG 2');
    expect(p.errors.map((e) => [e.lineNo, e.sku, e.code])).toEqual([
      [1, 'A', 'QUANTITY_INVALID'], [2, 'B', 'QUANTITY_INVALID'], [3, 'C', 'QUANTITY_INVALID'], [4, 'D', 'QUANTITY_INVALID'], [5, 'E', 'QUANTITY_INVALID'],
    ]);
    expect(p.errors[3]!.message).toBe('"lots" is not a quantity (a whole number from 1 to 1,000,000)');
    expect(p.entries).toEqual([{ lineNo: 6, sku: 'F', quantity: 1_000_000 }, { lineNo: 7, sku: 'G', quantity: 2 }]);
  });

  it('reads a CSV file by its header, in any column order and case, with quoted fields and a BOM', () => {
    const p = parseCsv('\uFEFFQuantity,note,SKU\n3,"a, b",ABC-1\n"12",,abc-2\n\nx,,C-3\n');
    expect('error' in p).toBe(false);
    if ('error' in p) return;
    expect(p.entries).toEqual([{ lineNo: 2, sku: 'ABC-1', quantity: 3 }, { lineNo: 3, sku: 'abc-2', quantity: 12 }]);
    expect(p.errors.map((e) => [e.lineNo, e.code])).toEqual([[5, 'QUANTITY_INVALID']]);
  });

  it('refuses a CSV file without sku and quantity columns, or one that cannot be read', () => {
    expect(parseCsv('code,amount\nA,1\n')).toEqual({ error: 'The first row must name the columns sku and quantity' });
    expect('error' in parseCsv('sku,quantity\n"A,1\n')).toBe(true);
  });

  it('merges the same SKU case-insensitively, adding quantities, in order of first appearance', () => {
    expect(mergeEntries([
      { lineNo: 1, sku: 'A-1', quantity: 2 }, { lineNo: 2, sku: 'B', quantity: 1 }, { lineNo: 3, sku: 'a-1', quantity: 5 }, { lineNo: 4, sku: 'B', quantity: 999_999 },
    ])).toEqual([
      { sku: 'A-1', quantity: 7, lineNos: [1, 3] },
      { sku: 'B', quantity: 1_000_000, lineNos: [2, 4] },
    ]);
  });
});
