import { describe, expect, it } from 'vitest';
import { ATTRIBUTES, OPERATORS } from '../../src/modules/segments/index.ts';
import { emptyTree, fromRule, newCondition, newGroup, toRule, updateNode, withSubject, type BuilderAttribute, type ConditionRow, type GroupNode } from '../../web/admin/rule-builder-model.ts';

const attrs: BuilderAttribute[] = ATTRIBUTES.map((a) => ({ name: a.name, type: a.type, operators: [...OPERATORS[a.type]] }));

function roundTrip(text: string): string {
  const built = fromRule(text);
  if (!built.ok) throw new Error(`not buildable: ${built.reason}`);
  const out = toRule(built.tree, attrs);
  if (!out.ok) throw new Error('incomplete');
  return out.text;
}

describe('rule builder model', () => {
  it('builds the issue example from rows and writes canonical rule text', () => {
    const tree = newGroup('and', [
      { ...newCondition('industry', 'in'), values: ['construction', 'mining'] },
      { ...newCondition('country', '='), value: 'PK' },
      { ...newCondition('spend_90d', '>='), value: '50000.00', currency: 'PKR' },
    ]);
    const out = toRule(tree, attrs);
    expect(out).toMatchObject({ ok: true, text: 'industry in ("construction", "mining") and country = "PK" and spend_90d >= 50000.00 PKR' });
  });

  it('reads rule text back into the same tree, nested groups, negation and hierarchy included', () => {
    const texts = [
      'industry in ("construction", "mining") and country = "PK" and spend_90d >= 50000.00 PKR',
      'country = "PK" and (region = "Punjab" or region = "Sindh")',
      'not tags contains "at_risk" and created_at >= date("2026-01-31") and region is not null',
      'descendant_of("cmp_01jd0000000000000000000000") or depth > 1',
      'not (industry = "mining" or order_count_90d = 0)',
      'average_order_value < 25000.50 PKR',
    ];
    for (const text of texts) expect(roundTrip(text)).toBe(text);
  });

  it('leaves forms it cannot show (custom fields, double negation) and broken text to the text mode', () => {
    expect(fromRule('custom("credit_grade") = "A"')).toEqual({ ok: false, reason: 'unsupported' });
    expect(fromRule('not not (country = "PK")')).toEqual({ ok: false, reason: 'unsupported' });
    expect(fromRule('country = ')).toEqual({ ok: false, reason: 'syntax' });
    expect(fromRule('   ')).toMatchObject({ ok: true });
  });

  it('names the rows that are incomplete or hold a value of the wrong shape', () => {
    const blank = newCondition('industry', '=');
    const badMoney = { ...newCondition('spend_90d', '>='), value: '12.345', currency: 'PKR' };
    const badDate = { ...newCondition('created_at', '>='), value: '2026-02-30' };
    const noSubject = newCondition('', '=');
    const out = toRule(newGroup('and', [blank, badMoney, badDate, noSubject]), attrs);
    expect(out.ok).toBe(false);
    if (!out.ok) expect([...out.problems.entries()]).toEqual([[blank.id, 'value'], [badMoney.id, 'amount'], [badDate.id, 'date'], [noSubject.id, 'subject']]);
    expect(toRule(newGroup('and', []), attrs)).toMatchObject({ ok: false, empty: true });
  });

  it('edits the tree without touching other nodes, and picks a fitting operator for a new attribute', () => {
    const tree = emptyTree();
    const row = tree.children[0] as ConditionRow;
    const changed = updateNode(tree, row.id, (n) => withSubject(n as ConditionRow, 'tags', attrs));
    expect((changed.children[0] as ConditionRow).operator).toBe('contains');
    const removed: GroupNode = updateNode(changed, row.id, () => null);
    expect(removed.children).toEqual([]);
    expect((updateNode(tree, row.id, (n) => withSubject(n as ConditionRow, 'descendant_of', attrs)).children[0] as ConditionRow).operator).toBe('descendant_of');
  });
});
