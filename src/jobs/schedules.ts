import type { Config } from '../config.ts';
import { refreshAllAndReevaluate } from '../modules/segments/index.ts';
import { markOverdueInvoices } from '../modules/invoicing/index.ts';
import type { ScheduledJob } from './scheduler.ts';

/** The queue of the nightly segment run. */
export const SEGMENTS_REEVALUATE_JOB = 'segments.reevaluate';

/** The queue of the daily overdue-invoice run. */
export const INVOICES_OVERDUE_JOB = 'invoices.overdue';

/**
 * Every recurring job, gathered in one place (like handlers.ts for outbox consumers):
 * - `segments.reevaluate` (SEGMENTS_REEVALUATE_CRON): recompute every company's purchase metrics as
 *   of now — windowed spend and order counts decay as days pass without orders — then re-evaluate
 *   every customer group, logging joins and leaves with the reason.
 * - `invoices.overdue` (INVOICE_OVERDUE_CRON): mark open invoices whose due day has ended overdue,
 *   emitting `invoice.overdue` (reminder emails, overdue metrics).
 */
export function scheduledJobs(config: Pick<Config, 'SEGMENTS_REEVALUATE_CRON' | 'INVOICE_OVERDUE_CRON'>): ScheduledJob[] {
  return [
    { name: SEGMENTS_REEVALUATE_JOB, cron: config.SEGMENTS_REEVALUATE_CRON, run: (ctx) => refreshAllAndReevaluate(ctx) },
    { name: INVOICES_OVERDUE_JOB, cron: config.INVOICE_OVERDUE_CRON, run: (ctx) => markOverdueInvoices(ctx) },
  ];
}
