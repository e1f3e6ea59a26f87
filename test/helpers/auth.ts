import { randomBytes } from 'node:crypto';
import type { App } from '../../src/app.ts';
import {
  addCompanyUser,
  createCompany,
  createStaff,
  hashPassword,
  systemCtx,
  type Company,
  type CompanyInput,
  type CompanyRole,
  type CompanyUser,
  type Staff,
  type StaffRole,
} from '../../src/modules/accounts/index.ts';
import type { TestApp } from '../harness.ts';

/** A signed-in session ready for `app.inject`: spread `headers` into the request. */
export interface SignedIn {
  /** `name=value` of the session cookie. */
  cookie: string;
  csrf: string;
  /** `cookie` and `x-csrf-token`, for any method. */
  headers: { cookie: string; 'x-csrf-token': string };
  /** The login response body (the Session). */
  body: Record<string, unknown>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A fresh loopback client address per sign-in (never sent anywhere: app.inject only), so tests never trip the per-IP sign-in brake by accident. */
export function randomIp(): string {
  const b = randomBytes(3);
  return `127.${b[0]}.${b[1]}.${b[2]}`;
}

async function login(app: App, path: string, cookieName: string, email: string, password: string): Promise<SignedIn> {
  const res = await app.inject({ method: 'POST', url: path, payload: { email, password }, remoteAddress: randomIp() });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((k) => k.name === cookieName);
  if (!c) throw new Error(`sign-in of ${email} set no ${cookieName} cookie`);
  const body = res.json() as Record<string, unknown>;
  const csrf = String(body.csrfToken);
  const cookie = `${cookieName}=${c.value}`;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf }, body };
}

/** Signs a buyer in through POST /api/store/auth/login. */
export function loginBuyer(app: App, email: string, password = TEST_PASSWORD): Promise<SignedIn> {
  return login(app, '/api/store/auth/login', 'precis_sid', email, password);
}

/** Signs a member of staff in through POST /api/admin/auth/login. */
export function loginStaff(app: App, email: string, password = TEST_PASSWORD): Promise<SignedIn> {
  return login(app, '/api/admin/auth/login', 'precis_staff_sid', email, password);
}

const uniq = () => randomBytes(4).toString('hex');

// argon2id is deliberately slow; factories hash each distinct password once per test process.
const hashes = new Map<string, Promise<string>>();
const hashOf = (password: string) => {
  let h = hashes.get(password);
  if (!h) hashes.set(password, (h = hashPassword(password)));
  return h;
};

/** Creates a company directly through the accounts service. */
export function makeCompany(t: Pick<TestApp, 'database'>, overrides: Partial<CompanyInput> = {}): Promise<Company> {
  return createCompany(systemCtx(t.database.db), { legalName: `Company ${uniq()}`, country: 'PK', currency: 'PKR', timezone: 'Asia/Karachi', ...overrides });
}

/** Creates (or adds to a company) a buyer login with a role; the password defaults to TEST_PASSWORD. */
export async function makeBuyer(
  t: Pick<TestApp, 'database'>,
  opts: { companyId: string; role?: CompanyRole; email?: string; name?: string; password?: string; locationIds?: string[] },
): Promise<{ user: CompanyUser; email: string; password: string }> {
  const email = opts.email ?? `buyer-${uniq()}@example.test`;
  const password = opts.password ?? TEST_PASSWORD;
  const user = await addCompanyUser(systemCtx(t.database.db), opts.companyId, {
    email,
    name: opts.name ?? 'Test Buyer',
    role: opts.role ?? 'buyer',
    passwordHash: await hashOf(password),
    locationIds: opts.locationIds,
  });
  return { user, email, password };
}

/** Creates a staff login with a role; the password defaults to TEST_PASSWORD. */
export async function makeStaff(
  t: Pick<TestApp, 'database'>,
  opts: { role?: StaffRole; email?: string; name?: string; password?: string } = {},
): Promise<{ staff: Staff; email: string; password: string }> {
  const email = opts.email ?? `staff-${uniq()}@example.test`;
  const password = opts.password ?? TEST_PASSWORD;
  const staff = await createStaff(systemCtx(t.database.db), { email, name: opts.name ?? 'Test Staff', role: opts.role ?? 'admin', passwordHash: await hashOf(password) });
  return { staff, email, password };
}

/** A new company with a signed-in buyer of the given role. */
export async function buyerSession(t: TestApp, opts: { role?: CompanyRole; company?: Partial<CompanyInput> } = {}): Promise<SignedIn & { company: Company; user: CompanyUser; email: string }> {
  const company = await makeCompany(t, opts.company);
  const { user, email, password } = await makeBuyer(t, { companyId: company.id, role: opts.role ?? 'admin' });
  return { ...(await loginBuyer(t.app, email, password)), company, user, email };
}

/** A new staff member of the given role, signed in. */
export async function staffSession(t: TestApp, role: StaffRole = 'admin'): Promise<SignedIn & { staff: Staff; email: string }> {
  const { staff, email, password } = await makeStaff(t, { role });
  return { ...(await loginStaff(t.app, email, password)), staff, email };
}
