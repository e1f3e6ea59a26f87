import type { Config } from '../../config.ts';
import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Mailer } from '../../lib/mailer.ts';
import {
  companiesOf,
  companyPermissions,
  findLogin,
  findLoginById,
  hashPassword,
  setPassword,
  staffPermissions,
  verifyPassword,
  type Login,
} from '../accounts/index.ts';
import {
  claimResetToken,
  clearLockout,
  deleteSession,
  deleteExpiredSessionsOf,
  deleteSessionsOf,
  findSession,
  insertResetToken,
  insertSession,
  lockoutOf,
  recordFailure,
  setActiveCompany,
  type SessionKind,
} from './auth.repo.ts';
import type { SlidingWindowLimiter } from './domain/rate-limit.ts';
import { randomToken, sha256 } from './domain/tokens.ts';
import { authChanged } from '../../lib/auth-epoch.ts';

/** What the auth use cases need besides ctx: settings, outgoing mail and the per-IP brake. */
export interface AuthEnv {
  config: Config;
  mailer: Mailer;
  ipLimiter: SlidingWindowLimiter;
}

export interface BuyerSessionView {
  user: { id: string; email: string; name: string; locale: string };
  company: { id: string; legalName: string };
  companies: { id: string; legalName: string; role: string }[];
  role: string;
  permissions: string[];
  csrfToken: string;
}

export interface StaffSessionView {
  staff: { id: string; email: string; name: string; role: string };
  permissions: string[];
  csrfToken: string;
}

const RESET_TTL_MS = 60 * 60 * 1000;

// Unknown emails still cost one argon2 verification, so response time does not reveal which
// emails have an account.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomToken(16)));

const principal = (kind: SessionKind, id: string) => `${kind === 'buyer' ? 'usr' : 'stf'}:${id}`;

/** Refuses a client IP that has gone past the sign-in brake (429 with Retry-After). */
export function checkIp(ctx: Ctx, env: AuthEnv, ip: string): void {
  const verdict = env.ipLimiter.hit(ip, ctx.clock.now().getTime());
  if (!verdict.allowed) {
    const retryAfter = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    throw new AppError('RATE_LIMITED', `Too many attempts from your network; try again in ${retryAfter} s`, undefined, { retryAfter });
  }
}

/** The session a buyer sees: who, acting for which company with which role, and their permissions. */
export async function buyerSessionView(ctx: Ctx, userId: string, companyId: string, csrfToken: string): Promise<BuyerSessionView> {
  const login = await findLoginById(ctx, 'buyer', userId);
  const companies = await companiesOf(ctx, userId);
  const active = companies.find((c) => c.id === companyId);
  if (!login || !active) throw new AppError('UNAUTHENTICATED');
  return {
    user: { id: login.id, email: login.email, name: login.name, locale: login.locale },
    company: { id: active.id, legalName: active.legalName },
    companies,
    role: active.role,
    permissions: [...companyPermissions(active.role)].sort(),
    csrfToken,
  };
}

export async function staffSessionView(ctx: Ctx, staffId: string, csrfToken: string): Promise<StaffSessionView> {
  const login = await findLoginById(ctx, 'staff', staffId);
  if (!login?.role) throw new AppError('UNAUTHENTICATED');
  return {
    staff: { id: login.id, email: login.email, name: login.name, role: login.role },
    permissions: [...staffPermissions(login.role)].sort(),
    csrfToken,
  };
}

async function verifyLogin(ctx: Ctx, env: AuthEnv, kind: SessionKind, email: string, password: string): Promise<Login> {
  const login = await findLogin(ctx, kind, email);
  // Unknown emails go through the same steps — lockout included — so neither timing nor a 423
  // tells an attacker which emails have an account.
  const who = login ? principal(kind, login.id) : `${kind}-unknown:${sha256(email.trim().toLowerCase())}`;
  const now = ctx.clock.now();
  const lock = await lockoutOf(ctx.db, who);
  if (lock?.lockedUntil && lock.lockedUntil > now) {
    const retryAfter = Math.ceil((lock.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('ACCOUNT_LOCKED', `Too many failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} min or reset your password`, undefined, { retryAfter });
  }
  const ok = await verifyPassword(login?.passwordHash ?? (await dummy()), password);
  if (!login || !ok || !login.passwordHash || !login.active) {
    const lockUntil = new Date(now.getTime() + env.config.LOGIN_LOCK_MINUTES * 60_000);
    const { locked } = await recordFailure(ctx.db, who, env.config.LOGIN_MAX_FAILURES, lockUntil, now);
    if (locked) throw new AppError('ACCOUNT_LOCKED', `Too many failed sign-ins; try again in ${env.config.LOGIN_LOCK_MINUTES} min or reset your password`, undefined, { retryAfter: env.config.LOGIN_LOCK_MINUTES * 60 });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (lock) await clearLockout(ctx.db, who);
  return login;
}

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
  /** The session (of the same audience) the request came with, ended by the new sign-in. */
  replaceSessionId?: string;
}

async function openSession(ctx: Ctx, env: AuthEnv, kind: SessionKind, login: Login, input: LoginInput, companyId: string | null) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const now = ctx.clock.now();
  const id = newId('session', now.getTime());
  // Housekeeping on the way in: this login's expired sessions, and the session the browser
  // signed in from (a fresh id after sign-in, so a planted cookie never becomes authenticated).
  await deleteExpiredSessionsOf(ctx.db, kind, login.id, now);
  if (input.replaceSessionId) {
    await deleteSession(ctx.db, input.replaceSessionId);
    authChanged();
  }
  await insertSession(ctx.db, {
    id,
    tokenHash: sha256(token),
    kind,
    userId: kind === 'buyer' ? login.id : null,
    staffId: kind === 'staff' ? login.id : null,
    activeCompanyId: companyId,
    csrfToken,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + env.config.SESSION_TTL_HOURS * 3_600_000),
  });
  return { id, token, csrfToken };
}

/** Buyer sign-in: a new session acting for the buyer's first company. */
export async function loginBuyer(ctx: Ctx, env: AuthEnv, input: LoginInput): Promise<{ token: string; session: BuyerSessionView }> {
  checkIp(ctx, env, input.ip);
  const login = await verifyLogin(ctx, env, 'buyer', input.email, input.password);
  const companies = await companiesOf(ctx, login.id);
  const first = companies[0];
  if (!first) throw new AppError('COMPANY_SUSPENDED', 'Your company account is not active; contact your account manager');
  const s = await openSession(ctx, env, 'buyer', login, input, first.id);
  return { token: s.token, session: await buyerSessionView(ctx, login.id, first.id, s.csrfToken) };
}

export async function loginStaff(ctx: Ctx, env: AuthEnv, input: LoginInput): Promise<{ token: string; session: StaffSessionView }> {
  checkIp(ctx, env, input.ip);
  const login = await verifyLogin(ctx, env, 'staff', input.email, input.password);
  const s = await openSession(ctx, env, 'staff', login, input, null);
  return { token: s.token, session: await staffSessionView(ctx, login.id, s.csrfToken) };
}

/** Ends one session; the token is useless afterwards even if someone kept a copy. */
export async function logout(ctx: Ctx, sessionId: string): Promise<void> {
  await deleteSession(ctx.db, sessionId);
  authChanged();
}

/** The current session's view (for `me`), re-read so role changes show at once. */
export async function currentBuyerSession(ctx: Ctx, sessionId: string): Promise<BuyerSessionView> {
  const s = await findSession(ctx.db, sessionId);
  if (!s?.userId || !s.activeCompanyId) throw new AppError('UNAUTHENTICATED');
  return buyerSessionView(ctx, s.userId, s.activeCompanyId, s.csrfToken);
}

export async function currentStaffSession(ctx: Ctx, sessionId: string): Promise<StaffSessionView> {
  const s = await findSession(ctx.db, sessionId);
  if (!s?.staffId) throw new AppError('UNAUTHENTICATED');
  return staffSessionView(ctx, s.staffId, s.csrfToken);
}

/** Acts for another company the buyer belongs to; any other id answers 404. */
export async function switchCompany(ctx: Ctx, sessionId: string, companyId: string): Promise<BuyerSessionView> {
  const s = await findSession(ctx.db, sessionId);
  if (!s?.userId) throw new AppError('UNAUTHENTICATED');
  const companies = await companiesOf(ctx, s.userId);
  if (!companies.some((c) => c.id === companyId)) throw new AppError('NOT_FOUND', 'Company not found', 'companyId');
  await setActiveCompany(ctx.db, sessionId, companyId);
  authChanged();
  return buyerSessionView(ctx, s.userId, companyId, s.csrfToken);
}

/**
 * Emails a single-use reset link when the email has an active login. The answer never says
 * whether it had; the mail is sent after the response so timing does not tell either.
 */
export async function requestPasswordReset(ctx: Ctx, env: AuthEnv, kind: SessionKind, email: string, ip: string): Promise<void> {
  checkIp(ctx, env, ip);
  const login = await findLogin(ctx, kind, email);
  if (!login?.active) return;
  const token = randomToken();
  const now = ctx.clock.now();
  await insertResetToken(ctx.db, {
    id: newId('resetToken', now.getTime()),
    tokenHash: sha256(token),
    kind,
    userId: kind === 'buyer' ? login.id : null,
    staffId: kind === 'staff' ? login.id : null,
    expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    createdAt: now,
  });
  const base = env.config.PUBLIC_URL.replace(/\/$/, '');
  const link = `${base}${kind === 'staff' ? '/admin' : ''}/reset-password?token=${encodeURIComponent(token)}`;
  const text = [
    `Hello ${login.name},`,
    '',
    'Someone asked to reset the password of your Precis account. To choose a new password, open:',
    '',
    link,
    '',
    'The link works once and expires in one hour. If you did not ask for this, ignore this email.',
  ].join('\n');
  env.mailer.send({ to: login.email, subject: 'Reset your Precis password', text }).catch((err: unknown) => ctx.log.error({ err }, 'password reset mail failed'));
}

/** Sets the new password from a reset token, signs the login out everywhere and lifts any lockout. */
export async function confirmPasswordReset(ctx: Ctx, kind: SessionKind, token: string, password: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const claim = await claimResetToken(tx.db, kind, sha256(token), tx.clock.now());
    const id = claim?.userId ?? claim?.staffId;
    if (!id) throw new AppError('RESET_TOKEN_INVALID', undefined, 'token');
    await setPassword(tx, kind, id, password);
    await deleteSessionsOf(tx.db, kind, id, tx.clock.now());
    await clearLockout(tx.db, principal(kind, id));
  });
  authChanged();
}
