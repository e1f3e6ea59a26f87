import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandFor, optionsFor, quoteMethod, zoneCovers, type MethodRow } from './rates.ts';

const method = (over: Partial<MethodRow> = {}): MethodRow => ({
  id: 'shm_a',
  name: 'Standard',
  carrier: 'TCS',
  currency: 'PKR',
  freeThreshold: 5_000_000,
  estDaysMin: 2,
  estDaysMax: 4,
  active: true,
  position: 0,
  zones: [{ country: 'PK', region: '' }],
  bands: [
    { maxGrams: 1000, amount: 25_000 },
    { maxGrams: 10_000, amount: 60_000 },
    { maxGrams: 50_000, amount: 150_000 },
  ],
  ...over,
});
const input = (over: Partial<Parameters<typeof quoteMethod>[1]> = {}) => ({ shipTo: { country: 'PK', region: 'Sindh' }, currency: 'PKR', weightGrams: 500, subtotal: 100_000, ...over });

describe('shipping rates', () => {
  it('charges the smallest band that holds the weight, and nothing above the free threshold', () => {
    expect(quoteMethod(method(), input())).toMatchObject({ amount: 25_000, free: false });
    expect(quoteMethod(method(), input({ weightGrams: 1000 }))).toMatchObject({ amount: 25_000 });
    expect(quoteMethod(method(), input({ weightGrams: 1001 }))).toMatchObject({ amount: 60_000 });
    expect(quoteMethod(method(), input({ subtotal: 5_000_000 }))).toMatchObject({ amount: 0, free: true });
    expect(quoteMethod(method(), input({ weightGrams: 50_001 }))).toEqual({ unavailable: 'weight' });
  });

  it('offers a method only in its zone and currency', () => {
    const sindhOnly = method({ zones: [{ country: 'PK', region: 'Sindh' }] });
    expect(quoteMethod(sindhOnly, input())).toMatchObject({ id: 'shm_a' });
    expect(quoteMethod(sindhOnly, input({ shipTo: { country: 'PK', region: 'Punjab' } }))).toEqual({ unavailable: 'zone' });
    expect(quoteMethod(sindhOnly, input({ shipTo: { country: 'PK' } }))).toEqual({ unavailable: 'zone' });
    expect(quoteMethod(method(), input({ shipTo: { country: 'AE' } }))).toEqual({ unavailable: 'zone' });
    expect(quoteMethod(method(), input({ currency: 'USD' }))).toEqual({ unavailable: 'currency' });
    expect(quoteMethod(method({ active: false }), input())).toEqual({ unavailable: 'inactive' });
    expect(zoneCovers([{ country: 'PK', region: '' }], { country: 'pk' })).toBe(true);
  });

  it('lists options cheapest first', () => {
    const express = method({ id: 'shm_b', name: 'Express', freeThreshold: null, estDaysMin: 1, estDaysMax: 1, bands: [{ maxGrams: 50_000, amount: 90_000 }] });
    expect(optionsFor([express, method()], input()).map((o) => o.id)).toEqual(['shm_a', 'shm_b']);
  });

  it('picks the same band as a naive scan over sorted bands', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { maxLength: 8 }), fc.integer({ min: 0, max: 120_000 }), (maxes, w) => {
        const bands = maxes.map((m) => ({ maxGrams: m, amount: m * 3 }));
        const naive = [...bands].sort((a, b) => a.maxGrams - b.maxGrams).find((b) => w <= b.maxGrams);
        expect(bandFor(bands, w)).toEqual(naive);
      }),
    );
  });
});
