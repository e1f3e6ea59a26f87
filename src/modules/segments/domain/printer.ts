/**
 * Canonical source for an AST: lower-case keywords, single spaces, parentheses only where needed
 * (and around nested groups, so `(a and b) and c` keeps its shape). `parse(print(ast))` gives `ast`
 * back (spans aside), which is what lets the rule builder edit a tree and save text.
 */
import type { Expr, Literal, Subject } from './ast.ts';
import { moneyLiteral, quoteString } from './literals.ts';

/** A literal as source: `"text"`, `12.5`, `true`, `date("2026-01-31")`, `50000.00 PKR`. */
export function printLiteral(lit: Literal): string {
  switch (lit.kind) {
    case 'string':
      return quoteString(lit.value);
    case 'number':
      return String(lit.value);
    case 'boolean':
      return lit.value ? 'true' : 'false';
    case 'date':
      return `date(${quoteString(lit.value)})`;
    case 'money':
      return moneyLiteral(lit.amount, lit.currency);
  }
}

/** A subject as source: `industry` or `custom("credit_grade")`. */
export function printSubject(subject: Subject): string {
  return subject.kind === 'attribute' ? subject.name : `custom(${quoteString(subject.field)})`;
}

/** Needs parentheses as an operand of `parent`? */
function grouped(child: Expr, parent: 'and' | 'or' | 'not'): boolean {
  if (child.kind === 'or') return true;
  if (child.kind === 'and') return parent !== 'or';
  return false;
}

function operand(child: Expr, parent: 'and' | 'or' | 'not'): string {
  const text = print(child);
  return grouped(child, parent) ? `(${text})` : text;
}

/** The canonical source of a rule or of any part of one. */
export function print(ast: Expr): string {
  switch (ast.kind) {
    case 'and':
    case 'or':
      return ast.operands.map((o) => operand(o, ast.kind)).join(` ${ast.kind} `);
    case 'not':
      return `not ${operand(ast.operand, 'not')}`;
    case 'compare':
      return `${printSubject(ast.subject)} ${ast.op} ${printLiteral(ast.value)}`;
    case 'in':
      return `${printSubject(ast.subject)} ${ast.negated ? 'not in' : 'in'} (${ast.values.map(printLiteral).join(', ')})`;
    case 'contains':
      return `${printSubject(ast.subject)} contains ${printLiteral(ast.value)}`;
    case 'null_check':
      return `${printSubject(ast.subject)} ${ast.negated ? 'is not null' : 'is null'}`;
    case 'hierarchy':
      return `${ast.relation}(${quoteString(ast.companyId)})`;
  }
}
