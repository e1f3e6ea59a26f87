/**
 * Auth: sessions (buyer and staff cookies with CSRF), sign-in with lockout and an IP brake,
 * password reset by email, and integration API keys.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';
import { apiKeyRoutes } from './api-keys.routes.ts';
import { registerAuth as registerAuthHook } from './auth.hook.ts';
import { authRoutes } from './auth.routes.ts';
import { listenForAuthChanges } from './session-cache.ts';
import type { AuthEnv } from './auth.service.ts';
import { SlidingWindowLimiter } from './domain/rate-limit.ts';

export { apiKeys, loginLockouts, passwordResetTokens, sessions } from './auth.tables.ts';
export { BUYER_COOKIE, CSRF_HEADER, STAFF_COOKIE } from './auth.hook.ts';
export { createApiKey, revokeApiKey, type ApiKey } from './api-keys.service.ts';
export type { BuyerSessionView, StaffSessionView } from './auth.service.ts';

/**
 * Sign-in attempts (and reset requests) allowed per client IP per minute, unless the config
 * carries `LOGIN_IP_LIMIT_PER_MINUTE` (e.g. for load tests signing many buyers in from one host).
 */
export const LOGIN_ATTEMPTS_PER_IP_PER_MINUTE = 20;

function ipLimit(deps: AppDeps): number {
  return deps.config.LOGIN_IP_LIMIT_PER_MINUTE ?? LOGIN_ATTEMPTS_PER_IP_PER_MINUTE;
}

/**
 * Installs auth: the actor-resolving, CSRF-checking `onRequest` hook on the root instance (call
 * this before registering any module's routes), then the auth and API-key routes.
 */
export async function registerAuth(app: FastifyInstance, deps: AppDeps): Promise<void> {
  registerAuthHook(app, deps);
  // Resolved sessions are cached per process; auth-relevant writes of any process drop them.
  const unlisten = await listenForAuthChanges(deps.database.db, (channel, onPayload) => deps.database.listen(channel, onPayload));
  app.addHook('onClose', async () => unlisten());
  const env: AuthEnv = { config: deps.config, mailer: deps.mailer, ipLimiter: new SlidingWindowLimiter(ipLimit(deps), 60_000) };
  await app.register(authRoutes, { deps, env });
  await app.register(apiKeyRoutes);
}
