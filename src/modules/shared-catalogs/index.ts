/**
 * Shared catalogs (per-company visibility): catalogs with include/exclude rules, assigned to
 * everyone, customer groups or companies. Other modules import only this file.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { listenForVisibilityChanges } from './reach-cache.ts';
import { sharedCatalogAdminRoutes } from './shared-catalogs.routes.ts';
export { sharedCatalogs, sharedCatalogRules, sharedCatalogAssignments } from './shared-catalogs.tables.ts';
export type { Assignment, CatalogRules, CompanyPlace, ProductFacts, ReachReason, Selector } from './domain/types.ts';
export { compileVisibility, evaluatePredicate, isVisible, type VisibilityPredicate } from './domain/visibility.ts';
export { reachReasons, reaches } from './domain/reach.ts';
export { VISIBILITY_CHANNEL } from './reach-cache.ts';
export { buyableCondition, buyableFactsSql, buyableJudge, invisibleVariantIds, reachSql, resolveVisibility, storefrontVisibility, type BuyableFacts, type ResolvedVisibility } from './visibility.service.ts';
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

/** What the module needs from the application: the cache setting and the database's LISTEN. */
export interface SharedCatalogDeps {
  readonly config: Pick<Config, 'CATALOG_CACHE'>;
  readonly database: Pick<Database, 'db' | 'listen'>;
}

/**
 * The shared-catalog admin routes; register after auth. Also subscribes this process's reach
 * cache to catalog, company and membership writes of any process (off with CATALOG_CACHE=off).
 */
export async function sharedCatalogsRoutes(app: FastifyInstance, deps?: SharedCatalogDeps): Promise<void> {
  if (deps && deps.config.CATALOG_CACHE === 'on') {
    const { db } = deps.database;
    const unlisten = await listenForVisibilityChanges(db, (channel, onPayload) => deps.database.listen(channel, onPayload));
    app.addHook('onClose', async () => unlisten());
  }
  await app.register(sharedCatalogAdminRoutes);
}
