import { describe, expect, it } from 'vitest';
import { generateDataset, SCALES } from '../../src/seed/generate.ts';
import { isValidGtin } from '../../src/seed/ids.ts';
import { DEMO_BUYERS, DEMO_COMPANIES, DEMO_STAFF } from '../../src/seed/demo.ts';
import type { SeedDataset } from '../../src/seed/types.ts';

const small = generateDataset('small');

const duplicates = <T>(values: readonly T[]) => values.length - new Set(values).size;

describe('demo data generator', () => {
  it('gives the same data for the same seed and different data for another seed', () => {
    const again = generateDataset('small');
    expect(again).toEqual(small);
    const other = generateDataset('small', 'another-seed');
    expect(other.products.map((p) => p.name)).not.toEqual(small.products.map((p) => p.name));
    // The demo users and companies do not depend on the seed: the printed sign-ins always work.
    expect(other.buyers.slice(0, DEMO_BUYERS.length).map((b) => b.email)).toEqual(DEMO_BUYERS.map((b) => b.email));
  });

  it('produces the small scale exactly', () => {
    expect(small.products).toHaveLength(SCALES.small.products);
    expect(small.variants).toHaveLength(SCALES.small.variants);
    expect(small.companies).toHaveLength(SCALES.small.companies);
    expect(small.warehouses.map((w) => w.city)).toEqual(['Karachi', 'Dubai', 'Riyadh', 'Dhaka', 'Manchester', 'Hamburg', 'Chicago']);
  });

  it('makes a category tree with the distributor’s departments, including hammers', () => {
    const roots = small.categories.filter((c) => c.parentId === null).map((c) => c.name);
    expect(roots).toEqual(['Fasteners', 'Tools', 'Safety', 'Electrical', 'Plumbing']);
    const byId = new Map(small.categories.map((c) => [c.id, c]));
    const hammers = small.categories.find((c) => c.name === 'Hammers');
    expect(hammers && byId.get(hammers.parentId ?? '')?.name).toBe('Hand Tools');
    for (const root of small.categories.filter((c) => c.parentId === null)) {
      expect(small.categories.some((c) => c.parentId === root.id)).toBe(true);
    }
    expect(duplicates(small.categories.map((c) => c.slug))).toBe(0);
    const leafIds = new Set(small.products.map((p) => p.categoryId));
    expect(small.products.filter((p) => p.categoryId === hammers?.id).length).toBeGreaterThan(20);
    for (const id of leafIds) expect(small.categories.some((c) => c.parentId === id)).toBe(false);
  });

  it('gives every variant a unique SKU and a unique, valid GTIN, and every product a unique slug', () => {
    expect(duplicates(small.variants.map((v) => v.sku))).toBe(0);
    expect(duplicates(small.variants.map((v) => v.gtin))).toBe(0);
    expect(small.variants.every((v) => isValidGtin(v.gtin) && v.gtin.length === 13)).toBe(true);
    expect(duplicates(small.products.map((p) => p.slug))).toBe(0);
    const productIds = new Set(small.products.map((p) => p.id));
    expect(small.variants.every((v) => productIds.has(v.productId) && v.packSize >= 1 && v.weightGrams > 0)).toBe(true);
    expect(small.products.every((p) => p.description.length > 80 && Object.keys(p.attributes).length >= 2)).toBe(true);
  });

  it('stocks variants in one to four warehouses with reserved never above on hand', () => {
    const perVariant = new Map<string, number>();
    for (const i of small.inventory) {
      perVariant.set(i.variantId, (perVariant.get(i.variantId) ?? 0) + 1);
      expect(i.reserved).toBeLessThanOrEqual(i.onHand);
    }
    expect(perVariant.size).toBe(small.variants.length);
    expect(Math.max(...perVariant.values())).toBeLessThanOrEqual(4);
    expect(duplicates(small.inventory.map((i) => `${i.variantId}/${i.warehouseId}`))).toBe(0);
  });

  it('builds company hierarchies up to four levels deep in seven countries with local settings', () => {
    const byId = new Map(small.companies.map((c) => [c.id, c]));
    for (const c of small.companies) {
      if (c.parentId) {
        const parent = byId.get(c.parentId);
        expect(parent).toBeDefined();
        expect(c.depth).toBe((parent?.depth ?? -1) + 1);
      } else expect(c.depth).toBe(0);
    }
    expect(Math.max(...small.companies.map((c) => c.depth))).toBe(3);
    expect(small.companies.filter((c) => c.depth === 3).length).toBeGreaterThan(1);
    expect(new Set(small.companies.map((c) => c.country))).toEqual(new Set(['PK', 'AE', 'SA', 'BD', 'GB', 'DE', 'US']));
    const currency: Record<string, string> = { PK: 'PKR', AE: 'AED', SA: 'SAR', BD: 'BDT', GB: 'GBP', DE: 'EUR', US: 'USD' };
    expect(small.companies.every((c) => c.currency === currency[c.country])).toBe(true);
    expect(duplicates(small.companies.map((c) => c.legalName))).toBe(0);
  });

  it('gives every company a default location and an admin buyer, with unique emails', () => {
    const check = (d: SeedDataset) => {
      for (const c of d.companies) {
        expect(d.locations.filter((l) => l.companyId === c.id && l.isDefault)).toHaveLength(1);
        expect(d.buyers.some((b) => b.companyId === c.id && b.role === 'admin')).toBe(true);
      }
      expect(duplicates([...d.buyers, ...d.staff].map((u) => u.email))).toBe(0);
    };
    check(small);
  });

  it('assigns sales reps who exist and includes every staff role', () => {
    const reps = new Set(small.staff.filter((s) => s.role === 'sales_rep').map((s) => s.id));
    expect(reps.size).toBe(SCALES.small.salesReps);
    expect(small.companies.every((c) => c.salesRepId !== null && reps.has(c.salesRepId))).toBe(true);
    expect(new Set(small.staff.map((s) => s.role))).toEqual(new Set(['admin', 'catalog_manager', 'pricing_manager', 'sales_rep', 'credit_controller', 'support']));
    expect(small.staff.slice(0, DEMO_STAFF.length).map((s) => s.email)).toEqual(DEMO_STAFF.map((s) => s.email));
  });

  it('has demo buyers in three companies, two of which share a parent', () => {
    const byName = new Map(small.companies.map((c) => [c.legalName, c]));
    const companyOf = (email: string) => {
      const buyer = small.buyers.find((b) => b.email === email);
      return small.companies.find((c) => c.id === buyer?.companyId);
    };
    const karachi = companyOf('bilal@indus-builders.demo');
    const lahore = companyOf('sana@indus-builders.demo');
    const gulf = companyOf('layla@gulf-facilities.demo');
    expect(karachi?.legalName).toBe(DEMO_COMPANIES.karachi.legalName);
    expect(lahore?.legalName).toBe(DEMO_COMPANIES.lahore.legalName);
    expect(gulf?.legalName).toBe(DEMO_COMPANIES.gulf.legalName);
    expect(karachi?.parentId).toBe(byName.get(DEMO_COMPANIES.group.legalName)?.id);
    expect(lahore?.parentId).toBe(karachi?.parentId);
    expect(gulf?.parentId).toBeNull();
  });
});
