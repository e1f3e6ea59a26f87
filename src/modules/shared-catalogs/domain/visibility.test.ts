import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTOR, type CatalogRules, type ProductFacts, type Selector } from './types.ts';
import { compileVisibility, evaluatePredicate, isVisible } from './visibility.ts';

const sel = (s: Partial<Selector>): Selector => ({ ...EMPTY_SELECTOR, ...s });
const catalog = (include: Partial<Selector> = {}, exclude: Partial<Selector> = {}): CatalogRules => ({ include: sel(include), exclude: sel(exclude) });

// Tools > Plumbing > Pipes; a pipe by Acme tagged "metal".
const pipe: ProductFacts = { id: 'prd_pipe', status: 'active', brandId: 'brd_acme', categoryIds: ['cat_tools', 'cat_plumbing', 'cat_pipes'], tags: ['metal'] };
const hammer: ProductFacts = { id: 'prd_hammer', status: 'active', brandId: 'brd_stanley', categoryIds: ['cat_tools', 'cat_hand'], tags: [] };
const draftPipe: ProductFacts = { ...pipe, id: 'prd_draft', status: 'draft' };
const orphan: ProductFacts = { id: 'prd_orphan', status: 'active', brandId: null, categoryIds: [], tags: ['sale'] };

describe('isVisible (the reference definition)', () => {
  const cases: [string, ProductFacts, CatalogRules[], boolean][] = [
    ['no catalog reaches: the public catalog shows active products', pipe, [], true],
    ['no catalog reaches: drafts stay hidden', draftPipe, [], false],
    ['a catalog without rules shows everything active', hammer, [catalog()], true],
    ['a catalog without rules still hides drafts', draftPipe, [catalog()], false],
    ['excluding a parent category hides products in its subcategories', pipe, [catalog({}, { categoryIds: ['cat_plumbing'] })], false],
    ['excluding a category leaves other categories visible', hammer, [catalog({}, { categoryIds: ['cat_plumbing'] })], true],
    ['including a category shows its subtree', pipe, [catalog({ categoryIds: ['cat_tools'] })], true],
    ['including a category hides what is outside it', orphan, [catalog({ categoryIds: ['cat_tools'] })], false],
    ['include by product', hammer, [catalog({ productIds: ['prd_hammer'] })], true],
    ['include by brand', pipe, [catalog({ brandIds: ['brd_acme'] })], true],
    ['include by brand hides other brands', hammer, [catalog({ brandIds: ['brd_acme'] })], false],
    ['include by tag', orphan, [catalog({ tags: ['sale'] })], true],
    ['exclude beats include in the same catalog', pipe, [catalog({ categoryIds: ['cat_tools'] }, { tags: ['metal'] })], false],
    ['exclude by product beats include by brand', pipe, [catalog({ brandIds: ['brd_acme'] }, { productIds: ['prd_pipe'] })], false],
    ['union: another catalog that shows it wins', pipe, [catalog({}, { categoryIds: ['cat_plumbing'] }), catalog({ tags: ['metal'] })], true],
    ['union: hidden by every reaching catalog', pipe, [catalog({}, { categoryIds: ['cat_plumbing'] }), catalog({ brandIds: ['brd_stanley'] })], false],
    ['a product without brand or category matches only by id or tag', orphan, [catalog({ brandIds: ['brd_acme'], categoryIds: ['cat_tools'] })], false],
  ];
  it.each(cases)('%s', (_name, product, catalogs, expected) => {
    expect(isVisible(product, catalogs)).toBe(expected);
  });
});

describe('compileVisibility', () => {
  it('is "all" when no catalog reaches the caller or one of them selects everything', () => {
    expect(compileVisibility([])).toEqual({ kind: 'all' });
    expect(compileVisibility([catalog({ tags: ['x'] }), catalog()])).toEqual({ kind: 'all' });
  });

  it('keeps exclude-only catalogs as "everything except" parts, with sorted unique ids', () => {
    expect(compileVisibility([catalog({}, { categoryIds: ['cat_b', 'cat_a', 'cat_b'] })])).toEqual({
      kind: 'union',
      parts: [{ include: null, exclude: { categoryIds: ['cat_a', 'cat_b'], productIds: [], brandIds: [], tags: [] } }],
    });
  });

  const ids = (prefix: string) => fc.constantFrom(...[0, 1, 2, 3].map((i) => `${prefix}_${i}`));
  const selector = fc.record({
    categoryIds: fc.array(ids('cat'), { maxLength: 2 }),
    productIds: fc.array(ids('prd'), { maxLength: 2 }),
    brandIds: fc.array(ids('brd'), { maxLength: 2 }),
    tags: fc.array(ids('tag'), { maxLength: 2 }),
  });
  const rules = fc.record({ include: selector, exclude: selector });
  const product = fc.record({
    id: ids('prd'),
    status: fc.constantFrom('draft' as const, 'active' as const, 'archived' as const),
    brandId: fc.option(ids('brd'), { nil: null }),
    categoryIds: fc.uniqueArray(ids('cat'), { maxLength: 3 }),
    tags: fc.uniqueArray(ids('tag'), { maxLength: 3 }),
  });

  it('the compiled predicate decides exactly as the reference on random catalogs and products', () => {
    fc.assert(
      fc.property(fc.array(rules, { maxLength: 4 }), fc.array(product, { minLength: 1, maxLength: 8 }), (catalogs, products) => {
        const pred = compileVisibility(catalogs);
        for (const p of products) expect(evaluatePredicate(pred, p)).toBe(isVisible(p, catalogs));
      }),
      { numRuns: 500 },
    );
  });
});
