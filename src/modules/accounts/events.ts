import { appendOutbox } from '../../jobs/outbox.ts';
import type { Ctx } from '../../http/context.ts';

/**
 * Events accounts publishes through the transactional outbox (`outbox_events`), written in the
 * same transaction as the change so a consumer (segment membership, CRM sync) never sees a
 * change that rolled back, nor misses one that committed.
 */
export type AccountsEvent =
  | { type: 'company.created'; aggregateId: string; payload: { parentId: string | null } }
  | { type: 'company.updated'; aggregateId: string; payload: { fields: string[] } }
  | { type: 'company.moved'; aggregateId: string; payload: { from: string | null; to: string | null } }
  | { type: 'company.deleted'; aggregateId: string; payload: Record<string, never> }
  | { type: 'company_user.added'; aggregateId: string; payload: { companyId: string; role: string } }
  | { type: 'company_user.changed'; aggregateId: string; payload: { companyId: string; fields: string[] } }
  | { type: 'company_user.removed'; aggregateId: string; payload: { companyId: string } };

export const ACCOUNTS_EVENT_TYPES: readonly AccountsEvent['type'][] = [
  'company.created',
  'company.updated',
  'company.moved',
  'company.deleted',
  'company_user.added',
  'company_user.changed',
  'company_user.removed',
];

/** Appends an event to the outbox on ctx's transaction. */
export async function recordEvent(ctx: Ctx, event: AccountsEvent): Promise<void> {
  await appendOutbox(ctx, [event]);
}
