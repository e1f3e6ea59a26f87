import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import type { Mailer } from './lib/mailer.ts';
import { ANONYMOUS, type Actor, type Ctx } from './http/context.ts';
import { Problem, registerErrorHandler, registerNotFound, problem, sendProblem, rejectNonFiniteNumbers } from './http/problem.ts';
import { registerIdempotency } from './http/idempotency.ts';
import { registerObservability } from './http/observability.ts';
import { registerModules } from './http/routes.ts';
import { registerSurfaceGuards } from './http/guards.ts';
import { fastSerializerFactory } from './http/serializer.ts';

/** What the application is built from; tests pass their own (in-memory database, test SMTP). */
export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  readonly mailer: Mailer;
  readonly clock?: Clock;
  /** Where the built web app lives; absent in API-only tests. */
  readonly webDir?: string;
}

export type App = FastifyInstance;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The request context for service calls. */
    ctx(): Ctx;
  }
}

const WEB_DIR = path.resolve('dist/web');

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'] },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 10 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    forceCloseConnections: true,
    // Long path segments reach the route's schema (a clear 400/404) instead of the router's bare 414.
    routerOptions: { maxParamLength: 2048 },
    frameworkErrors: (error, request, reply) => sendProblem(reply, { ...problem('VALIDATION_FAILED', error.message, 'url'), instance: request.url }),
    return503OnClosing: true,
    schemaController: { compilersFactory: { buildSerializer: fastSerializerFactory() } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('actor', null as unknown as never);
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS; // the auth module's hook, registered later, replaces it
  });
  app.decorateRequest('ctx', function (this: import('fastify').FastifyRequest): Ctx {
    const lang = this.headers['accept-language'];
    return {
      actor: this.actor,
      db: database.db,
      clock,
      log: this.log,
      requestId: this.id,
      locale: typeof lang === 'string' ? (lang.split(',')[0]?.split(';')[0]?.trim() || 'en') : 'en',
    };
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandler(app);
  rejectNonFiniteNumbers(app);
  await app.register(cookie);
  app.addSchema(Problem);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Precis API', version: '0.1.0', description: 'B2B commerce engine. Store (buyers), admin (staff) and integration (API key) endpoints. Errors are RFC 9457 problem+json with a stable `code`.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'precis_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerObservability(app, database);
  registerSurfaceGuards(app);
  await registerModules(app, { ...deps, clock });
  registerIdempotency(app, database);

  const webDir = deps.webDir ?? WEB_DIR;
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: false });
  registerNotFound(app, hasWeb ? readFileSync(path.join(webDir, 'index.html'), 'utf8') : undefined);
  return app;
}
