import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireStaff, staffOf } from '../../http/guards.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.ts';
import { ApiKeySchema } from './auth.schemas.ts';
import { SCOPE_PATTERN } from './domain/tokens.ts';

const ERR = { $ref: 'Problem#' } as const;

/** Staff management of integration API keys. */
export async function apiKeyRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const guard = requireStaff('api_keys:write');

  app.get(
    '/api/admin/api-keys',
    { schema: { tags: ['api keys'], summary: 'List API keys (never the keys themselves)', querystring: PageQuery, response: { 200: Page(ApiKeySchema), 401: ERR, 403: ERR } }, preHandler: guard },
    async (request) => listApiKeys(request.ctx(), request.query),
  );

  app.post(
    '/api/admin/api-keys',
    {
      schema: {
        tags: ['api keys'],
        summary: 'Create an API key; the answer holds the plaintext key, shown this once',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            scopes: Type.Array(Type.String({ pattern: SCOPE_PATTERN, maxLength: 50 }), { minItems: 1, maxItems: 30, description: 'e.g. catalog:read, inventory:write, companies:read' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ ...ApiKeySchema.properties, key: Type.String() }, { additionalProperties: false }), 400: ERR, 401: ERR, 403: ERR },
      },
      preHandler: guard,
    },
    async (request, reply) => reply.status(201).send(await createApiKey(request.ctx(), request.body, staffOf(request).staffId)),
  );

  app.delete(
    '/api/admin/api-keys/:id',
    {
      schema: {
        tags: ['api keys'],
        summary: 'Revoke an API key; it stops working at once',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), 404: ERR },
      },
      preHandler: guard,
    },
    async (request, reply) => {
      await revokeApiKey(request.ctx(), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
