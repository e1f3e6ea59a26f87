import { sql } from 'drizzle-orm';
import { appendOutbox } from '../../jobs/outbox.ts';
import { inTx, type Ctx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { isId, newId, newMonotonicId } from '../../lib/ids.ts';
import { buyerReadableCompanyIds } from '../accounts/index.ts';
import { inventory } from '../catalog/index.ts';
import { isFinal, nextActions, OPEN_RETURN_STATUSES, transitionFor, type ReturnAction, type ReturnReason, type ReturnStatus } from './domain/lifecycle.ts';
import { returnableQuantity, returnAmount, returnDeadline, returnLineAmount, withinReturnWindow } from './domain/policy.ts';
import type { ReturnableLine, ReturnRequest, ReturnSummaryItem } from './domain/types.ts';
import { claimReturnQuantity, findOrderForReturn, orderLinesForReturn, releaseReturnQuantity } from './order-access.repo.ts';
import * as repo from './returns.repo.ts';

/** A credit memo for a resolved return; the invoicing module provides it (wired in src/http/routes.ts). */
export type CreditMemoIssuer = (
  ctx: Ctx,
  input: { companyId: string; orderId: string; returnId: string; amount: number; currency: string; lines: { orderLineNo: number; sku: string; name: string; quantity: number; amount: number }[]; reason: string },
) => Promise<{ id: string }>;

/** A card refund of an order's payment; the payments module provides it. */
export type CardRefunder = (ctx: Ctx, paymentId: string, amount: number, reason?: string) => Promise<{ id: string }>;

/** What the returns use cases need from the application. */
export interface ReturnsDeps {
  /** Days after delivery in which a return may be requested (config RETURN_WINDOW_DAYS). */
  readonly windowDays: number;
  readonly refundPayment: CardRefunder;
  /** Absent until invoicing is wired: resolving with a credit memo then answers 503. */
  readonly issueCreditMemo?: CreditMemoIssuer | undefined;
}

// ---------------------------------------------------------------- scope and views

/** Companies whose returns ctx may read; undefined = all (staff). */
async function readableCompanyIds(ctx: Ctx): Promise<string[] | undefined> {
  const a = ctx.actor;
  if (a.kind === 'buyer') return buyerReadableCompanyIds(ctx, a);
  if (a.kind === 'staff') return undefined;
  return [];
}

function actorOf(ctx: Ctx): { kind: 'buyer' | 'staff' | 'apiKey' | 'system'; id: string | null; name: string | null } {
  const a = ctx.actor;
  if (a.kind === 'buyer') return { kind: 'buyer', id: a.userId, name: a.email };
  if (a.kind === 'staff') return { kind: 'staff', id: a.staffId, name: a.email };
  if (a.kind === 'apiKey') return { kind: 'apiKey', id: a.keyId, name: null };
  return { kind: 'system', id: null, name: null };
}

const money = (amount: number, currency: string) => ({ amount, currency });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function lineValue(l: repo.ReturnLineRow): number {
  return returnLineAmount(l, l.quantityReceived ?? l.quantity);
}

function summaryOf(r: repo.ReturnRow & { companyName: string }, lines: repo.ReturnLineRow[]): ReturnSummaryItem {
  return {
    id: r.id,
    number: r.number,
    companyId: r.companyId,
    companyName: r.companyName,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    status: r.status as ReturnStatus,
    amount: money(
      lines.reduce((s, l) => s + lineValue(l), 0),
      r.currency,
    ),
    lineCount: lines.length,
    requestedAt: r.requestedAt.toISOString(),
    requestedByName: r.requestedByName,
  };
}

async function view(ctx: Ctx, r: repo.ReturnRow): Promise<ReturnRequest> {
  const [lines, events, companyName, order] = [await repo.findLines(ctx.db, [r.id]), await repo.findEvents(ctx.db, r.id), await repo.companyName(ctx.db, r.companyId), await findOrderForReturn(ctx.db, r.orderId, undefined)];
  const status = r.status as ReturnStatus;
  return {
    ...summaryOf({ ...r, companyName }, lines),
    comment: r.comment,
    decisionReason: r.decisionReason,
    restockWarehouseId: r.restockWarehouseId,
    resolution: r.resolution as ReturnRequest['resolution'],
    resolutionAmount: r.resolutionAmount === null ? null : money(r.resolutionAmount, r.currency),
    resolutionRef: r.resolutionRef,
    decidedAt: iso(r.decidedAt),
    receivedAt: iso(r.receivedAt),
    resolvedAt: iso(r.resolvedAt),
    paymentMethod: order?.paymentMethod ?? 'account',
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      quantityReceived: l.quantityReceived,
      reason: l.reason as ReturnReason,
      unitPrice: money(l.unitPrice, r.currency),
      amount: money(lineValue(l), r.currency),
    })),
    events: events.map((e) => ({
      type: e.type,
      fromStatus: e.fromStatus as ReturnStatus | null,
      toStatus: e.toStatus as ReturnStatus | null,
      actorKind: e.actorKind as ReturnRequest['events'][number]['actorKind'],
      actorName: e.actorName,
      detail: e.detail,
      at: e.at.toISOString(),
    })),
    actions: ctx.actor.kind === 'staff' ? nextActions(status) : [],
  };
}

// ---------------------------------------------------------------- events

async function recordTransition(ctx: Ctx, r: repo.ReturnRow, from: ReturnStatus | null, to: ReturnStatus, detail: Record<string, unknown>): Promise<void> {
  const now = ctx.clock.now();
  const who = actorOf(ctx);
  await repo.insertEvent(ctx.db, { id: newMonotonicId('returnEvent', now.getTime()), returnId: r.id, type: from ? `return.${to}` : 'return.requested', fromStatus: from, toStatus: to, actorKind: who.kind, actorId: who.id, actorName: who.name, detail, at: now });
  const lines = await repo.findLines(ctx.db, [r.id]);
  const payload = {
    returnId: r.id,
    companyId: r.companyId,
    number: r.number,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    from,
    to,
    requestedBy: r.requestedBy,
    reason: to === 'rejected' ? (detail.reason ?? null) : null,
    amount: typeof detail.amount === 'number' ? detail.amount : null,
    currency: r.currency,
    lines: lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantityReceived ?? l.quantity })),
    at: now.toISOString(),
  };
  await appendOutbox(ctx, [{ type: 'return.status_changed', aggregateId: r.id, payload }]);
}

// ---------------------------------------------------------------- buyer: request

export interface ReturnRequestInput {
  orderId: string;
  lines: { lineNo: number; quantity: number; reason: ReturnReason }[];
  comment?: string | undefined;
}

/** The lines of one of the buyer's orders as the return form shows them: how many may go back, until when. */
export async function returnableLines(ctx: Ctx, deps: Pick<ReturnsDeps, 'windowDays'>, orderId: string): Promise<ReturnableLine[]> {
  const scope = await readableCompanyIds(ctx);
  const order = isId('order', orderId) ? await findOrderForReturn(ctx.db, orderId, scope) : null;
  if (!order) throw notFound('Order', 'orderId');
  const now = ctx.clock.now();
  return (await orderLinesForReturn(ctx.db, order.id)).map((l) => ({
    lineNo: l.lineNo,
    sku: l.sku,
    name: l.name,
    quantityShipped: l.quantityShipped,
    quantityReturned: l.quantityReturned,
    returnable: l.receivedAt && withinReturnWindow(l.receivedAt, now, deps.windowDays) ? returnableQuantity(l) : 0,
    unitPrice: money(l.unitPrice, order.currency),
    returnBy: l.receivedAt ? returnDeadline(l.receivedAt, deps.windowDays).toISOString() : null,
    windowOpen: l.receivedAt !== null && withinReturnWindow(l.receivedAt, now, deps.windowDays),
  }));
}

/**
 * A buyer asks to return shipped lines of their own company's order. Each line's quantity is
 * claimed atomically against shipped − already returned, so concurrent requests never return more
 * than was shipped; the window runs from delivery (or shipment while no delivery is reported).
 */
export async function requestReturn(ctx: Ctx, deps: Pick<ReturnsDeps, 'windowDays'>, input: ReturnRequestInput): Promise<ReturnRequest> {
  const a = ctx.actor;
  if (a.kind !== 'buyer') throw new AppError('FORBIDDEN', 'Returns are requested by the buying company');
  const seen = new Set<number>();
  input.lines.forEach((l, i) => {
    if (seen.has(l.lineNo)) throw new AppError('VALIDATION_FAILED', 'Each order line may appear once', `lines/${i}/lineNo`);
    seen.add(l.lineNo);
  });
  return inTx(ctx, async (tx) => {
    const order = isId('order', input.orderId) ? await findOrderForReturn(tx.db, input.orderId, [a.companyId]) : null;
    if (!order) throw notFound('Order', 'orderId');
    const lines = new Map((await orderLinesForReturn(tx.db, order.id)).map((l) => [l.lineNo, l]));
    const now = tx.clock.now();
    const id = newId('returnRequest', now.getTime());
    const rows: Parameters<typeof repo.insertReturn>[2] = [];
    for (const [i, want] of input.lines.entries()) {
      const line = lines.get(want.lineNo);
      if (!line) throw new AppError('VALIDATION_FAILED', `The order has no line ${want.lineNo}`, `lines/${i}/lineNo`);
      if (!line.receivedAt || line.quantityShipped === 0) throw new AppError('RETURN_NOT_RETURNABLE', `Line ${want.lineNo} (${line.sku}) has not shipped`, `lines/${i}/lineNo`);
      if (!withinReturnWindow(line.receivedAt, now, deps.windowDays))
        throw new AppError('RETURN_WINDOW_CLOSED', `Returns for ${line.sku} closed on ${returnDeadline(line.receivedAt, deps.windowDays).toISOString().slice(0, 10)}`, `lines/${i}/lineNo`);
      if (!(await claimReturnQuantity(tx.db, order.id, line.lineNo, want.quantity))) {
        const [fresh] = (await orderLinesForReturn(tx.db, order.id)).filter((l) => l.lineNo === line.lineNo);
        const left = fresh ? returnableQuantity(fresh) : 0;
        throw new AppError('RETURN_QUANTITY_EXCEEDED', `At most ${left} of ${line.sku} can still be returned`, `lines/${i}/quantity`, { returnable: left });
      }
      rows.push({ returnId: id, orderId: order.id, lineNo: line.lineNo, sku: line.sku, name: line.name, variantId: line.variantId, quantity: want.quantity, reason: want.reason, unitPrice: line.unitPrice, taxRateBp: line.taxRateBp });
    }
    const row: repo.ReturnRow = {
      id,
      number: await repo.nextReturnNumber(tx.db),
      companyId: order.companyId,
      orderId: order.id,
      orderNumber: order.number,
      status: 'requested',
      currency: order.currency,
      requestedBy: a.userId,
      requestedByName: a.email,
      comment: input.comment?.trim() || null,
      decisionReason: null,
      restockWarehouseId: null,
      resolution: null,
      resolutionAmount: null,
      resolutionRef: null,
      locale: tx.locale.slice(0, 10),
      requestedAt: now,
      decidedAt: null,
      receivedAt: null,
      resolvedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertReturn(tx.db, row, rows);
    await recordTransition(tx, row, null, 'requested', { lines: rows.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity, reason: l.reason })), amount: returnAmount(rows.map((l) => ({ unitPrice: l.unitPrice, taxRateBp: l.taxRateBp ?? 0, quantity: l.quantity }))) });
    return view(tx, row);
  });
}

// ---------------------------------------------------------------- reading

/** One return, if ctx may read it; another company's return is a 404 like a missing one. */
export async function getReturn(ctx: Ctx, id: string): Promise<ReturnRequest> {
  const scope = await readableCompanyIds(ctx);
  const r = isId('returnRequest', id) ? await repo.findReturn(ctx.db, id, scope) : null;
  if (!r) throw notFound('Return', 'id');
  return view(ctx, r);
}

export interface ReturnListQuery {
  limit?: number | undefined;
  cursor?: string | undefined;
  status?: ReturnStatus | undefined;
  open?: boolean | undefined;
  orderId?: string | undefined;
  companyId?: string | undefined;
  q?: string | undefined;
}

/** Returns newest first: a buyer's company (and descendants where allowed), or all for staff. */
export async function listReturns(ctx: Ctx, q: ReturnListQuery): Promise<PageResult<ReturnSummaryItem>> {
  const limit = q.limit ?? 50;
  const cur = decodeCursor(q.cursor);
  if (cur && (cur.length !== 2 || typeof cur[0] !== 'string' || typeof cur[1] !== 'string' || Number.isNaN(Date.parse(cur[0])))) throw new AppError('BAD_CURSOR', 'The cursor is not one this API issued', 'cursor');
  const scope = await readableCompanyIds(ctx);
  const companyIds = q.companyId ? (scope === undefined || scope.includes(q.companyId) ? [q.companyId] : []) : scope;
  const list = await repo.listReturns(ctx.db, { companyIds, orderId: q.orderId, status: q.status, open: q.open, q: q.q?.trim() || undefined, after: cur as [string, string] | undefined, limit });
  const lines = await repo.findLines(ctx.db, list.slice(0, limit).map((r) => r.id));
  const byReturn = new Map<string, repo.ReturnLineRow[]>();
  for (const l of lines) (byReturn.get(l.returnId) ?? byReturn.set(l.returnId, []).get(l.returnId))?.push(l);
  const items = list.map((r) => summaryOf(r, byReturn.get(r.id) ?? []));
  return toPage(items, limit, (r) => [r.requestedAt, r.id]);
}

/** A company's returns for its dashboard: how many are open, by status, and the latest open ones. */
export async function returnSummary(ctx: Ctx, companyId: string): Promise<{ open: number; byStatus: Partial<Record<ReturnStatus, number>>; recent: ReturnSummaryItem[] }> {
  const byStatus = await repo.openCounts(ctx.db, companyId);
  const list = await repo.listReturns(ctx.db, { companyIds: [companyId], open: true, limit: 5 });
  const lines = await repo.findLines(ctx.db, list.slice(0, 5).map((r) => r.id));
  const recent = list.slice(0, 5).map((r) => summaryOf(r, lines.filter((l) => l.returnId === r.id)));
  return { open: OPEN_RETURN_STATUSES.reduce((s, st) => s + (byStatus[st] ?? 0), 0), byStatus, recent };
}

// ---------------------------------------------------------------- staff: transitions

async function lockForAction(tx: Ctx, id: string, action: ReturnAction): Promise<{ row: repo.ReturnRow; to: ReturnStatus }> {
  const row = isId('returnRequest', id) ? await repo.findReturn(tx.db, id, undefined, true) : null;
  if (!row) throw notFound('Return', 'id');
  const t = transitionFor(row.status as ReturnStatus, action);
  if (!t) {
    const allowed = nextActions(row.status as ReturnStatus);
    throw new AppError('RETURN_TRANSITION_INVALID', `Return ${row.number} is ${row.status}${isFinal(row.status as ReturnStatus) ? ' and closed' : `; it can ${allowed.join(' or ')}`}`, 'status', { currentStatus: row.status, actions: allowed });
  }
  return { row, to: t.to };
}

/** Staff approve a requested return: the buyer may send the goods back. */
export async function approveReturn(ctx: Ctx, id: string, input: { note?: string | undefined } = {}): Promise<ReturnRequest> {
  return inTx(ctx, async (tx) => {
    const { row, to } = await lockForAction(tx, id, 'approve');
    const now = tx.clock.now();
    await repo.updateReturn(tx.db, row.id, { status: to, decidedAt: now, decisionReason: input.note?.trim() || null, updatedAt: now });
    await recordTransition(tx, row, 'requested', to, input.note ? { note: input.note } : {});
    return view(tx, { ...row, status: to, decidedAt: now, decisionReason: input.note?.trim() || null });
  });
}

/** Staff reject a requested return with a reason; its quantities become returnable again. */
export async function rejectReturn(ctx: Ctx, id: string, input: { reason: string }): Promise<ReturnRequest> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', 'Say why the return is rejected', 'reason');
  return inTx(ctx, async (tx) => {
    const { row, to } = await lockForAction(tx, id, 'reject');
    for (const l of await repo.findLines(tx.db, [row.id])) await releaseReturnQuantity(tx.db, row.orderId, l.lineNo, l.quantity);
    const now = tx.clock.now();
    await repo.updateReturn(tx.db, row.id, { status: to, decidedAt: now, decisionReason: reason, updatedAt: now });
    await recordTransition(tx, row, 'requested', to, { reason });
    return view(tx, { ...row, status: to, decidedAt: now, decisionReason: reason });
  });
}

export interface ReceiveInput {
  /** Per line, what arrived; lines not named arrived in full. */
  lines?: { lineNo: number; quantityReceived: number }[] | undefined;
  /** Put the received goods back on hand in this warehouse. */
  restockWarehouseId?: string | undefined;
}

/**
 * Staff record what came back. Less than requested gives the difference back to the order line
 * (returnable again); with a warehouse, the received quantities go back on hand there.
 */
export async function receiveReturn(ctx: Ctx, id: string, input: ReceiveInput): Promise<ReturnRequest> {
  return inTx(ctx, async (tx) => {
    const { row, to } = await lockForAction(tx, id, 'receive');
    const lines = await repo.findLines(tx.db, [row.id]);
    const given = new Map<number, number>();
    for (const [i, g] of (input.lines ?? []).entries()) {
      const line = lines.find((l) => l.lineNo === g.lineNo);
      if (!line) throw new AppError('VALIDATION_FAILED', `The return has no line ${g.lineNo}`, `lines/${i}/lineNo`);
      if (g.quantityReceived > line.quantity) throw new AppError('VALIDATION_FAILED', `At most ${line.quantity} of ${line.sku} were requested`, `lines/${i}/quantityReceived`);
      given.set(g.lineNo, g.quantityReceived);
    }
    if (input.restockWarehouseId) {
      const wh = (await tx.db.execute(sql`select 1 from warehouses where id = ${input.restockWarehouseId}`)) as unknown as { rows: unknown[] };
      if (!wh.rows.length) throw new AppError('VALIDATION_FAILED', 'No such warehouse', 'restockWarehouseId');
    }
    const now = tx.clock.now();
    const received: { lineNo: number; quantity: number }[] = [];
    for (const l of lines) {
      const q = given.get(l.lineNo) ?? l.quantity;
      await repo.setReceived(tx.db, row.id, l.lineNo, q);
      await releaseReturnQuantity(tx.db, row.orderId, l.lineNo, l.quantity - q);
      received.push({ lineNo: l.lineNo, quantity: q });
      if (input.restockWarehouseId && l.variantId && q > 0) {
        await tx.db
          .insert(inventory)
          .values({ variantId: l.variantId, warehouseId: input.restockWarehouseId, onHand: q })
          .onConflictDoUpdate({ target: [inventory.variantId, inventory.warehouseId], set: { onHand: sql`${inventory.onHand} + ${q}`, updatedAt: now } });
      }
    }
    await repo.updateReturn(tx.db, row.id, { status: to, receivedAt: now, restockWarehouseId: input.restockWarehouseId ?? null, updatedAt: now });
    await recordTransition(tx, row, 'approved', to, { received, restockWarehouseId: input.restockWarehouseId ?? null });
    return view(tx, { ...row, status: to, receivedAt: now, restockWarehouseId: input.restockWarehouseId ?? null });
  });
}

export interface ResolveInput {
  resolution: 'refund' | 'credit_memo';
  /** Defaults to the value of what was received (net + tax); may be less (restocking fee), never more. */
  amount?: number | undefined;
  note?: string | undefined;
}

/**
 * Closes a received return: a refund of the order's card payment, or a credit memo against the
 * order's invoices (which frees the company's credit). Both in the same transaction as the status.
 */
export async function resolveReturn(ctx: Ctx, deps: Pick<ReturnsDeps, 'refundPayment' | 'issueCreditMemo'>, id: string, input: ResolveInput): Promise<ReturnRequest> {
  return inTx(ctx, async (tx) => {
    const { row, to } = await lockForAction(tx, id, input.resolution === 'refund' ? 'refund' : 'credit');
    const lines = (await repo.findLines(tx.db, [row.id])).filter((l) => (l.quantityReceived ?? 0) > 0);
    const value = lines.reduce((s, l) => s + lineValue(l), 0);
    const amount = input.amount ?? value;
    if (amount > value) throw new AppError('VALIDATION_FAILED', `At most ${value} minor units were received back`, 'amount', { max: { amount: value, currency: row.currency } });
    if (amount <= 0) throw new AppError('VALIDATION_FAILED', 'Nothing was received back to refund or credit', 'amount');
    const reason = input.note?.trim() || `Return ${row.number}`;
    let ref: string;
    if (input.resolution === 'refund') {
      const order = await findOrderForReturn(tx.db, row.orderId, undefined);
      if (!order || order.paymentMethod !== 'card' || !order.paymentId) throw new AppError('RETURN_REFUND_UNAVAILABLE', `Order ${row.orderNumber} was not paid by card`, 'resolution');
      ref = (await deps.refundPayment(tx, order.paymentId, amount, reason)).id;
    } else {
      if (!deps.issueCreditMemo) throw new AppError('SERVICE_UNAVAILABLE', 'Credit memos are not available', 'resolution');
      ref = (
        await deps.issueCreditMemo(tx, {
          companyId: row.companyId,
          orderId: row.orderId,
          returnId: row.id,
          amount,
          currency: row.currency,
          lines: lines.map((l) => ({ orderLineNo: l.lineNo, sku: l.sku, name: l.name, quantity: l.quantityReceived ?? 0, amount: lineValue(l) })),
          reason,
        })
      ).id;
    }
    const now = tx.clock.now();
    const patch = { status: to, resolution: input.resolution, resolutionAmount: amount, resolutionRef: ref, resolvedAt: now, updatedAt: now };
    await repo.updateReturn(tx.db, row.id, patch);
    await recordTransition(tx, row, 'received', to, { resolution: input.resolution, amount, ref, ...(input.note ? { note: input.note } : {}) });
    return view(tx, { ...row, ...patch });
  });
}
