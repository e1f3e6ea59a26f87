import { describe, expect, it } from 'vitest';
import { checkHeader, formatAttributes, parseAttributes, validateInventoryRow, validateProductRow } from './csv-rows.ts';

describe('attribute cells', () => {
  it.each([
    ['', {}],
    ['size=16oz', { size: '16oz' }],
    ['size=16oz;colour=red', { size: '16oz', colour: 'red' }],
    [' size = 16oz ; ', { size: '16oz' }],
    ['ratio=1=2', { ratio: '1=2' }],
    ['note=a\\;b;x=\\\\', { note: 'a;b', x: '\\' }],
  ])('parses %j', (cell, value) => expect(parseAttributes(cell)).toEqual({ value }));

  it.each([['colour'], ['=red'], ['a:b=c'], [`k=${'v'.repeat(201)}`]])('refuses %j', (cell) => {
    expect(parseAttributes(cell)).toHaveProperty('error');
  });

  it.each([
    [{}, ''],
    [{ b: '2', a: '1' }, 'a=1;b=2'],
    [{ note: 'a;b\\c' }, 'note=a\\;b\\\\c'],
  ])('formats %j as %j and parses it back', (attrs, cell) => {
    expect(formatAttributes(attrs)).toBe(cell);
    expect(parseAttributes(cell)).toEqual({ value: attrs });
  });
});

describe('validateProductRow', () => {
  const good = { product_slug: 'claw-hammer', product_name: 'Claw Hammer', sku: 'HAM-1', pack_size: '6', weight_grams: '500', attributes: 'size=16oz', image_urls: 'https://x.test/a.jpg|https://x.test/b.jpg', status: 'active' };

  it('accepts a full row with defaults for empty cells', () => {
    const r = validateProductRow(good, 2);
    expect(r).toEqual({
      value: expect.objectContaining({
        row: 2,
        productSlug: 'claw-hammer',
        status: 'active',
        images: ['https://x.test/a.jpg', 'https://x.test/b.jpg'],
        variant: { sku: 'HAM-1', gtin: null, name: '', uom: 'each', packSize: 6, weightGrams: 500, taxClass: 'standard', attributes: { size: '16oz' } },
      }),
    });
  });

  it('accepts a product-only row (no SKU)', () => {
    expect(validateProductRow({ product_slug: 'p', product_name: 'P' }, 3)).toEqual({ value: expect.objectContaining({ variant: null, images: undefined }) });
  });

  it.each([
    [{ product_slug: 'Bad Slug' }, 'product_slug'],
    [{ product_name: '' }, 'product_name'],
    [{ sku: 'has space' }, 'sku'],
    [{ gtin: '123' }, 'gtin'],
    [{ pack_size: '0' }, 'pack_size'],
    [{ pack_size: '1.5' }, 'pack_size'],
    [{ weight_grams: '-1' }, 'weight_grams'],
    [{ status: 'live' }, 'status'],
    [{ attributes: 'nokey' }, 'attributes'],
    [{ image_urls: 'ftp://x' }, 'image_urls'],
    [{ category_slug: 'Not A Slug' }, 'category_slug'],
    [{ sku: '', gtin: '12345678' }, 'sku'],
  ])('reports %j on field %s', (patch, field) => {
    const r = validateProductRow({ ...good, ...patch }, 5);
    expect(r).toHaveProperty('errors');
    expect('errors' in r && r.errors.map((e) => e.field)).toEqual([field]);
  });
});

describe('validateInventoryRow', () => {
  it.each([
    [{ sku: 'A-1', warehouse_code: 'MAIN', on_hand: '5' }, null],
    [{ sku: '', warehouse_code: 'MAIN', on_hand: '5' }, ['sku']],
    [{ sku: 'A-1', warehouse_code: 'M M', on_hand: '5' }, ['warehouse_code']],
    [{ sku: 'A-1', warehouse_code: 'MAIN', on_hand: '-5' }, ['on_hand']],
    [{ sku: 'A-1', warehouse_code: 'MAIN', on_hand: '' }, ['on_hand']],
  ])('%j', (rec, fields) => {
    const r = validateInventoryRow(rec, 2);
    if (fields === null) expect(r).toEqual({ value: { row: 2, sku: 'A-1', warehouseCode: 'MAIN', onHand: 5 } });
    else expect('errors' in r && r.errors.map((e) => e.field)).toEqual(fields);
  });
});

describe('checkHeader', () => {
  const known = ['a', 'b', 'c'];
  it.each([
    [['a', 'b'], null],
    [['a', 'b', 'x'], 'x'],
    [['b'], 'a'],
    [['a', 'b', 'a'], 'a'],
  ])('%j → problem on %s', (header, field) => {
    const p = checkHeader(header, known, ['a', 'b']);
    expect(p?.field ?? null).toBe(field);
  });
});
