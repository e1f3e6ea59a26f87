import { describe, expect, it } from 'vitest';
import { anyWordTsQuery, correctableWords, escapeLike, fuzzyTsQuery, groupAttrFilters, parseAttrFilter, parseSearch, splitAttrTerm } from './search-query.ts';

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

describe('typo corrections', () => {
  const parsed = (q: string) => parseSearch(q)!;
  it.each([
    ['hamer', ['hamer']],
    ['Claw  hamer 16oz', ['claw', 'hamer']],
    ['"claw hammer" or ab', ['claw', 'hammer']],
    ['ABC-123', []],
    ['drill drill', ['drill']],
  ])('checks the words of %j', (q, words) => expect(correctableWords(parsed(q))).toEqual(words));

  it.each([
    ['hamer', [['hamer', ['hammer', 'hamper']]], '(hamer:* | hammer | hamper)'],
    ['claw hamer', [['hamer', ['hammer']]], 'claw & (hamer:* | hammer)'],
    ['clow hammer', [['clow', ['claw']]], '(clow | claw) & hammer:*'],
    ['hamer', [], null],
    ['"claw hamer"', [['hamer', ['hammer']]], null],
    ['hamer', [['hamer', ["ham'mer"]]], 'hamer:*'],
  ] as const)('%j with %j → %j', (q, corr, expected) => {
    expect(fuzzyTsQuery(parsed(q), new Map(corr.map(([w, alts]) => [w, [...alts]])))).toBe(expected);
  });
});

describe('anyWordTsQuery', () => {
  it.each([
    ['drill bit', [], 'drill | bit:*'],
    ['clow hammer', [['clow', ['claw']]], 'clow | claw | hammer:*'],
    ['drill', [], null],
    ['drill -bit', [], null],
  ] as const)('%j → %j', (q, corr, expected) => {
    expect(anyWordTsQuery(parseSearch(q)!, new Map(corr.map(([w, alts]) => [w, [...alts]])))).toBe(expected);
  });
});
