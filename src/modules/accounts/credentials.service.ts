import { eq } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { companyUsers, staffUsers } from './accounts.tables.ts';
import { normaliseEmail } from './domain/validation.ts';
import { assertPasswordPolicy, hashPassword } from './passwords.ts';
import { findStaffByEmail, findStaffRow, findUserByEmail, findUserRow, membershipsOf } from './users.repo.ts';
import type { CompanyRole, StaffRole } from './domain/roles.ts';

/** What sign-in needs to know about a login; only the auth module uses this. */
export interface Login {
  kind: 'buyer' | 'staff';
  id: string;
  email: string;
  name: string;
  locale: string;
  /** Staff role; null for buyers (their role is per company). */
  role: StaffRole | null;
  active: boolean;
  passwordHash: string | null;
}

/** Looks up a buyer or staff login by email (case-insensitive). */
export async function findLogin(ctx: Ctx, kind: 'buyer' | 'staff', email: string): Promise<Login | null> {
  const e = normaliseEmail(email);
  if (kind === 'buyer') {
    const u = await findUserByEmail(ctx.db, e);
    return u ? { kind, id: u.id, email: u.email, name: u.name, locale: u.locale, role: null, active: u.status === 'active', passwordHash: u.passwordHash } : null;
  }
  const s = await findStaffByEmail(ctx.db, e);
  return s ? { kind, id: s.id, email: s.email, name: s.name, locale: 'en', role: s.role as StaffRole, active: s.status === 'active', passwordHash: s.passwordHash } : null;
}

/** Looks up a login by id. */
export async function findLoginById(ctx: Ctx, kind: 'buyer' | 'staff', id: string): Promise<Login | null> {
  if (kind === 'buyer') {
    const u = await findUserRow(ctx.db, id);
    return u ? { kind, id: u.id, email: u.email, name: u.name, locale: u.locale, role: null, active: u.status === 'active', passwordHash: u.passwordHash } : null;
  }
  const s = await findStaffRow(ctx.db, id);
  return s ? { kind, id: s.id, email: s.email, name: s.name, locale: 'en', role: s.role as StaffRole, active: s.status === 'active', passwordHash: s.passwordHash } : null;
}

/** Sets a new password (after the policy check); the caller revokes sessions as it sees fit. */
export async function setPassword(ctx: Ctx, kind: 'buyer' | 'staff', id: string, password: string): Promise<void> {
  assertPasswordPolicy(password);
  const passwordHash = await hashPassword(password);
  if (kind === 'buyer') await ctx.db.update(companyUsers).set({ passwordHash, updatedAt: ctx.clock.now() }).where(eq(companyUsers.id, id));
  else await ctx.db.update(staffUsers).set({ passwordHash, updatedAt: ctx.clock.now() }).where(eq(staffUsers.id, id));
}

/** The companies a buyer may act for, with their role in each, oldest membership first. */
export async function companiesOf(ctx: Ctx, userId: string): Promise<{ id: string; legalName: string; role: CompanyRole }[]> {
  // A suspended company cannot be acted for: its memberships are dormant until it is reactivated.
  return (await membershipsOf(ctx.db, userId)).filter((m) => m.status === 'active').map((m) => ({ id: m.companyId, legalName: m.legalName, role: m.role }));
}
