import type { FastifyInstance } from 'fastify';
import { catalogStoreRoutes } from './catalog-store.routes.ts';

/** The catalog module's HTTP surface: storefront, admin and integration routes. */
export async function catalogRoutes(app: FastifyInstance): Promise<void> {
  await catalogStoreRoutes(app);
}
