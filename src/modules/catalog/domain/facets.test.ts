import { describe, expect, it } from 'vitest';
import { shapeFacets, type FacetRow } from './facets.ts';

describe('shapeFacets', () => {
  const rows: FacetRow[] = [
    { kind: 'total', key: null, label: null, count: 9 },
    { kind: 'category', key: 'cat_a', label: 'Saws', count: 2 },
    { kind: 'category', key: 'cat_b', label: 'Hammers', count: 7 },
    { kind: 'brand', key: 'brd_a', label: 'Acme', count: 4 },
    { kind: 'brand', key: 'brd_b', label: 'Bosch', count: 4 },
    { kind: 'attribute', key: 'size=16oz', label: null, count: 3 },
    { kind: 'attribute', key: 'size=20oz', label: null, count: 5 },
    { kind: 'attribute', key: 'color=red', label: null, count: 1 },
    { kind: 'attribute', key: 'ratio=1=2', label: null, count: 1 },
  ];

  it('sorts by count then name, groups attribute values and keeps the total', () => {
    const { facets, total } = shapeFacets(rows);
    expect(total).toBe(9);
    expect(facets.categories.map((c) => c.name)).toEqual(['Hammers', 'Saws']);
    expect(facets.brands.map((b) => b.name)).toEqual(['Acme', 'Bosch']);
    expect(facets.attributes).toEqual([
      { name: 'size', values: [{ value: '20oz', count: 5 }, { value: '16oz', count: 3 }] },
      { name: 'color', values: [{ value: 'red', count: 1 }] },
      { name: 'ratio', values: [{ value: '1=2', count: 1 }] },
    ]);
  });

  it.each([
    [{ maxAttributes: 1, maxValuesPerAttribute: 1 }, [{ name: 'size', values: [{ value: '20oz', count: 5 }] }]],
    [{ maxAttributes: 0, maxValuesPerAttribute: 5 }, []],
  ])('caps attributes and values (%j)', (limits, expected) => {
    expect(shapeFacets(rows, limits).facets.attributes).toEqual(expected);
  });

  it('answers empty facets and a zero total for no rows', () => {
    expect(shapeFacets([])).toEqual({ facets: { categories: [], brands: [], attributes: [] }, total: 0 });
  });
});
