import { describe, expect, it } from 'vitest';
import type { Expr } from './ast.ts';
import { compileRule } from './compile.ts';
import { compileRuleSet, ruleDependencies } from './rule-set.ts';

const CMP = 'cmp_01jd0000000000000000000000';

function rule(source: string): Expr {
  const r = compileRule(source);
  if (!r.ok) throw new Error(r.errors[0]?.message);
  return r.ast;
}

describe('rule sets', () => {
  it.each([
    ['industry = "a" and spend_90d >= 1.00 PKR', { attributes: ['industry'], metrics: ['spend_90d'], customFields: [], hierarchy: false }],
    [`not descendant_of("${CMP}") or custom("grade") = "A"`, { attributes: [], metrics: [], customFields: ['grade'], hierarchy: true }],
    ['depth = 1 or tags contains "x" or tags is null', { attributes: ['depth', 'tags'], metrics: [], customFields: [], hierarchy: true }],
    ['overdue_invoice_amount > 0.00 PKR and last_order_at is not null', { attributes: [], metrics: ['last_order_at', 'overdue_invoice_amount'], customFields: [], hierarchy: false }],
  ])('knows what %s depends on', (source, deps) => {
    expect(ruleDependencies(rule(source))).toEqual(deps);
  });

  it('gives the groups one company belongs to, in rule order', () => {
    const groups = compileRuleSet([
      { id: 'grp_big', ast: rule('spend_90d >= 50000.00 PKR') },
      { id: 'grp_mining', ast: rule('industry = "mining"') },
      { id: 'grp_sub', ast: rule(`descendant_of("${CMP}")`) },
    ]);
    expect(groups({ id: 'c1', ancestors: [CMP], attributes: { industry: 'mining' }, metrics: { spend_90d: { PKR: 100 } } })).toEqual(['grp_mining', 'grp_sub']);
    expect(groups({ id: 'c2', ancestors: [], attributes: {}, metrics: {} })).toEqual([]);
  });
});
