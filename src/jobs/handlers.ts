import type { Mailer } from '../lib/mailer.ts';
import { notificationsEventHandlers } from '../modules/notifications/index.ts';
import { invoicingEventHandlers } from '../modules/invoicing/index.ts';
import { segmentsEventHandlers } from '../modules/segments/index.ts';
import type { OutboxHandlers } from './outbox.ts';

/** What consumers need from the application. Without a mailer no transactional email is sent. */
export interface OutboxDeps {
  readonly mailer?: Mailer;
  /** Base of links in emails (config PUBLIC_URL). */
  readonly publicUrl?: string;
}

/** Every module's outbox consumers, gathered in one place (like src/http/routes.ts for routes). */
export function outboxHandlers(deps: OutboxDeps = {}): OutboxHandlers {
  const all: Record<string, OutboxHandlers[string][number][]> = {};
  // Notifications last: another consumer of the same event that fails rolls back before anyone is mailed.
  const notifications = deps.mailer ? [notificationsEventHandlers({ mailer: deps.mailer, publicUrl: deps.publicUrl ?? '' })] : [];
  for (const moduleHandlers of [segmentsEventHandlers, invoicingEventHandlers, ...notifications] as OutboxHandlers[]) {
    for (const [type, list] of Object.entries(moduleHandlers)) (all[type] ??= []).push(...list);
  }
  return all;
}
