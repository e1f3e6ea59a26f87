import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { writeTogether, type WritePart } from '../../db/write-together.ts';
import { creditAccounts, creditLedger, customerGroupPaymentTerms, type CreditRefKind } from './credit.tables.ts';
import type { PaymentTermsCode } from './domain/terms.ts';

/** Queries behind payment terms and credit; every function runs on the Db it is given (ctx's). */

export type AccountRow = typeof creditAccounts.$inferSelect;
export type LedgerRow = typeof creditLedger.$inferSelect;

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return (await db.execute(query) as unknown as { rows: T[] }).rows;
}

export interface PolicyRow {
  companyCurrency: string;
  account: AccountRow | null;
  groupTerms: PaymentTermsCode | null;
  groupId: string | null;
}

interface RawPolicy {
  company_currency: string;
  has_account: boolean;
  payment_terms: PaymentTermsCode | null;
  credit_limit: number | string | null;
  currency: string | null;
  over_limit_action: 'block' | 'hold' | null;
  po_required: boolean | null;
  allow_new_ship_to: boolean | null;
  exposure: number | string | null;
  created_at: Date | string | null;
  updated_at: Date | string | null;
  group_terms: PaymentTermsCode | null;
  group_id: string | null;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));
const date = (v: Date | string | null): Date => (v instanceof Date ? v : new Date(v ?? 0));

/**
 * `loadPolicy`'s query as one json value (null: no such company), for a combined read. With `lock`
 * the account row is taken `for update` (held to commit): its figures are then the newest committed
 * ones even when the statement waited for the lock, so a reservation may decide on them.
 */
export function policySql(companyId: string | null, lock: boolean): SQL {
  const account = lock
    ? sql`left join lateral (select * from credit_accounts x where x.company_id = c.id for update) a on true`
    : sql`left join credit_accounts a on a.company_id = c.id`;
  return sql`select row_to_json(p) from (
      select c.currency as company_currency, a.company_id is not null as has_account, a.payment_terms, a.credit_limit, a.currency,
             a.over_limit_action, a.po_required, a.allow_new_ship_to, a.exposure, a.created_at, a.updated_at, g.payment_terms as group_terms, g.group_id
        from companies c
        ${account}
        left join lateral (
          select t.payment_terms, t.group_id from customer_group_payment_terms t
          join customer_group_members m on m.group_id = t.group_id and m.company_id = c.id
          order by t.priority desc, t.group_id asc limit 1
        ) g on true
       where c.id = ${companyId}) p`;
}

/** `policySql`'s value as a PolicyRow (null: no such company). */
export function toPolicyRow(companyId: string, value: unknown): PolicyRow | null {
  if (value === null) return null;
  const r = value as RawPolicy;
  const account: AccountRow | null = r.has_account
    ? {
        companyId,
        paymentTerms: r.payment_terms,
        creditLimit: num(r.credit_limit),
        currency: r.currency ?? r.company_currency,
        overLimitAction: r.over_limit_action ?? 'block',
        poRequired: r.po_required ?? false,
        allowNewShipTo: r.allow_new_ship_to ?? true,
        exposure: num(r.exposure) ?? 0,
        createdAt: date(r.created_at),
        updatedAt: date(r.updated_at),
      }
    : null;
  return { companyCurrency: r.company_currency, account, groupTerms: r.group_terms, groupId: r.group_id };
}

/**
 * A company's currency, its credit account (if any) and the terms its highest-priority customer
 * group carries, in one round trip (checkout reads this on every order). null: no such company.
 */
export async function loadPolicy(db: Db, companyId: string): Promise<PolicyRow | null> {
  const [r] = await rows<{ policy: unknown }>(db, sql`select (${policySql(companyId, false)}) as policy`);
  return toPolicyRow(companyId, r?.policy ?? null);
}

/** The account row, locked until the transaction ends (serialises every reservation of the company). */
export async function lockAccount(db: Db, companyId: string): Promise<AccountRow | null> {
  const [row] = await db.select().from(creditAccounts).where(eq(creditAccounts.companyId, companyId)).for('update');
  return row ?? null;
}

/**
 * The account's new exposure and its ledger entry as parts of one statement (`writeTogether`): on
 * its own (`recordEntry`), or with the order that takes the credit (the checkout's one statement).
 */
export function entryWrites(e: Required<typeof creditLedger.$inferInsert>): WritePart[] {
  const at = e.at.toISOString();
  return [
    ['credit_exposure', sql`update credit_accounts set exposure = ${e.exposureAfter}, updated_at = ${at}::timestamptz where company_id = ${e.companyId}`],
    ['credit_entry', sql`insert into credit_ledger (id, company_id, ref_kind, ref_id, amount, exposure_after, reason, actor_kind, actor_id, at)
      values (${e.id}, ${e.companyId}, ${e.refKind}, ${e.refId}, ${e.amount}, ${e.exposureAfter}, ${e.reason}, ${e.actorKind}, ${e.actorId}, ${at}::timestamptz)`],
  ];
}

/** The account's new exposure and its ledger entry, in one statement. */
export async function recordEntry(db: Db, e: Required<typeof creditLedger.$inferInsert>): Promise<void> {
  await writeTogether(db, entryWrites(e));
}

export async function upsertAccount(db: Db, values: typeof creditAccounts.$inferInsert): Promise<AccountRow> {
  const { companyId: _id, exposure: _e, createdAt: _c, ...set } = values;
  const [row] = await db.insert(creditAccounts).values(values).onConflictDoUpdate({ target: creditAccounts.companyId, set }).returning();
  return row!;
}

/** Newest first; the cursor is (at, id) of the last row seen. */
export async function ledgerPage(db: Db, companyId: string, after: { at: Date; id: string } | undefined, limit: number, refKind?: CreditRefKind): Promise<LedgerRow[]> {
  const conds = [eq(creditLedger.companyId, companyId)];
  if (refKind) conds.push(eq(creditLedger.refKind, refKind));
  if (after) conds.push(or(lt(creditLedger.at, after.at), and(eq(creditLedger.at, after.at), lt(creditLedger.id, after.id)))!);
  return db.select().from(creditLedger).where(and(...conds)).orderBy(desc(creditLedger.at), desc(creditLedger.id)).limit(limit + 1);
}

/** Sum of the company's ledger (checks and the admin view compare it with the running exposure). */
export async function ledgerSum(db: Db, companyId: string): Promise<number> {
  const [r] = await rows<{ s: number | string }>(db, sql`select coalesce(sum(amount), 0)::bigint as s from credit_ledger where company_id = ${companyId}`);
  return Number(r?.s ?? 0);
}

export async function groupTerms(db: Db, groupId: string): Promise<typeof customerGroupPaymentTerms.$inferSelect | null> {
  const [row] = await db.select().from(customerGroupPaymentTerms).where(eq(customerGroupPaymentTerms.groupId, groupId)).limit(1);
  return row ?? null;
}

export async function groupExists(db: Db, groupId: string): Promise<boolean> {
  return (await rows(db, sql`select 1 from customer_groups where id = ${groupId}`)).length > 0;
}

export async function upsertGroupTerms(db: Db, values: typeof customerGroupPaymentTerms.$inferInsert): Promise<typeof customerGroupPaymentTerms.$inferSelect> {
  const [row] = await db
    .insert(customerGroupPaymentTerms)
    .values(values)
    .onConflictDoUpdate({ target: customerGroupPaymentTerms.groupId, set: { paymentTerms: values.paymentTerms, priority: values.priority ?? 0, updatedAt: values.updatedAt ?? new Date() } })
    .returning();
  return row!;
}

export async function deleteGroupTerms(db: Db, groupId: string): Promise<boolean> {
  return (await db.delete(customerGroupPaymentTerms).where(eq(customerGroupPaymentTerms.groupId, groupId)).returning({ id: customerGroupPaymentTerms.groupId })).length > 0;
}
