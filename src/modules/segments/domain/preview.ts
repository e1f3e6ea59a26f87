/** What a rule change would do, computed over facts already in memory (the service loads them). */
import type { Expr } from './ast.ts';
import { compileToPredicate, type Predicate } from './evaluate.ts';
import type { CompanyFacts } from './facts.ts';

export interface MembershipDiff {
  /** Companies that would become members, in input order. */
  readonly joins: string[];
  /** Companies that would stop being members, in input order. */
  readonly leaves: string[];
  /** Companies whose membership stays as it is (members or not). */
  readonly unchanged: number;
  /** Members before and after the change (static members included). */
  readonly before: number;
  readonly after: number;
}

export interface DiffOptions {
  /** Static members stay members whatever the rule says, so they never join or leave. */
  readonly staticMemberIds?: ReadonlySet<string>;
}

const nobody: Predicate = () => false;

/**
 * Who joins and who leaves when a group's rule changes from `oldAst` to `newAst` (null: no rule, so
 * no rule-based members — a new rule, or a rule being removed).
 */
export function diffMembership(oldAst: Expr | null, newAst: Expr | null, companies: Iterable<CompanyFacts>, options: DiffOptions = {}): MembershipDiff {
  const was = oldAst ? compileToPredicate(oldAst) : nobody;
  const is = newAst ? compileToPredicate(newAst) : nobody;
  const fixed = options.staticMemberIds;
  const joins: string[] = [];
  const leaves: string[] = [];
  let unchanged = 0;
  let before = 0;
  let after = 0;
  for (const c of companies) {
    const pinned = fixed?.has(c.id) ?? false;
    const a = pinned || was(c);
    const b = pinned || is(c);
    if (a) before++;
    if (b) after++;
    if (a === b) unchanged++;
    else if (b) joins.push(c.id);
    else leaves.push(c.id);
  }
  return { joins, leaves, unchanged, before, after };
}

/** How many companies match the rule: the rule builder's live count. */
export function countMatches(ast: Expr, companies: Iterable<CompanyFacts>): number {
  const p = compileToPredicate(ast);
  let n = 0;
  for (const c of companies) if (p(c)) n++;
  return n;
}

/** Ids of the matching companies, in input order (for a full re-evaluation). */
export function matchingIds(ast: Expr, companies: Iterable<CompanyFacts>): string[] {
  const p = compileToPredicate(ast);
  const out: string[] = [];
  for (const c of companies) if (p(c)) out.push(c.id);
  return out;
}
