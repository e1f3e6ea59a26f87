/**
 * The rule builder's model: a tree of and/or groups and condition rows that converts to and from the
 * segment rule language. Text is always produced by the language's own printer and read back by its
 * own parser (pure code shared with the server), so the builder and the text mode never disagree.
 */
import { decimalAmount, isCalendarDate, parse, print, toMinorUnits, type Expr, type Literal } from '../../src/modules/segments/pure.ts';

export type AttributeType = 'string' | 'string_list' | 'number' | 'money' | 'date' | 'boolean' | 'company_ref';

/** One attribute as the catalogue endpoint serves it. */
export interface BuilderAttribute {
  name: string;
  type: AttributeType;
  operators: string[];
  description?: string;
  example?: string;
  metric?: boolean;
}

/** Hierarchy conditions are offered as pseudo-attributes with one operator and a company id value. */
export const RELATIONS = ['descendant_of', 'child_of'] as const;
export type Relation = (typeof RELATIONS)[number];
export const isRelation = (s: string): s is Relation => (RELATIONS as readonly string[]).includes(s);

export interface ConditionRow {
  kind: 'condition';
  id: string;
  /** Attribute name, or `descendant_of` / `child_of`. */
  subject: string;
  operator: string;
  /** The value as typed: text, a number, `50000.00` (money), `2026-01-31` (date), `true`, a company id. */
  value: string;
  /** For `in` / `not in`. */
  values: string[];
  /** For money. */
  currency: string;
  negated: boolean;
}

export interface GroupNode {
  kind: 'group';
  id: string;
  op: 'and' | 'or';
  negated: boolean;
  children: BuilderNode[];
}

export type BuilderNode = ConditionRow | GroupNode;

let seq = 0;
const nextId = () => `n${++seq}`;

export function newCondition(subject = '', operator = '='): ConditionRow {
  return { kind: 'condition', id: nextId(), subject, operator, value: '', values: [], currency: 'PKR', negated: false };
}

export function newGroup(op: 'and' | 'or' = 'and', children: BuilderNode[] = []): GroupNode {
  return { kind: 'group', id: nextId(), op, negated: false, children };
}

/** An empty builder: one group with one blank row. */
export function emptyTree(): GroupNode {
  return newGroup('and', [newCondition()]);
}

const NO_VALUE = new Set(['is null', 'is not null']);
export const needsValue = (operator: string): boolean => !NO_VALUE.has(operator);
export const isListOperator = (operator: string): boolean => operator === 'in' || operator === 'not in';

// ── builder → rule ───────────────────────────────────────────────────────────────────────────────

export type RowProblem = 'subject' | 'value' | 'amount' | 'date' | 'number';

export type ToRuleResult = { ok: true; text: string; ast: Expr } | { ok: false; problems: Map<string, RowProblem>; empty: boolean };

function literalFor(type: AttributeType, raw: string, currency: string): Literal | RowProblem {
  const value = raw.trim();
  if (value === '') return 'value';
  switch (type) {
    case 'string':
    case 'string_list':
    case 'company_ref':
      return { kind: 'string', value };
    case 'number': {
      const n = Number(value);
      return /^-?\d+(\.\d+)?$/.test(value) && Number.isFinite(n) ? { kind: 'number', value: n } : 'number';
    }
    case 'money': {
      const m = toMinorUnits(value, currency);
      return 'amount' in m ? { kind: 'money', amount: m.amount, currency } : 'amount';
    }
    case 'date':
      return isCalendarDate(value) ? { kind: 'date', value } : 'date';
    case 'boolean':
      return value === 'true' || value === 'false' ? { kind: 'boolean', value: value === 'true' } : 'value';
  }
}

function rowToExpr(row: ConditionRow, attrs: ReadonlyMap<string, BuilderAttribute>): Expr | RowProblem {
  if (isRelation(row.subject)) {
    const id = row.value.trim();
    return id ? { kind: 'hierarchy', relation: row.subject, companyId: id } : 'value';
  }
  const attr = attrs.get(row.subject);
  if (!attr) return 'subject';
  const subject = { kind: 'attribute', name: attr.name } as const;
  const op = row.operator;
  if (!needsValue(op)) return { kind: 'null_check', negated: op === 'is not null', subject };
  if (isListOperator(op)) {
    if (row.values.length === 0) return 'value';
    const lits: Literal[] = [];
    for (const v of row.values) {
      const lit = literalFor(attr.type, v, row.currency);
      if (typeof lit === 'string') return lit;
      lits.push(lit);
    }
    return { kind: 'in', negated: op === 'not in', subject, values: lits };
  }
  const lit = literalFor(attr.type, row.value, row.currency);
  if (typeof lit === 'string') return lit;
  if (op === 'contains') return { kind: 'contains', subject, value: lit };
  return { kind: 'compare', op: op as '=' | '!=' | '<' | '<=' | '>' | '>=', subject, value: lit };
}

function nodeToExpr(node: BuilderNode, attrs: ReadonlyMap<string, BuilderAttribute>, problems: Map<string, RowProblem>): Expr | null {
  let expr: Expr | null;
  if (node.kind === 'condition') {
    const e = rowToExpr(node, attrs);
    if (typeof e === 'string') {
      problems.set(node.id, e);
      return null;
    }
    expr = e;
  } else {
    const parts = node.children.map((c) => nodeToExpr(c, attrs, problems)).filter((e): e is Expr => e !== null);
    if (parts.length === 0) return null;
    expr = parts.length === 1 ? parts[0]! : { kind: node.op, operands: parts };
  }
  return node.negated ? { kind: 'not', operand: expr } : expr;
}

/** The rule text the builder stands for, or which rows are incomplete. */
export function toRule(tree: GroupNode, attributes: readonly BuilderAttribute[]): ToRuleResult {
  const attrs = new Map(attributes.map((a) => [a.name, a]));
  const problems = new Map<string, RowProblem>();
  const ast = nodeToExpr(tree, attrs, problems);
  if (problems.size > 0 || ast === null) return { ok: false, problems, empty: ast === null && problems.size === 0 };
  return { ok: true, text: print(ast), ast };
}

// ── rule → builder ───────────────────────────────────────────────────────────────────────────────

function literalText(lit: Literal): { value: string; currency?: string } {
  switch (lit.kind) {
    case 'string':
    case 'date':
      return { value: lit.value };
    case 'number':
      return { value: String(lit.value) };
    case 'boolean':
      return { value: lit.value ? 'true' : 'false' };
    case 'money':
      return { value: decimalAmount(lit.amount, lit.currency), currency: lit.currency };
  }
}

function exprToNode(e: Expr, negated = false): BuilderNode | null {
  if (e.kind === 'not') {
    // `not not x` has no builder form; keep the text mode for it.
    if (negated) return null;
    return exprToNode(e.operand, true);
  }
  if (e.kind === 'and' || e.kind === 'or') {
    const children = e.operands.map((o) => exprToNode(o));
    if (children.some((c) => c === null)) return null;
    return { ...newGroup(e.kind, children as BuilderNode[]), negated };
  }
  if (e.kind === 'hierarchy') return { ...newCondition(e.relation, e.relation), value: e.companyId, negated };
  // Custom fields have no declared type to drive a value input: the text mode edits them.
  if (e.subject.kind !== 'attribute') return null;
  const name = e.subject.name;
  switch (e.kind) {
    case 'compare': {
      const t = literalText(e.value);
      return { ...newCondition(name, e.op), value: t.value, currency: t.currency ?? 'PKR', negated };
    }
    case 'contains':
      return { ...newCondition(name, 'contains'), value: literalText(e.value).value, negated };
    case 'null_check':
      return { ...newCondition(name, e.negated ? 'is not null' : 'is null'), negated };
    case 'in': {
      const texts = e.values.map(literalText);
      return { ...newCondition(name, e.negated ? 'not in' : 'in'), values: texts.map((x) => x.value), currency: texts[0]?.currency ?? 'PKR', negated };
    }
  }
}

export type FromRuleResult = { ok: true; tree: GroupNode } | { ok: false; reason: 'syntax' | 'unsupported' };

/** The builder tree for a rule's text; the top level is always a group so rows can be added. */
export function fromRule(text: string): FromRuleResult {
  if (text.trim() === '') return { ok: true, tree: emptyTree() };
  const parsed = parse(text);
  if (!parsed.ok) return { ok: false, reason: 'syntax' };
  const node = exprToNode(parsed.ast);
  if (node === null) return { ok: false, reason: 'unsupported' };
  if (node.kind === 'group' && !node.negated) return { ok: true, tree: node };
  return { ok: true, tree: newGroup('and', [node]) };
}

// ── tree edits (immutable) ───────────────────────────────────────────────────────────────────────

/** Replaces the node with `id` by `fn(node)`; `fn` returning null removes it. */
export function updateNode(tree: GroupNode, id: string, fn: (n: BuilderNode) => BuilderNode | null): GroupNode {
  const visit = (n: BuilderNode): BuilderNode | null => {
    if (n.id === id) return fn(n);
    if (n.kind === 'condition') return n;
    return { ...n, children: n.children.map(visit).filter((c): c is BuilderNode => c !== null) };
  };
  const next = visit(tree);
  return next && next.kind === 'group' ? next : emptyTree();
}

/** Default operator and value shape when a row switches to another attribute. */
export function withSubject(row: ConditionRow, subject: string, attrs: readonly BuilderAttribute[]): ConditionRow {
  if (isRelation(subject)) return { ...row, subject, operator: subject, value: '', values: [] };
  const attr = attrs.find((a) => a.name === subject);
  const ops = attr?.operators ?? ['='];
  // Amounts and counts are mostly compared as thresholds ("spend_90d >= …"), lists by membership.
  const preferred = attr?.type === 'money' || attr?.type === 'number' ? '>=' : attr?.type === 'string_list' ? 'contains' : '=';
  const operator = ops.includes(preferred) ? preferred : (ops[0] ?? '=');
  return { ...row, subject, operator, value: attr?.type === 'boolean' ? 'true' : '', values: [] };
}
