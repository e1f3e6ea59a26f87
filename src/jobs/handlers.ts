import { segmentsEventHandlers } from '../modules/segments/index.ts';
import type { OutboxHandlers } from './outbox.ts';

/** Every module's outbox consumers, gathered in one place (like src/http/routes.ts for routes). */
export function outboxHandlers(): OutboxHandlers {
  const all: Record<string, OutboxHandlers[string][number][]> = {};
  for (const moduleHandlers of [segmentsEventHandlers] as OutboxHandlers[]) {
    for (const [type, list] of Object.entries(moduleHandlers)) (all[type] ??= []).push(...list);
  }
  return all;
}
