import { getTableName } from 'drizzle-orm';
import type { Connection, Database } from '../db/client.ts';
import { companies, companyLocations, companyMemberships, companyUsers, staffUsers } from '../modules/accounts/index.ts';
import { brands, categories, inventory, products, variants, warehouses } from '../modules/catalog/index.ts';
import { contractPrices, priceListEntries, priceLists, priceListTargets } from '../modules/pricing/index.ts';
import { compileRule, customerGroups, customerGroupStaticMembers } from '../modules/segments/index.ts';
import { bulkInsert } from './bulk-insert.ts';
import type { SeedCategory, SeedDataset } from './types.ts';

/** Called as rows go in: the stage's name, rows done in it, and the total over all stages. */
export type LoadProgress = (event: { stage: string; done: number; total: number }) => void;

export interface LoadSummary {
  readonly rows: Readonly<Record<string, number>>;
  readonly ms: number;
}

/** Every table the seed fills, children before parents (the order `truncate` and checks use). */
const SEEDED_TABLES = [contractPrices, priceListEntries, priceListTargets, priceLists, customerGroupStaticMembers, customerGroups, inventory, variants, products, warehouses, categories, brands, companyMemberships, companyUsers, companyLocations, companies, staffUsers];

/** True when the database already holds companies or products (then the seed must not run unasked). */
export async function hasData(database: Database): Promise<boolean> {
  const [row] = await database.query<{ any: boolean }>(
    `select exists(select 1 from ${getTableName(companies)}) or exists(select 1 from ${getTableName(products)}) or exists(select 1 from ${getTableName(staffUsers)}) as any`,
  );
  return row?.any === true;
}

/** Empties every table the seed fills, and what hangs off them (sessions, orders…): `seed --force`. */
export async function clearSeededTables(database: Database): Promise<void> {
  await database.exec(`truncate ${SEEDED_TABLES.map((t) => `"${getTableName(t)}"`).join(', ')} cascade`);
}

function categoryPaths(list: readonly SeedCategory[]): Map<string, string> {
  const byId = new Map(list.map((c) => [c.id, c]));
  const paths = new Map<string, string>();
  const pathOf = (c: SeedCategory): string => {
    let p = paths.get(c.id);
    if (p === undefined) {
      const parent = c.parentId ? byId.get(c.parentId) : undefined;
      p = `${parent ? pathOf(parent) : ''}${c.id}/`;
      paths.set(c.id, p);
    }
    return p;
  };
  list.forEach(pathOf);
  return paths;
}

/**
 * Loads a generated data set in one transaction with batched `unnest` inserts. Every user gets
 * `passwordHash` (hashed once by the caller: argon2 is deliberately slow). Parents go before
 * children, so the companies' path trigger and every foreign key are satisfied.
 */
export async function loadDataset(database: Database, data: SeedDataset, opts: { passwordHash: string; onProgress?: LoadProgress }): Promise<LoadSummary> {
  const started = Date.now();
  const byDepth = <T extends { depth: number }>(xs: readonly T[]) => xs.slice().sort((a, b) => a.depth - b.depth);
  const paths = categoryPaths(data.categories);
  const stages: { stage: string; run: (conn: Connection, onBatch: (n: number) => void) => Promise<void>; count: number }[] = [
    { stage: 'staff', count: data.staff.length, run: (c, onBatch) => bulkInsert(c, staffUsers, data.staff.map((s) => ({ id: s.id, email: s.email, name: s.name, role: s.role, passwordHash: opts.passwordHash })), { onBatch }) },
    {
      stage: 'companies',
      count: data.companies.length,
      run: (c, onBatch) =>
        bulkInsert(
          c,
          companies,
          byDepth(data.companies).map((x) => ({
            id: x.id, parentId: x.parentId, path: [], depth: x.depth, legalName: x.legalName, taxId: x.taxId, industry: x.industry, country: x.country, region: x.region,
            currency: x.currency, timezone: x.timezone, locale: x.locale, tags: [...x.tags], customFields: x.customFields, status: x.status, salesRepId: x.salesRepId,
          })),
          // A batch never holds a child before its parent: rows are ordered by depth, and the trigger sees earlier rows.
          { onBatch },
        ),
    },
    {
      stage: 'locations',
      count: data.locations.length,
      run: (c, onBatch) =>
        bulkInsert(c, companyLocations, data.locations.map((l) => ({ id: l.id, companyId: l.companyId, name: l.name, line1: l.line1, line2: l.line2, city: l.city, region: l.region, postalCode: l.postalCode, country: l.country, phone: l.phone, isBillTo: l.isBilling, isShipTo: l.isShipping, isDefault: l.isDefault })), { onBatch }),
    },
    { stage: 'buyers', count: data.buyers.length, run: (c, onBatch) => bulkInsert(c, companyUsers, data.buyers.map((b) => ({ id: b.id, email: b.email, name: b.name, locale: b.locale, passwordHash: opts.passwordHash })), { onBatch }) },
    { stage: 'memberships', count: data.buyers.length, run: (c, onBatch) => bulkInsert(c, companyMemberships, data.buyers.map((b) => ({ userId: b.id, companyId: b.companyId, role: b.role })), { onBatch }) },
    { stage: 'brands', count: data.brands.length, run: (c, onBatch) => bulkInsert(c, brands, data.brands.map((b) => ({ id: b.id, name: b.name, slug: b.slug })), { onBatch }) },
    {
      stage: 'categories',
      count: data.categories.length,
      run: (c, onBatch) => bulkInsert(c, categories, byDepth(data.categories).map((x) => ({ id: x.id, parentId: x.parentId, name: x.name, slug: x.slug, position: x.position, path: paths.get(x.id) ?? '', depth: x.depth })), { onBatch }),
    },
    {
      stage: 'products',
      count: data.products.length,
      run: (c, onBatch) =>
        bulkInsert(c, products, data.products.map((p) => ({ id: p.id, slug: p.slug, name: p.name, description: p.description, brandId: p.brandId, categoryId: p.categoryId, status: 'active' as const, attributes: p.attributes, tags: [...p.tags] })), { onBatch, batchSize: 2000 }),
    },
    {
      stage: 'variants',
      count: data.variants.length,
      run: (c, onBatch) =>
        bulkInsert(c, variants, data.variants.map((v) => ({ id: v.id, productId: v.productId, sku: v.sku, gtin: v.gtin, name: v.name, uom: v.uom, packSize: v.packSize, weightGrams: v.weightGrams, attributes: v.attributes, position: v.position })), { onBatch }),
    },
    { stage: 'warehouses', count: data.warehouses.length, run: (c, onBatch) => bulkInsert(c, warehouses, data.warehouses.map((w) => ({ id: w.id, code: w.code, name: w.name, country: w.country })), { onBatch }) },
    {
      stage: 'inventory',
      count: data.inventory.length,
      run: (c, onBatch) => bulkInsert(c, inventory, data.inventory.map((i) => ({ variantId: i.variantId, warehouseId: i.warehouseId, onHand: i.onHand, reserved: i.reserved })), { onBatch, batchSize: 20000 }),
    },
    ...pricingStages(data),
  ];
  const total = stages.reduce((s, x) => s + x.count, 0);
  let done = 0;
  const rows: Record<string, number> = {};
  await database.withConnection(async (conn) => {
    await conn.exec('begin');
    try {
      for (const s of stages) {
        opts.onProgress?.({ stage: s.stage, done, total });
        await s.run(conn, (n) => {
          done += n;
          opts.onProgress?.({ stage: s.stage, done, total });
        });
        rows[s.stage] = s.count;
      }
      await conn.exec('commit');
    } catch (err) {
      await conn.exec('rollback').catch(() => undefined);
      throw err;
    }
    // Products are written twice (insert, then re-touched by the variants trigger): vacuum clears the
    // dead versions and sets the visibility map; analyze gives the first queries good plans.
    await conn.exec(`vacuum analyze ${SEEDED_TABLES.map((t) => `"${getTableName(t)}"`).join(', ')}`);
  });
  return { rows, ms: Date.now() - started };
}

/** The rule as the segments module stores it: source and compiled tree (a generated rule that does not compile is a bug). */
function compiled(rule: string): unknown {
  const r = compileRule(rule);
  if (!r.ok) throw new Error(`seed rule "${rule}" does not compile: ${r.errors[0]?.message}`);
  return r.ast;
}

/** Customer groups, price lists and contract prices; rule memberships are materialised after the load. */
function pricingStages(data: SeedDataset): { stage: string; run: (conn: Connection, onBatch: (n: number) => void) => Promise<void>; count: number }[] {
  const statics = data.groups.flatMap((g) => g.staticMembers.map((companyId) => ({ groupId: g.id, companyId })));
  const targets = data.priceLists.flatMap((l) => l.targets.map((t) => ({ listId: l.id, type: t.type, targetId: t.targetId, includeDescendants: t.includeDescendants })));
  return [
    { stage: 'customer groups', count: data.groups.length, run: (c, onBatch) => bulkInsert(c, customerGroups, data.groups.map((g) => ({ id: g.id, name: g.name, description: g.description, ruleSource: g.rule, ruleAst: g.rule ? compiled(g.rule) : null })), { onBatch }) },
    { stage: 'static members', count: statics.length, run: (c, onBatch) => bulkInsert(c, customerGroupStaticMembers, statics, { onBatch }) },
    {
      stage: 'price lists',
      count: data.priceLists.length,
      run: (c, onBatch) =>
        bulkInsert(c, priceLists, data.priceLists.map((l) => ({ id: l.id, name: l.name, currency: l.currency, status: l.status, validFrom: l.validFrom, validTo: l.validTo, priority: l.priority, kind: l.kind, derived: l.derived })), { onBatch }),
    },
    { stage: 'price list targets', count: targets.length, run: (c, onBatch) => bulkInsert(c, priceListTargets, targets, { onBatch }) },
    {
      stage: 'price entries',
      count: data.priceEntries.length,
      run: (c, onBatch) =>
        bulkInsert(c, priceListEntries, data.priceEntries.map((e) => ({ listId: e.listId, variantId: e.variantId, unitPrice: e.unitPrice, tiers: [...e.tiers], qtyMin: e.qtyMin, qtyMax: e.qtyMax, qtyIncrement: e.qtyIncrement })), { onBatch, batchSize: 20000 }),
    },
    {
      stage: 'contract prices',
      count: data.contracts.length,
      run: (c, onBatch) =>
        bulkInsert(c, contractPrices, data.contracts.map((x) => ({ id: x.id, companyId: x.companyId, variantId: x.variantId, currency: x.currency, unitPrice: x.unitPrice, tiers: [...x.tiers], reference: x.reference, validTo: x.validTo })), { onBatch, batchSize: 20000 }),
    },
  ];
}
