import { describe, expect, it } from 'vitest';
import { isId } from '../lib/ids.ts';
import { createRng } from './prng.ts';
import { gtinCheckDigit, idMaker, isValidGtin, slugify } from './ids.ts';

describe('GTIN check digits', () => {
  it.each([
    ['400638133393', 1],
    ['03600029145', 2],
    ['629104150021', 3],
    ['9638507', 4],
  ])('%s → %i', (body, digit) => {
    expect(gtinCheckDigit(body)).toBe(digit);
  });

  it('accepts real barcodes and rejects a wrong check digit or length', () => {
    expect(isValidGtin('4006381333931')).toBe(true);
    expect(isValidGtin('036000291452')).toBe(true);
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('40063813339')).toBe(false);
  });
});

describe('deterministic ids', () => {
  it('have the shape of real ids and repeat for the same seed', () => {
    const a = idMaker(createRng('x'));
    const b = idMaker(createRng('x'));
    const ids = [a('company'), a('company'), a('product')];
    expect(ids.every((id, i) => isId(i < 2 ? 'company' : 'product', id))).toBe(true);
    expect([b('company'), b('company'), b('product')]).toEqual(ids);
    expect(ids[0]! < ids[1]!).toBe(true);
  });
});

describe('slugify', () => {
  it('folds accents and punctuation into dashes', () => {
    expect(slugify('Rheinmetall Sanitär – 1/2" Ball Valve')).toBe('rheinmetall-sanitar-1-2-ball-valve');
  });
});
