/**
 * Price-resolution benchmark: builds a large synthetic price book in memory, indexes it once, then
 * prices 500-line carts for random companies (warm, in process) and reports median / p95 / p99.
 *
 *   node --expose-gc --import tsx bench/pricing-resolve.ts              # 1,000 lists, 2,000,000 entries
 *   node --expose-gc --import tsx bench/pricing-resolve.ts --scale 0.1  # a proportionally smaller book
 *
 * (`npx tsx bench/pricing-resolve.ts` works too; without --expose-gc the heap figure includes garbage.)
 * Wall-clock figures include waiting for a core, so the load average is printed alongside, and the
 * process CPU time per cart is reported as the engine's own cost.
 */
import { cpus, loadavg } from 'node:os';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { buildPriceIndex, priceCart } from '../src/modules/pricing/index.ts';
import type {
  ContractPrice, PriceEntry, PriceList, PriceListTarget, PriceTier, PricingContext, PricingStrategy, VariantFacts,
} from '../src/modules/pricing/index.ts';

const argScale = process.argv.indexOf('--scale');
const SCALE = argScale > 0 ? Number(process.argv[argScale + 1]) : 1;
const LISTS = Math.round(1000 * SCALE);
const ENTRIES = Math.round(2_000_000 * SCALE);
const VARIANTS = Math.round(200_000 * SCALE);
const COMPANIES = Math.max(50, Math.round(5_000 * SCALE));
const GROUPS = 50;
const CONTRACTS = Math.round(20_000 * SCALE);
const CART_LINES = 500;
const CARTS_PER_STRATEGY = 300;
const WARMUP_CARTS = 60;

// Deterministic PRNG (mulberry32) so runs are comparable.
let seed = 20261127;
function rand(): number {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(arr: readonly T[]): T => arr[Math.floor(rand() * arr.length)]!;

const NO_TIERS: readonly PriceTier[] = [];
function tiersFor(unit: number): readonly PriceTier[] {
  if (rand() > 0.2) return NO_TIERS;
  return [{ minQty: 10, unitPrice: Math.round(unit * 0.95) }, { minQty: 100, unitPrice: Math.round(unit * 0.9) }];
}

const t0 = performance.now();
const variantIds = Array.from({ length: VARIANTS }, (_, i) => `var_${i}`);
const variants: VariantFacts[] = variantIds.map((variantId) => {
  const cat = int(0, 199);
  return { variantId, categoryIds: [`cat_${cat}`, `cat_${cat % 20}`], brandId: `brand_${int(0, 99)}`, tags: rand() < 0.1 ? ['clearance'] : [] };
});

// Company forest: roots, then children under earlier companies (depth grows naturally).
const parent: number[] = [];
for (let i = 0; i < COMPANIES; i++) parent.push(i < COMPANIES / 10 ? -1 : int(0, i - 1));
const ancestorsOf = (i: number): string[] => {
  const out: string[] = [];
  for (let p = parent[i]!; p >= 0; p = parent[p]!) out.push(`co_${p}`);
  return out;
};
const groupsOf: string[][] = Array.from({ length: COMPANIES }, () => {
  const n = int(0, 4);
  return [...new Set(Array.from({ length: n }, () => `grp_${int(0, GROUPS - 1)}`))];
});

const D = (s: string): Date => new Date(`${s}T00:00:00Z`);
const lists: PriceList[] = [];
// The base list prices every variant.
lists.push({
  id: 'pl_base', name: 'Base', currency: 'PKR', status: 'active', priority: 0, kind: 'base', targets: [],
  entries: variantIds.map((variantId) => { const u = int(100, 500_000); return { variantId, unitPrice: u, tiers: tiersFor(u) }; }),
});
const derivedCount = Math.round(LISTS * 0.05);
const plainCount = LISTS - 1 - derivedCount;
const perList = Math.floor((ENTRIES - VARIANTS) / plainCount);
for (let i = 0; i < plainCount; i++) {
  const r = rand();
  let targets: PriceListTarget[];
  if (r < 0.01) targets = [{ type: 'everyone' }];
  else if (r < 0.02) targets = [{ type: 'channel', channel: pick(['web', 'edi']) }];
  else if (r < 0.25) targets = [{ type: 'group', groupId: `grp_${int(0, GROUPS - 1)}` }];
  else targets = [{ type: 'company', companyId: `co_${int(0, COMPANIES - 1)}`, includeDescendants: rand() < 0.5 }];
  const entries: PriceEntry[] = [];
  const start = int(0, VARIANTS - 1);
  const stride = int(1, 7);
  for (let k = 0; k < perList; k++) {
    const u = int(100, 500_000);
    entries.push({ variantId: variantIds[(start + k * stride) % VARIANTS]!, unitPrice: u, tiers: tiersFor(u), ...(rand() < 0.05 ? { qtyRules: { min: 6, increment: 6 } } : {}) });
  }
  const windowed = rand() < 0.2;
  lists.push({
    id: `pl_${i}`, name: `List ${i}`, currency: rand() < 0.95 ? 'PKR' : 'USD', status: rand() < 0.95 ? 'active' : 'draft',
    validFrom: windowed ? D('2026-01-01') : null, validTo: windowed ? D(pick(['2026-06-01', '2027-06-01'])) : null,
    priority: int(0, 5), kind: 'standard', targets, entries,
  });
}
for (let i = 0; i < derivedCount; i++) {
  lists.push({
    id: `pl_d${i}`, name: `Derived ${i}`, currency: 'PKR', status: 'active', priority: int(0, 5), kind: 'derived',
    targets: [rand() < 0.7 ? { type: 'group', groupId: `grp_${int(0, GROUPS - 1)}` } : { type: 'everyone' }], entries: [],
    derived: {
      baseListId: 'pl_base', adjustment: rand() < 0.7 ? { type: 'percent', value: pick([5, 7.5, 10, 12.5]) } : { type: 'amount', value: 500 },
      scope: rand() < 0.5 ? { categoryIds: [`cat_${int(0, 19)}`] } : { brandIds: [`brand_${int(0, 99)}`, `brand_${int(0, 99)}`] },
      rounding: pick([{ type: 'none' }, { type: 'nearest', step: 5 }, { type: 'ending', ending: 99 }] as const),
    },
  });
}
const contracts: ContractPrice[] = Array.from({ length: CONTRACTS }, (_, i) => ({
  companyId: `co_${int(0, COMPANIES - 1)}`, variantId: pick(variantIds), currency: 'PKR', unitPrice: int(100, 400_000),
  reference: `C-${i}`, validTo: D(pick(['2026-10-01', '2027-12-31'])),
}));
const totalEntries = lists.reduce((s, l) => s + l.entries.length, 0);
const t1 = performance.now();
const index = buildPriceIndex(lists, contracts);
const t2 = performance.now();
const listCount = lists.length;
// The index keeps entries in typed arrays; like a loader, drop the raw rows once indexed.
lists.length = 0;
global.gc?.();
const heapMb = process.memoryUsage().heapUsed / 1e6;

function randomCart(): { ctx: (s: PricingStrategy) => PricingContext; lines: { variant: VariantFacts; quantity: number }[] } {
  const c = int(0, COMPANIES - 1);
  const channel = pick(['web', 'edi', null]);
  const lines = Array.from({ length: CART_LINES }, () => ({ variant: variants[int(0, VARIANTS - 1)]!, quantity: pick([1, 2, 5, 6, 12, 24, 50, 120, 250]) }));
  return {
    ctx: (strategy) => ({ companyId: `co_${c}`, ancestors: ancestorsOf(c), groupIds: groupsOf[c]!, channel, currency: 'PKR', at: D('2026-11-27'), strategy }),
    lines,
  };
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

for (let i = 0; i < WARMUP_CARTS; i++) { const cart = randomCart(); priceCart(cart.lines, index, cart.ctx(i % 2 ? 'lowest' : 'priority')); }

console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
console.log(`pricing-resolve bench (scale ${SCALE}): ${listCount} lists, ${totalEntries.toLocaleString('en')} entries, ${VARIANTS.toLocaleString('en')} variants, ${COMPANIES} companies, ${contracts.length.toLocaleString('en')} contract prices`);
console.log(`generate ${((t1 - t0) / 1000).toFixed(1)} s · buildPriceIndex ${((t2 - t1) / 1000).toFixed(2)} s · heap after build ${heapMb.toFixed(0)} MB (raw lists dropped${global.gc ? '' : '; no --expose-gc, garbage included'})`);
// Garbage-collection pauses while carts are priced (they count in the wall-clock figures).
let gcMs = 0; let gcCount = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) { gcMs += e.duration; gcCount++; } }).observe({ entryTypes: ['gc'] });
for (const strategy of ['lowest', 'priority'] as const) {
  gcMs = 0; gcCount = 0;
  const times: number[] = [];
  const cpu: number[] = [];
  let traced = 0; let linesPriced = 0; let competitors = 0;
  for (let i = 0; i < CARTS_PER_STRATEGY; i++) {
    const cart = randomCart();
    const ctx = cart.ctx(strategy);
    const c0 = process.cpuUsage();
    const s = performance.now();
    const priced = priceCart(cart.lines, index, ctx);
    times.push(performance.now() - s);
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
    for (const l of priced.lines) {
      traced += l.trace.length;
      if (l.priced) { linesPriced++; competitors += l.trace.filter((t) => t.considered).length; }
    }
  }
  // GC entries arrive asynchronously: let them in before reporting.
  await new Promise((resolve) => setTimeout(resolve, 50));
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const lines = CARTS_PER_STRATEGY * CART_LINES;
  console.log(`${strategy.padEnd(8)} ${CARTS_PER_STRATEGY} carts × ${CART_LINES} lines: median ${pct(times, 50).toFixed(2)} ms · p95 ${pct(times, 95).toFixed(2)} ms · p99 ${pct(times, 99).toFixed(2)} ms · max ${times[times.length - 1]!.toFixed(2)} ms`
    + ` | ${(traced / lines).toFixed(1)} trace steps/line, ${(competitors / linesPriced).toFixed(2)} competing prices/line`);
  // CPU time of this process per cart: what the engine costs when it is not waiting for a core.
  console.log(`${''.padEnd(8)} CPU time per cart: median ${pct(cpu, 50).toFixed(2)} ms · p95 ${pct(cpu, 95).toFixed(2)} ms · p99 ${pct(cpu, 99).toFixed(2)} ms · GC ${gcCount} pauses, ${gcMs.toFixed(0)} ms in all`);
}
