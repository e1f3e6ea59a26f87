// Public face of the segments module: the rule language (parse, check, print), evaluation, explain
// and preview (pure), plus customer groups: tables, use cases and admin routes.
import type { FastifyInstance } from 'fastify';
import { segmentsAdminRoutes } from './segments.routes.ts';
import { orderHistoryRoutes } from './order-history.routes.ts';
import { segmentsConsoleRoutes } from './segments-console.routes.ts';
export type {
  AndExpr,
  BooleanLit,
  CompareExpr,
  CompareOp,
  ContainsExpr,
  DateLit,
  Expr,
  HierarchyExpr,
  HierarchyRelation,
  InExpr,
  Literal,
  MoneyLit,
  NotExpr,
  NullCheckExpr,
  NumberLit,
  OrExpr,
  Span,
  StringLit,
  Subject,
} from './domain/ast.ts';
export { stripSpans, subjectsOf } from './domain/ast.ts';
export { ATTRIBUTES, attributeDef, OPERATORS, type AttributeDef, type AttributeType, type CustomFieldTypes } from './domain/catalogue.ts';
export { check, type CheckOptions } from './domain/check.ts';
export { compileRule, type CompileResult } from './domain/compile.ts';
export type { RuleError } from './domain/diagnostics.ts';
export { compileToPredicate, evaluate, type Predicate } from './domain/evaluate.ts';
export { explain, type ExplainNode, type ExplainOptions, type ExplainValue, type Explanation } from './domain/explain.ts';
export type { CompanyAttributes, CompanyFacts, CompanyMetrics, CustomValue, MoneyByCurrency } from './domain/facts.ts';
export { MAX_DEPTH, MAX_SOURCE_LENGTH, parse, type ParseResult } from './domain/parser.ts';
export { countMatches, diffMembership, matchingIds, type DiffOptions, type MembershipDiff } from './domain/preview.ts';
export { print } from './domain/printer.ts';
export { isExpr, reviveRule } from './domain/stored.ts';
export { compileRuleSet, ruleDependencies, type RuleDependencies, type RuleSetEntry } from './domain/rule-set.ts';
export { customerGroupMembers, customerGroupMembershipLog, customerGroups, customerGroupStaticMembers } from './segments.tables.ts';
export { loadFacts } from './segments.repo.ts';
export { segmentsEventHandlers } from './segments.events.ts';
export { companyMetrics, purchaseOrderLines, purchaseOrders } from './purchase-history.tables.ts';
export { emitPurchaseEvent, PRECIS_ORDER_SOURCE, PURCHASE_EVENT_TYPES, PurchaseEventPayloads, type PurchaseEvent, type PurchaseEventType } from './purchase-events.ts';
export { metricsFactsOf, purchaseMetrics, refreshAllAndReevaluate, refreshCompanies, refreshMetrics, refreshThenReevaluate, type RefreshResult } from './metrics.service.ts';
export { importOrderHistory, recordOrders, type OrderDraft, type OrderHistoryItem, type OrderHistoryResult } from './order-history.service.ts';
export { importOrderHistoryCsv, type OrderHistoryCsvOptions, type OrderHistoryCsvResult } from './order-history-csv.service.ts';
export { assembleMetrics, COUNTED_STATUSES, ORDER_STATUSES, windowStarts, type MetricsRecord, type OrderStatus } from './domain/purchase-metrics.ts';
export {
  addStaticMember,
  createGroup,
  deleteGroup,
  explainMembership,
  getGroup,
  groupsOfCompany,
  listGroups,
  listMembers,
  previewRule,
  reevaluateAll,
  reevaluateCompanies,
  reevaluateCompany,
  removeStaticMember,
  updateGroup,
  type CustomerGroup,
  type GroupInput,
  type GroupPatch,
  type Member,
  type MembershipExplanation,
  type PreviewResult,
  type ReevaluateResult,
} from './segments.service.ts';

/** The customer-group admin routes; register after auth. */
export async function segmentsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(segmentsAdminRoutes);
  await app.register(orderHistoryRoutes);
  await app.register(segmentsConsoleRoutes);
}
