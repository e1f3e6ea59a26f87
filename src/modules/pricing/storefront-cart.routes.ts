import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { requireBuyer } from '../../http/guards.ts';
import { CartPreview, CartPreviewBody } from './storefront-cart.schemas.ts';
import { previewCart } from './storefront-cart.service.ts';
import { CATALOG_CHANNEL } from '../catalog/index.ts';
import { listenForPricingWrites } from './storefront-cache.ts';

const P = Type.Ref('Problem');

export interface StorefrontPricingDeps {
  readonly config: Pick<Config, 'PRICING_STRATEGY'>;
  readonly database: Pick<Database, 'db' | 'listen'>;
}

/**
 * The buyer's cart preview, and this process's storefront price cache subscribed to pricing writes
 * made by any process (NOTIFY precis_pricing).
 */
export async function storefrontPricingRoutes(app: FastifyInstance, deps: StorefrontPricingDeps): Promise<void> {
  const unlisten = await listenForPricingWrites(deps.database.db, (channel, onPayload) => deps.database.listen(channel, onPayload), CATALOG_CHANNEL);
  app.addHook('onClose', async () => unlisten());
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.post(
    '/api/store/cart-preview',
    {
      preHandler: requireBuyer(),
      schema: {
        tags: ['store: pricing'],
        summary: 'Price "SKU quantity" lines for your company, with problems per line and the subtotal',
        body: CartPreviewBody,
        response: { 200: CartPreview, 400: P, 401: P, 403: P },
      },
    },
    async (req) => previewCart(req.ctx(), req.body.lines, deps.config.PRICING_STRATEGY),
  );
}
