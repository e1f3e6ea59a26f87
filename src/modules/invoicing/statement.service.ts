import { sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Money } from '../../lib/money.ts';
import { getCompanyRecord } from '../accounts/index.ts';
import { ageing, type AgeingBucket } from './domain/settlement.ts';
import { rowsOf } from './invoicing.repo.ts';
import { money } from './invoicing.views.ts';

const DAY_MS = 86_400_000;

export interface StatementEntry {
  kind: 'invoice' | 'payment' | 'credit_memo';
  id: string;
  /** Invoice or credit memo number; for a payment, its external reference or card. */
  reference: string;
  /** Invoice: the order number; payment: the method; credit memo: the reason. */
  description: string;
  at: string;
  debit: Money;
  credit: Money;
  /** What the company owes after this entry. */
  balance: Money;
}

export interface Statement {
  companyId: string;
  companyName: string;
  currency: string;
  from: string;
  to: string;
  openingBalance: Money;
  closingBalance: Money;
  entries: StatementEntry[];
  ageing: { asOf: string; buckets: Record<AgeingBucket, Money>; total: Money };
}

interface EntryRow {
  kind: StatementEntry['kind'];
  id: string;
  reference: string;
  description: string;
  at: Date | string;
  debit: string;
  credit: string;
}

/** Invoices (debit), payments and credit memos (credit) of one company in its currency, oldest first. */
function entriesSql(companyId: string, currency: string) {
  return sql`
    select * from (
      select 'invoice' as kind, i.id, i.number as reference, i.order_number as description, i.issued_at as at, i.total::text as debit, '0' as credit
        from invoices i where i.company_id = ${companyId} and i.currency = ${currency} and i.status <> 'void'
      union all
      select 'payment', p.id, coalesce(p.external_ref, case when p.card_last4 is not null then initcap(p.card_brand) || ' •••• ' || p.card_last4 end, p.id), p.method, p.received_at, '0', sum(ip.amount)::text
        from payments p join invoice_payments ip on ip.payment_id = p.id join invoices i on i.id = ip.invoice_id
        where i.company_id = ${companyId} and i.currency = ${currency}
        group by p.id
      union all
      select 'credit_memo', m.id, m.number, m.reason, m.issued_at, '0', m.amount::text
        from credit_memos m where m.company_id = ${companyId} and m.currency = ${currency}
    ) e order by at, case kind when 'invoice' then 0 when 'credit_memo' then 1 else 2 end, id`;
}

/**
 * A company's account statement over a period: the balance brought forward, every invoice, payment
 * and credit memo in the period with the running balance, the closing balance, and the ageing of
 * what is unpaid today (current, 1–30, 31–60, 61–90, 90+ days past due). In the company currency.
 * Defaults: the last 90 days up to now.
 */
export async function accountStatement(ctx: Ctx, companyId: string, q: { from?: string | undefined; to?: string | undefined }): Promise<Statement> {
  const company = await getCompanyRecord(ctx, companyId);
  if (!company) throw new AppError('NOT_FOUND', 'Company not found', 'companyId');
  const now = ctx.clock.now();
  const to = q.to ? endOfDay(q.to, 'to') : now;
  const from = q.from ? startOfDay(q.from, 'from') : new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate()) - 89 * DAY_MS);
  if (from.getTime() > to.getTime()) throw new AppError('VALIDATION_FAILED', 'The period starts after it ends', 'from');
  const currency = company.currency;
  const rows = await rowsOf<EntryRow>(ctx.db, entriesSql(companyId, currency));
  let opening = 0;
  let balance = 0;
  const entries: StatementEntry[] = [];
  for (const r of rows) {
    const at = new Date(r.at);
    const delta = Number(r.debit) - Number(r.credit);
    if (at < from) {
      opening += delta;
      balance = opening;
      continue;
    }
    if (at > to) break;
    balance += delta;
    entries.push({ kind: r.kind, id: r.id, reference: r.reference, description: r.description, at: at.toISOString(), debit: money(Number(r.debit), currency), credit: money(Number(r.credit), currency), balance: money(balance, currency) });
  }
  const open = await rowsOf<{ balance: string; due_at: Date | string }>(
    ctx.db,
    sql`select (total - amount_paid - amount_credited)::text as balance, due_at from invoices
        where company_id = ${companyId} and currency = ${currency} and status in ('open','partially_paid','overdue')`,
  );
  const aged = ageing(open.map((o) => ({ balance: Number(o.balance), dueAt: new Date(o.due_at) })), now);
  return {
    companyId,
    companyName: company.legalName,
    currency,
    from: from.toISOString(),
    to: to.toISOString(),
    openingBalance: money(opening, currency),
    closingBalance: money(entries.length ? balance : opening, currency),
    entries,
    ageing: {
      asOf: now.toISOString(),
      buckets: {
        current: money(aged.current, currency),
        days1to30: money(aged.days1to30, currency),
        days31to60: money(aged.days31to60, currency),
        days61to90: money(aged.days61to90, currency),
        days90plus: money(aged.days90plus, currency),
      },
      total: money(aged.total, currency),
    },
  };
}

function startOfDay(day: string, field: string): Date {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', 'Expected a date YYYY-MM-DD', field);
  return d;
}

function endOfDay(day: string, field: string): Date {
  return new Date(startOfDay(day, field).getTime() + DAY_MS - 1);
}

/** For the buyer dashboard: unpaid invoices, and how many are overdue for how much (company currency). */
export async function invoiceSummary(ctx: Ctx, companyId: string): Promise<{ open: number; overdue: { count: number; amount: number }; currency: string | null }> {
  const [r] = await rowsOf<{ open: string; overdue: string; overdue_amount: string | null; currency: string | null }>(
    ctx.db,
    sql`select count(*)::text as open,
               count(*) filter (where status = 'overdue')::text as overdue,
               sum(total - amount_paid - amount_credited) filter (where status = 'overdue')::text as overdue_amount,
               (select currency from companies where id = ${companyId}) as currency
        from invoices where company_id = ${companyId} and status in ('open','partially_paid','overdue')`,
  );
  return { open: Number(r?.open ?? 0), overdue: { count: Number(r?.overdue ?? 0), amount: Number(r?.overdue_amount ?? 0) }, currency: r?.currency ?? null };
}
