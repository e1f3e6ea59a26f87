import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app.ts';
import type { Actor } from '../../http/context.ts';
import { AppError } from '../../lib/errors.ts';
import { companyPermissions, staffPermissions } from '../accounts/index.ts';
import { resolveApiKey } from './api-keys.service.ts';
import { resolveBuyerSession, resolveStaffSession } from './auth.repo.ts';
import { sessionCachesFor } from './session-cache.ts';
import { safeEqual, sha256 } from './domain/tokens.ts';

/** Cookie names per audience (contract): buyers on /api/store, staff on /api/admin. */
export const BUYER_COOKIE = 'precis_sid';
export const STAFF_COOKIE = 'precis_staff_sid';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Signing in and asking for a reset carry no session yet (or replace it); everything else that
// changes state with a session cookie must echo the session's CSRF token.
const CSRF_EXEMPT = /^\/api\/(store|admin)\/auth\/(login|password-reset(\/confirm)?)$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The cookie session behind `actor`, when there is one (its CSRF token answers `me`). */
    authSession: { id: string; csrfToken: string } | null;
  }
}

/**
 * Registers, on the root instance and before any module route, the hook that turns the request's
 * credentials into `request.actor`: the buyer cookie on `/api/store/*`, the staff cookie on
 * `/api/admin/*` (a buyer cookie there resolves to the buyer, whom every admin guard refuses
 * with 403), a bearer API key on `/api/integrations/*`. Unsafe methods made with a cookie
 * session must carry the session's CSRF token.
 */
export function registerAuth(app: FastifyInstance, deps: AppDeps): void {
  void deps;
  app.decorateRequest('authSession', null);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const url = request.url.split('?')[0] ?? '';
    if (url.startsWith('/api/integrations/')) {
      const auth = request.headers.authorization;
      if (!auth) return;
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const key = m ? await resolveApiKey(request.ctx(), m[1]!) : null;
      if (!key) throw new AppError('API_KEY_INVALID');
      request.actor = { kind: 'apiKey', keyId: key.id, scopes: new Set(key.scopes) };
      return;
    }
    const store = url.startsWith('/api/store/');
    if (!store && !url.startsWith('/api/admin/')) return;
    const buyerToken = request.cookies[BUYER_COOKIE];
    const staffToken = store ? undefined : request.cookies[STAFF_COOKIE];
    if (!buyerToken && !staffToken) return;
    const ctx = request.ctx();
    const now = ctx.clock.now();
    let actor: Actor | null = null;
    let csrfToken = '';
    let sessionId = '';
    if (staffToken) {
      const hash = sha256(staffToken);
      const load = () => resolveStaffSession(ctx.db, hash, now);
      const cache = sessionCachesFor(ctx.db);
      const s = cache ? await cache.staff.resolve(hash, now, load) : await load();
      if (s) {
        actor = { kind: 'staff', staffId: s.staffId, email: s.email, permissions: staffPermissions(s.role), sessionId: s.id };
        ({ csrfToken, id: sessionId } = s);
      }
    }
    // The buyer cookie is the session on the store API. On the admin API it only serves to tell
    // a signed-in buyer "not for you" (403) rather than "sign in" (401); no admin guard admits it.
    if (!actor && buyerToken) {
      const hash = sha256(buyerToken);
      const load = () => resolveBuyerSession(ctx.db, hash, now);
      const cache = sessionCachesFor(ctx.db);
      const s = cache ? await cache.buyer.resolve(hash, now, load) : await load();
      if (s) {
        actor = { kind: 'buyer', userId: s.userId, companyId: s.companyId, email: s.email, permissions: companyPermissions(s.role), sessionId: s.id };
        ({ csrfToken, id: sessionId } = s);
      }
    }
    if (!actor) return; // an unknown or expired cookie is simply signed out
    if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.test(url)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, csrfToken)) {
        throw new AppError('CSRF_TOKEN_INVALID', `Send the session's csrfToken in the ${CSRF_HEADER} header`, CSRF_HEADER);
      }
    }
    request.actor = actor;
    request.authSession = { id: sessionId, csrfToken };
  });
}
