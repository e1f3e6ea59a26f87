import fc from 'fast-check';
import fjs from 'fast-json-stringify';
import { Type } from 'typebox';
import { describe, expect, test } from 'vitest';
import { fastResponseSchema } from './serializer.ts';

const Money = Type.Object({ amount: Type.Integer(), currency: Type.String() });
/** The shapes response schemas use: nullable objects and scalars, literal unions, nesting, arrays. */
const Card = Type.Object({
  id: Type.String(),
  price: Type.Union([
    Type.Object({
      unit: Money,
      base: Type.Union([Money, Type.Null()]),
      kind: Type.Union([Type.Literal('contract'), Type.Literal('list'), Type.Literal('base')]),
      tierMinQty: Type.Union([Type.Integer(), Type.Null()]),
      tiers: Type.Array(Type.Object({ minQty: Type.Integer(), unit: Money })),
    }),
    Type.Null(),
  ]),
  note: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  either: Type.Union([Type.String(), Type.Integer()]),
});
const Page = Type.Object({ items: Type.Array(Card), nextCursor: Type.Union([Type.String(), Type.Null()]) });

const money = fc.record({ amount: fc.integer(), currency: fc.constantFrom('USD', 'PKR', 'BDT') });
const card = fc.record(
  {
    id: fc.string(),
    price: fc.option(
      fc.record({
        unit: money,
        base: fc.option(money, { nil: null }),
        kind: fc.constantFrom('contract', 'list', 'base'),
        tierMinQty: fc.option(fc.integer({ min: 1 }), { nil: null }),
        tiers: fc.array(fc.record({ minQty: fc.integer({ min: 1 }), unit: money }), { maxLength: 3 }),
      }),
      { nil: null },
    ),
    note: fc.option(fc.string(), { nil: null }),
    either: fc.oneof(fc.string(), fc.integer()),
  },
  { requiredKeys: ['id', 'price', 'either'] },
);

describe('response schemas rewritten for the serialiser', () => {
  test('serialise any valid value exactly as the schema as written does', () => {
    const slow = fjs(Page as never);
    const fast = fjs(fastResponseSchema(Page) as never);
    fc.assert(
      fc.property(fc.record({ items: fc.array(card, { maxLength: 6 }), nextCursor: fc.option(fc.string(), { nil: null }) }), (page) => {
        expect(fast(page)).toBe(slow(page));
        expect(JSON.parse(fast(page))).toEqual(page);
      }),
    );
  });

  test('still drop properties the schema does not declare (no internal field leaks)', () => {
    const fast = fjs(fastResponseSchema(Page) as never);
    const out = JSON.parse(fast({ items: [{ id: 'a', price: null, either: 1, secret: 'x' }], nextCursor: null, internal: true }));
    expect(out).toEqual({ items: [{ id: 'a', price: null, either: 1 }], nextCursor: null });
  });

  test('turn nullable plain types into type lists and literal unions into enums, leaving other unions alone', () => {
    const out = fastResponseSchema(Card) as { properties: Record<string, Record<string, unknown>> };
    const price = out.properties.price as { type: unknown; properties: Record<string, Record<string, unknown>> };
    expect(price.type).toEqual(['object', 'null']);
    expect(price.properties.kind).toMatchObject({ type: 'string', enum: ['contract', 'list', 'base'] });
    expect(price.properties.tierMinQty?.type).toEqual(['integer', 'null']);
    expect(out.properties.either?.anyOf).toHaveLength(2);
    // The schema the routes and the OpenAPI document use is not touched.
    expect(Card.properties.price.anyOf).toHaveLength(2);
  });
});
