import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import * as repo from './carts.repo.ts';
import type { ShareAccess } from './carts.tables.ts';
import { buyerOf, readable } from './carts.service.ts';

export interface SharesView {
  shares: repo.ShareRow[];
  /** Colleagues the owner may share with (active members of the company, the owner aside). */
  colleagues: { userId: string; name: string; email: string }[];
}

async function ownedBy(ctx: Ctx, cartId: string, lock = false) {
  const cart = await readable(ctx, cartId, lock);
  if (cart.access !== 'owner') throw new AppError('FORBIDDEN', 'Only the owner manages who a cart is shared with');
  return cart;
}

/** Owner only: who the cart is shared with, and who it could be. */
export async function cartShares(ctx: Ctx, cartId: string): Promise<SharesView> {
  const a = buyerOf(ctx);
  await ownedBy(ctx, cartId);
  const [shares, colleagues] = await Promise.all([repo.listShares(ctx.db, cartId), repo.colleagues(ctx.db, a.companyId, a.userId)]);
  return { shares, colleagues };
}

/** Owner only: shares the cart with a colleague of the same company (view or edit), or changes their access. */
export async function shareCart(ctx: Ctx, cartId: string, userId: string, access: ShareAccess): Promise<SharesView> {
  const a = buyerOf(ctx);
  await inTx(ctx, async (tx) => {
    await ownedBy(tx, cartId, true);
    if (userId === a.userId) throw new AppError('VALIDATION_FAILED', 'You own this cart already', 'userId');
    // Someone outside the company answers like a user that does not exist.
    if (!(await repo.isMember(tx.db, a.companyId, userId))) throw notFound('Colleague', 'userId');
    await repo.putShare(tx.db, cartId, userId, access);
  });
  return cartShares(ctx, cartId);
}

/** Owner only: stops sharing with a colleague (it also leaves their "current" slot). */
export async function unshareCart(ctx: Ctx, cartId: string, userId: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    await ownedBy(tx, cartId, true);
    if (!(await repo.deleteShare(tx.db, cartId, userId))) throw notFound('Share', 'userId');
  });
}
