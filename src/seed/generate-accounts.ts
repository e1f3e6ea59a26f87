import { COUNTRIES, COUNTRY_WEIGHTS, DESCRIPTORS, GROUP_WORDS, INDUSTRIES, INDUSTRY_WORD, NAMES, SITE_WORDS, TAGS, type CountrySpec } from './accounts-spec.ts';
import { DEMO_BUYERS, DEMO_COMPANIES, DEMO_STAFF, type DemoCompanyKey } from './demo.ts';
import { idMaker, slugify } from './ids.ts';
import type { Rng } from './prng.ts';
import type { CompanyRole, SeedAccounts, SeedBuyer, SeedCompany, SeedLocation, SeedStaff } from './types.ts';

type City = CountrySpec['cities'][number];

const byCode = new Map(COUNTRIES.map((c) => [c.code, c]));
const countryOf = (code: string): CountrySpec => byCode.get(code) ?? (COUNTRIES[0] as CountrySpec);
const COUNTRY_CHOICES = COUNTRIES.map((c) => [c, COUNTRY_WEIGHTS[c.code] ?? 1] as const);

/**
 * Buying companies in hierarchies (group → subsidiary → site → sub-site), their locations and
 * buyers, and the seller's staff. The demo companies and users of demo.ts always come first.
 */
export function generateAccounts(rng: Rng, companyTarget: number, salesRepCount: number): SeedAccounts {
  if (companyTarget < Object.keys(DEMO_COMPANIES).length) throw new RangeError(`need at least ${Object.keys(DEMO_COMPANIES).length} companies for the demo`);
  const id = idMaker(rng.fork('ids'));
  const r = rng.fork('accounts');
  const emails = new Set<string>();
  const uniqueEmail = (local: string, domain: string) => {
    let email = `${local}@${domain}`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@${domain}`;
    emails.add(email);
    return email;
  };

  const staff: SeedStaff[] = DEMO_STAFF.map((s) => {
    emails.add(s.email);
    return { id: id('staff'), ...s };
  });
  const demoRep = staff.find((s) => s.role === 'sales_rep') as SeedStaff;
  for (let i = 1; i < salesRepCount; i++) {
    const names = NAMES[r.pick(['southAsian', 'arabic', 'english', 'german'] as const)];
    const first = r.pick(names.first);
    const last = r.pick(names.last);
    staff.push({ id: id('staff'), email: uniqueEmail(slugify(`${first}.${last}`).replace(/-/g, '.'), 'precis.demo'), name: `${first} ${last}`, role: 'sales_rep' });
  }
  const reps = staff.filter((s) => s.role === 'sales_rep');

  const companies: SeedCompany[] = [];
  const locations: SeedLocation[] = [];
  const buyers: SeedBuyer[] = [];
  const names = new Set<string>();
  const uniqueName = (name: string) => {
    let out = name;
    for (let n = 2; names.has(out); n++) out = `${name} ${n}`;
    names.add(out);
    return out;
  };

  const addCompany = (fields: { parent: SeedCompany | null; legalName: string; country: CountrySpec; city: City; industry: string; domain: string; salesRepId: string | null; status?: 'active' | 'suspended' }): SeedCompany => {
    const { parent, country, city } = fields;
    const company: SeedCompany = {
      id: id('company'),
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      legalName: uniqueName(fields.legalName),
      taxId: country.taxId(r.chars('0123456789', 15)),
      industry: fields.industry,
      country: country.code,
      region: city.region,
      city: city.city,
      currency: country.currency,
      timezone: city.timezone ?? country.timezone,
      locale: r.weighted(country.locales),
      tags: r.sample(TAGS, r.weighted([[0, 35], [1, 40], [2, 20], [3, 5]])),
      customFields: { erpCustomerNo: `C${r.chars('0123456789', 6)}`, contractTier: r.weighted([['standard', 60], ['silver', 25], ['gold', 15]]) },
      status: fields.status ?? (r.chance(0.02) ? 'suspended' : 'active'),
      salesRepId: fields.salesRepId,
      domain: fields.domain,
    };
    companies.push(company);
    addLocations(company, country, city);
    return company;
  };

  const addLocations = (company: SeedCompany, country: CountrySpec, city: City) => {
    const kinds = company.depth >= 2 ? [`${company.legalName.split(' – ').at(-1) ?? 'Site'} Gate`] : r.chance(0.5) ? ['Head Office', 'Main Warehouse'] : ['Head Office'];
    kinds.forEach((name, i) => {
      const street = r.pick(country.streets);
      const num = r.int(1, 250);
      locations.push({
        id: id('location'),
        companyId: company.id,
        name,
        line1: country.code === 'DE' ? `${street} ${num}` : `${num} ${street}`,
        line2: country.code === 'AE' ? `P.O. Box ${r.int(10000, 99999)}` : r.chance(0.3) ? `Unit ${r.int(1, 40)}` : null,
        city: city.city,
        region: city.region,
        postalCode: postalCode(r, country.code, city.postal),
        country: country.code,
        phone: `${country.phone} ${r.chars('0123456789', 7)}`,
        isBilling: i === 0,
        isShipping: true,
        isDefault: i === 0,
      });
    });
  };

  const addBuyers = (company: SeedCompany, count: number) => {
    const country = countryOf(company.country);
    for (let i = 0; i < count; i++) {
      const pool = NAMES[country.names];
      const first = r.pick(pool.first);
      const last = r.pick(pool.last);
      const role: CompanyRole = i === 0 ? 'admin' : r.weighted([['buyer', 60], ['approver', 20], ['viewer', 20]] as const);
      buyers.push({
        id: id('companyUser'),
        companyId: company.id,
        email: uniqueEmail(slugify(`${first}.${last}`).replace(/-/g, '.'), company.domain),
        name: `${first} ${last}`,
        role,
        locale: r.chance(0.8) ? company.locale : 'en',
      });
    }
  };

  // The demo tree first, so its ids and names never depend on the scale.
  const demo = new Map<DemoCompanyKey, SeedCompany>();
  const demoParent: Record<DemoCompanyKey, DemoCompanyKey | null> = { group: null, karachi: 'group', lahore: 'group', lahoreSite: 'lahore', lahoreBatchPlant: 'lahoreSite', gulf: null };
  for (const [key, spec] of Object.entries(DEMO_COMPANIES) as [DemoCompanyKey, (typeof DEMO_COMPANIES)[DemoCompanyKey]][]) {
    const country = countryOf(spec.country);
    const city = country.cities.find((c) => c.city === spec.city) ?? (country.cities[0] as City);
    const parentKey = demoParent[key];
    demo.set(key, addCompany({ parent: parentKey ? (demo.get(parentKey) ?? null) : null, legalName: spec.legalName, country, city, industry: spec.industry, domain: spec.domain, salesRepId: demoRep.id, status: 'active' }));
  }
  for (const b of DEMO_BUYERS) {
    const company = demo.get(b.company) as SeedCompany;
    emails.add(b.email);
    buyers.push({ id: id('companyUser'), companyId: company.id, email: b.email, name: b.name, role: b.role, locale: 'en' });
  }
  // Every company keeps an admin buyer (the first one addBuyers makes).
  for (const c of demo.values()) if (!DEMO_BUYERS.some((b) => demo.get(b.company) === c && b.role === 'admin')) addBuyers(c, 1);

  const room = () => companyTarget - companies.length;
  while (room() > 0) {
    const country = r.weighted(COUNTRY_CHOICES);
    const stem = r.pick(country.stems);
    const descriptor = r.pick(DESCRIPTORS);
    const industry = r.pick(INDUSTRIES);
    const rep = r.pick(reps).id;
    const domain = `${slugify(`${stem} ${descriptor}`)}.example`;
    const standalone = r.chance(0.35);
    const rootName = standalone
      ? `${stem} ${descriptor} ${r.pick(INDUSTRY_WORD[industry] ?? ['Trading'])} ${country.legalSuffix}`
      : `${stem} ${descriptor} ${r.pick(GROUP_WORDS)}`;
    const root = addCompany({ parent: null, legalName: rootName, country, city: r.pick(country.cities), industry, domain, salesRepId: rep });
    addBuyers(root, r.int(1, 2));
    if (standalone) continue;
    const subsidiaries = r.int(1, 4);
    for (let s = 0; s < subsidiaries && room() > 0; s++) {
      const subCountry = r.chance(0.8) ? country : r.weighted(COUNTRY_CHOICES);
      const subIndustry = r.chance(0.7) ? industry : r.pick(INDUSTRIES);
      const subCity = r.pick(subCountry.cities);
      const word = r.pick(INDUSTRY_WORD[subIndustry] ?? ['Trading']);
      const sub = addCompany({ parent: root, legalName: `${stem} ${descriptor} ${word} ${subCity.city} ${subCountry.legalSuffix}`, country: subCountry, city: subCity, industry: subIndustry, domain, salesRepId: r.chance(0.8) ? rep : r.pick(reps).id });
      addBuyers(sub, r.int(1, 3));
      const sites = r.chance(0.5) ? r.int(1, 3) : 0;
      for (let t = 0; t < sites && room() > 0; t++) {
        const siteCity = r.pick(subCountry.cities);
        const siteName = `${stem} ${descriptor} ${word} – ${siteCity.city} ${r.pick(SITE_WORDS)}`;
        const site = addCompany({ parent: sub, legalName: siteName, country: subCountry, city: siteCity, industry: subIndustry, domain, salesRepId: sub.salesRepId });
        addBuyers(site, r.int(1, 2));
        const subSites = r.chance(0.15) ? r.int(1, 2) : 0;
        for (let u = 0; u < subSites && room() > 0; u++) {
          const leaf = addCompany({ parent: site, legalName: `${siteName} ${r.pick(['North', 'South', 'East', 'West', 'Block B', 'Phase 2'])}`, country: subCountry, city: siteCity, industry: subIndustry, domain, salesRepId: sub.salesRepId });
          addBuyers(leaf, 1);
        }
      }
    }
  }
  return { companies, locations, buyers, staff };
}

function postalCode(r: Rng, country: string, prefix: string | null): string | null {
  if (prefix === null) return null;
  const digits = (n: number) => r.chars('0123456789', n);
  switch (country) {
    case 'GB':
      return `${prefix} ${digits(1)}${r.chars('ABDEFGHJLNPQRSTUWXYZ', 2)}`;
    case 'PK':
    case 'DE':
    case 'SA':
    case 'US':
      return `${prefix}${digits(5 - prefix.length)}`;
    default:
      return `${prefix}${digits(4 - prefix.length)}`;
  }
}
