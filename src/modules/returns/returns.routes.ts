import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireBuyer, requireStaff } from '../../http/guards.ts';
import { Page } from '../../http/pagination.ts';
import {
  AdminReturnQuery,
  ApproveBody,
  ReceiveBody,
  RejectBody,
  ResolveBody,
  ReturnableLines,
  ReturnCreate,
  ReturnDetail,
  ReturnParams,
  ReturnSummary,
  StoreReturnQuery,
} from './returns.schemas.ts';
import { approveReturn, getReturn, listReturns, receiveReturn, rejectReturn, requestReturn, resolveReturn, returnableLines, type ReturnsDeps } from './returns.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const tags = ['returns'];

/** Buyers request and follow returns of their company's orders. */
export function storeReturnRoutes(deps: ReturnsDeps) {
  return async (root: FastifyInstance): Promise<void> => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const read = requireBuyer('company.orders:read');
    const create = requireBuyer('company.orders:create');

    app.get(
      '/api/store/returns',
      { schema: { tags, summary: "Your company's returns, newest first", querystring: StoreReturnQuery, response: { 200: Page(ReturnSummary), 400: ERR, ...DENIED } }, preHandler: read },
      async (request) => listReturns(request.ctx(), request.query),
    );

    app.post(
      '/api/store/returns',
      {
        schema: {
          tags,
          summary: 'Request a return of shipped order lines (reason per line, within the return window); never more than was shipped and not yet returned',
          body: ReturnCreate,
          response: { 201: ReturnDetail, 400: ERR, 404: ERR, 409: ERR, ...DENIED },
        },
        preHandler: create,
      },
      async (request, reply) => reply.status(201).send(await requestReturn(request.ctx(), deps, request.body)),
    );

    app.get(
      '/api/store/returns/:id',
      { schema: { tags, summary: 'One return with its lines and timeline', params: ReturnParams, response: { 200: ReturnDetail, 404: ERR, ...DENIED } }, preHandler: read },
      async (request) => getReturn(request.ctx(), request.params.id),
    );

    app.get(
      '/api/store/orders/:id/returnable-lines',
      { schema: { tags, summary: 'The lines of an order as the return form offers them: how many may go back and until when', params: ReturnParams, response: { 200: ReturnableLines, 404: ERR, ...DENIED } }, preHandler: read },
      async (request) => ({ windowDays: deps.windowDays, lines: await returnableLines(request.ctx(), deps, request.params.id) }),
    );
  };
}

/** Staff handle returns: approve or reject, receive (optionally restocking), refund or credit. */
export function adminReturnRoutes(deps: ReturnsDeps) {
  return async (root: FastifyInstance): Promise<void> => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const read = requireStaff('orders:read');
    const write = requireStaff('orders:write');
    const BASE = '/api/admin/returns';

    app.get(
      BASE,
      { schema: { tags, summary: 'All returns, newest first; filter by status, open, company, order or a search', querystring: AdminReturnQuery, response: { 200: Page(ReturnSummary), 400: ERR, ...DENIED } }, preHandler: read },
      async (request) => listReturns(request.ctx(), request.query),
    );

    app.get(
      `${BASE}/:id`,
      { schema: { tags, summary: 'One return with lines, timeline and the actions possible now', params: ReturnParams, response: { 200: ReturnDetail, 404: ERR, ...DENIED } }, preHandler: read },
      async (request) => getReturn(request.ctx(), request.params.id),
    );

    app.post(
      `${BASE}/:id/approve`,
      { schema: { tags, summary: 'Approve a requested return', params: ReturnParams, body: ApproveBody, response: { 200: ReturnDetail, 400: ERR, 404: ERR, 409: ERR, ...DENIED } }, preHandler: write },
      async (request) => approveReturn(request.ctx(), request.params.id, request.body),
    );

    app.post(
      `${BASE}/:id/reject`,
      { schema: { tags, summary: 'Reject a requested return with a reason; its quantities become returnable again', params: ReturnParams, body: RejectBody, response: { 200: ReturnDetail, 400: ERR, 404: ERR, 409: ERR, ...DENIED } }, preHandler: write },
      async (request) => rejectReturn(request.ctx(), request.params.id, request.body),
    );

    app.post(
      `${BASE}/:id/receive`,
      {
        schema: { tags, summary: 'Record the goods received back, optionally restocking them into a warehouse', params: ReturnParams, body: ReceiveBody, response: { 200: ReturnDetail, 400: ERR, 404: ERR, 409: ERR, ...DENIED } },
        preHandler: write,
      },
      async (request) => receiveReturn(request.ctx(), request.params.id, request.body),
    );

    app.post(
      `${BASE}/:id/resolve`,
      {
        schema: {
          tags,
          summary: 'Close a received return with a card refund or a credit memo (which frees credit)',
          params: ReturnParams,
          body: ResolveBody,
          response: { 200: ReturnDetail, 400: ERR, 402: ERR, 404: ERR, 409: ERR, 422: ERR, 503: ERR, ...DENIED },
        },
        preHandler: write,
      },
      async (request) => resolveReturn(request.ctx(), deps, request.params.id, request.body),
    );
  };
}
