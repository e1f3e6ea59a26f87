/**
 * Reading a rule AST back from storage (jsonb). The column is written by compileRule, but a value
 * edited by hand, or written by an older version, must be refused rather than evaluated wrongly.
 */
import type { Expr } from './ast.ts';
import { check, type CheckOptions } from './check.ts';
import type { CompileResult } from './compile.ts';
import { KEYWORDS } from './lexer.ts';
import { isCalendarDate, isCurrency, SNAKE_CASE } from './literals.ts';
import { COMPANY_ID, MAX_DEPTH, parse } from './parser.ts';
import { print } from './printer.ts';

type Obj = Readonly<Record<string, unknown>>;
const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COMPARE_OPS: ReadonlySet<unknown> = new Set(['=', '!=', '<', '<=', '>', '>=']);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Only the expected keys (plus an optional span) — an unknown key means a shape this code does not know. */
function keys(o: Obj, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => k === 'span' || allowed.includes(k)) && (o.span === undefined || isSpan(o.span));
}

function isSpan(v: unknown): boolean {
  return isObj(v) && Number.isSafeInteger(v.offset) && Number.isSafeInteger(v.length) && Object.keys(v).length === 2;
}

function isLiteral(v: unknown): boolean {
  if (!isObj(v)) return false;
  switch (v.kind) {
    case 'string':
      return keys(v, ['kind', 'value']) && typeof v.value === 'string';
    case 'number':
      return keys(v, ['kind', 'value']) && typeof v.value === 'number' && Number.isFinite(v.value);
    case 'boolean':
      return keys(v, ['kind', 'value']) && typeof v.value === 'boolean';
    case 'date':
      return keys(v, ['kind', 'value']) && typeof v.value === 'string' && isCalendarDate(v.value);
    case 'money':
      return keys(v, ['kind', 'amount', 'currency']) && Number.isSafeInteger(v.amount) && typeof v.currency === 'string' && isCurrency(v.currency);
    default:
      return false;
  }
}

function isSubject(v: unknown): boolean {
  if (!isObj(v)) return false;
  if (v.kind === 'attribute') return keys(v, ['kind', 'name']) && typeof v.name === 'string' && IDENT.test(v.name) && !KEYWORD_SET.has(v.name.toLowerCase());
  if (v.kind === 'custom') return keys(v, ['kind', 'field']) && typeof v.field === 'string' && SNAKE_CASE.test(v.field);
  return false;
}

/** Structural check of a stored AST (types are checked separately). */
export function isExpr(v: unknown, depth = 0): v is Expr {
  if (!isObj(v) || depth > MAX_DEPTH) return false;
  switch (v.kind) {
    case 'and':
    case 'or':
      return keys(v, ['kind', 'operands']) && Array.isArray(v.operands) && v.operands.length >= 2 && v.operands.every((o) => isExpr(o, depth + 1));
    case 'not':
      return keys(v, ['kind', 'operand']) && isExpr(v.operand, depth + 1);
    case 'compare':
      return keys(v, ['kind', 'op', 'subject', 'value']) && COMPARE_OPS.has(v.op) && isSubject(v.subject) && isLiteral(v.value);
    case 'in':
      return keys(v, ['kind', 'negated', 'subject', 'values']) && typeof v.negated === 'boolean' && isSubject(v.subject) && Array.isArray(v.values) && v.values.length > 0 && v.values.every(isLiteral);
    case 'contains':
      return keys(v, ['kind', 'subject', 'value']) && isSubject(v.subject) && isLiteral(v.value);
    case 'null_check':
      return keys(v, ['kind', 'negated', 'subject']) && typeof v.negated === 'boolean' && isSubject(v.subject);
    case 'hierarchy':
      return keys(v, ['kind', 'relation', 'companyId']) && (v.relation === 'descendant_of' || v.relation === 'child_of') && typeof v.companyId === 'string' && COMPANY_ID.test(v.companyId);
    default:
      return false;
  }
}

/**
 * Validates an AST read from storage: its shape, then its types against today's catalogue (an
 * attribute may have been retired since it was saved). Error positions refer to `print(ast)`.
 */
export function reviveRule(stored: unknown, options: CheckOptions = {}): CompileResult {
  if (!isExpr(stored)) {
    return { ok: false, errors: [{ message: 'stored rule is not a valid rule tree at 1:1', line: 1, column: 1, offset: 0, length: 0 }] };
  }
  // Spans point into the source the rule was saved from; re-parse the printed form so type errors
  // get positions in a text the caller can show (parse(print(ast)) is ast, spans aside).
  const source = print(stored);
  const reparsed = parse(source);
  if (!reparsed.ok) return reparsed;
  const errors = check(reparsed.ast, source, options);
  return errors.length ? { ok: false, errors } : { ok: true, ast: stored };
}
