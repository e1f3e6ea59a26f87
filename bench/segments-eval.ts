// Micro-benchmark: full re-evaluation of 10,000 companies against 200 segment rules, and one
// company against all 200 (the per-event path). Run: npx tsx bench/segments-eval.ts
import { performance } from 'node:perf_hooks';
import { compileRule, compileToPredicate, explain, type CompanyFacts, type Expr, type Predicate } from '../src/modules/segments/index.ts';

const COMPANIES = Number(process.env.COMPANIES ?? 10_000);
const RULES = Number(process.env.RULES ?? 200);
const RUNS = Number(process.env.RUNS ?? 7);

// Deterministic PRNG (mulberry32) so every run measures the same data.
let seed = 42;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (max: number) => Math.floor(rand() * max);

const INDUSTRIES = ['construction', 'mining', 'retail', 'hospitality', 'agriculture', 'energy'];
const COUNTRIES = ['PK', 'AE', 'SA', 'BD', 'EG'];
const TAGS = ['vip', 'north', 'south', 'key_account', 'new', 'at_risk'];
const CATEGORIES = ['cement', 'steel', 'paint', 'tools', 'safety', 'pipes'];
const BRANDS = ['acme', 'orion', 'zenith', 'delta'];
const id = (n: number) => `cmp_01jd${n.toString(36).padStart(22, '0')}`;
const roots = Array.from({ length: 50 }, (_, i) => id(i));
const day = (y: number) => `${y}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
const sample = (xs: readonly string[]) => xs.filter(() => rand() < 0.3);
const inCurrency = (currency: string, amount: number): Record<string, number> => ({ [currency]: amount });

const companies: CompanyFacts[] = Array.from({ length: COMPANIES }, (_, i) => {
  const depth = int(3);
  const ancestors = depth === 0 ? [] : [pick(roots), ...Array.from({ length: depth - 1 }, () => id(100 + int(500)))];
  return {
    id: id(1000 + i),
    ancestors,
    attributes: {
      parent_id: ancestors[ancestors.length - 1] ?? null,
      industry: rand() < 0.9 ? pick(INDUSTRIES) : null,
      country: pick(COUNTRIES),
      region: rand() < 0.7 ? `r${int(8)}` : null,
      tags: sample(TAGS),
      contract_tier: pick(['gold', 'silver', 'bronze']),
      payment_terms: pick(['net30', 'net60', 'prepaid']),
      created_at: day(2020 + int(6)),
      depth,
      currency: pick(['PKR', 'USD', 'AED']),
      status: rand() < 0.95 ? 'active' : 'suspended',
    },
    metrics: {
      spend_30d: { PKR: int(2_000_000) },
      spend_90d: rand() < 0.8 ? inCurrency('PKR', int(10_000_000)) : inCurrency('USD', int(100_000)),
      spend_365d: { PKR: int(40_000_000), USD: int(500_000) },
      spend_lifetime: { PKR: int(200_000_000) },
      order_count_30d: int(5),
      order_count_90d: int(15),
      order_count_365d: int(60),
      order_count_lifetime: int(300),
      average_order_value: { PKR: int(1_000_000) },
      first_order_at: day(2020 + int(3)),
      last_order_at: rand() < 0.9 ? day(2025 + int(2)) : null,
      categories_bought: sample(CATEGORIES),
      brands_bought: sample(BRANDS),
      open_quote_count: int(4),
      overdue_invoice_amount: rand() < 0.2 ? inCurrency('PKR', int(500_000)) : {},
    },
    custom: { credit_grade: pick(['A', 'B', 'C']), vat_registered: rand() < 0.5 },
  };
});

const TEMPLATES: (() => string)[] = [
  () => `industry in ("${pick(INDUSTRIES)}", "${pick(INDUSTRIES)}") and spend_90d >= ${int(80_000)}.00 PKR and descendant_of("${pick(roots)}")`,
  () => `tags contains "${pick(TAGS)}" or (country = "${pick(COUNTRIES)}" and order_count_90d > ${int(10)})`,
  () => `last_order_at < date("${day(2025)}") and spend_lifetime > ${int(1_000_000)}.00 PKR and status = "active"`,
  () => `not (status = "suspended") and average_order_value >= ${int(9_000)}.00 PKR and depth <= ${int(3)}`,
  () => `categories_bought contains "${pick(CATEGORIES)}" and brands_bought contains "${pick(BRANDS)}" and region is not null`,
  () => `custom("credit_grade") in ("A", "B") and overdue_invoice_amount = 0.00 PKR and contract_tier != "bronze"`,
  () => `(created_at >= date("${day(2023)}") or order_count_lifetime > ${int(200)}) and payment_terms in ("net30", "net60") and not tags contains "at_risk"`,
  () => `child_of("${pick(roots)}") or (industry = "${pick(INDUSTRIES)}" and spend_365d >= ${int(3_000)}.00 USD)`,
];

const rules: Expr[] = Array.from({ length: RULES }, (_, i) => {
  const source = TEMPLATES[i % TEMPLATES.length]!();
  const r = compileRule(source);
  if (!r.ok) throw new Error(`${source}: ${r.errors[0]?.message}`);
  return r.ast;
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let t0 = performance.now();
const predicates: Predicate[] = rules.map(compileToPredicate);
const compileMs = performance.now() - t0;

// Wall time and this process's CPU time: on a shared, loaded machine the CPU figure is the fair one.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const full: number[] = [];
const fullCpu: number[] = [];
let memberships = 0;
for (let run = 0; run < RUNS; run++) {
  memberships = 0;
  t0 = performance.now();
  const c0 = cpuMs();
  for (const p of predicates) for (const c of companies) if (p(c)) memberships++;
  fullCpu.push(cpuMs() - c0);
  full.push(performance.now() - t0);
}

const single: number[] = [];
for (let run = 0; run < 200; run++) {
  const c = companies[int(companies.length)]!;
  t0 = performance.now();
  for (const r of rules) compileToPredicate(r)(c); // includes compiling, as a cold per-event path would
  single.push(performance.now() - t0);
}

const explains: number[] = [];
for (let run = 0; run < 200; run++) {
  t0 = performance.now();
  explain(pick(rules), pick(companies));
  explains.push(performance.now() - t0);
}

console.log(`segments-eval: ${COMPANIES} companies × ${RULES} rules (${RUNS} runs, Node ${process.version})`);
console.log(`  compile ${RULES} rules to predicates:          ${compileMs.toFixed(2)} ms`);
console.log(`  full re-evaluation, median wall:               ${median(full).toFixed(1)} ms  (${((COMPANIES * RULES) / (median(full) / 1000) / 1e6).toFixed(1)} M evaluations/s, ${memberships} memberships)`);
console.log(`  full re-evaluation, median CPU:                ${median(fullCpu).toFixed(1)} ms`);
console.log(`  one company × ${RULES} rules incl. compile, median: ${median(single).toFixed(3)} ms`);
console.log(`  explain one company/rule, median:              ${median(explains).toFixed(3)} ms`);
