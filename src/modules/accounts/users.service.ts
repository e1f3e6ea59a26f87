import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { authChanged } from '../../lib/auth-epoch.ts';
import { isId, newId } from '../../lib/ids.ts';
import { companyMemberships, companyUsers } from './accounts.tables.ts';
import type { CompanyRole } from './domain/roles.ts';
import type { CompanyUser, CompanyUserInput } from './domain/types.ts';
import { normaliseEmail } from './domain/validation.ts';
import { recordEvent } from './events.ts';
import { countLocationsIn } from './locations.repo.ts';
import { assertPasswordPolicy, hashPassword } from './passwords.ts';
import { findMembership, findUserByEmail, findUserRow, listMembers, lockAdminCount, membershipsOf, setMemberLocations } from './users.repo.ts';

/** The members of one company (the caller has already decided the actor may see it). */
export async function listCompanyUsers(ctx: Ctx, companyId: string, q: { limit?: number; cursor?: string }): Promise<PageResult<CompanyUser>> {
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor)?.[0];
  const rows = await listMembers(ctx.db, companyId, after === undefined ? undefined : String(after), limit);
  return toPage(rows, limit, (r) => [r.id]);
}

/** One member of a company; a user who is not a member answers 404. */
export async function getCompanyUser(ctx: Ctx, companyId: string, userId: string): Promise<CompanyUser> {
  const [row] = isId('companyUser', userId) ? await listMembers(ctx.db, companyId, undefined, 1, userId) : [];
  if (!row) throw notFound('User');
  return row;
}

async function assertLocations(ctx: Ctx, companyId: string, ids: string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const unique = [...new Set(ids)];
  if ((await countLocationsIn(ctx.db, companyId, unique)) !== unique.length) {
    throw new AppError('VALIDATION_FAILED', 'Every location must belong to the company', 'locationIds');
  }
}

/**
 * Adds a person to a company with a role. An email that already has a login gains a membership
 * (one person, several companies); a new email creates the login, with a password when given
 * (otherwise the person sets one through password reset).
 */
export async function addCompanyUser(ctx: Ctx, companyId: string, input: CompanyUserInput): Promise<CompanyUser> {
  if (input.password !== undefined) assertPasswordPolicy(input.password);
  const passwordHash = input.passwordHash ?? (input.password !== undefined ? await hashPassword(input.password) : null);
  return inTx(ctx, async (tx) => {
    await assertLocations(tx, companyId, input.locationIds);
    const email = normaliseEmail(input.email);
    let user = await findUserByEmail(tx.db, email);
    if (!user) {
      [user = null] = await tx.db
        .insert(companyUsers)
        .values({ id: newId('companyUser', tx.clock.now().getTime()), email, name: input.name.trim(), locale: input.locale ?? 'en', passwordHash })
        .returning();
    } else if (await findMembership(tx.db, user.id, companyId)) {
      throw new AppError('EMAIL_TAKEN', 'That person is already a user of this company', 'email');
    }
    await tx.db.insert(companyMemberships).values({ userId: user!.id, companyId, role: input.role, createdAt: tx.clock.now() });
    await setMemberLocations(tx.db, user!.id, companyId, [...new Set(input.locationIds ?? [])]);
    await recordEvent(tx, { type: 'company_user.added', aggregateId: user!.id, payload: { companyId, role: input.role } });
    return getCompanyUser(tx, companyId, user!.id);
  });
}

async function assertKeepsAdmin(ctx: Ctx, companyId: string, userId: string): Promise<void> {
  const m = await findMembership(ctx.db, userId, companyId);
  const user = await findUserRow(ctx.db, userId);
  if (m?.role === 'admin' && user?.status === 'active' && (await lockAdminCount(ctx.db, companyId)) <= 1) {
    throw new AppError('LAST_ADMIN', 'Make someone else an admin of this company first', 'role');
  }
}

export interface MemberPatch {
  role?: CompanyRole;
  locationIds?: string[];
  name?: string;
  locale?: string;
  status?: 'active' | 'disabled';
}

/** Changes a member's role or location restriction (and, for staff, the person's name/status). */
export async function updateCompanyUser(ctx: Ctx, companyId: string, userId: string, patch: MemberPatch): Promise<CompanyUser> {
  const updated = await inTx(ctx, async (tx) => {
    await getCompanyUser(tx, companyId, userId);
    const demoting = patch.role !== undefined && patch.role !== 'admin';
    if (demoting || patch.status === 'disabled') await assertKeepsAdmin(tx, companyId, userId);
    if (patch.role !== undefined) {
      await tx.db
        .update(companyMemberships)
        .set({ role: patch.role })
        .where(and(eq(companyMemberships.userId, userId), eq(companyMemberships.companyId, companyId)));
    }
    if (patch.locationIds !== undefined) {
      await assertLocations(tx, companyId, patch.locationIds);
      await setMemberLocations(tx.db, userId, companyId, [...new Set(patch.locationIds)]);
    }
    if (patch.name !== undefined || patch.locale !== undefined || patch.status !== undefined) {
      await tx.db
        .update(companyUsers)
        .set({
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
          ...(patch.status !== undefined ? { status: patch.status } : {}),
          updatedAt: tx.clock.now(),
        })
        .where(eq(companyUsers.id, userId));
    }
    await recordEvent(tx, { type: 'company_user.changed', aggregateId: userId, payload: { companyId, fields: Object.keys(patch).sort() } });
    return getCompanyUser(tx, companyId, userId);
  });
  // A new role or a disabled login takes effect on the person's next request.
  authChanged();
  return updated;
}

/** Removes a person from a company (their login and other memberships stay). */
export async function removeCompanyUser(ctx: Ctx, companyId: string, userId: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    await getCompanyUser(tx, companyId, userId);
    await assertKeepsAdmin(tx, companyId, userId);
    await tx.db.delete(companyMemberships).where(and(eq(companyMemberships.userId, userId), eq(companyMemberships.companyId, companyId)));
    await recordEvent(tx, { type: 'company_user.removed', aggregateId: userId, payload: { companyId } });
  });
  authChanged();
}

/**
 * Staff edit of a company user by id: person fields, and role/locations in `companyId` (which may
 * be omitted when the person belongs to exactly one company).
 */
export async function adminUpdateCompanyUser(ctx: Ctx, userId: string, patch: MemberPatch & { companyId?: string }): Promise<CompanyUser> {
  const user = isId('companyUser', userId) ? await findUserRow(ctx.db, userId) : null;
  if (!user) throw notFound('User');
  const memberships = await membershipsOf(ctx.db, userId);
  let companyId = patch.companyId;
  if (!companyId) {
    if (memberships.length !== 1) throw new AppError('VALIDATION_FAILED', 'Say which company the change is for', 'companyId');
    companyId = memberships[0]!.companyId;
  }
  if (!memberships.some((m) => m.companyId === companyId)) throw notFound('Membership', 'companyId');
  const { companyId: _c, ...rest } = patch;
  return updateCompanyUser(ctx, companyId, userId, rest);
}
