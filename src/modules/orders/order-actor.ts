import { eq } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { companyUsers, staffUsers } from '../accounts/index.ts';
import type { GuardSubject } from './domain/lifecycle.ts';

/** Who acts, as an order event records it: kind, id and a display name read once. */
export interface EventActor {
  actorKind: 'buyer' | 'staff' | 'apiKey' | 'system';
  actorId: string | null;
  actorName: string | null;
}

/** The actor of ctx with their display name (the name is copied so the timeline survives renames). */
export async function eventActor(ctx: Ctx): Promise<EventActor> {
  const a = ctx.actor;
  if (a.kind === 'buyer') {
    const [u] = await ctx.db.select({ name: companyUsers.name }).from(companyUsers).where(eq(companyUsers.id, a.userId)).limit(1);
    return { actorKind: 'buyer', actorId: a.userId, actorName: u?.name ?? null };
  }
  if (a.kind === 'staff') {
    const [s] = await ctx.db.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, a.staffId)).limit(1);
    return { actorKind: 'staff', actorId: a.staffId, actorName: s?.name ?? null };
  }
  if (a.kind === 'apiKey') return { actorKind: 'apiKey', actorId: a.keyId, actorName: null };
  return { actorKind: 'system', actorId: null, actorName: null };
}

/** The lifecycle guards' view of ctx's actor. Code running without a signed-in actor acts as the system. */
export function guardSubject(ctx: Ctx): GuardSubject {
  const a = ctx.actor;
  if (a.kind === 'buyer' || a.kind === 'staff') return { kind: a.kind, grants: a.permissions };
  if (a.kind === 'apiKey') return { kind: 'apiKey', grants: a.scopes };
  return { kind: 'system', grants: new Set() };
}
