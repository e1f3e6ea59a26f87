import pino from 'pino';
import type { Db } from '../../db/client.ts';
import { ANONYMOUS, type Ctx } from '../../http/context.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';

/**
 * A context for code that runs outside a request (the CLI's create-staff, the seed loader):
 * no actor, a silent logger unless one is given.
 */
export function systemCtx(db: Db, opts: { clock?: Clock; log?: Ctx['log'] } = {}): Ctx {
  return { actor: ANONYMOUS, db, clock: opts.clock ?? systemClock, log: opts.log ?? pino({ level: 'silent' }), requestId: 'system', locale: 'en' };
}
