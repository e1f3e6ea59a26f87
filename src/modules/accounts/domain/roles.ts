/**
 * Roles are permission sets written as data. Guards check permissions, never role names, so a
 * role can change shape without touching a route.
 */
export const COMPANY_ROLES = ['admin', 'buyer', 'approver', 'viewer'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];

export const STAFF_ROLES = ['admin', 'catalog_manager', 'pricing_manager', 'sales_rep', 'credit_controller', 'support'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a buyer may do in the company they act for. */
export const COMPANY_PERMISSIONS = [
  'company:read',
  'company.descendants:read',
  'company.users:read',
  'company.users:write',
  'company.locations:read',
  'company.locations:write',
  'company.orders:read',
  'company.orders:create',
  'company.orders:approve',
  'company.carts:write',
  'company.lists:write',
  'company.quotes:create',
  'company.invoices:read',
  'company.invoices:pay',
] as const;
export type CompanyPermission = (typeof COMPANY_PERMISSIONS)[number];

const BUYING: CompanyPermission[] = ['company.invoices:pay', 'company.orders:create', 'company.carts:write', 'company.lists:write', 'company.quotes:create'];
const READING: CompanyPermission[] = ['company:read', 'company.locations:read', 'company.orders:read', 'company.invoices:read'];

export const COMPANY_ROLE_PERMISSIONS: Readonly<Record<CompanyRole, readonly CompanyPermission[]>> = {
  // A company admin runs the account: users, locations, and reads the whole subtree below it.
  admin: [...READING, ...BUYING, 'company.descendants:read', 'company.users:read', 'company.users:write', 'company.locations:write', 'company.orders:approve'],
  buyer: [...READING, ...BUYING],
  approver: [...READING, 'company.orders:approve'],
  viewer: [...READING],
};

/** What a member of the seller's staff may do in the admin console. */
export const STAFF_PERMISSIONS = [
  'companies:read',
  'companies:write',
  'staff:read',
  'staff:write',
  'api_keys:write',
  'catalog:read',
  'catalog:write',
  'inventory:write',
  'pricing:read',
  'pricing:write',
  'segments:read',
  'segments:write',
  'orders:read',
  'orders:write',
  'quotes:write',
  'credit:write',
  'invoices:write',
  'analytics:read',
  'settings:write',
] as const;
export type StaffPermission = (typeof STAFF_PERMISSIONS)[number];

export const STAFF_ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly StaffPermission[]>> = {
  admin: STAFF_PERMISSIONS,
  catalog_manager: ['catalog:read', 'catalog:write', 'inventory:write', 'companies:read', 'segments:read', 'analytics:read'],
  pricing_manager: ['pricing:read', 'pricing:write', 'catalog:read', 'companies:read', 'segments:read', 'segments:write', 'analytics:read'],
  sales_rep: ['companies:read', 'companies:write', 'catalog:read', 'pricing:read', 'segments:read', 'orders:read', 'orders:write', 'quotes:write', 'analytics:read'],
  credit_controller: ['companies:read', 'orders:read', 'orders:write', 'credit:write', 'invoices:write', 'analytics:read'],
  support: ['companies:read', 'catalog:read', 'orders:read', 'staff:read'],
};

export function isCompanyRole(value: string): value is CompanyRole {
  return (COMPANY_ROLES as readonly string[]).includes(value);
}

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/** The permission set of a company role (empty for an unknown role, so a bad row grants nothing). */
export function companyPermissions(role: string): ReadonlySet<string> {
  return new Set(isCompanyRole(role) ? COMPANY_ROLE_PERMISSIONS[role] : []);
}

/** The permission set of a staff role (empty for an unknown role). */
export function staffPermissions(role: string): ReadonlySet<string> {
  return new Set(isStaffRole(role) ? STAFF_ROLE_PERMISSIONS[role] : []);
}
