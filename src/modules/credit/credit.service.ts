import type { ReadPart } from '../../db/read-together.ts';
import { writeTogether, type WritePart } from '../../db/write-together.ts';
import { inTx, type Ctx } from '../../http/context.ts';
import { decodeCursor, encodeCursor, type PageResult } from '../../http/pagination.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { isId, newMonotonicId } from '../../lib/ids.ts';
import * as repo from './credit.repo.ts';
import type { CreditRefKind, OverLimitAction } from './credit.tables.ts';
import { available, decideRelease, decideReserve } from './domain/ledger.ts';
import { paymentTerms, type PaymentTerms, type PaymentTermsCode } from './domain/terms.ts';

/**
 * Payment terms and credit: what a company may do at checkout, and its credit exposure as a
 * ledger whose running sum lives on the locked account row.
 */

export interface CheckoutPolicy {
  /** The company's own terms, else its highest-priority customer group's, else null. */
  paymentTerms: PaymentTerms | null;
  /** Payment on account is offered: terms and a credit limit are both set. */
  onAccount: boolean;
  creditLimit: number | null;
  /** The credit account's currency (the company's currency when it has no account). */
  currency: string;
  overLimitAction: OverLimitAction;
  poRequired: boolean;
  allowNewShipTo: boolean;
}

export interface CreditRef {
  kind: CreditRefKind;
  id: string;
}

export interface ReserveInput {
  companyId: string;
  /** Minor units in `currency`; 0 reserves nothing and succeeds. */
  amount: number;
  currency: string;
  ref: { kind: 'order'; id: string } | CreditRef;
  /** Shown in the ledger; a default says what happened. */
  reason?: string;
}

export type ReserveResult = { ok: true; available: number } | { ok: false; available: number };

export interface ReleaseInput {
  companyId: string;
  amount: number;
  currency: string;
  ref: CreditRef;
  reason: string;
}

export interface ReleaseResult {
  /** What was actually freed (at most the exposure: it never goes below 0). */
  released: number;
  exposure: number;
  available: number | null;
}

export interface CreditSummary {
  limit: number | null;
  exposure: number;
  available: number | null;
  currency: string;
  paymentTerms: PaymentTerms | null;
}

export type TermsSource = 'company' | 'group' | 'none';

async function policyRow(ctx: Ctx, companyId: string): Promise<repo.PolicyRow> {
  const row = isId('company', companyId) ? await repo.loadPolicy(ctx.db, companyId) : null;
  if (!row) throw notFound('Company', 'companyId');
  return row;
}

function effectiveTerms(row: repo.PolicyRow): { terms: PaymentTerms | null; source: TermsSource } {
  if (row.account?.paymentTerms) return { terms: paymentTerms(row.account.paymentTerms), source: 'company' };
  if (row.groupTerms) return { terms: paymentTerms(row.groupTerms), source: 'group' };
  return { terms: null, source: 'none' };
}

/**
 * What checkout may offer a company: payment terms (company, else group, else none), whether it
 * may buy on account, its limit and what happens past it, and the PO / ship-to rules. A company
 * without a credit account has no on-account option, no PO requirement and may add addresses.
 */
export async function checkoutPolicy(ctx: Ctx, companyId: string): Promise<CheckoutPolicy> {
  return policyOf(await policyRow(ctx, companyId));
}

function policyOf(row: repo.PolicyRow): CheckoutPolicy {
  const { terms } = effectiveTerms(row);
  const a = row.account;
  return {
    paymentTerms: terms,
    onAccount: terms !== null && a !== null && a.creditLimit !== null,
    creditLimit: a?.creditLimit ?? null,
    currency: a?.currency ?? row.companyCurrency,
    overLimitAction: a?.overLimitAction ?? 'block',
    poRequired: a?.poRequired ?? false,
    allowNewShipTo: a?.allowNewShipTo ?? true,
  };
}

/** A credit account as read under its row lock (`checkoutCreditRead` with `lock`), for `reserveLockedCreditWrites`. */
export interface LockedCreditAccount {
  readonly row: repo.AccountRow;
}

/** What checkout reads from credit in its combined read: the policy, and the locked account when paying on account. */
export interface CheckoutCredit {
  policy: CheckoutPolicy;
  /** The account, locked until the transaction ends; null without `lock` or without an account. */
  locked: LockedCreditAccount | null;
}

/**
 * `checkoutPolicy` as a part of a combined read (`readTogether`). With `lock` (an order on account)
 * the same read takes the credit account's row lock, held to commit, and hands its figures to
 * `reserveLockedCreditWrites` — one round trip where a policy read and a lock took two. Card orders
 * pass `lock: false` and take no lock. Place this part after any lock taken before the credit
 * account's (the cart's) and lock inventory after the read.
 */
export function checkoutCreditRead(companyId: string, opts: { lock: boolean }): ReadPart<CheckoutCredit> {
  const id = isId('company', companyId) ? companyId : null;
  return {
    sql: repo.policySql(id, opts.lock),
    map: (value) => {
      const row = id === null ? null : repo.toPolicyRow(id, value);
      if (!row) throw notFound('Company', 'companyId');
      return { policy: policyOf(row), locked: opts.lock && row.account ? { row: row.account } : null };
    },
  };
}

function actorOf(ctx: Ctx): { actorKind: 'buyer' | 'staff' | 'apiKey' | 'system'; actorId: string | null } {
  const a = ctx.actor;
  if (a.kind === 'buyer') return { actorKind: 'buyer', actorId: a.userId };
  if (a.kind === 'staff') return { actorKind: 'staff', actorId: a.staffId };
  if (a.kind === 'apiKey') return { actorKind: 'apiKey', actorId: a.keyId };
  return { actorKind: 'system', actorId: null };
}

function checkAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw invalid('amount', 'must be a whole number of minor units, 0 or more');
}

async function lockFor(ctx: Ctx, companyId: string, currency: string): Promise<repo.AccountRow> {
  const account = isId('company', companyId) ? await repo.lockAccount(ctx.db, companyId) : null;
  if (!account) throw new AppError('CREDIT_ACCOUNT_MISSING', `Company ${companyId} has no credit account`, 'companyId');
  if (account.currency !== currency) throw new AppError('CREDIT_CURRENCY_MISMATCH', `The credit account is in ${account.currency}, not ${currency}`, 'currency');
  return account;
}

function entry(ctx: Ctx, companyId: string, ref: CreditRef, amount: number, exposureAfter: number, reason: string) {
  const now = ctx.clock.now();
  return { id: newMonotonicId('creditEntry', now.getTime()), companyId, refKind: ref.kind, refId: ref.id, amount, exposureAfter, reason: reason.slice(0, 500), ...actorOf(ctx), at: now };
}

async function addEntry(ctx: Ctx, companyId: string, ref: CreditRef, amount: number, exposureAfter: number, reason: string): Promise<void> {
  await repo.recordEntry(ctx.db, entry(ctx, companyId, ref, amount, exposureAfter, reason));
}

/**
 * Takes `amount` of the company's credit for `ref` if it fits in limit − exposure. The account row
 * is locked (`select … for update`) for the rest of the transaction, so concurrent reservations
 * queue and together never pass the limit. Join the order's transaction (call inside `inTx`), so a
 * rolled-back order rolls its reservation back too. CREDIT_ACCOUNT_MISSING without an account.
 */
export async function reserveCredit(ctx: Ctx, input: ReserveInput): Promise<ReserveResult> {
  return inTx(ctx, async (tx) => {
    const r = await reserveCreditWrites(tx, input);
    if (r.writes.length) await writeTogether(tx.db, r.writes);
    return { ok: r.ok, available: r.available };
  });
}

/**
 * `reserveCredit`'s lock and decision, with its writes (exposure and ledger entry; none when refused)
 * handed back for the caller's one combined statement — the checkout sends them with the order's.
 * Call inside the caller's transaction: the account stays locked until it commits.
 */
export async function reserveCreditWrites(tx: Ctx, input: ReserveInput): Promise<ReserveResult & { writes: WritePart[] }> {
  checkAmount(input.amount);
  return decideWrites(tx, await lockFor(tx, input.companyId, input.currency), input);
}

/**
 * `reserveCreditWrites` on an account already locked by this transaction (`checkoutCreditRead`
 * with `lock`): the same checks, decision and writes, without a round trip.
 */
export function reserveLockedCreditWrites(tx: Ctx, locked: LockedCreditAccount, input: ReserveInput): ReserveResult & { writes: WritePart[] } {
  checkAmount(input.amount);
  const account = locked.row;
  if (account.companyId !== input.companyId) throw new AppError('CREDIT_ACCOUNT_MISSING', `Company ${input.companyId} has no credit account`, 'companyId');
  if (account.currency !== input.currency) throw new AppError('CREDIT_CURRENCY_MISMATCH', `The credit account is in ${account.currency}, not ${input.currency}`, 'currency');
  return decideWrites(tx, account, input);
}

function decideWrites(tx: Ctx, account: repo.AccountRow, input: ReserveInput): ReserveResult & { writes: WritePart[] } {
  const decision = decideReserve({ limit: account.creditLimit, exposure: account.exposure }, input.amount);
  if (!decision.ok) return { ok: false, available: decision.available, writes: [] };
  const reason = input.reason ?? `Credit reserved for ${input.ref.kind} ${input.ref.id}`;
  const writes = input.amount > 0 ? repo.entryWrites(entry(tx, input.companyId, input.ref, input.amount, decision.exposure, reason)) : [];
  return { ok: true, available: decision.available, writes };
}

/**
 * Takes the credit even past the limit (a credit controller releasing a held order); `available`
 * may be negative afterwards. Same locking and ledger as `reserveCredit`.
 */
export async function forceReserveCredit(ctx: Ctx, input: ReserveInput): Promise<{ ok: true; available: number }> {
  checkAmount(input.amount);
  return inTx(ctx, async (tx) => {
    const account = await lockFor(tx, input.companyId, input.currency);
    const exposure = account.exposure + input.amount;
    if (input.amount > 0) await addEntry(tx, input.companyId, input.ref, input.amount, exposure, input.reason ?? `Credit reserved past the limit for ${input.ref.kind} ${input.ref.id}`);
    return { ok: true, available: available({ limit: account.creditLimit ?? 0, exposure }) ?? 0 };
  });
}

/**
 * Gives credit back (an order cancelled, an invoice paid or credited): exposure −amount, never
 * below 0 (the ledger records what was actually freed). A company without a credit account has
 * nothing reserved: a no-op.
 */
export async function releaseCredit(ctx: Ctx, input: ReleaseInput): Promise<ReleaseResult> {
  checkAmount(input.amount);
  return inTx(ctx, async (tx) => {
    const account = isId('company', input.companyId) ? await repo.lockAccount(tx.db, input.companyId) : null;
    if (!account) return { released: 0, exposure: 0, available: null };
    if (account.currency !== input.currency) throw new AppError('CREDIT_CURRENCY_MISMATCH', `The credit account is in ${account.currency}, not ${input.currency}`, 'currency');
    const { freed, exposure } = decideRelease({ limit: account.creditLimit, exposure: account.exposure }, input.amount);
    if (freed > 0) await addEntry(tx, input.companyId, input.ref, -freed, exposure, input.reason);
    return { released: freed, exposure, available: available({ limit: account.creditLimit, exposure }) };
  });
}

/** Limit, exposure, available and terms of a company (buyers' dashboard, checkout, admin). */
export async function creditSummary(ctx: Ctx, companyId: string): Promise<CreditSummary> {
  const row = await policyRow(ctx, companyId);
  const a = row.account;
  return {
    limit: a?.creditLimit ?? null,
    exposure: a?.exposure ?? 0,
    available: a ? available({ limit: a.creditLimit, exposure: a.exposure }) : null,
    currency: a?.currency ?? row.companyCurrency,
    paymentTerms: effectiveTerms(row).terms,
  };
}

// ── Staff: settings, ledger, group terms ─────────────────────────────────────────────────────

export interface CreditAccountView {
  companyId: string;
  hasAccount: boolean;
  /** The company's own terms (null = inherit). */
  paymentTerms: PaymentTermsCode | null;
  effectiveTerms: PaymentTerms | null;
  termsSource: TermsSource;
  /** The group the terms come from, when termsSource is 'group'. */
  termsGroupId: string | null;
  creditLimit: number | null;
  currency: string;
  overLimitAction: OverLimitAction;
  poRequired: boolean;
  allowNewShipTo: boolean;
  exposure: number;
  available: number | null;
  onAccount: boolean;
  updatedAt: string | null;
}

/** A company's terms and credit settings with its current exposure (no account yet → defaults). */
export async function getCreditAccount(ctx: Ctx, companyId: string): Promise<CreditAccountView> {
  const row = await policyRow(ctx, companyId);
  const a = row.account;
  const eff = effectiveTerms(row);
  return {
    companyId,
    hasAccount: a !== null,
    paymentTerms: a?.paymentTerms ?? null,
    effectiveTerms: eff.terms,
    termsSource: eff.source,
    termsGroupId: eff.source === 'group' ? row.groupId : null,
    creditLimit: a?.creditLimit ?? null,
    currency: a?.currency ?? row.companyCurrency,
    overLimitAction: a?.overLimitAction ?? 'block',
    poRequired: a?.poRequired ?? false,
    allowNewShipTo: a?.allowNewShipTo ?? true,
    exposure: a?.exposure ?? 0,
    available: a ? available({ limit: a.creditLimit, exposure: a.exposure }) : null,
    onAccount: eff.terms !== null && a?.creditLimit != null,
    updatedAt: a ? a.updatedAt.toISOString() : null,
  };
}

export interface CreditAccountInput {
  paymentTerms?: PaymentTermsCode | null | undefined;
  creditLimit?: number | null | undefined;
  overLimitAction?: OverLimitAction | undefined;
  poRequired?: boolean | undefined;
  allowNewShipTo?: boolean | undefined;
}

/**
 * Creates or changes a company's credit account (the currency is the company's at creation).
 * The row is locked first, so a change never interleaves with a reservation's check.
 */
export async function updateCreditAccount(ctx: Ctx, companyId: string, input: CreditAccountInput): Promise<CreditAccountView> {
  if (input.creditLimit != null && (!Number.isSafeInteger(input.creditLimit) || input.creditLimit < 0)) throw invalid('creditLimit', 'must be a whole number of minor units, 0 or more');
  await inTx(ctx, async (tx) => {
    const row = await policyRow(tx, companyId);
    const current = (await repo.lockAccount(tx.db, companyId)) ?? row.account;
    await repo.upsertAccount(tx.db, {
      companyId,
      currency: current?.currency ?? row.companyCurrency,
      paymentTerms: input.paymentTerms === undefined ? (current?.paymentTerms ?? null) : input.paymentTerms,
      creditLimit: input.creditLimit === undefined ? (current?.creditLimit ?? null) : input.creditLimit,
      overLimitAction: input.overLimitAction ?? current?.overLimitAction ?? 'block',
      poRequired: input.poRequired ?? current?.poRequired ?? false,
      allowNewShipTo: input.allowNewShipTo ?? current?.allowNewShipTo ?? true,
      updatedAt: tx.clock.now(),
    });
  });
  return getCreditAccount(ctx, companyId);
}

export interface LedgerEntryView {
  id: string;
  refKind: CreditRefKind;
  refId: string;
  amount: number;
  exposureAfter: number;
  reason: string;
  actorKind: string;
  actorId: string | null;
  at: string;
}

/** The company's credit ledger, newest first, cursor-paginated. */
export async function listLedger(ctx: Ctx, companyId: string, q: { limit?: number | undefined; cursor?: string | undefined }): Promise<PageResult<LedgerEntryView>> {
  await policyRow(ctx, companyId);
  const limit = q.limit ?? 50;
  const c = decodeCursor(q.cursor);
  const after = c && c.length === 2 && typeof c[0] === 'string' && typeof c[1] === 'string' && !Number.isNaN(Date.parse(c[0])) ? { at: new Date(c[0]), id: c[1] } : undefined;
  if (c && !after) throw new AppError('BAD_CURSOR', 'The cursor is not one this API issued', 'cursor');
  const rows = await repo.ledgerPage(ctx.db, companyId, after, limit);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({ id: r.id, refKind: r.refKind, refId: r.refId, amount: r.amount, exposureAfter: r.exposureAfter, reason: r.reason, actorKind: r.actorKind, actorId: r.actorId, at: r.at.toISOString() })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.at.toISOString(), last.id]) : null,
  };
}

export interface GroupTermsView {
  groupId: string;
  paymentTerms: PaymentTermsCode | null;
  priority: number;
}

async function checkGroup(ctx: Ctx, groupId: string): Promise<void> {
  if (!isId('group', groupId) || !(await repo.groupExists(ctx.db, groupId))) throw notFound('Customer group');
}

/** A customer group's payment terms (null when it sets none). */
export async function getGroupTerms(ctx: Ctx, groupId: string): Promise<GroupTermsView> {
  await checkGroup(ctx, groupId);
  const row = await repo.groupTerms(ctx.db, groupId);
  return { groupId, paymentTerms: row?.paymentTerms ?? null, priority: row?.priority ?? 0 };
}

/** Sets (or with null clears) a group's payment terms; among a company's groups the highest priority wins. */
export async function setGroupTerms(ctx: Ctx, groupId: string, input: { paymentTerms: PaymentTermsCode | null; priority?: number | undefined }): Promise<GroupTermsView> {
  return inTx(ctx, async (tx) => {
    await checkGroup(tx, groupId);
    if (input.paymentTerms === null) {
      await repo.deleteGroupTerms(tx.db, groupId);
      return { groupId, paymentTerms: null, priority: 0 };
    }
    const row = await repo.upsertGroupTerms(tx.db, { groupId, paymentTerms: input.paymentTerms, priority: input.priority ?? 0, updatedAt: tx.clock.now() });
    return { groupId, paymentTerms: row.paymentTerms, priority: row.priority };
  });
}

export interface StoreCreditView {
  onAccount: boolean;
  paymentTerms: PaymentTerms | null;
  limit: { amount: number; currency: string } | null;
  used: { amount: number; currency: string };
  available: { amount: number; currency: string } | null;
  poRequired: boolean;
  overLimitAction: OverLimitAction;
}

/** What a buyer sees of their company's credit (GET /api/store/credit). */
export async function storeCredit(ctx: Ctx, companyId: string): Promise<StoreCreditView> {
  const a = await getCreditAccount(ctx, companyId);
  const m = (amount: number) => ({ amount, currency: a.currency });
  return {
    onAccount: a.onAccount,
    paymentTerms: a.effectiveTerms,
    limit: a.creditLimit === null ? null : m(a.creditLimit),
    used: m(a.exposure),
    available: a.available === null ? null : m(a.available),
    poRequired: a.poRequired,
    overLimitAction: a.overLimitAction,
  };
}
