import { describe, expect, it } from 'vitest';
import { buildCategoryTree, categoryPath, wouldCreateCycle, type CategoryRow } from './category-tree.ts';

const row = (id: string, parentId: string | null, directCount = 0, position = 0, name = id): CategoryRow => ({ id, parentId, name, slug: id, position, directCount });

describe('buildCategoryTree', () => {
  it('nests children, orders by position then name and rolls counts up the tree', () => {
    const tree = buildCategoryTree([row('b', 'a', 2, 1), row('a', null, 1), row('c', 'a', 3, 0), row('d', 'c', 4), row('z', null, 0, 0, 'Aardvark')]);
    expect(tree.map((n) => [n.id, n.productCount])).toEqual([
      ['a', 10],
      ['z', 0],
    ]);
    expect(tree[0]!.children.map((n) => [n.id, n.productCount])).toEqual([
      ['c', 7],
      ['b', 2],
    ]);
    expect(tree[0]!.children[0]!.children.map((n) => n.id)).toEqual(['d']);
  });

  it('keeps orphans as roots instead of losing them', () => {
    expect(buildCategoryTree([row('x', 'missing', 1)]).map((n) => n.id)).toEqual(['x']);
  });
});

describe('category paths and cycles', () => {
  it.each([
    ['cat_a', null, 'cat_a/'],
    ['cat_b', 'cat_a/', 'cat_a/cat_b/'],
  ])('path of %s under %s', (id, parent, expected) => expect(categoryPath(id, parent)).toBe(expected));

  it.each([
    ['a', 'a/', true],
    ['a', 'a/b/c/', true],
    ['b', 'a/b/', true],
    ['a', 'x/y/', false],
    ['a', 'ab/', false],
  ])('moving %s under %s is a cycle: %s', (id, parentPath, expected) => expect(wouldCreateCycle(id, parentPath)).toBe(expected));
});
