import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { textArray } from '../../db/sql-arrays.ts';
import type { ContractPrice, DerivedRule, PriceEntry, PriceList, PriceListTarget, PriceTier } from './domain/types.ts';
import { contractPrices, priceListEntries, priceLists, priceListTargets, type TargetType } from './pricing.tables.ts';

export type ListRow = typeof priceLists.$inferSelect;
export type EntryRow = typeof priceListEntries.$inferSelect;
export type TargetRow = typeof priceListTargets.$inferSelect;
export type ContractRow = typeof contractPrices.$inferSelect;

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

// ── Admin reads and writes ─────────────────────────────────────────────────────────────────────

export async function listLists(db: Db, after: string | undefined, limit: number): Promise<ListRow[]> {
  return db.select().from(priceLists).where(after === undefined ? undefined : gt(priceLists.id, after)).orderBy(asc(priceLists.id)).limit(limit + 1);
}

export async function getList(db: Db, id: string): Promise<ListRow | undefined> {
  return (await db.select().from(priceLists).where(eq(priceLists.id, id)).limit(1))[0];
}

/** Every list's derivation link, for checking a new or changed derivation against all others. */
export async function allDerivationHeaders(db: Db): Promise<ListRow[]> {
  return db.select().from(priceLists);
}

export async function targetsOf(db: Db, listIds: readonly string[]): Promise<TargetRow[]> {
  if (listIds.length === 0) return [];
  return db.select().from(priceListTargets).where(inArray(priceListTargets.listId, [...listIds]));
}

export async function insertList(db: Db, row: typeof priceLists.$inferInsert): Promise<void> {
  await db.insert(priceLists).values(row);
}

export async function updateList(db: Db, id: string, patch: Partial<typeof priceLists.$inferInsert>): Promise<void> {
  await db.update(priceLists).set({ ...patch, updatedAt: sql`now()` }).where(eq(priceLists.id, id));
}

export async function deleteList(db: Db, id: string): Promise<boolean> {
  const gone = await db.delete(priceLists).where(eq(priceLists.id, id)).returning({ id: priceLists.id });
  return gone.length > 0;
}

/** Lists deriving from `id` (a base list cannot be deleted from under them). */
export async function derivedFrom(db: Db, id: string): Promise<string[]> {
  const found = await rows<{ id: string }>(db, sql`select id from price_lists where derived->>'baseListId' = ${id} order by id`);
  return found.map((r) => r.id);
}

export async function replaceTargets(db: Db, listId: string, targets: readonly PriceListTarget[]): Promise<void> {
  await db.delete(priceListTargets).where(eq(priceListTargets.listId, listId));
  if (targets.length === 0) return;
  await db.insert(priceListTargets).values(targets.map((t) => ({ listId, ...targetColumns(t) }))).onConflictDoNothing();
}

function targetColumns(t: PriceListTarget): { type: TargetType; targetId: string; includeDescendants: boolean } {
  switch (t.type) {
    case 'everyone': return { type: 'everyone', targetId: '', includeDescendants: false };
    case 'channel': return { type: 'channel', targetId: t.channel, includeDescendants: false };
    case 'group': return { type: 'group', targetId: t.groupId, includeDescendants: false };
    default: return { type: 'company', targetId: t.companyId, includeDescendants: t.includeDescendants };
  }
}

/** The engine's target from its row. */
export function targetOf(r: TargetRow): PriceListTarget {
  switch (r.type) {
    case 'everyone': return { type: 'everyone' };
    case 'channel': return { type: 'channel', channel: r.targetId };
    case 'group': return { type: 'group', groupId: r.targetId };
    default: return { type: 'company', companyId: r.targetId, includeDescendants: r.includeDescendants };
  }
}

/** Inserts or replaces entries; returns the variant ids that already had one. */
export async function upsertEntries(db: Db, listId: string, entries: readonly PriceEntry[]): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const existing = await db.select({ v: priceListEntries.variantId }).from(priceListEntries)
    .where(and(eq(priceListEntries.listId, listId), inArray(priceListEntries.variantId, entries.map((e) => e.variantId))));
  await db.insert(priceListEntries).values(entries.map((e) => ({
    listId, variantId: e.variantId, unitPrice: e.unitPrice, tiers: [...e.tiers],
    qtyMin: e.qtyRules?.min ?? null, qtyMax: e.qtyRules?.max ?? null, qtyIncrement: e.qtyRules?.increment ?? null,
  }))).onConflictDoUpdate({
    target: [priceListEntries.listId, priceListEntries.variantId],
    set: {
      unitPrice: sql`excluded.unit_price`, tiers: sql`excluded.tiers`, qtyMin: sql`excluded.qty_min`,
      qtyMax: sql`excluded.qty_max`, qtyIncrement: sql`excluded.qty_increment`, updatedAt: sql`now()`,
    },
  });
  return new Set(existing.map((r) => r.v));
}

export async function contractsOfCompany(db: Db, companyId: string, after: string | undefined, limit: number): Promise<(ContractRow & { sku: string })[]> {
  return rows<ContractRow & { sku: string }>(db, sql`
    select c.id, c.company_id as "companyId", c.variant_id as "variantId", c.currency, c.unit_price::float8 as "unitPrice", c.tiers,
           c.reference, c.valid_to as "validTo", c.created_at as "createdAt", c.updated_at as "updatedAt", v.sku
      from contract_prices c join variants v on v.id = c.variant_id
     where c.company_id = ${companyId} ${after === undefined ? sql`` : sql`and c.id > ${after}`}
     order by c.id limit ${limit + 1}`);
}

export async function insertContract(db: Db, row: typeof contractPrices.$inferInsert): Promise<boolean> {
  const done = await db.insert(contractPrices).values(row).onConflictDoNothing().returning({ id: contractPrices.id });
  return done.length > 0;
}

/** Deletes one of a company's contract prices; false when no such contract belongs to that company. */
export async function deleteContract(db: Db, companyId: string, id: string): Promise<boolean> {
  const done = await db.delete(contractPrices).where(and(eq(contractPrices.companyId, companyId), eq(contractPrices.id, id))).returning({ id: contractPrices.id });
  return done.length > 0;
}

// ── The loader ────────────────────────────────────────────────────────────────────────────────

export interface LoadScope {
  companyId: string;
  /** Nearest first. */
  ancestors: readonly string[];
  groupIds: readonly string[];
  channel: string | null;
  variantIds: readonly string[];
}

export interface Loaded {
  lists: PriceList[];
  contracts: ContractPrice[];
}

const entryOf = (r: { variantId: string; unitPrice: number | string; tiers: PriceTier[]; qtyMin: number | null; qtyMax: number | null; qtyIncrement: number | null }): PriceEntry => {
  const rules = { ...(r.qtyMin !== null ? { min: r.qtyMin } : {}), ...(r.qtyMax !== null ? { max: r.qtyMax } : {}), ...(r.qtyIncrement !== null ? { increment: r.qtyIncrement } : {}) };
  return { variantId: r.variantId, unitPrice: Number(r.unitPrice), tiers: r.tiers, ...(Object.keys(rules).length > 0 ? { qtyRules: rules } : {}) };
};

/** The engine's list (header, targets, entries) from rows. */
export function listOf(l: ListRow, targets: readonly TargetRow[], entries: readonly PriceEntry[]): PriceList {
  return {
    id: l.id, name: l.name, currency: l.currency, status: l.status, validFrom: l.validFrom, validTo: l.validTo,
    priority: l.priority, kind: l.kind, derived: (l.derived as DerivedRule | null) ?? null,
    targets: targets.map(targetOf), entries,
  };
}

/**
 * Everything needed to price `variantIds` for one company, in four queries whatever the number of
 * lists or variants: (1) the lists that can reach the company — base lists, everyone, its channel,
 * its groups, itself, its ancestors' lists that include descendants — plus, recursively, the base
 * lists those derive from; (2) their targets; (3) their entries for the variants; (4) the company's
 * contract prices for the variants. Lists in other currencies, drafts and lists out of their window
 * are loaded too, so that the trace can say why they did not apply.
 */
export async function loadForCompany(db: Db, s: LoadScope): Promise<Loaded> {
  const companies = textArray([s.companyId]);
  const ancestors = textArray(s.ancestors);
  const groups = textArray(s.groupIds);
  const listRows = await rows<ListRow>(db, sql`
    with recursive reach(id, depth) as (
      select l.id, 0 from price_lists l
       where l.kind = 'base' or exists (
         select 1 from price_list_targets t
          where t.list_id = l.id
            and (t.type = 'everyone'
              or (t.type = 'channel' and t.target_id = ${s.channel ?? ''})
              or (t.type = 'group' and t.target_id = any(${groups}))
              or (t.type = 'company' and t.target_id = any(${companies}))
              or (t.type = 'company' and t.include_descendants and t.target_id = any(${ancestors}))))
      union
      select l.derived->>'baseListId', r.depth + 1 from reach r join price_lists l on l.id = r.id
       where l.derived is not null and r.depth < 8
    )
    select id, name, currency, status, valid_from as "validFrom", valid_to as "validTo", priority, kind, derived,
           created_at as "createdAt", updated_at as "updatedAt"
      from price_lists where id in (select id from reach)`);
  const listIds = listRows.map((l) => l.id);
  const listArr = textArray(listIds);
  const variantArr = textArray(s.variantIds);
  const [targetRows, entryRows, contractRows] = await Promise.all([
    targetsOf(db, listIds),
    rows<EntryRow>(db, sql`
      select list_id as "listId", variant_id as "variantId", unit_price::float8 as "unitPrice", tiers, qty_min as "qtyMin",
             qty_max as "qtyMax", qty_increment as "qtyIncrement"
        from price_list_entries where list_id = any(${listArr}) and variant_id = any(${variantArr})`),
    rows<ContractRow>(db, sql`
      select company_id as "companyId", variant_id as "variantId", currency, unit_price::float8 as "unitPrice", tiers, reference, valid_to as "validTo"
        from contract_prices where company_id = ${s.companyId} and variant_id = any(${variantArr})`),
  ]);
  const targetsBy = new Map<string, TargetRow[]>();
  for (const t of targetRows) targetsBy.set(t.listId, [...(targetsBy.get(t.listId) ?? []), t]);
  const entriesBy = new Map<string, PriceEntry[]>();
  for (const e of entryRows) entriesBy.set(e.listId, [...(entriesBy.get(e.listId) ?? []), entryOf(e)]);
  const lists = listRows.map((l) => listOf(
    { ...l, validFrom: l.validFrom === null ? null : new Date(l.validFrom), validTo: l.validTo === null ? null : new Date(l.validTo) },
    targetsBy.get(l.id) ?? [], entriesBy.get(l.id) ?? [],
  ));
  const contracts: ContractPrice[] = contractRows.map((c) => ({
    companyId: c.companyId, variantId: c.variantId, currency: c.currency, unitPrice: Number(c.unitPrice),
    tiers: c.tiers, reference: c.reference, validTo: new Date(c.validTo),
  }));
  return { lists, contracts };
}
