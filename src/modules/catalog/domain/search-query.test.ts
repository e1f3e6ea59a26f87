import { describe, expect, it } from 'vitest';
import { escapeLike, groupAttrFilters, parseAttrFilter, parseSearch, splitAttrTerm } from './search-query.ts';

describe('parseSearch', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['hamer', { websearch: null, prefix: 'hamer', text: 'hamer', skuPattern: 'hamer%' }],
    ['claw  Hamm', { websearch: 'claw', prefix: 'hamm', text: 'claw Hamm', skuPattern: null }],
    ['ABC-12', { websearch: 'ABC-12', prefix: null, text: 'ABC-12', skuPattern: 'abc-12%' }],
    ['hammer -steel', { websearch: 'hammer -steel', prefix: null, text: 'hammer -steel', skuPattern: null }],
    ['"claw hammer"', { websearch: '"claw hammer"', prefix: null, text: '"claw hammer"', skuPattern: null }],
    ['"claw hammer', { websearch: '"claw hammer', prefix: null, text: '"claw hammer', skuPattern: null }],
    ['drill or', { websearch: 'drill or', prefix: null, text: 'drill or', skuPattern: null }],
    ['Größe', { websearch: null, prefix: 'größe', text: 'Größe', skuPattern: 'größe%' }],
    ['50%_off', { websearch: '50%_off', prefix: null, text: '50%_off', skuPattern: null }],
    ['A_1', { websearch: 'A_1', prefix: null, text: 'A_1', skuPattern: 'a\\_1%' }],
  ])('%j', (q, expected) => {
    expect(parseSearch(q)).toEqual(expected);
  });
});

describe('escapeLike', () => {
  it.each([
    ['abc', 'abc'],
    ['10%', '10\\%'],
    ['a_b', 'a\\_b'],
    ['c:\\x', 'c:\\\\x'],
  ])('%j → %j', (input, out) => expect(escapeLike(input)).toBe(out));
});

describe('attribute filters', () => {
  it.each([
    ['color:red', { name: 'color', value: 'red' }],
    ['ratio:1:2', { name: 'ratio', value: '1:2' }],
    [' size : 16 oz ', { name: 'size', value: '16 oz' }],
    ['nocolon', null],
    [':red', null],
    ['color:', null],
    ['a=b:c', null],
  ])('parses %j', (raw, expected) => expect(parseAttrFilter(raw)).toEqual(expected));

  it('groups values of one attribute as alternatives and attributes as conjunctions', () => {
    expect(
      groupAttrFilters([
        { name: 'size', value: '20oz' },
        { name: 'color', value: 'red' },
        { name: 'size', value: '16oz' },
        { name: 'size', value: '16oz' },
      ]),
    ).toEqual([['color=red'], ['size=16oz', 'size=20oz']]);
  });

  it.each([
    ['size=16oz', { name: 'size', value: '16oz' }],
    ['eq=a=b', { name: 'eq', value: 'a=b' }],
    ['=x', null],
  ])('splits stored term %j', (term, expected) => expect(splitAttrTerm(term)).toEqual(expected));
});
