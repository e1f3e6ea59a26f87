import { eq } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { authChanged } from '../../lib/auth-epoch.ts';
import { isId, newId } from '../../lib/ids.ts';
import { staffUsers } from './accounts.tables.ts';
import { isStaffRole, type StaffRole } from './domain/roles.ts';
import type { Staff } from './domain/types.ts';
import { normaliseEmail } from './domain/validation.ts';
import { assertPasswordPolicy, hashPassword } from './passwords.ts';
import { countActiveStaffAdmins, findStaffByEmail, findStaffRow, listStaffRows, toStaff } from './users.repo.ts';

export interface StaffInput {
  email: string;
  name: string;
  role: StaffRole;
  password?: string;
  /** An argon2id hash computed elsewhere (seed loader, test factories); never from HTTP input. */
  passwordHash?: string;
}

/**
 * Creates a member of staff. Used by the admin console and by `precis create-staff`; without a
 * password the person sets one through password reset.
 */
export async function createStaff(ctx: Ctx, input: StaffInput): Promise<Staff> {
  if (!isStaffRole(input.role)) throw new AppError('VALIDATION_FAILED', `Unknown staff role ${input.role}`, 'role');
  if (input.password !== undefined) assertPasswordPolicy(input.password);
  const passwordHash = input.passwordHash ?? (input.password !== undefined ? await hashPassword(input.password) : null);
  return inTx(ctx, async (tx) => {
    const email = normaliseEmail(input.email);
    if (await findStaffByEmail(tx.db, email)) throw new AppError('EMAIL_TAKEN', undefined, 'email');
    const [row] = await tx.db
      .insert(staffUsers)
      .values({ id: newId('staff', tx.clock.now().getTime()), email, name: input.name.trim(), role: input.role, passwordHash })
      .returning();
    return toStaff(row!);
  });
}

export async function getStaff(ctx: Ctx, id: string): Promise<Staff> {
  const row = isId('staff', id) ? await findStaffRow(ctx.db, id) : null;
  if (!row) throw notFound('Staff member');
  return toStaff(row);
}

export async function listStaff(ctx: Ctx, q: { limit?: number; cursor?: string }): Promise<PageResult<Staff>> {
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor)?.[0];
  const rows = await listStaffRows(ctx.db, after === undefined ? undefined : String(after), limit);
  return toPage(rows.map(toStaff), limit, (r) => [r.id]);
}

/** Changes name, role or status; the last active staff admin cannot be demoted or disabled. */
export async function updateStaff(ctx: Ctx, id: string, patch: { name?: string; role?: StaffRole; status?: 'active' | 'disabled' }): Promise<Staff> {
  const updated = await inTx(ctx, async (tx) => {
    const current = await getStaff(tx, id);
    const losesAdmin = current.role === 'admin' && current.status === 'active' && ((patch.role !== undefined && patch.role !== 'admin') || patch.status === 'disabled');
    if (losesAdmin && (await countActiveStaffAdmins(tx.db)) <= 1) throw new AppError('LAST_ADMIN', 'Make someone else a staff admin first', 'role');
    const [row] = await tx.db
      .update(staffUsers)
      .set({ ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}), updatedAt: tx.clock.now() })
      .where(eq(staffUsers.id, id))
      .returning();
    return toStaff(row!);
  });
  authChanged();
  return updated;
}
