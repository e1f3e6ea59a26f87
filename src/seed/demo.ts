import type { CompanyRole, StaffRole } from './types.ts';

/** The one password of every demo user, staff and buyers alike (printed at start). */
export const DEMO_PASSWORD = 'precis-demo-2026';

/** The fixed demo companies: a group with two subsidiaries (one with a site and a sub-site) and a stand-alone company. */
export const DEMO_COMPANIES = {
  group: { legalName: 'Indus Builders Group', country: 'PK', city: 'Karachi', industry: 'construction', domain: 'indus-builders.demo' },
  karachi: { legalName: 'Indus Builders Karachi (Pvt) Ltd', country: 'PK', city: 'Karachi', industry: 'construction', domain: 'indus-builders.demo' },
  lahore: { legalName: 'Indus Builders Lahore (Pvt) Ltd', country: 'PK', city: 'Lahore', industry: 'construction', domain: 'indus-builders.demo' },
  lahoreSite: { legalName: 'Indus Builders Lahore – Ring Road Site', country: 'PK', city: 'Lahore', industry: 'construction', domain: 'indus-builders.demo' },
  lahoreBatchPlant: { legalName: 'Indus Builders Lahore – Ring Road Batch Plant', country: 'PK', city: 'Lahore', industry: 'construction', domain: 'indus-builders.demo' },
  gulf: { legalName: 'Gulf Facilities Management LLC', country: 'AE', city: 'Dubai', industry: 'facilities', domain: 'gulf-facilities.demo' },
} as const;
export type DemoCompanyKey = keyof typeof DEMO_COMPANIES;

export const DEMO_STAFF: readonly { email: string; name: string; role: StaffRole }[] = [
  { email: 'admin@precis.demo', name: 'Sara Admin', role: 'admin' },
  { email: 'catalog@precis.demo', name: 'Karim Catalog', role: 'catalog_manager' },
  { email: 'pricing@precis.demo', name: 'Priya Pricing', role: 'pricing_manager' },
  { email: 'sales@precis.demo', name: 'Sam Sales', role: 'sales_rep' },
  { email: 'credit@precis.demo', name: 'Chris Credit', role: 'credit_controller' },
  { email: 'support@precis.demo', name: 'Sofia Support', role: 'support' },
];

export const DEMO_BUYERS: readonly { email: string; name: string; role: CompanyRole; company: DemoCompanyKey }[] = [
  { email: 'ayesha@indus-builders.demo', name: 'Ayesha Khan', role: 'admin', company: 'group' },
  { email: 'bilal@indus-builders.demo', name: 'Bilal Ahmed', role: 'buyer', company: 'karachi' },
  { email: 'sana@indus-builders.demo', name: 'Sana Malik', role: 'admin', company: 'lahore' },
  { email: 'layla@gulf-facilities.demo', name: 'Layla Al Mansouri', role: 'admin', company: 'gulf' },
];

export interface DemoSignIn {
  role: string;
  email: string;
  password: string;
}

/** The sign-ins printed when Precis starts on demo data. */
export function demoSignIns(): DemoSignIn[] {
  const staff = DEMO_STAFF.filter((s) => s.role === 'admin' || s.role === 'sales_rep').map((s) => ({
    role: `Staff ${s.role.replace('_', ' ')}`,
    email: s.email,
    password: DEMO_PASSWORD,
  }));
  const buyers = DEMO_BUYERS.map((b) => ({ role: `Company ${b.role} at ${DEMO_COMPANIES[b.company].legalName}`, email: b.email, password: DEMO_PASSWORD }));
  return [...staff, ...buyers];
}
