import { PassThrough, type Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireStaff } from '../../http/guards.ts';
import { Page } from '../../http/pagination.ts';
import { AppError } from '../../lib/errors.ts';
import * as s from './entries-admin.schemas.ts';
import * as entries from './entries-admin.service.ts';
import { exportEntriesCsv, importEntriesCsv } from './entries-csv.service.ts';
import { Entry, IdParams } from './pricing.schemas.ts';
import { loadList } from './pricing.service.ts';

const P = Type.Ref('Problem');
const errors = { 400: P, 401: P, 403: P, 404: P, 409: P };
const read = requireStaff('pricing:read');
const write = requireStaff('pricing:write');
const tags = ['admin: pricing'];

/**
 * The request bodies of CSV imports, by request: the parser hands over the raw stream instead of
 * buffering it, so a 1,000,000-row file is parsed as it arrives. (The validated body is '').
 */
const csvStreams = new WeakMap<FastifyRequest, Readable>();

/** Staff routes over one list's entries: filtered listing, delete, bulk change by percent, CSV. */
export async function entriesAdminRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/admin/price-lists/:id/entries',
    {
      preHandler: read,
      schema: { tags, summary: "A price list's entries with SKU and product name; filter by SKU prefix or name words, category, brand", params: IdParams, querystring: s.EntriesQuery, response: { 200: Page(Entry), ...errors } },
    },
    async (req) => entries.listEntries(req.ctx(), req.params.id, req.query),
  );
  r.delete(
    '/api/admin/price-lists/:id/entries',
    { preHandler: write, schema: { tags, summary: 'Delete entries by SKU or variant id (per-item errors)', params: IdParams, body: s.EntriesDelete, response: { 200: s.EntriesDeleteResult, ...errors } } },
    async (req) => entries.deleteEntries(req.ctx(), req.params.id, req.body.items),
  );
  r.post(
    '/api/admin/price-lists/:id/entries/adjust',
    {
      preHandler: write,
      schema: { tags, summary: 'Change unit and tier prices by a percentage (half-even, one transaction); dryRun previews', params: IdParams, body: s.AdjustBody, response: { 200: s.AdjustResult, ...errors } },
    },
    async (req) => entries.adjustEntries(req.ctx(), req.params.id, req.body),
  );
  r.get(
    '/api/admin/price-lists/:id/entries.csv',
    {
      preHandler: read,
      schema: { tags, summary: 'Export entries as CSV (the import format plus product_name), streamed', params: IdParams, querystring: s.EntryFilter, produces: ['text/csv'], response: { 401: P, 403: P, 404: P } },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      await loadList(ctx, req.params.id); // an unknown list is a 404 problem, before the first byte
      const out = new PassThrough();
      exportEntriesCsv(ctx, req.params.id, out, { filter: req.query }).catch((err: unknown) => {
        req.log.error({ err }, 'price entry export failed');
        out.destroy(err as Error);
      });
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${req.params.id}-entries.csv"`).send(out);
    },
  );

  await app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', (req, payload, done) => {
      csvStreams.set(req, payload);
      done(null, '');
    });
    const rs = scope.withTypeProvider<TypeBoxTypeProvider>();
    rs.post(
      '/api/admin/price-lists/:id/entries/import',
      {
        preHandler: write,
        schema: {
          tags,
          summary: 'Import entries from CSV (sku,unit_price,tiers,qty_min,qty_max,qty_increment; prices in major units), streamed; per-row errors',
          consumes: ['text/csv'],
          params: IdParams,
          body: Type.String({ description: 'CSV text, streamed (never buffered whole); the first line names the columns' }),
          response: { 200: s.CsvImportResult, ...errors, 415: P },
        },
      },
      async (req) => {
        const stream = csvStreams.get(req);
        if (!stream) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv');
        return importEntriesCsv(req.ctx(), req.params.id, stream);
      },
    );
  });
}
