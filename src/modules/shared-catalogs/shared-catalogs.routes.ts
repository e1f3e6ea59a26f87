import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireStaff } from '../../http/guards.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { companyVisibility } from './company-visibility.service.ts';
import {
  CatalogCreate,
  CatalogParams,
  CatalogPatch,
  CatalogPreview,
  CompanyParams,
  CompanyVisibility,
  RulesPreviewBody,
  SharedCatalog,
  SharedCatalogSummary,
} from './shared-catalogs.schemas.ts';
import { createCatalog, deleteCatalog, getCatalog, listCatalogs, previewCatalog, previewRules, updateCatalog } from './shared-catalogs.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const tags = ['shared-catalogs'];
const BASE = '/api/admin/shared-catalogs';

/** Staff management of shared catalogs (who sees which products), guarded by the catalog permissions. */
export async function sharedCatalogAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const read = requireStaff('catalog:read');
  const write = requireStaff('catalog:write');

  app.get(
    BASE,
    { schema: { tags, summary: 'List shared catalogs with rule and assignment summaries', querystring: PageQuery, response: { 200: Page(SharedCatalogSummary), 400: ERR, ...DENIED } }, preHandler: read },
    async (request) => listCatalogs(request.ctx(), request.query),
  );

  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Create a shared catalog with its rules and assignments (unknown ids → VALIDATION_FAILED naming the field)',
        body: CatalogCreate,
        response: { 201: SharedCatalog, 400: ERR, 409: ERR, ...DENIED },
      },
      preHandler: write,
    },
    async (request, reply) => reply.status(201).send(await createCatalog(request.ctx(), request.body)),
  );

  app.post(
    `${BASE}/preview`,
    {
      schema: { tags, summary: 'Preview unsaved rules: how many active products they select and the first 20; writes nothing', body: RulesPreviewBody, response: { 200: CatalogPreview, 400: ERR, ...DENIED } },
      preHandler: read,
    },
    async (request) => previewRules(request.ctx(), request.body.rules),
  );

  app.get(
    `${BASE}/:id`,
    { schema: { tags, summary: 'One shared catalog with its rules and assignments', params: CatalogParams, response: { 200: SharedCatalog, 404: ERR, ...DENIED } }, preHandler: read },
    async (request) => getCatalog(request.ctx(), request.params.id),
  );

  app.patch(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'Change a shared catalog; given rules or assignments replace the old ones; buyers see the change on their next request',
        params: CatalogParams,
        body: CatalogPatch,
        response: { 200: SharedCatalog, 400: ERR, 404: ERR, 409: ERR, ...DENIED },
      },
      preHandler: write,
    },
    async (request) => updateCatalog(request.ctx(), request.params.id, request.body),
  );

  app.delete(
    `${BASE}/:id`,
    { schema: { tags, summary: 'Delete a shared catalog', params: CatalogParams, response: { 204: Type.Null(), 404: ERR, ...DENIED } }, preHandler: write },
    async (request, reply) => {
      await deleteCatalog(request.ctx(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${BASE}/:id/preview`,
    { schema: { tags, summary: 'What the catalog selects: active product count and the first 20 by name', params: CatalogParams, response: { 200: CatalogPreview, 404: ERR, ...DENIED } }, preHandler: read },
    async (request) => previewCatalog(request.ctx(), request.params.id),
  );

  app.get(
    '/api/admin/companies/:id/visibility',
    {
      schema: {
        tags,
        summary: 'Which active catalogs reach a company and how (directly, via an ancestor, via a group, everyone), and how many products it sees',
        params: CompanyParams,
        response: { 200: CompanyVisibility, 404: ERR, ...DENIED },
      },
      preHandler: read,
    },
    async (request) => companyVisibility(request.ctx(), request.params.id),
  );
}
