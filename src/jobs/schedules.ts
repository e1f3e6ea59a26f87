import type { Config } from '../config.ts';
import { refreshAllAndReevaluate } from '../modules/segments/index.ts';
import type { ScheduledJob } from './scheduler.ts';

/** The queue of the nightly segment run. */
export const SEGMENTS_REEVALUATE_JOB = 'segments.reevaluate';

/**
 * Every recurring job, gathered in one place (like handlers.ts for outbox consumers):
 * - `segments.reevaluate` (SEGMENTS_REEVALUATE_CRON): recompute every company's purchase metrics as
 *   of now — windowed spend and order counts decay as days pass without orders — then re-evaluate
 *   every customer group, logging joins and leaves with the reason.
 */
export function scheduledJobs(config: Pick<Config, 'SEGMENTS_REEVALUATE_CRON'>): ScheduledJob[] {
  return [{ name: SEGMENTS_REEVALUATE_JOB, cron: config.SEGMENTS_REEVALUATE_CRON, run: (ctx) => refreshAllAndReevaluate(ctx) }];
}
