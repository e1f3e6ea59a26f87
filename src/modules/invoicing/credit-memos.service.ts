import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { releaseCredit } from '../credit/index.ts';
import { allocate, balanceDue } from './domain/settlement.ts';
import * as repo from './invoicing.repo.ts';
import type { CreditMemoLine } from './invoicing.tables.ts';
import { toCreditMemoView, type CreditMemoView } from './invoicing.views.ts';
import { settle } from './settle.ts';

export interface IssueCreditMemoInput {
  readonly companyId: string;
  readonly orderId: string | null;
  /** The return it settles; a second memo for the same return returns the first. */
  readonly returnId: string | null;
  readonly amount: number;
  readonly currency: string;
  readonly lines: readonly CreditMemoLine[];
  readonly reason: string;
}

/**
 * Issues a credit memo (`CM-…`): applies it to the order's unpaid invoices, oldest due first
 * (an invoice it settles becomes paid), frees the company's credit by the amount, and shows on the
 * account statement. What no invoice absorbs stays as a credit on the account. Joins the caller's
 * transaction (returns issue it when a return is credited).
 */
export async function issueCreditMemo(ctx: Ctx, input: IssueCreditMemoInput): Promise<CreditMemoView> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw new AppError('VALIDATION_FAILED', 'A credit memo must be a positive amount', 'amount');
  if (!input.reason.trim()) throw new AppError('VALIDATION_FAILED', 'Say why the credit is given', 'reason');
  return inTx(ctx, async (tx) => {
    if (input.returnId) {
      const existing = await repo.creditMemoByReturn(tx.db, input.returnId);
      if (existing) return toCreditMemoView(existing, await applicationsOf(tx, existing.id));
    }
    const now = tx.clock.now();
    const open = input.orderId ? (await repo.unpaidInvoicesOfOrder(tx.db, input.orderId)).filter((r) => r.companyId === input.companyId && r.currency === input.currency) : [];
    const { allocations } = allocate(open.map((r) => ({ id: r.id, balance: balanceDue(r), dueAt: r.dueAt })), input.amount);
    const applied = allocations.reduce((s, a) => s + a.amount, 0);
    const memo = await repo.insertCreditMemo(
      tx.db,
      {
        id: newId('creditMemo', now.getTime()),
        number: await repo.nextCreditMemoNumber(tx.db),
        companyId: input.companyId,
        orderId: input.orderId,
        returnId: input.returnId,
        currency: input.currency,
        amount: input.amount,
        amountApplied: applied,
        reason: input.reason.trim().slice(0, 500),
        lines: [...input.lines],
        issuedAt: now,
        createdAt: now,
      },
      allocations,
    );
    for (const a of allocations) await settle(tx, open.find((r) => r.id === a.invoiceId)!, { credited: a.amount });
    await releaseCredit(tx, { companyId: input.companyId, amount: input.amount, currency: input.currency, ref: { kind: 'credit_memo', id: memo.id }, reason: `Credit memo ${memo.number}: ${memo.reason}`.slice(0, 500) });
    return toCreditMemoView(memo, allocations);
  });
}

async function applicationsOf(ctx: Ctx, memoId: string): Promise<{ invoiceId: string; amount: number }[]> {
  const rows = await repo.rowsOf<{ invoice_id: string; amount: string }>(ctx.db, repo.applicationsSql(memoId));
  return rows.map((r) => ({ invoiceId: r.invoice_id, amount: Number(r.amount) }));
}
