import { Type } from 'typebox';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CODES, type ErrorCode } from '../lib/errors.ts';

/** RFC 9457 problem details, as every error response looks. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable machine-readable code from the error registry' }),
    field: Type.Optional(Type.String({ description: 'The request field at fault, as a JSON pointer-ish path' })),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          message: Type.String(),
          line: Type.Optional(Type.Integer({ description: '1-based line of a rule error' })),
          column: Type.Optional(Type.Integer({ description: '1-based column of a rule error' })),
        }),
      ),
    ),
    instance: Type.Optional(Type.String()),
  },
  { $id: 'Problem' },
);

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  field?: string;
  errors?: { field: string; message: string; line?: number; column?: number }[];
  instance?: string;
  [extra: string]: unknown;
}

export function problem(code: ErrorCode, detail?: string, field?: string, extra?: Record<string, unknown>): ProblemBody {
  const def = ERROR_CODES[code];
  return {
    type: `https://precis.dev/errors/${code.toLowerCase().replace(/_/g, '-')}`,
    title: def.title,
    status: def.status,
    detail: detail ?? def.title,
    code,
    ...(field ? { field } : {}),
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.status(body.status).type('application/problem+json').send(body);
}

/** `/body/items/0/qty` or `body.items[0].qty` → `items[0].qty`: the name a client sent. */
function fieldName(instancePath: string, context: string | undefined, missing?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (missing) parts.push(missing);
  const name = parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return name || context || 'body';
}

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { missingProperty?: string; additionalProperty?: string; requiredProperties?: string[] };
}

/**
 * Database errors a service did not anticipate still must not be 500s when the client caused them
 * (a race on a unique key, a value out of the column's range).
 */
const PG_ERRORS: Record<string, [ErrorCode, string]> = {
  '23505': ['CONFLICT', 'A record with the same unique value already exists'],
  '23503': ['CONFLICT', 'A referenced record does not exist or is still referenced'],
  '22P02': ['VALIDATION_FAILED', 'A value has the wrong format'],
  '22003': ['VALIDATION_FAILED', 'A number is out of range'],
  '22001': ['VALIDATION_FAILED', 'A value is too long'],
  '40001': ['CONFLICT', 'A concurrent change got in the way; retry the request'],
  '40P01': ['CONFLICT', 'A concurrent change got in the way; retry the request'],
};

/** Maps every failure to problem+json: validation → 400 naming the field; AppError → its code; else 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      return sendProblem(reply, { ...problem(err.code, err.message, err.field, err.extra), instance: request.url });
    }
    const fe = err as Omit<FastifyError, 'validation'> & { validation?: ValidationIssue[]; validationContext?: string };
    if (fe.validation) {
      const errors = fe.validation.map((v) => {
        const missing = v.params?.missingProperty ?? v.params?.requiredProperties?.[0];
        const extra = v.params?.additionalProperty;
        const field = fieldName(v.instancePath ?? '', fe.validationContext, missing ?? extra);
        return { field, message: extra ? `unknown property ${extra}` : (v.message ?? 'is invalid') };
      });
      const first = errors[0] ?? { field: fe.validationContext ?? 'body', message: 'is invalid' };
      return sendProblem(reply, { ...problem('VALIDATION_FAILED', `${first.field} ${first.message}`, first.field), errors, instance: request.url });
    }
    const pgCode = (err as { code?: unknown }).code;
    if (typeof pgCode === 'string' && PG_ERRORS[pgCode]) {
      const [code, detail] = PG_ERRORS[pgCode]!;
      return sendProblem(reply, { ...problem(code, detail), instance: request.url });
    }
    const status: number = fe.statusCode ?? 500;
    if (status === 413) return sendProblem(reply, problem('PAYLOAD_TOO_LARGE'));
    if (status === 415) return sendProblem(reply, problem('UNSUPPORTED_MEDIA_TYPE', fe.message));
    if (status === 429) return sendProblem(reply, problem('RATE_LIMITED', fe.message));
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, empty body, bad content-length) keep their status.
      return sendProblem(reply, { ...problem('VALIDATION_FAILED', fe.message, 'body'), status });
    }
    request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, problem('INTERNAL', 'Something went wrong on our side; it has been logged.'));
  });
}

/**
 * Unknown routes: problem+json 404 for the API; with a web build, every other GET without a file
 * extension gets the single-page app's index.html (the SPA routes `/…` and `/admin/…` itself).
 */
export function registerNotFound(app: FastifyInstance, spaIndexHtml?: string): void {
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (spaIndexHtml && request.method === 'GET' && !url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(url)) return reply.type('text/html').send(spaIndexHtml);
    return sendProblem(reply, { ...problem('NOT_FOUND', `No route ${request.method} ${url}`), instance: request.url });
  });
}

/** Depth-first search for a non-finite number (JSON `1e999`, a 400-digit query value); returns its path. */
function findNonFinite(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const hit = findNonFinite(v, Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/**
 * Ajv lets Infinity through `integer` and `maximum` checks once coerced from an over-long numeral,
 * so every validated input is checked once more for non-finite numbers before any handler runs.
 */
export function rejectNonFiniteNumbers(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const bad = findNonFinite(request.query, '') ?? findNonFinite(request.params, '') ?? findNonFinite(request.body, '');
    if (bad !== null) throw new AppError('VALIDATION_FAILED', `${bad || 'value'} must be a finite number`, bad || 'body');
  });
}
