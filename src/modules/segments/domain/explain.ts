/**
 * Why a company is or is not matched by a rule, in words an admin can check against the company
 * page: each condition is described by the company's actual value and how it relates to the rule's
 * value ("spend_90d = 12,000.00 PKR < 50,000.00 PKR"), so the sentence stays true whichever way the
 * condition went, and `not` needs no rewording.
 */
import type { CompareOp, Expr, Literal, Subject } from './ast.ts';
import type { AttributeDef } from './catalogue.ts';
import { compileToPredicate, isMissing, literalScalar, subjectReader, toScalar } from './evaluate.ts';
import type { CompanyFacts } from './facts.ts';
import { displayMoney, quoteString } from './literals.ts';
import { subjectLabel } from './parser.ts';
import { print } from './printer.ts';

/** An observed value as JSON: money as `{ amount, currency }` in minor units, money metrics per currency. */
export type ExplainValue =
  | string
  | number
  | boolean
  | readonly string[]
  | { readonly amount: number; readonly currency: string }
  | Readonly<Record<string, number>>
  | null;

export interface ExplainNode {
  /** For a condition: what the company's value is and how it relates to the rule; for a group: "all of", "any of", "not". */
  readonly text: string;
  /** This part of the rule, in canonical source form. */
  readonly rule: string;
  /** The company's value the condition looked at (absent for groups and hierarchy conditions). */
  readonly value?: ExplainValue;
  readonly result: boolean;
  /** On the path that decided the outcome (the clauses named in the sentence). */
  readonly deciding: boolean;
  readonly children: readonly ExplainNode[];
}

export interface Explanation {
  readonly matched: boolean;
  /** `in group because …` / `not in group because …`. */
  readonly sentence: string;
  /** The deciding condition texts, in rule order. */
  readonly reasons: readonly string[];
  readonly reason: ExplainNode;
}

export interface ExplainOptions {
  /** The group's name for the sentence ("in Big builders because …"); "group" by default. */
  readonly groupName?: string;
  /** Shows company ids in hierarchy conditions as "Name (cmp_…)" when it returns a name. */
  readonly companyName?: (id: string) => string | undefined;
}

const SYMBOL: Record<CompareOp, string> = { '=': '=', '!=': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥' };
const OPPOSITE: Record<CompareOp, CompareOp> = { '=': '!=', '!=': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
const MAX_LIST = 10;

interface Draft {
  text: string;
  rule: string;
  value?: ExplainValue;
  result: boolean;
  children: Draft[];
  expr: Expr;
}

function formatScalar(v: string | number | boolean, lit: Literal): string {
  if (lit.kind === 'money') return displayMoney(v as number, lit.currency);
  if (lit.kind === 'string') return quoteString(v as string);
  return String(v);
}

function formatList(items: readonly unknown[]): string {
  const shown = items.slice(0, MAX_LIST).map((i) => (typeof i === 'string' ? quoteString(i) : String(i)));
  return `(${shown.join(', ')}${items.length > MAX_LIST ? `, … ${items.length - MAX_LIST} more` : ''})`;
}

function isMoneyMap(raw: unknown): raw is Readonly<Record<string, number>> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.values(raw).every((v) => typeof v === 'number');
}

/** A raw fact as text, for conditions that show the value itself. */
function formatRaw(raw: unknown, def: AttributeDef | undefined): string {
  // Sums and counts over no records are 0, not "not set" (catalogue whenMissing: 'zero').
  if (raw == null && def?.whenMissing === 'zero') return def.type === 'money' ? '0 in every currency' : def.type === 'number' ? '0' : '()';
  if (typeof raw === 'string') return def?.type === 'date' ? raw.slice(0, 10) : quoteString(raw);
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw)) return formatList(raw);
  if (typeof raw === 'object' && raw !== null) {
    const m = raw as { amount?: unknown; currency?: unknown };
    if (typeof m.amount === 'number' && typeof m.currency === 'string') return displayMoney(m.amount, m.currency);
    if (isMoneyMap(raw)) {
      if (Object.keys(raw).length === 0) return '0 in every currency';
      return Object.entries(raw)
        .map(([c, a]) => displayMoney(a, c))
        .join(', ');
    }
  }
  return 'not set';
}

/** JSON for the observed value. */
function jsonValue(raw: unknown): ExplainValue {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw === 'object') return raw as ExplainValue;
  return null;
}

/** "(amounts in other currencies are not converted: 1,200.00 USD)" when money exists only in other currencies. */
function otherCurrencies(raw: unknown, lit: Literal): string {
  if (lit.kind !== 'money' || !isMoneyMap(raw) || typeof raw[lit.currency] === 'number') return '';
  const others = Object.entries(raw).filter(([c]) => c !== lit.currency);
  if (!others.length) return '';
  return ` (amounts in other currencies are not converted: ${others.map(([c, a]) => displayMoney(a, c)).join(', ')})`;
}

function valueText(subject: Subject, raw: unknown, def: AttributeDef | undefined, lit: Literal): string {
  const label = subjectLabel(subject);
  if (lit.kind === 'money' && (raw == null || isMoneyMap(raw))) {
    const note = otherCurrencies(raw, lit);
    return note ? `${label} has no ${lit.currency} amount${note}` : `${label} is not set`;
  }
  if (isMissing(raw, def)) return `${label} is not set`;
  return `${label} = ${formatRaw(raw, def)}, not ${lit.kind === 'money' ? `a ${lit.currency} amount` : `a ${lit.kind}`}`;
}

function observedValue(subject: Subject, raw: unknown, lit: Literal, scalar: unknown): ExplainValue {
  if (lit.kind === 'money') return typeof scalar === 'number' ? { amount: scalar, currency: lit.currency } : jsonValue(raw);
  return subject.kind === 'attribute' && typeof scalar !== 'undefined' ? (scalar as ExplainValue) : jsonValue(raw);
}

function leaf(expr: Expr, facts: CompanyFacts, options: ExplainOptions): Omit<Draft, 'children' | 'expr' | 'rule' | 'result'> {
  switch (expr.kind) {
    case 'compare':
    case 'in': {
      const { def, read } = subjectReader(expr.subject);
      const raw = read(facts);
      const lit = expr.kind === 'compare' ? expr.value : expr.values[0];
      if (!lit) return { text: `${subjectLabel(expr.subject)} is compared with an empty list` };
      const v = toScalar(raw, lit.kind, def?.whenMissing === 'zero', lit.kind === 'money' ? lit.currency : undefined);
      const value = observedValue(expr.subject, raw, lit, v);
      if (v === undefined) return { text: valueText(expr.subject, raw, def, lit), value };
      const shown = `${subjectLabel(expr.subject)} = ${formatScalar(v, lit)}`;
      if (expr.kind === 'in') {
        const hit = expr.values.some((x) => x.kind === lit.kind && literalScalar(x) === v);
        return { text: `${shown} is ${hit ? '' : 'not '}one of (${expr.values.map((x) => formatScalar(literalScalar(x), x)).join(', ')})`, value };
      }
      const x = literalScalar(lit);
      const note = otherCurrencies(raw, lit);
      if (expr.op === '=' || expr.op === '!=') return { text: v === x ? `${shown}${note}` : `${shown} ≠ ${formatScalar(x, lit)}${note}`, value };
      const holds = compileToPredicate(expr)(facts);
      return { text: `${shown} ${SYMBOL[holds ? expr.op : OPPOSITE[expr.op]]} ${formatScalar(x, lit)}${note}`, value };
    }
    case 'contains': {
      const { def, read } = subjectReader(expr.subject);
      const raw = read(facts);
      const label = subjectLabel(expr.subject);
      const wanted = expr.value.kind === 'string' ? quoteString(expr.value.value) : formatScalar(literalScalar(expr.value), expr.value);
      const value = jsonValue(raw);
      if (isMissing(raw, def)) return { text: `${label} is empty, so does not include ${wanted}`, value };
      if (compileToPredicate(expr)(facts)) return { text: `${label} includes ${wanted}`, value };
      return { text: `${label} = ${formatRaw(raw, def)} does not include ${wanted}`, value };
    }
    case 'null_check': {
      const { def, read } = subjectReader(expr.subject);
      const raw = read(facts);
      const label = subjectLabel(expr.subject);
      return { text: isMissing(raw, def) ? `${label} is not set` : `${label} = ${formatRaw(raw, def)}`, value: jsonValue(raw) };
    }
    case 'hierarchy': {
      const holds = compileToPredicate(expr)(facts);
      const company = (id: string) => {
        const name = options.companyName?.(id);
        return name ? `${name} (${id})` : id;
      };
      if (expr.relation === 'descendant_of') return { text: `company is ${holds ? '' : 'not '}a descendant of ${company(expr.companyId)}` };
      if (holds) return { text: `company is a direct child of ${company(expr.companyId)}` };
      const parent = facts.ancestors[facts.ancestors.length - 1];
      return { text: `company is not a direct child of ${company(expr.companyId)} (${parent ? `its parent is ${company(parent)}` : 'it has no parent'})` };
    }
    default:
      return { text: '' };
  }
}

function draft(expr: Expr, facts: CompanyFacts, options: ExplainOptions): Draft {
  const rule = print(expr);
  switch (expr.kind) {
    case 'and':
    case 'or': {
      const children = expr.operands.map((o) => draft(o, facts, options));
      const result = expr.kind === 'and' ? children.every((c) => c.result) : children.some((c) => c.result);
      return { text: expr.kind === 'and' ? 'all of' : 'any of', rule, result, children, expr };
    }
    case 'not': {
      const child = draft(expr.operand, facts, options);
      return { text: 'not', rule, result: !child.result, children: [child], expr };
    }
    default:
      return { ...leaf(expr, facts, options), rule, result: compileToPredicate(expr)(facts), children: [], expr };
  }
}

/** The children that decided a group's result: for a true `and` all, for a false `and` the false ones, and so on. */
function decidingChildren(d: Draft): Draft[] {
  if (d.expr.kind === 'and') return d.result ? d.children : d.children.filter((c) => !c.result);
  if (d.expr.kind === 'or') return d.result ? d.children.filter((c) => c.result) : d.children;
  return d.children;
}

function finish(d: Draft, deciding: boolean, reasons: string[]): ExplainNode {
  const decisive = new Set(deciding ? decidingChildren(d) : []);
  if (deciding && d.children.length === 0 && !reasons.includes(d.text)) reasons.push(d.text);
  const children = d.children.map((c) => finish(c, decisive.has(c), reasons));
  const node = { text: d.text, rule: d.rule, result: d.result, deciding, children };
  return d.value === undefined ? node : { ...node, value: d.value };
}

/**
 * Explains the rule's outcome for one company: `matched` always equals `evaluate(ast, facts)`; the
 * sentence names the deciding conditions with the values that decided them.
 */
export function explain(ast: Expr, facts: CompanyFacts, options: ExplainOptions = {}): Explanation {
  const reasons: string[] = [];
  const reason = finish(draft(ast, facts, options), true, reasons);
  const group = options.groupName ?? 'group';
  const sentence = `${reason.result ? 'in' : 'not in'} ${group} because ${reasons.join(' and ')}`;
  return { matched: reason.result, sentence, reasons, reason };
}
