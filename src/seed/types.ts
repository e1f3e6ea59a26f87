/** Plain demo data, independent of the tables it is loaded into (see load.ts for the mapping). */
import type { SeedPricing } from './generate-pricing.ts';

export interface SeedScale {
  readonly products: number;
  readonly variants: number;
  readonly companies: number;
  readonly salesReps: number;
}

export interface SeedCategory {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly slug: string;
  readonly position: number;
  readonly depth: number;
}

export interface SeedBrand {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
}

export interface SeedProduct {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly categoryId: string;
  readonly brandId: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly tags: readonly string[];
}

export interface SeedVariant {
  readonly id: string;
  readonly productId: string;
  readonly sku: string;
  readonly gtin: string;
  readonly name: string;
  readonly uom: string;
  readonly packSize: number;
  readonly weightGrams: number;
  readonly attributes: Readonly<Record<string, string>>;
  /** A list price in USD cents, for a pricing loader. */
  readonly priceCents: number;
  readonly position: number;
}

export interface SeedWarehouse {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly country: string;
  readonly city: string;
  readonly timezone: string;
}

export interface SeedInventory {
  readonly variantId: string;
  readonly warehouseId: string;
  readonly onHand: number;
  readonly reserved: number;
}

export interface SeedCatalog {
  readonly categories: readonly SeedCategory[];
  readonly brands: readonly SeedBrand[];
  readonly products: readonly SeedProduct[];
  readonly variants: readonly SeedVariant[];
  readonly warehouses: readonly SeedWarehouse[];
  readonly inventory: readonly SeedInventory[];
}

export type CompanyRole = 'admin' | 'buyer' | 'approver' | 'viewer';
export type StaffRole = 'admin' | 'catalog_manager' | 'pricing_manager' | 'sales_rep' | 'credit_controller' | 'support';

export interface SeedCompany {
  readonly id: string;
  readonly parentId: string | null;
  /** 0 for a root (group), 1 subsidiary, 2 site, 3 sub-site. */
  readonly depth: number;
  readonly legalName: string;
  readonly taxId: string;
  readonly industry: string;
  readonly country: string;
  readonly region: string;
  readonly city: string;
  readonly currency: string;
  readonly timezone: string;
  readonly locale: string;
  readonly tags: readonly string[];
  readonly customFields: Readonly<Record<string, string>>;
  readonly status: 'active' | 'suspended';
  readonly salesRepId: string | null;
  /** The mail domain its buyers use. */
  readonly domain: string;
}

export interface SeedLocation {
  readonly id: string;
  readonly companyId: string;
  readonly name: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly region: string;
  readonly postalCode: string | null;
  readonly country: string;
  readonly phone: string;
  readonly isBilling: boolean;
  readonly isShipping: boolean;
  readonly isDefault: boolean;
}

export interface SeedBuyer {
  readonly id: string;
  readonly companyId: string;
  readonly email: string;
  readonly name: string;
  readonly role: CompanyRole;
  readonly locale: string;
}

export interface SeedStaff {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
}

export interface SeedAccounts {
  readonly companies: readonly SeedCompany[];
  readonly locations: readonly SeedLocation[];
  readonly buyers: readonly SeedBuyer[];
  readonly staff: readonly SeedStaff[];
}

export interface SeedDataset extends SeedCatalog, SeedAccounts, SeedPricing {
  readonly seed: string;
}
