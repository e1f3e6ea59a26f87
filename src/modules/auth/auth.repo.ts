import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { companies, companyMemberships, companyUsers, staffUsers } from '../accounts/index.ts';
import { loginLockouts, passwordResetTokens, sessions } from './auth.tables.ts';

export type SessionKind = 'buyer' | 'staff';

export interface ResolvedBuyerSession {
  id: string;
  csrfToken: string;
  userId: string;
  companyId: string;
  email: string;
  role: string;
  expiresAt: Date;
}

export interface ResolvedStaffSession {
  id: string;
  csrfToken: string;
  staffId: string;
  email: string;
  role: string;
  expiresAt: Date;
}

function prepareBuyerSession(db: Db) {
  return db
    .select({ id: sessions.id, csrfToken: sessions.csrfToken, userId: companyUsers.id, companyId: companyMemberships.companyId, email: companyUsers.email, role: companyMemberships.role, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(companyUsers, and(eq(companyUsers.id, sessions.userId), eq(companyUsers.status, 'active')))
    .innerJoin(companyMemberships, and(eq(companyMemberships.userId, sessions.userId), eq(companyMemberships.companyId, sessions.activeCompanyId)))
    // Suspending a company signs its buyers out at once (for that company).
    .innerJoin(companies, and(eq(companies.id, companyMemberships.companyId), eq(companies.status, 'active')))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), eq(sessions.kind, 'buyer'), gt(sessions.expiresAt, sql.placeholder('now'))))
    .limit(1)
    .prepare('precis_resolve_buyer_session');
}

function prepareStaffSession(db: Db) {
  return db
    .select({ id: sessions.id, csrfToken: sessions.csrfToken, staffId: staffUsers.id, email: staffUsers.email, role: staffUsers.role, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(staffUsers, and(eq(staffUsers.id, sessions.staffId), eq(staffUsers.status, 'active')))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), eq(sessions.kind, 'staff'), gt(sessions.expiresAt, sql.placeholder('now'))))
    .limit(1)
    .prepare('precis_resolve_staff_session');
}

/**
 * Every request with a cookie runs one of these, so they are built once per database handle and
 * run as named prepared statements: building the SQL anew cost more than running it.
 */
const prepared = new WeakMap<Db, { buyer: ReturnType<typeof prepareBuyerSession>; staff: ReturnType<typeof prepareStaffSession> }>();
function statementsFor(db: Db) {
  let found = prepared.get(db);
  if (!found) {
    found = { buyer: prepareBuyerSession(db), staff: prepareStaffSession(db) };
    prepared.set(db, found);
  }
  return found;
}

/**
 * One query per request: the live session, its active login and (for buyers) the role in the
 * active company. A disabled login, a lost membership or a suspended company resolves to
 * nothing, i.e. signed out.
 */
export async function resolveBuyerSession(db: Db, tokenHash: string, now: Date): Promise<ResolvedBuyerSession | null> {
  const [row] = await statementsFor(db).buyer.execute({ tokenHash, now });
  return row ?? null;
}

export async function resolveStaffSession(db: Db, tokenHash: string, now: Date): Promise<ResolvedStaffSession | null> {
  const [row] = await statementsFor(db).staff.execute({ tokenHash, now });
  return row ?? null;
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findSession(db: Db, id: string): Promise<typeof sessions.$inferSelect | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return row ?? null;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function setActiveCompany(db: Db, sessionId: string, companyId: string): Promise<void> {
  await db.update(sessions).set({ activeCompanyId: companyId }).where(eq(sessions.id, sessionId));
}

/** Signs a login out everywhere (after a password reset). Also drops long-expired sessions. */
export async function deleteSessionsOf(db: Db, kind: SessionKind, id: string, now: Date): Promise<void> {
  await db.delete(sessions).where(or(kind === 'buyer' ? eq(sessions.userId, id) : eq(sessions.staffId, id), lt(sessions.expiresAt, now)));
}

export async function deleteExpiredSessionsOf(db: Db, kind: SessionKind, id: string, now: Date): Promise<void> {
  await db.delete(sessions).where(and(kind === 'buyer' ? eq(sessions.userId, id) : eq(sessions.staffId, id), lt(sessions.expiresAt, now)));
}

export async function lockoutOf(db: Db, principal: string): Promise<typeof loginLockouts.$inferSelect | null> {
  const [row] = await db.select().from(loginLockouts).where(eq(loginLockouts.principal, principal)).limit(1);
  return row ?? null;
}

/** Counts a failed sign-in atomically; at `max` failures the account locks until `lockUntil`. */
export async function recordFailure(db: Db, principal: string, max: number, lockUntil: Date, now: Date): Promise<{ locked: boolean }> {
  const [row] = await db
    .insert(loginLockouts)
    .values({ principal, failures: 1, updatedAt: now })
    .onConflictDoUpdate({ target: loginLockouts.principal, set: { failures: sql`${loginLockouts.failures} + 1`, updatedAt: now } })
    .returning({ failures: loginLockouts.failures });
  if ((row?.failures ?? 0) < max) return { locked: false };
  await db.update(loginLockouts).set({ failures: 0, lockedUntil: lockUntil, updatedAt: now }).where(eq(loginLockouts.principal, principal));
  return { locked: true };
}

export async function clearLockout(db: Db, principal: string): Promise<void> {
  await db.delete(loginLockouts).where(eq(loginLockouts.principal, principal));
}

export async function insertResetToken(db: Db, values: typeof passwordResetTokens.$inferInsert): Promise<void> {
  await db.insert(passwordResetTokens).values(values);
}

/** Claims a reset token: unused, unexpired, of the right kind; marks it used in the same statement. */
export async function claimResetToken(db: Db, kind: SessionKind, tokenHash: string, now: Date): Promise<{ userId: string | null; staffId: string | null } | null> {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.tokenHash, tokenHash), eq(passwordResetTokens.kind, kind), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
    .returning({ userId: passwordResetTokens.userId, staffId: passwordResetTokens.staffId });
  return row ?? null;
}
