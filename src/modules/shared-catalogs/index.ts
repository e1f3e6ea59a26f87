/**
 * Shared catalogs (per-company visibility): catalogs with include/exclude rules, assigned to
 * everyone, customer groups or companies. Other modules import only this file.
 */
import type { FastifyInstance } from 'fastify';
import { sharedCatalogAdminRoutes } from './shared-catalogs.routes.ts';
export { sharedCatalogs, sharedCatalogRules, sharedCatalogAssignments } from './shared-catalogs.tables.ts';
export type { Assignment, CatalogRules, CompanyPlace, ProductFacts, ReachReason, Selector } from './domain/types.ts';
export { compileVisibility, evaluatePredicate, isVisible, type VisibilityPredicate } from './domain/visibility.ts';
export { reachReasons, reaches } from './domain/reach.ts';
export { invisibleVariantIds, resolveVisibility, storefrontVisibility, type ResolvedVisibility } from './visibility.service.ts';
export { companyVisibility, type CompanyVisibility } from './company-visibility.service.ts';
export {
  createCatalog,
  deleteCatalog,
  getCatalog,
  listCatalogs,
  previewCatalog,
  previewRules,
  updateCatalog,
  type CatalogInput,
  type CatalogPatch,
  type RuleInput,
  type SharedCatalog,
  type SharedCatalogSummary,
} from './shared-catalogs.service.ts';

/** The shared-catalog admin routes; register after auth. */
export async function sharedCatalogsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(sharedCatalogAdminRoutes);
}
