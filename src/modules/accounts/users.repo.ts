import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { companies, companyMembershipLocations, companyMemberships, companyUsers, staffUsers } from './accounts.tables.ts';
import type { CompanyRole, StaffRole } from './domain/roles.ts';
import type { CompanyUser, Staff } from './domain/types.ts';

export type StaffRow = typeof staffUsers.$inferSelect;
export type UserRow = typeof companyUsers.$inferSelect;

export function toStaff(r: StaffRow): Staff {
  return { id: r.id, email: r.email, name: r.name, role: r.role as StaffRole, status: r.status as Staff['status'], createdAt: r.createdAt.toISOString() };
}

export async function findStaffRow(db: Db, id: string): Promise<StaffRow | null> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1);
  return row ?? null;
}

export async function findStaffByEmail(db: Db, email: string): Promise<StaffRow | null> {
  const [row] = await db.select().from(staffUsers).where(sql`lower(${staffUsers.email}) = ${email.toLowerCase()}`).limit(1);
  return row ?? null;
}

export async function findUserRow(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(companyUsers).where(eq(companyUsers.id, id)).limit(1);
  return row ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(companyUsers).where(sql`lower(${companyUsers.email}) = ${email.toLowerCase()}`).limit(1);
  return row ?? null;
}

export async function countActiveStaffAdmins(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(staffUsers).where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.status, 'active')));
  return Number(row?.n ?? 0);
}

export async function listStaffRows(db: Db, after: string | undefined, limit: number): Promise<StaffRow[]> {
  return db
    .select()
    .from(staffUsers)
    .where(after ? gt(staffUsers.id, after) : undefined)
    .orderBy(asc(staffUsers.id))
    .limit(limit + 1);
}

export interface MembershipRow {
  userId: string;
  companyId: string;
  role: CompanyRole;
}

export async function findMembership(db: Db, userId: string, companyId: string): Promise<MembershipRow | null> {
  const [row] = await db
    .select()
    .from(companyMemberships)
    .where(and(eq(companyMemberships.userId, userId), eq(companyMemberships.companyId, companyId)))
    .limit(1);
  return row ? { userId: row.userId, companyId: row.companyId, role: row.role as CompanyRole } : null;
}

/** A user's memberships with each company's name, oldest first (the first is the default company). */
export async function membershipsOf(db: Db, userId: string): Promise<{ companyId: string; legalName: string; role: CompanyRole; status: string }[]> {
  const rows = await db
    .select({ companyId: companyMemberships.companyId, legalName: companies.legalName, role: companyMemberships.role, status: companies.status })
    .from(companyMemberships)
    .innerJoin(companies, eq(companies.id, companyMemberships.companyId))
    .where(eq(companyMemberships.userId, userId))
    .orderBy(asc(companyMemberships.createdAt), asc(companyMemberships.companyId));
  return rows.map((r) => ({ ...r, role: r.role as CompanyRole }));
}

/** Counts admins of a company, with a row lock on them so two demotions cannot race past zero. */
export async function lockAdminCount(db: Db, companyId: string): Promise<number> {
  const rows = await db
    .select({ userId: companyMemberships.userId })
    .from(companyMemberships)
    .innerJoin(companyUsers, eq(companyUsers.id, companyMemberships.userId))
    .where(and(eq(companyMemberships.companyId, companyId), eq(companyMemberships.role, 'admin'), eq(companyUsers.status, 'active')))
    .for('update');
  return rows.length;
}

/** A company's members, keyset-paginated by user id, each with their location restriction. */
export async function listMembers(db: Db, companyId: string, after: string | undefined, limit: number, onlyUserId?: string): Promise<CompanyUser[]> {
  const rows = await db
    .select({ u: companyUsers, role: companyMemberships.role, companyId: companyMemberships.companyId })
    .from(companyMemberships)
    .innerJoin(companyUsers, eq(companyUsers.id, companyMemberships.userId))
    .where(
      and(
        eq(companyMemberships.companyId, companyId),
        after ? gt(companyUsers.id, after) : undefined,
        onlyUserId ? eq(companyUsers.id, onlyUserId) : undefined,
      ),
    )
    .orderBy(asc(companyUsers.id))
    .limit(limit + 1);
  const ids = rows.map((r) => r.u.id);
  const locs = ids.length
    ? await db
        .select()
        .from(companyMembershipLocations)
        .where(and(eq(companyMembershipLocations.companyId, companyId), inArray(companyMembershipLocations.userId, ids)))
        .orderBy(asc(companyMembershipLocations.locationId))
    : [];
  return rows.map((r) => ({
    id: r.u.id,
    email: r.u.email,
    name: r.u.name,
    locale: r.u.locale,
    status: r.u.status as CompanyUser['status'],
    companyId: r.companyId,
    role: r.role as CompanyRole,
    locationIds: locs.filter((l) => l.userId === r.u.id).map((l) => l.locationId),
    createdAt: r.u.createdAt.toISOString(),
  }));
}

export async function setMemberLocations(db: Db, userId: string, companyId: string, locationIds: string[]): Promise<void> {
  await db.delete(companyMembershipLocations).where(and(eq(companyMembershipLocations.userId, userId), eq(companyMembershipLocations.companyId, companyId)));
  if (locationIds.length) await db.insert(companyMembershipLocations).values(locationIds.map((locationId) => ({ userId, companyId, locationId })));
}

/** Location ids a member is limited to in a company; empty means every location. */
export async function memberLocationIds(db: Db, userId: string, companyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: companyMembershipLocations.locationId })
    .from(companyMembershipLocations)
    .where(and(eq(companyMembershipLocations.userId, userId), eq(companyMembershipLocations.companyId, companyId)));
  return rows.map((r) => r.id);
}
