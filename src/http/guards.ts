import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../lib/errors.ts';
import type { Actor } from './context.ts';

type BuyerActor = Extract<Actor, { kind: 'buyer' }>;
type StaffActor = Extract<Actor, { kind: 'staff' }>;

/**
 * Route guards, declared in a route's `preHandler`. Store routes need a signed-in buyer (with a
 * company permission, when given); admin routes need staff (with a staff permission) — a buyer
 * is refused with 403, never shown admin data.
 */
export function requireBuyer(permission?: string): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const a = request.actor;
    if (a.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    if (a.kind !== 'buyer') throw new AppError('FORBIDDEN', 'This endpoint is for company buyers');
    if (permission && !a.permissions.has(permission)) throw new AppError('FORBIDDEN', `Your company role lacks ${permission}`);
  };
}

export function requireStaff(permission?: string): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest) => {
    const a = request.actor;
    if (a.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    if (a.kind !== 'staff') throw new AppError('FORBIDDEN', 'This endpoint is for staff');
    if (permission && !a.permissions.has(permission)) throw new AppError('FORBIDDEN', `Your staff role lacks ${permission}`);
  };
}

/** Integration routes take an API key with the named scope (staff sessions with admin may also call them). */
export function requireScope(scope: string): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest) => {
    const a = request.actor;
    if (a.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    if (a.kind === 'apiKey') {
      if (!a.scopes.has(scope)) throw new AppError('SCOPE_MISSING', `This call needs the ${scope} scope`);
      return;
    }
    throw new AppError('FORBIDDEN', 'This endpoint takes an API key');
  };
}

export function buyerOf(request: FastifyRequest): BuyerActor {
  const a = request.actor;
  if (a.kind !== 'buyer') throw new AppError('UNAUTHENTICATED');
  return a;
}

export function staffOf(request: FastifyRequest): StaffActor {
  const a = request.actor;
  if (a.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
  return a;
}

/**
 * The surface rule, enforced before validation for every route under a prefix: `/api/admin/*`
 * needs a staff session (sign-in and password reset aside) and `/api/integrations/*` an API key.
 * Route guards then check the specific permission. A route that forgot its guard stays closed,
 * and a caller without the right identity learns nothing from validation messages.
 */
export function registerSurfaceGuards(app: import('fastify').FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    // The matched route's pattern, not the raw URL: percent-encoding cannot dodge the rule.
    const url = request.routeOptions.url ?? request.url;
    if (url.startsWith('/api/admin/') && !url.startsWith('/api/admin/auth/')) {
      const a = request.actor;
      if (a.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      if (a.kind !== 'staff') throw new AppError('FORBIDDEN', 'This endpoint is for staff');
    } else if (url.startsWith('/api/integrations/')) {
      const a = request.actor;
      if (a.kind !== 'apiKey') throw new AppError('UNAUTHENTICATED', 'Send an API key: Authorization: Bearer pk_live_…');
    }
  });
}
