import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { catalogAdminRoutes } from './catalog-admin.routes.ts';
import { catalogCsvRoutes } from './csv.routes.ts';
import { catalogIntegrationRoutes } from './integrations.routes.ts';
import { catalogStoreRoutes } from './catalog-store.routes.ts';
import { listenForCatalogWrites, setCatalogCacheEnabled } from './search-cache.ts';
import { taxonomyRoutes } from './taxonomy.routes.ts';
import { OPEN_STOREFRONT, type StorefrontHooks } from './storefront-hooks.ts';

/** What the catalog needs from the application: its settings and the database's LISTEN. */
export interface CatalogDeps {
  readonly config: Pick<Config, 'CATALOG_CACHE'>;
  readonly database: Pick<Database, 'listen'>;
  /** Visibility and prices of the storefront (shared-catalogs and pricing modules). */
  readonly storefront?: StorefrontHooks;
}

/**
 * The catalog module's HTTP surface: storefront, admin and integration routes. It also subscribes
 * this process's listing caches to catalog writes made by any process (NOTIFY precis_catalog).
 */
export async function catalogRoutes(app: FastifyInstance, deps: CatalogDeps): Promise<void> {
  setCatalogCacheEnabled(deps.config.CATALOG_CACHE === 'on');
  const unlisten = await listenForCatalogWrites((channel, onPayload) => deps.database.listen(channel, onPayload));
  app.addHook('onClose', async () => unlisten());
  await catalogStoreRoutes(app, deps.storefront ?? OPEN_STOREFRONT);
  await catalogAdminRoutes(app);
  await taxonomyRoutes(app);
  await catalogIntegrationRoutes(app);
  await catalogCsvRoutes(app);
}
