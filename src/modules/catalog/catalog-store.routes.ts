import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CategoryNode, IdOrSlugParams, ProductSearchQuery, ProductSearchResult, StoreProduct } from './catalog-store.schemas.ts';
import { categoryTree, searchProducts, storeProduct } from './catalog-store.service.ts';
import type { StorefrontHooks } from './storefront-hooks.ts';

const tags = ['store: catalog'];
const problem = { 400: Type.Ref('Problem'), 404: Type.Ref('Problem') };

/**
 * Storefront catalog: open to anonymous visitors (the public catalog at base prices); a signed-in
 * buyer sees what the catalogs reaching the company allow, at the company's prices (`hooks`).
 */
export async function catalogStoreRoutes(app: FastifyInstance, hooks: StorefrontHooks): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(CategoryNode);

  r.get(
    '/api/store/categories',
    { schema: { tags, summary: 'Category tree with product counts', response: { 200: Type.Array(Type.Ref('StoreCategoryNode')) } } },
    async (request) => {
      const ctx = request.ctx();
      return categoryTree(ctx, await hooks.visibility(ctx));
    },
  );

  r.get(
    '/api/store/products',
    { schema: { tags, summary: 'Search and list products with facets', querystring: ProductSearchQuery, response: { 200: ProductSearchResult, ...problem } } },
    async (request) => {
      const ctx = request.ctx();
      return searchProducts(ctx, request.query, await hooks.visibility(ctx), (ids) => hooks.prices(ctx, ids));
    },
  );

  r.get(
    '/api/store/products/:idOrSlug',
    { schema: { tags, summary: 'Product page by id or slug', params: IdOrSlugParams, response: { 200: StoreProduct, ...problem } } },
    async (request) => {
      const ctx = request.ctx();
      return storeProduct(ctx, request.params.idOrSlug, await hooks.visibility(ctx), (ids) => hooks.prices(ctx, ids));
    },
  );
}
