import { describe, expect, it } from 'vitest';
import { compileRule } from './compile.ts';
import { reviveRule } from './stored.ts';

const SOURCE = 'industry in ("construction", "mining") and spend_90d >= 50000.00 PKR and not descendant_of("cmp_01jd0000000000000000000000")';

describe('reading a stored rule', () => {
  it('accepts what compileRule produced, after a trip through JSON', () => {
    const r = compileRule(SOURCE);
    if (!r.ok) throw new Error('setup');
    const stored: unknown = JSON.parse(JSON.stringify(r.ast));
    expect(reviveRule(stored)).toEqual({ ok: true, ast: r.ast });
  });

  it.each([
    ['not an object', 'industry'],
    ['an unknown node kind', { kind: 'xor', operands: [] }],
    ['a one-operand and', { kind: 'and', operands: [{ kind: 'null_check', negated: false, subject: { kind: 'attribute', name: 'region' } }] }],
    ['an unknown key', { kind: 'null_check', negated: false, subject: { kind: 'attribute', name: 'region' }, extra: 1 }],
    ['a fractional money amount', { kind: 'compare', op: '>', subject: { kind: 'attribute', name: 'spend_90d' }, value: { kind: 'money', amount: 1.5, currency: 'PKR' } }],
    ['an unknown currency', { kind: 'compare', op: '>', subject: { kind: 'attribute', name: 'spend_90d' }, value: { kind: 'money', amount: 1, currency: 'XQZ' } }],
    ['a bad operator', { kind: 'compare', op: '=>', subject: { kind: 'attribute', name: 'depth' }, value: { kind: 'number', value: 1 } }],
    ['an impossible date', { kind: 'compare', op: '>', subject: { kind: 'attribute', name: 'created_at' }, value: { kind: 'date', value: '2026-02-30' } }],
    ['a keyword as a name', { kind: 'null_check', negated: false, subject: { kind: 'attribute', name: 'and' } }],
    ['a bad company id', { kind: 'hierarchy', relation: 'child_of', companyId: 'acme' }],
    ['an empty in list', { kind: 'in', negated: false, subject: { kind: 'attribute', name: 'industry' }, values: [] }],
  ])('refuses %s', (_name, stored) => {
    expect(reviveRule(stored)).toMatchObject({ ok: false, errors: [{ message: 'stored rule is not a valid rule tree at 1:1' }] });
  });

  it('reports type errors against today’s catalogue, positioned in the printed rule', () => {
    const stored = { kind: 'and', operands: [{ kind: 'compare', op: '=', subject: { kind: 'attribute', name: 'industry' }, value: { kind: 'string', value: 'a' } }, { kind: 'compare', op: '=', subject: { kind: 'attribute', name: 'retired_score' }, value: { kind: 'number', value: 1 } }] };
    const r = reviveRule(stored);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ message: 'unknown attribute retired_score at 1:20; custom fields are written custom("retired_score")', offset: 19 });
  });
});
