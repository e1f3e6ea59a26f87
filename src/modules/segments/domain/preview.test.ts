import { describe, expect, it } from 'vitest';
import type { Expr } from './ast.ts';
import { compileRule } from './compile.ts';
import type { CompanyFacts } from './facts.ts';
import { countMatches, diffMembership, matchingIds } from './preview.ts';

function rule(source: string): Expr {
  const r = compileRule(source);
  if (!r.ok) throw new Error(r.errors[0]?.message);
  return r.ast;
}

const co = (id: string, industry: string, pkr: number): CompanyFacts => ({
  id,
  ancestors: [],
  attributes: { industry },
  metrics: { spend_90d: { PKR: pkr } },
});
const companies = [co('a', 'construction', 6_000_000), co('b', 'construction', 1_000_000), co('c', 'mining', 9_000_000), co('d', 'retail', 9_000_000)];

describe('rule change preview', () => {
  it('lists who joins and who leaves when a rule changes', () => {
    const before = rule('industry = "construction"');
    const after = rule('industry in ("construction", "mining") and spend_90d >= 50000.00 PKR');
    expect(diffMembership(before, after, companies)).toEqual({ joins: ['c'], leaves: ['b'], unchanged: 2, before: 2, after: 2 });
  });

  it('treats a new rule as everyone matching joining, and a removed rule as every match leaving', () => {
    const r = rule('spend_90d >= 50000.00 PKR');
    expect(diffMembership(null, r, companies)).toMatchObject({ joins: ['a', 'c', 'd'], leaves: [], unchanged: 1 });
    expect(diffMembership(r, null, companies)).toMatchObject({ joins: [], leaves: ['a', 'c', 'd'], after: 0 });
  });

  it('never moves static members, whatever the rule says', () => {
    const diff = diffMembership(rule('industry = "construction"'), rule('industry = "mining"'), companies, { staticMemberIds: new Set(['b']) });
    expect(diff).toEqual({ joins: ['c'], leaves: ['a'], unchanged: 2, before: 2, after: 2 });
  });

  it('counts matches for the rule builder and lists matching ids', () => {
    const r = rule('spend_90d >= 50000.00 PKR and industry != "retail"');
    expect(countMatches(r, companies)).toBe(2);
    expect(matchingIds(r, companies)).toEqual(['a', 'c']);
  });
});
