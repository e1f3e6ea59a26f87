/**
 * The segments module's browser-safe face: the rule language's pure code (parse, print, literals)
 * and nothing that touches the server (routes, tables, repositories live behind index.ts). The
 * admin console's rule builder uses it, so builder and server read rules with the same parser.
 */
export type { Expr, Literal } from './domain/ast.ts';
export { decimalAmount, isCalendarDate, toMinorUnits } from './domain/literals.ts';
export { parse } from './domain/parser.ts';
export { print } from './domain/printer.ts';
