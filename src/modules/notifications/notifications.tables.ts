import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Drizzle view of `notifications_sent` in `0016_returns.sql`; the SQL file is the source of truth. */
export const notificationsSent = pgTable(
  'notifications_sent',
  {
    eventId: text('event_id').notNull(),
    recipient: text('recipient').notNull(),
    kind: text('kind').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    companyId: text('company_id'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.recipient] })],
);
