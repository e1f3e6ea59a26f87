/**
 * The rule AST. Plain JSON (no classes, no Maps, no undefined-only fields) so a compiled rule can be
 * stored as jsonb next to its source and read back as is. `span` points into the source the node was
 * parsed from; nodes built by code (the rule builder, tests) may omit it.
 */

/** A range of the rule source: UTF-16 offset from the start and length. */
export interface Span {
  readonly offset: number;
  readonly length: number;
}

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export const COMPARE_OPS: readonly CompareOp[] = ['=', '!=', '<', '<=', '>', '>='];

export type HierarchyRelation = 'descendant_of' | 'child_of';

export interface StringLit { readonly kind: 'string'; readonly value: string; readonly span?: Span }
export interface NumberLit { readonly kind: 'number'; readonly value: number; readonly span?: Span }
export interface BooleanLit { readonly kind: 'boolean'; readonly value: boolean; readonly span?: Span }
/** A calendar date, `YYYY-MM-DD` (UTC). Written `date("2026-01-31")`. */
export interface DateLit { readonly kind: 'date'; readonly value: string; readonly span?: Span }
/** Money in integer minor units of an ISO 4217 currency. Written `50000.00 PKR`. */
export interface MoneyLit { readonly kind: 'money'; readonly amount: number; readonly currency: string; readonly span?: Span }
export type Literal = StringLit | NumberLit | BooleanLit | DateLit | MoneyLit;

/** What a condition tests: a catalogue attribute or metric, or a company custom field. */
export type Subject =
  | { readonly kind: 'attribute'; readonly name: string; readonly span?: Span }
  | { readonly kind: 'custom'; readonly field: string; readonly span?: Span };

export interface AndExpr { readonly kind: 'and'; readonly operands: readonly Expr[]; readonly span?: Span }
export interface OrExpr { readonly kind: 'or'; readonly operands: readonly Expr[]; readonly span?: Span }
export interface NotExpr { readonly kind: 'not'; readonly operand: Expr; readonly span?: Span }
export interface CompareExpr {
  readonly kind: 'compare';
  readonly op: CompareOp;
  readonly subject: Subject;
  readonly value: Literal;
  readonly span?: Span;
}
export interface InExpr {
  readonly kind: 'in';
  readonly negated: boolean;
  readonly subject: Subject;
  readonly values: readonly Literal[];
  readonly span?: Span;
}
export interface ContainsExpr { readonly kind: 'contains'; readonly subject: Subject; readonly value: Literal; readonly span?: Span }
/** `x is null` (negated: false) or `x is not null` (negated: true). */
export interface NullCheckExpr { readonly kind: 'null_check'; readonly negated: boolean; readonly subject: Subject; readonly span?: Span }
export interface HierarchyExpr {
  readonly kind: 'hierarchy';
  readonly relation: HierarchyRelation;
  readonly companyId: string;
  readonly span?: Span;
}

/** `and`/`or` have two or more operands; a parenthesised group stays a nested node. */
export type Expr = AndExpr | OrExpr | NotExpr | CompareExpr | InExpr | ContainsExpr | NullCheckExpr | HierarchyExpr;

/** Removes every `span`, e.g. to compare two ASTs parsed from differently formatted sources. */
export function stripSpans<T>(node: T): T {
  if (Array.isArray(node)) return node.map((n: unknown) => stripSpans(n)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'span') out[k] = stripSpans(v);
  return out as T;
}

/** Every subject the rule reads, in source order (used to load only the facts a rule needs). */
export function subjectsOf(expr: Expr): Subject[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.operands.flatMap(subjectsOf);
    case 'not':
      return subjectsOf(expr.operand);
    case 'hierarchy':
      return [];
    default:
      return [expr.subject];
  }
}
