/**
 * Accounts: companies (a hierarchy of any depth), their locations and users, and the seller's
 * staff. Other modules import only this file.
 */
import type { FastifyInstance } from 'fastify';
import { adminCompanyRoutes } from './admin-companies.routes.ts';
import { adminPeopleRoutes } from './admin-people.routes.ts';
import { integrationAccountRoutes } from './integration.routes.ts';
import { storeAccountRoutes } from './store.routes.ts';
export { companies, companyLocations, companyMembershipLocations, companyMemberships, companyUsers, staffUsers } from './accounts.tables.ts';
export * from './domain/roles.ts';
export type { Company, CompanyInput, CompanyPatch, CompanyUser, CompanyUserInput, Location, LocationInput, Staff } from './domain/types.ts';
export type { CompanyRecord } from './companies.repo.ts';
export {
  ancestorIds,
  companyAncestors,
  createCompany,
  deleteCompany,
  descendantIds,
  buyerReadableCompanyIds,
  getCompany,
  getCompanyRecord,
  listCompanies,
  listCompaniesForIntegration,
  updateCompany,
} from './companies.service.ts';
export { createLocation, deleteLocation, getLocation, listLocations, shipToLocationRead, shipToLocationsFor, updateLocation, type ShipToLocationRead } from './locations.service.ts';
export { addCompanyUser, adminUpdateCompanyUser, getCompanyUser, listCompanyUsers, removeCompanyUser, updateCompanyUser } from './users.service.ts';
export { createStaff, getStaff, listStaff, updateStaff, type StaffInput } from './staff.service.ts';
export { companiesOf, findLogin, findLoginById, setPassword, type Login } from './credentials.service.ts';
export { assertPasswordPolicy, hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
export { systemCtx } from './system-ctx.ts';
export { ACCOUNTS_EVENT_TYPES, type AccountsEvent } from './events.ts';
export { storeCompanies, storeOwnCompany, storeReadableCompany } from './store.service.ts';

/** All accounts routes (admin, store, integrations); register after auth. */
export async function accountsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(adminCompanyRoutes);
  await app.register(adminPeopleRoutes);
  await app.register(storeAccountRoutes);
  await app.register(integrationAccountRoutes);
}
