import { describe, expect, it } from 'vitest';
import type { Expr } from './ast.ts';
import { compileRule } from './compile.ts';
import { evaluate } from './evaluate.ts';
import { explain } from './explain.ts';
import type { CompanyFacts } from './facts.ts';

const ROOT = 'cmp_01jd0000000000000000000000';
const OTHER = 'cmp_01jd0000000000000000000009';

function rule(source: string): Expr {
  const r = compileRule(source);
  if (!r.ok) throw new Error(r.errors[0]?.message);
  return r.ast;
}

const big: CompanyFacts = {
  id: 'cmp_01jd0000000000000000000001',
  ancestors: [ROOT],
  attributes: { industry: 'construction', tags: ['vip', 'north'], region: 'Sindh', created_at: '2025-02-01' },
  metrics: { spend_90d: { PKR: 6_120_000 }, order_count_90d: 3, average_order_value: { USD: 5_000 } },
};
const small: CompanyFacts = {
  id: 'cmp_01jd0000000000000000000002',
  ancestors: [],
  attributes: { industry: 'retail', tags: [] },
  metrics: { spend_90d: { PKR: 1_200_000, USD: 120_000 } },
};
const dollarOnly: CompanyFacts = { id: 'cmp_01jd0000000000000000000003', ancestors: [], attributes: {}, metrics: { spend_90d: { USD: 120_000 } } };

describe('explain', () => {
  it.each([
    [
      'industry = "construction" and spend_90d >= 50000.00 PKR',
      big,
      'in group because industry = "construction" and spend_90d = 61,200.00 PKR ≥ 50,000.00 PKR',
    ],
    [
      'industry = "construction" and spend_90d >= 50000.00 PKR',
      small,
      'not in group because industry = "retail" ≠ "construction" and spend_90d = 12,000.00 PKR < 50,000.00 PKR',
    ],
    // Only the clause that failed is named when the others held.
    ['industry = "retail" and spend_90d >= 50000.00 PKR', small, 'not in group because spend_90d = 12,000.00 PKR < 50,000.00 PKR'],
    [
      'spend_90d >= 50000.00 PKR',
      dollarOnly,
      'not in group because spend_90d = 0.00 PKR < 50,000.00 PKR (amounts in other currencies are not converted: 1,200.00 USD)',
    ],
    ['average_order_value > 10.00 PKR', big, 'not in group because average_order_value has no PKR amount (amounts in other currencies are not converted: 50.00 USD)'],
    // For a true `or`, the branches that held; for a false one, every branch.
    ['industry = "mining" or tags contains "vip"', big, 'in group because tags includes "vip"'],
    ['industry = "mining" or tags contains "vip"', small, 'not in group because industry = "retail" ≠ "mining" and tags is empty, so does not include "vip"'],
    ['industry in ("construction", "mining")', big, 'in group because industry = "construction" is one of ("construction", "mining")'],
    ['industry not in ("construction", "mining")', big, 'not in group because industry = "construction" is one of ("construction", "mining")'],
    ['tags contains "south"', big, 'not in group because tags = ("vip", "north") does not include "south"'],
    ['not (industry = "retail")', small, 'not in group because industry = "retail"'],
    ['not (industry = "retail")', big, 'in group because industry = "construction" ≠ "retail"'],
    ['industry != "retail"', dollarOnly, 'not in group because industry is not set'],
    ['spend_30d is null', small, 'not in group because spend_30d = 0 in every currency'],
    ['spend_90d is null', small, 'not in group because spend_90d = 12,000.00 PKR, 1,200.00 USD'],
    ['open_quote_count is null', small, 'not in group because open_quote_count = 0'],
    ['region is null', big, 'not in group because region = "Sindh"'],
    ['region is not null', small, 'not in group because region is not set'],
    ['order_count_90d < 3', big, 'not in group because order_count_90d = 3 ≥ 3'],
    ['order_count_90d <= 3', big, 'in group because order_count_90d = 3 ≤ 3'],
    ['order_count_90d > 3', big, 'not in group because order_count_90d = 3 ≤ 3'],
    ['order_count_90d > 0', small, 'not in group because order_count_90d = 0 ≤ 0'],
    ['created_at < date("2025-01-01")', big, 'not in group because created_at = 2025-02-01 ≥ 2025-01-01'],
    [`descendant_of("${ROOT}")`, big, `in group because company is a descendant of ${ROOT}`],
    [`child_of("${OTHER}")`, big, `not in group because company is not a direct child of ${OTHER} (its parent is ${ROOT})`],
    [`child_of("${OTHER}")`, small, `not in group because company is not a direct child of ${OTHER} (it has no parent)`],
  ])('%s', (source, facts, sentence) => {
    expect(explain(rule(source), facts).sentence).toBe(sentence);
  });

  it('returns a tree with each condition, the value that decided it and its result', () => {
    const e = explain(rule('industry = "construction" and (spend_90d >= 50000.00 PKR or tags contains "vip")'), small);
    expect(e.matched).toBe(false);
    expect(e.reason).toEqual({
      text: 'all of',
      rule: 'industry = "construction" and (spend_90d >= 50000.00 PKR or tags contains "vip")',
      result: false,
      deciding: true,
      children: [
        { text: 'industry = "retail" ≠ "construction"', rule: 'industry = "construction"', value: 'retail', result: false, deciding: true, children: [] },
        {
          text: 'any of',
          rule: 'spend_90d >= 50000.00 PKR or tags contains "vip"',
          result: false,
          deciding: true,
          children: [
            {
              text: 'spend_90d = 12,000.00 PKR < 50,000.00 PKR',
              rule: 'spend_90d >= 50000.00 PKR',
              value: { amount: 1_200_000, currency: 'PKR' },
              result: false,
              deciding: true,
              children: [],
            },
            { text: 'tags is empty, so does not include "vip"', rule: 'tags contains "vip"', value: [], result: false, deciding: true, children: [] },
          ],
        },
      ],
    });
  });

  it('marks clauses that did not decide the outcome', () => {
    const e = explain(rule('industry = "retail" and spend_90d >= 50000.00 PKR'), small);
    expect(e.reason.children.map((c) => [c.rule, c.result, c.deciding])).toEqual([
      ['industry = "retail"', true, false],
      ['spend_90d >= 50000.00 PKR', false, true],
    ]);
    expect(e.reasons).toEqual(['spend_90d = 12,000.00 PKR < 50,000.00 PKR']);
  });

  it('always agrees with evaluate', () => {
    const sources = ['industry = "construction" and spend_90d >= 50000.00 PKR', 'not (tags contains "vip" or region is null)', 'order_count_90d = 0 or average_order_value < 1.00 USD'];
    for (const s of sources) for (const f of [big, small, dollarOnly]) expect(explain(rule(s), f).matched).toBe(evaluate(rule(s), f));
  });

  it('names the group and the companies when the caller knows them', () => {
    const names: Record<string, string> = { [ROOT]: 'Acme Holdings' };
    const e = explain(rule(`descendant_of("${ROOT}") and child_of("${OTHER}")`), big, { groupName: 'Acme family', companyName: (id) => names[id] });
    expect(e.sentence).toBe(`not in Acme family because company is not a direct child of ${OTHER} (its parent is Acme Holdings (${ROOT}))`);
  });
});
