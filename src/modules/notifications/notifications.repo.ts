import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { anyText } from '../../db/sql-arrays.ts';
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
  return (await companyUserRecipients(db, [{ companyId, userId }])).get(recipientKey(companyId, userId)) ?? null;
}

/** The key of `companyUserRecipients`' answer. */
export const recipientKey = (companyId: string, userId: string): string => `${companyId} ${userId}`;

/** `companyUserRecipient` for several (company, user) pairs in one query, by `recipientKey`. */
export async function companyUserRecipients(db: Db, pairs: readonly { companyId: string; userId: string }[]): Promise<Map<string, Recipient>> {
  if (!pairs.length) return new Map();
  const found = await db
    .select({ userId: companyUsers.id, email: companyUsers.email, name: companyUsers.name, locale: companyUsers.locale, timeZone: companies.timezone, companyId: companyMemberships.companyId })
    .from(companyUsers)
    .innerJoin(companyMemberships, eq(companyMemberships.userId, companyUsers.id))
    .innerJoin(companies, eq(companies.id, companyMemberships.companyId))
    .where(and(anyText(companyUsers.id, pairs.map((p) => p.userId)), anyText(companyMemberships.companyId, pairs.map((p) => p.companyId)), eq(companyUsers.status, 'active')));
  const wanted = new Set(pairs.map((p) => recipientKey(p.companyId, p.userId)));
  const out = new Map<string, Recipient>();
  for (const { companyId, ...r } of found) if (wanted.has(recipientKey(companyId, r.userId))) out.set(recipientKey(companyId, r.userId), r);
  return out;
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
 * Claims (event, recipient) pairs in the sent log, in one insert; answers the pairs claimed now as
 * `${eventId} ${recipient}`. A pair missing from the answer was mailed by an earlier delivery of the
 * same event: the outbox delivers at least once, people get a mail once.
 */
export async function claimSends(db: Db, rows: readonly (typeof notificationsSent.$inferInsert)[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const inserted = await db
    .insert(notificationsSent)
    .values(rows.map((row) => ({ ...row, recipient: row.recipient.toLowerCase() })))
    .onConflictDoNothing()
    .returning({ eventId: notificationsSent.eventId, recipient: notificationsSent.recipient });
  return new Set(inserted.map((r) => `${r.eventId} ${r.recipient}`));
}

/** Gives claims back (their mail was not sent), so a later delivery of the event mails them. */
export async function unclaimSends(db: Db, eventId: string, recipients: readonly string[]): Promise<void> {
  await db.delete(notificationsSent).where(and(eq(notificationsSent.eventId, eventId), anyText(notificationsSent.recipient, recipients)));
}
