import type { Ctx } from '../../http/context.ts';
import type { PricingStrategy } from '../pricing/index.ts';
import { buyableCondition } from '../shared-catalogs/index.ts';
import * as repo from './carts.repo.ts';
import type { CartRow } from './carts.repo.ts';
import type { LineProblem } from './domain/problems.ts';
import { checkLines, type CheckedLines, type Money } from './line-check.ts';

/** The seller's pricing strategy for carts; set from the configuration when the routes register. */
let defaultStrategy: PricingStrategy = 'lowest';
export function setCartPricingStrategy(strategy: PricingStrategy): void {
  defaultStrategy = strategy;
}
export function cartStrategy(override?: PricingStrategy): PricingStrategy {
  return override ?? defaultStrategy;
}

export interface CartLineView {
  id: string;
  variantId: string;
  sku: string;
  productName: string;
  variantName: string;
  productSlug: string;
  quantity: number;
  note: string;
  unitPrice: Money | null;
  lineTotal: Money | null;
  priceKind: 'contract' | 'volume' | 'list' | 'base' | null;
  priceLabel: string | null;
  quantityRules: { min: number | null; max: number | null; increment: number | null } | null;
  /** Units in stock (null for an unavailable item). */
  available: number | null;
  backorderQuantity: number;
  problems: LineProblem[];
}

export interface CartView {
  id: string;
  name: string;
  status: 'open' | 'ordered';
  owner: { id: string; name: string };
  access: 'owner' | 'edit' | 'view';
  isCurrent: boolean;
  currency: string;
  lines: CartLineView[];
  subtotal: Money;
  lineCount: number;
  problemLines: number;
  /** True when `lines` holds only the lines a change touched (the totals are still the whole cart's). */
  partial: boolean;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
}

export type CartSummary = Omit<CartView, 'lines' | 'subtotal' | 'problemLines' | 'currency' | 'partial'>;

export function summaryOf(c: CartRow): CartSummary {
  return {
    id: c.id, name: c.name, status: c.status, owner: { id: c.ownerId, name: c.ownerName }, access: c.access, isCurrent: c.isCurrent,
    lineCount: c.lineCount, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(), lastActivityAt: c.lastActivityAt.toISOString(),
  };
}

export type LoadedLines = CheckedLines<repo.LineRow & repo.ItemRow>;

/**
 * Loads a cart's lines and re-validates them all. One query: items, stock and whether the company
 * may buy each item (its catalogs' condition, resolved from the process cache) come joined.
 */
export async function loadLines(ctx: Ctx, cart: Pick<CartRow, 'id' | 'companyId'>, strategy?: PricingStrategy): Promise<LoadedLines> {
  return checkFound(ctx, cart, await repo.linesWithItems(ctx.db, cart.id, await buyableCondition(ctx, cart.companyId)), strategy);
}

/** `loadLines` for lines already read (with whether the company may buy each item). */
export async function checkFound(ctx: Ctx, cart: Pick<CartRow, 'id' | 'companyId'>, found: (repo.LineRow & repo.ItemRow & { buyable: boolean })[], strategy?: PricingStrategy): Promise<LoadedLines> {
  const items = new Map(found.map((l) => [l.variantId, l]));
  const hidden = new Set(found.filter((l) => !l.buyable).map((l) => l.variantId));
  return checkLines(ctx, cart.companyId, found.map((l) => ({ key: l, variantId: l.variantId, quantity: l.quantity })), items, cartStrategy(strategy), hidden);
}

/** The cart as the buyer sees it: every line re-validated, with its problems, and the exact subtotal. */
export function cartView(cart: CartRow, checked: LoadedLines): CartView {
  const lines: CartLineView[] = checked.lines.map((l) => {
    const row = l.key;
    const gone = l.item === undefined;
    return {
      id: row.lineId, variantId: row.variantId, sku: row.sku,
      // A line whose item the company can no longer buy keeps only what the buyer typed or saw: its SKU.
      productName: gone ? '' : row.productName, variantName: gone ? '' : row.variantName, productSlug: gone ? '' : row.productSlug,
      quantity: row.quantity, note: row.note,
      unitPrice: l.price?.unitPrice ?? null, lineTotal: l.price?.lineTotal ?? null,
      priceKind: l.price?.kind ?? null, priceLabel: l.price?.label ?? null, quantityRules: l.price?.quantityRules ?? null,
      available: gone ? null : row.available, backorderQuantity: l.backorderQuantity, problems: l.problems,
    };
  });
  return {
    ...summaryOf(cart),
    lineCount: lines.length,
    currency: checked.currency,
    lines,
    subtotal: { amount: checked.subtotal, currency: checked.currency },
    problemLines: lines.filter((l) => l.problems.length > 0).length,
    partial: false,
  };
}

/** What a `validation_error` event keeps: the problem codes per line (at most 20 lines) and the count. */
export function problemSummary(view: CartView): Record<string, unknown> | null {
  const bad = view.lines.filter((l) => l.problems.length > 0);
  if (bad.length === 0) return null;
  return { problemLines: bad.length, lines: bad.slice(0, 20).map((l) => ({ lineId: l.id, sku: l.sku, codes: l.problems.map((p) => p.code) })) };
}
