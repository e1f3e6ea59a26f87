import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireStaff } from '../../http/guards.ts';
import type { Ctx } from '../../http/context.ts';
import { ImportResult } from './catalog-admin.schemas.ts';
import { exportInventoryCsv, exportProductsCsv } from './csv-export.service.ts';
import { importInventoryCsv, importProductsCsv } from './csv-import.service.ts';

/** Imports may be far larger than the JSON body limit: 100,000 variants is about 20 MB. */
const CSV_BODY_LIMIT = 64 * 1024 * 1024;
const P = Type.Ref('Problem');
const errors = { 400: P, 401: P, 403: P, 413: P, 415: P };
const CsvBody = Type.String({ description: 'CSV text with a header row', maxLength: CSV_BODY_LIMIT });

function sendCsv(request: FastifyRequest, reply: FastifyReply, filename: string, write: (ctx: Ctx, out: PassThrough) => Promise<void>): FastifyReply {
  const out = new PassThrough();
  write(request.ctx(), out).catch((err: unknown) => {
    request.log.error({ err }, `${filename} export failed`);
    out.destroy(err as Error);
  });
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(out);
}

/**
 * CSV import and export. Encapsulated so that its `text/csv` body parser (the text as one string,
 * parsed as a stream in batches by the service) applies to these routes only.
 */
export async function catalogCsvRoutes(app: FastifyInstance): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_req, body, done) => done(null, body));
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();

    r.post(
      '/api/admin/products/import',
      {
        preHandler: requireStaff('catalog:write'),
        bodyLimit: CSV_BODY_LIMIT,
        schema: {
          tags: ['admin: products'],
          summary: 'Import products from CSV (one row per variant), upserting by slug and SKU',
          consumes: ['text/csv'],
          body: CsvBody,
          response: { 200: ImportResult, ...errors },
        },
      },
      async (req) => importProductsCsv(req.ctx(), req.body),
    );
    r.get(
      '/api/admin/products/export',
      { preHandler: requireStaff('catalog:read'), schema: { tags: ['admin: products'], summary: 'Export products as CSV (the import format)', produces: ['text/csv'], response: { 401: P, 403: P } } },
      async (req, reply) => sendCsv(req, reply, 'products.csv', exportProductsCsv),
    );
    r.post(
      '/api/admin/inventory/import',
      {
        preHandler: requireStaff('inventory:write'),
        bodyLimit: CSV_BODY_LIMIT,
        schema: { tags: ['admin: inventory'], summary: 'Import stock levels from CSV (sku, warehouse_code, on_hand)', consumes: ['text/csv'], body: CsvBody, response: { 200: ImportResult, ...errors } },
      },
      async (req) => importInventoryCsv(req.ctx(), req.body),
    );
    r.get(
      '/api/admin/inventory/export',
      { preHandler: requireStaff('catalog:read'), schema: { tags: ['admin: inventory'], summary: 'Export stock levels as CSV', produces: ['text/csv'], response: { 401: P, 403: P } } },
      async (req, reply) => sendCsv(req, reply, 'inventory.csv', exportInventoryCsv),
    );
  });
}
