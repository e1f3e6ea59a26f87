/** Many rules at once: what a rule reads, and one company against every group's rule (the per-event path). */
import type { Expr } from './ast.ts';
import { attributeDef } from './catalogue.ts';
import { compileToPredicate } from './evaluate.ts';
import type { CompanyFacts } from './facts.ts';

export interface RuleDependencies {
  /** Company attributes read (`id`, `industry`, …), sorted. */
  readonly attributes: readonly string[];
  /** Metrics read (`spend_90d`, …), sorted. */
  readonly metrics: readonly string[];
  /** Custom fields read, sorted. */
  readonly customFields: readonly string[];
  /**
   * Reads the company's place in the tree (`descendant_of`, `child_of`, `parent_id`, `depth`): moving
   * a company re-evaluates such rules for the whole moved subtree, not just the company.
   */
  readonly hierarchy: boolean;
}

/**
 * What facts a rule depends on, so the service re-evaluates only the groups an event can affect
 * (a paid invoice touches rules on `overdue_invoice_amount`, not rules on `industry`).
 */
export function ruleDependencies(ast: Expr): RuleDependencies {
  const attributes = new Set<string>();
  const metrics = new Set<string>();
  const customFields = new Set<string>();
  let hierarchy = false;
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'and':
      case 'or':
        e.operands.forEach(walk);
        return;
      case 'not':
        walk(e.operand);
        return;
      case 'hierarchy':
        hierarchy = true;
        return;
      default: {
        const s = e.subject;
        if (s.kind === 'custom') {
          customFields.add(s.field);
          return;
        }
        const def = attributeDef(s.name);
        if (def?.source === 'metrics') metrics.add(s.name);
        else attributes.add(s.name);
        if (s.name === 'parent_id' || s.name === 'depth') hierarchy = true;
      }
    }
  };
  walk(ast);
  return { attributes: [...attributes].sort(), metrics: [...metrics].sort(), customFields: [...customFields].sort(), hierarchy };
}

export interface RuleSetEntry {
  /** The group's id (or any key the caller wants back). */
  readonly id: string;
  readonly ast: Expr;
}

/**
 * Compiles every group's rule once; the returned function gives the ids of the groups whose rule a
 * company matches, in input order (one company's re-evaluation after an event).
 */
export function compileRuleSet(rules: readonly RuleSetEntry[]): (facts: CompanyFacts) => string[] {
  const compiled = rules.map((r) => ({ id: r.id, matches: compileToPredicate(r.ast) }));
  return (facts) => {
    const out: string[] = [];
    for (const r of compiled) if (r.matches(facts)) out.push(r.id);
    return out;
  };
}
