import type { FastifyInstance } from 'fastify';
import { catalogAdminRoutes } from './catalog-admin.routes.ts';
import { catalogCsvRoutes } from './csv.routes.ts';
import { catalogIntegrationRoutes } from './integrations.routes.ts';
import { catalogStoreRoutes } from './catalog-store.routes.ts';
import { taxonomyRoutes } from './taxonomy.routes.ts';

/** The catalog module's HTTP surface: storefront, admin and integration routes. */
export async function catalogRoutes(app: FastifyInstance): Promise<void> {
  await catalogStoreRoutes(app);
  await catalogAdminRoutes(app);
  await taxonomyRoutes(app);
  await catalogIntegrationRoutes(app);
  await catalogCsvRoutes(app);
}
