import { describe, expect, it } from 'vitest';
import { COMPANY_ROLES, STAFF_PERMISSIONS, STAFF_ROLES, companyPermissions, staffPermissions } from './roles.ts';

describe('roles as permission sets', () => {
  it('gives only company admins user and location management and the subtree view', () => {
    for (const role of COMPANY_ROLES) {
      const p = companyPermissions(role);
      const isAdmin = role === 'admin';
      expect(p.has('company.users:write')).toBe(isAdmin);
      expect(p.has('company.locations:write')).toBe(isAdmin);
      expect(p.has('company.descendants:read')).toBe(isAdmin);
      expect(p.has('company:read')).toBe(true);
    }
  });

  it('lets buyers order and approvers approve, viewers only read', () => {
    expect(companyPermissions('buyer').has('company.orders:create')).toBe(true);
    expect(companyPermissions('approver').has('company.orders:create')).toBe(false);
    expect(companyPermissions('approver').has('company.orders:approve')).toBe(true);
    expect(companyPermissions('viewer').has('company.orders:create')).toBe(false);
  });

  it('grants staff admins everything and the others a strict subset', () => {
    expect([...staffPermissions('admin')].sort()).toEqual([...STAFF_PERMISSIONS].sort());
    for (const role of STAFF_ROLES.filter((r) => r !== 'admin')) {
      const p = staffPermissions(role);
      expect(p.size).toBeLessThan(STAFF_PERMISSIONS.length);
      expect(p.has('staff:write')).toBe(false);
      expect(p.has('api_keys:write')).toBe(false);
    }
    expect(staffPermissions('catalog_manager').has('catalog:write')).toBe(true);
    expect(staffPermissions('pricing_manager').has('catalog:write')).toBe(false);
  });

  it('grants nothing for an unknown role', () => {
    expect(companyPermissions('owner').size).toBe(0);
    expect(staffPermissions('root').size).toBe(0);
  });
});
