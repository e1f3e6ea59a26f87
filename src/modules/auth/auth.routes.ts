import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app.ts';
import { buyerOf, requireBuyer, requireStaff } from '../../http/guards.ts';
import { AppError } from '../../lib/errors.ts';
import {
  confirmPasswordReset,
  currentBuyerSession,
  currentStaffSession,
  loginBuyer,
  loginStaff,
  logout,
  requestPasswordReset,
  switchCompany,
  type AuthEnv,
} from './auth.service.ts';
import { BUYER_COOKIE, STAFF_COOKIE } from './auth.hook.ts';
import { BuyerSession, LoginBody, ResetConfirmBody, ResetRequestBody, StaffSession, SwitchCompanyBody } from './auth.schemas.ts';

const ERR = { $ref: 'Problem#' } as const;

/** The id of the request's own session of this audience, if it came with one. */
function sessionOf(request: FastifyRequest, kind: 'buyer' | 'staff'): string | undefined {
  return request.actor.kind === kind ? request.actor.sessionId : undefined;
}

/** Sends Retry-After with 423/429 refusals, so clients and proxies know when to come back. */
async function withRetryAfter<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const retryAfter = err instanceof AppError ? err.extra?.retryAfter : undefined;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    throw err;
  }
}

/**
 * Sign-in, sign-out, current session and password reset for buyers (`/api/store/auth`) and staff
 * (`/api/admin/auth`). Sessions live in HttpOnly, SameSite=Lax cookies; bodies carry the CSRF token.
 */
export async function authRoutes(root: FastifyInstance, opts: { deps: AppDeps; env: AuthEnv }): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { config } = opts.deps;
  const { env } = opts;
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: config.COOKIE_SECURE,
    maxAge: config.SESSION_TTL_HOURS * 3600,
  };
  const clear = (reply: FastifyReply, name: string) => reply.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.COOKIE_SECURE });
  const ua = (request: FastifyRequest) => (typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : undefined);

  app.post(
    '/api/store/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Buyer sign-in',
        body: LoginBody,
        response: { 200: BuyerSession, 401: ERR, 423: ERR, 429: ERR },
      },
    },
    async (request, reply) => {
      const { token, session } = await withRetryAfter(reply, () => loginBuyer(request.ctx(), env, { ...request.body, ip: request.ip, userAgent: ua(request), replaceSessionId: sessionOf(request, 'buyer') }));
      reply.setCookie(BUYER_COOKIE, token, cookieOptions);
      return session;
    },
  );

  app.get(
    '/api/store/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in buyer’s session', response: { 200: BuyerSession, 401: ERR } }, preHandler: requireBuyer() },
    async (request) => currentBuyerSession(request.ctx(), buyerOf(request).sessionId),
  );

  app.post(
    '/api/store/auth/logout',
    { schema: { tags: ['auth'], summary: 'Buyer sign-out', response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.actor.kind === 'buyer') await logout(request.ctx(), request.actor.sessionId);
      clear(reply, BUYER_COOKIE);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/store/auth/switch-company',
    {
      schema: { tags: ['auth'], summary: 'Act for another company the buyer belongs to', body: SwitchCompanyBody, response: { 200: BuyerSession, 404: ERR } },
      preHandler: requireBuyer(),
    },
    async (request) => switchCompany(request.ctx(), buyerOf(request).sessionId, request.body.companyId),
  );

  for (const kind of ['buyer', 'staff'] as const) {
    const base = kind === 'buyer' ? '/api/store/auth' : '/api/admin/auth';
    app.post(
      `${base}/password-reset`,
      {
        schema: {
          tags: ['auth'],
          summary: `Email a password reset link (${kind}); always 202`,
          body: ResetRequestBody,
          response: { 202: Type.Null(), 429: ERR },
        },
      },
      async (request, reply) => {
        await withRetryAfter(reply, () => requestPasswordReset(request.ctx(), env, kind, request.body.email, request.ip));
        return reply.status(202).send(null);
      },
    );
    app.post(
      `${base}/password-reset/confirm`,
      {
        schema: {
          tags: ['auth'],
          summary: `Set a new password from a reset link (${kind}); signs out every session`,
          body: ResetConfirmBody,
          response: { 204: Type.Null(), 400: ERR },
        },
      },
      async (request, reply) => {
        await confirmPasswordReset(request.ctx(), kind, request.body.token, request.body.password);
        return reply.status(204).send(null);
      },
    );
  }

  app.post(
    '/api/admin/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Staff sign-in', body: LoginBody, response: { 200: StaffSession, 401: ERR, 423: ERR, 429: ERR } },
    },
    async (request, reply) => {
      const { token, session } = await withRetryAfter(reply, () => loginStaff(request.ctx(), env, { ...request.body, ip: request.ip, userAgent: ua(request), replaceSessionId: sessionOf(request, 'staff') }));
      reply.setCookie(STAFF_COOKIE, token, cookieOptions);
      return session;
    },
  );

  app.get(
    '/api/admin/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in staff member’s session', response: { 200: StaffSession, 401: ERR } }, preHandler: requireStaff() },
    async (request) => {
      const a = request.actor;
      if (a.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
      return currentStaffSession(request.ctx(), a.sessionId);
    },
  );

  app.post('/api/admin/auth/logout', { schema: { tags: ['auth'], summary: 'Staff sign-out', response: { 204: Type.Null() } } }, async (request, reply) => {
    if (request.actor.kind === 'staff') await logout(request.ctx(), request.actor.sessionId);
    clear(reply, STAFF_COOKIE);
    return reply.status(204).send(null);
  });
}
