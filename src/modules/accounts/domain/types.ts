import type { CompanyRole, StaffRole } from './roles.ts';

/** A company as the API shows it. Times are ISO 8601 UTC strings. */
export interface Company {
  id: string;
  parentId: string | null;
  legalName: string;
  taxId: string | null;
  industry: string | null;
  country: string;
  region: string | null;
  currency: string;
  timezone: string;
  locale: string;
  tags: string[];
  customFields: Record<string, unknown>;
  status: 'active' | 'suspended';
  salesRepId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CompanyInput {
  parentId?: string | null;
  legalName: string;
  taxId?: string | null;
  industry?: string | null;
  country: string;
  region?: string | null;
  currency: string;
  timezone?: string;
  locale?: string;
  tags?: string[];
  customFields?: Record<string, unknown>;
  status?: 'active' | 'suspended';
  salesRepId?: string | null;
}

export type CompanyPatch = Partial<CompanyInput>;

export interface Location {
  id: string;
  companyId: string;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  phone: string | null;
  isBillTo: boolean;
  isShipTo: boolean;
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface LocationInput {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode?: string | null;
  country: string;
  phone?: string | null;
  isBillTo?: boolean;
  isShipTo?: boolean;
  isDefault?: boolean;
}

/** A person's membership in one company, as a company's user list shows it. */
export interface CompanyUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  status: 'active' | 'disabled';
  companyId: string;
  role: CompanyRole;
  /** Locations this user may use in this company; empty means all. */
  locationIds: string[];
  createdAt: string;
}

export interface CompanyUserInput {
  email: string;
  name: string;
  role: CompanyRole;
  password?: string;
  /** An argon2id hash computed elsewhere (seed loader, test factories); never from HTTP input. */
  passwordHash?: string;
  locale?: string;
  locationIds?: string[];
}

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  status: 'active' | 'disabled';
  createdAt: string;
}
