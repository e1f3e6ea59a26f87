import { describe, expect, it } from 'vitest';
import { childPath, isSelfOrAncestor, rebasePath, wouldCycle } from './hierarchy.ts';

describe('company hierarchy rules', () => {
  it('builds a child path from the parent path', () => {
    expect(childPath(null, 'a')).toEqual(['a']);
    expect(childPath(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['a', ['a', 'b'], true],
    ['b', ['a', 'b', 'c'], true],
    ['c', ['a', 'b'], false],
    ['a', null, false],
  ] as const)('moving %s under a company with path %j cycles: %s', (id, parentPath, expected) => {
    expect(wouldCycle(id, parentPath)).toBe(expected);
  });

  it('rebases a moved subtree under its new parent', () => {
    // b (depth 1 under a) moves under x/y: a/b/c becomes x/y/b/c.
    expect(rebasePath(['a', 'b', 'c'], 1, ['x', 'y', 'b'])).toEqual(['x', 'y', 'b', 'c']);
    expect(rebasePath(['a', 'b'], 1, ['b'])).toEqual(['b']);
  });

  it('lets a company see itself and its descendants, never its parent or siblings', () => {
    expect(isSelfOrAncestor('a', ['a', 'b'])).toBe(true);
    expect(isSelfOrAncestor('b', ['a', 'b'])).toBe(true);
    expect(isSelfOrAncestor('b', ['a'])).toBe(false);
    expect(isSelfOrAncestor('s', ['a', 'b'])).toBe(false);
  });
});
