import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { companies, companyMemberships, companyUsers } from '../accounts/index.ts';
import { notificationsSent } from './notifications.tables.ts';

/** Someone an email goes to, with the language and time zone it is written in. */
export interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
}

/** An active login of the company (its time zone for dates), or null when gone or suspended. */
export async function companyUserRecipient(db: Db, companyId: string, userId: string): Promise<Recipient | null> {
  const [r] = await db
    .select({ userId: companyUsers.id, email: companyUsers.email, name: companyUsers.name, locale: companyUsers.locale, timeZone: companies.timezone })
    .from(companyUsers)
    .innerJoin(companyMemberships, and(eq(companyMemberships.userId, companyUsers.id), eq(companyMemberships.companyId, companyId)))
    .innerJoin(companies, eq(companies.id, companyId))
    .where(and(eq(companyUsers.id, userId), eq(companyUsers.status, 'active')))
    .limit(1);
  return r ?? null;
}

/** The company's active members in the given roles (invoices go to its admins and buyers). */
export async function companyRecipients(db: Db, companyId: string, roles: readonly string[]): Promise<Recipient[]> {
  return db
    .select({ userId: companyUsers.id, email: companyUsers.email, name: companyUsers.name, locale: companyUsers.locale, timeZone: companies.timezone })
    .from(companyMemberships)
    .innerJoin(companyUsers, eq(companyUsers.id, companyMemberships.userId))
    .innerJoin(companies, eq(companies.id, companyMemberships.companyId))
    .where(and(eq(companyMemberships.companyId, companyId), inArray(companyMemberships.role, [...roles]), eq(companyUsers.status, 'active')))
    .orderBy(companyUsers.id);
}

/**
 * Claims the (event, recipient) pair in the sent log. False when an earlier delivery of the same
 * event already mailed this person: the outbox delivers at least once, people get a mail once.
 */
export async function claimSend(db: Db, row: typeof notificationsSent.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(notificationsSent)
    .values({ ...row, recipient: row.recipient.toLowerCase() })
    .onConflictDoNothing()
    .returning({ eventId: notificationsSent.eventId });
  return inserted.length > 0;
}
