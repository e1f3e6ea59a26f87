import type { Expr } from './ast.ts';
import { check, type CheckOptions } from './check.ts';
import type { RuleError } from './diagnostics.ts';
import { parse } from './parser.ts';

export type CompileResult = { ok: true; ast: Expr } | { ok: false; errors: RuleError[] };

/**
 * Parses and type-checks a rule. On success the AST (with spans into `source`) is ready to store as
 * jsonb and to evaluate; on failure every error has a position and says what was expected.
 */
export function compileRule(source: string, options: CheckOptions = {}): CompileResult {
  const parsed = parse(source);
  if (!parsed.ok) return parsed;
  const errors = check(parsed.ast, source, options);
  return errors.length ? { ok: false, errors } : { ok: true, ast: parsed.ast };
}
