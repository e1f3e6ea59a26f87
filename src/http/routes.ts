import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app.ts';
import { accountsRoutes } from '../modules/accounts/index.ts';
import { registerAuth } from '../modules/auth/index.ts';
import { catalogRoutes } from '../modules/catalog/index.ts';
import { segmentsRoutes } from '../modules/segments/index.ts';
import { pricingRoutes, storefrontPrices, storefrontPricingRoutes } from '../modules/pricing/index.ts';
import { invoicingRoutes, issueCreditMemo } from '../modules/invoicing/index.ts';
import { paymentsRoutes, refundPayment } from '../modules/payments/index.ts';
import { returnsRoutes } from '../modules/returns/index.ts';
import { dashboardRoutes } from '../modules/dashboard/index.ts';
import { sharedCatalogsRoutes, storefrontVisibility } from '../modules/shared-catalogs/index.ts';
import { cartsRoutes } from '../modules/carts/index.ts';
import { creditRoutes } from '../modules/credit/index.ts';
import { shippingAdminRoutes } from '../modules/shipping/index.ts';
import { taxAdminRoutes } from '../modules/tax/index.ts';
import { ordersRoutes, shipmentRoutes } from '../modules/orders/index.ts';

/**
 * Every module's Fastify plugin, registered in one place. Auth comes first: it resolves the actor
 * (session cookie or API key) and checks CSRF before any route runs.
 */
export async function registerModules(app: FastifyInstance, deps: AppDeps): Promise<void> {
  void app;
  void deps;
  await registerAuth(app, deps); // first: resolves request.actor and checks CSRF for every later route
  await accountsRoutes(app);
  await catalogRoutes(app, { ...deps, storefront: { visibility: storefrontVisibility, prices: (ctx, ids) => storefrontPrices(ctx, ids, deps.config.PRICING_STRATEGY) } });
  await segmentsRoutes(app);
  await pricingRoutes(app, deps);
  await storefrontPricingRoutes(app, deps);
  await sharedCatalogsRoutes(app, deps);
  await paymentsRoutes(app, deps);
  await invoicingRoutes(app, deps);
  await cartsRoutes(app, deps);
  await app.register(taxAdminRoutes);
  await app.register(shippingAdminRoutes);
  await creditRoutes(app);
  await returnsRoutes(app, { windowDays: deps.config.RETURN_WINDOW_DAYS, refundPayment, issueCreditMemo });
  await app.register(dashboardRoutes);
  await ordersRoutes(app);
  await shipmentRoutes(app, deps);
}
