import type { Ctx } from '../../http/context.ts';
import { descendantIds } from '../accounts/index.ts';
import { purchaseEventHandlers } from './purchase-events.ts';
import { reevaluateCompany } from './segments.service.ts';

interface CompanyEvent {
  readonly aggregateId: string;
}

/**
 * Keeps materialised membership current as companies change: the outbox dispatcher calls these in
 * the transaction that marks the event handled. A move changes the hierarchy facts of the whole
 * subtree (`descendant_of`, `depth`), so every company under the moved one is re-evaluated too.
 * Purchase events (orders, invoices, quotes: see purchase-events.ts) update metrics, then membership.
 */
export const segmentsEventHandlers = {
  'company.created': [async (ctx: Ctx, e: CompanyEvent) => void (await reevaluateCompany(ctx, e.aggregateId))],
  'company.updated': [async (ctx: Ctx, e: CompanyEvent) => void (await reevaluateCompany(ctx, e.aggregateId))],
  'company.moved': [
    async (ctx: Ctx, e: CompanyEvent) => {
      for (const id of [e.aggregateId, ...(await descendantIds(ctx, e.aggregateId))]) await reevaluateCompany(ctx, id);
    },
  ],
  ...purchaseEventHandlers,
} as const;
