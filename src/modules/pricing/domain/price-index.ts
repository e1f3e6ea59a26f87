import type { ContractPrice, PriceList, PricingContext, SourceKind, TraceCandidate, TraceStep } from './types.ts';
import { SPECIFICITY } from './types.ts';
import { formatInstant } from './format.ts';
import type { ScopeMiss } from './entries.ts';
import { scopeMissReasons } from './entries.ts';
import type { EntryStore } from './entry-store.ts';
import { buildEntryStore } from './entry-store.ts';

/** A list without its entries (those live in the {@link EntryStore}). */
export type PriceListHeader = Omit<PriceList, 'entries'>;

/** A list as the index knows it: its position (for the postings) and its trace texts. */
export interface IndexedList {
  readonly list: PriceListHeader;
  /** Position in {@link PriceIndex.all}; postings refer to lists by it. */
  readonly idx: number;
  /** "list Trade 2026 (pl_1)" — used in traces. */
  readonly label: string;
  /** Built once: the reason shared by every line this list does not price. */
  readonly noPrice: string;
  /** Built once: why a derived list's scope leaves a variant out. */
  readonly scopeMiss: Readonly<Record<ScopeMiss, string>>;
}

interface CompanyTarget {
  readonly ref: IndexedList;
  readonly includeDescendants: boolean;
}

/**
 * Everything resolution needs, keyed so that one line costs a few map lookups: lists by id and by
 * target, entries by variant, contract prices by company then variant.
 */
export interface PriceIndex {
  readonly lists: ReadonlyMap<string, IndexedList>;
  readonly all: readonly IndexedList[];
  readonly store: EntryStore;
  readonly byCompany: ReadonlyMap<string, readonly CompanyTarget[]>;
  readonly byGroup: ReadonlyMap<string, readonly IndexedList[]>;
  readonly byChannel: ReadonlyMap<string, readonly IndexedList[]>;
  readonly everyone: readonly IndexedList[];
  readonly base: readonly IndexedList[];
  readonly contracts: ReadonlyMap<string, ReadonlyMap<string, readonly ContractPrice[]>>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const arr = map.get(key);
  if (arr === undefined) map.set(key, [value]);
  else arr.push(value);
}

/**
 * Builds the lookup structure once. Entries are packed into typed arrays, so the caller may drop
 * `lists` afterwards; contracts are referenced, not copied.
 */
export function buildPriceIndex(lists: readonly PriceList[], contracts: readonly ContractPrice[]): PriceIndex {
  const byId = new Map<string, IndexedList>();
  const byCompany = new Map<string, CompanyTarget[]>();
  const byGroup = new Map<string, IndexedList[]>();
  const byChannel = new Map<string, IndexedList[]>();
  const everyone: IndexedList[] = [];
  const base: IndexedList[] = [];
  const all: IndexedList[] = [];
  const store = buildEntryStore(lists);
  for (const full of lists) {
    const idx = all.length;
    const { entries: _entries, ...list } = full;
    const label = list.name && list.name !== list.id ? `list ${list.name} (${list.id})` : `list ${list.id}`;
    const ref: IndexedList = { list, idx, label, noPrice: `${label} has no price for this variant`, scopeMiss: scopeMissReasons(label) };
    all.push(ref);
    byId.set(list.id, ref);
    // The base list applies to everyone by definition; its targets are irrelevant.
    if (list.kind === 'base') { base.push(ref); continue; }
    for (const t of list.targets) {
      if (t.type === 'company') push(byCompany, t.companyId, { ref, includeDescendants: t.includeDescendants });
      else if (t.type === 'group') push(byGroup, t.groupId, ref);
      else if (t.type === 'channel') push(byChannel, t.channel, ref);
      else everyone.push(ref);
    }
  }
  const byCompanyContracts = new Map<string, Map<string, ContractPrice[]>>();
  for (const c of contracts) {
    let perVariant = byCompanyContracts.get(c.companyId);
    if (perVariant === undefined) { perVariant = new Map(); byCompanyContracts.set(c.companyId, perVariant); }
    push(perVariant, c.variantId, c);
  }
  for (const perVariant of byCompanyContracts.values()) {
    for (const arr of perVariant.values()) arr.sort((a, b) => cmpStr(a.reference, b.reference));
  }
  return { lists: byId, all, store, byCompany, byGroup, byChannel, everyone, base, contracts: byCompanyContracts };
}


export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A list that reaches the context, with how specifically it reaches it. */
export interface ListCandidate {
  readonly ref: IndexedList;
  readonly kind: SourceKind;
  /** 0 for direct targets; n for a list inherited from the n-th ancestor (1 = parent). */
  readonly distance: number;
  /** How the trace names it (built once per context, shared by every line). */
  readonly candidate: TraceCandidate;
  /** The step for a line it does not price — one shared readonly object per cart. */
  readonly noPriceStep: TraceStep;
  /** Steps for other reasons it does not price a line, shared per reason within the cart. */
  readonly missSteps: Map<string, TraceStep>;
}

export interface ExcludedList extends ListCandidate {
  readonly reason: string;
  /** The step for a line it would have priced, shared like {@link ListCandidate.noPriceStep}. */
  readonly excludedStep: TraceStep;
}

/** The lists reaching one context, split once per cart into usable and excluded-with-reason. */
export interface ContextCandidates {
  readonly context: PricingContext;
  /** Usable lists in priority-strategy order: specificity, nearer ancestor, higher priority, id. */
  readonly eligible: readonly ListCandidate[];
  readonly excluded: readonly ExcludedList[];
  readonly contracts: ReadonlyMap<string, readonly ContractPrice[]> | undefined;
  readonly index: PriceIndex;
  /**
   * By list position: i ≥ 0 → eligible[i]; i ≤ −2 → excluded[−2 − i]; −1 → does not reach.
   * Lets a line map its postings onto this context's candidates without a lookup per list.
   */
  readonly slot: Int32Array;
  /** Per-line working space: the posting of each eligible list (−1 = none), reset after every line. */
  readonly scratch: Int32Array;
}

/** Strategy-independent order among candidates: more specific first, then priority, then id. */
export function compareCandidates(a: ListCandidate, b: ListCandidate): number {
  return SPECIFICITY[a.kind] - SPECIFICITY[b.kind]
    || a.distance - b.distance
    || b.ref.list.priority - a.ref.list.priority
    || cmpStr(a.ref.list.id, b.ref.list.id);
}

/** Why a list cannot be used in this context, or null when it can. */
export function exclusionReason(ref: IndexedList, ctx: PricingContext): string | null {
  const l = ref.list;
  if (l.status !== 'active') return `${ref.label} is a draft`;
  if (l.currency !== ctx.currency) return `${ref.label} is in ${l.currency}, not ${ctx.currency}`;
  const t = ctx.at.getTime();
  if (l.validFrom != null && t < l.validFrom.getTime()) return `${ref.label} not active yet: valid from ${formatInstant(l.validFrom)}`;
  if (l.validTo != null && t >= l.validTo.getTime()) return `${ref.label} expired: valid to ${formatInstant(l.validTo)}`;
  return null;
}

/**
 * Collects every list reaching the context — directly, through an ancestor that passes its lists
 * down, through ANY of its groups, its channel, everyone, and the base list — keeping for each list
 * its most specific route.
 */
export function contextCandidates(index: PriceIndex, ctx: PricingContext): ContextCandidates {
  const best = new Map<string, ListCandidate>();
  const offer = (ref: IndexedList, kind: SourceKind, distance: number): void => {
    const prev = best.get(ref.list.id);
    if (prev === undefined || SPECIFICITY[kind] < SPECIFICITY[prev.kind]
      || (SPECIFICITY[kind] === SPECIFICITY[prev.kind] && distance < prev.distance)) {
      const candidate: TraceCandidate = { kind, listId: ref.list.id, label: ref.label };
      best.set(ref.list.id, { ref, kind, distance, candidate, noPriceStep: { candidate, considered: false, won: false, reason: ref.noPrice }, missSteps: new Map() });
    }
  };
  for (const t of index.byCompany.get(ctx.companyId) ?? []) offer(t.ref, 'company', 0);
  ctx.ancestors.forEach((ancestor, i) => {
    for (const t of index.byCompany.get(ancestor) ?? []) if (t.includeDescendants) offer(t.ref, 'inherited', i + 1);
  });
  for (const g of ctx.groupIds) for (const ref of index.byGroup.get(g) ?? []) offer(ref, 'group', 0);
  if (ctx.channel != null) for (const ref of index.byChannel.get(ctx.channel) ?? []) offer(ref, 'channel', 0);
  for (const ref of index.everyone) offer(ref, 'everyone', 0);
  for (const ref of index.base) offer(ref, 'base', 0);

  const eligible: ListCandidate[] = [];
  const excluded: ExcludedList[] = [];
  for (const c of best.values()) {
    const reason = exclusionReason(c.ref, ctx);
    if (reason === null) eligible.push(c);
    else excluded.push({ ...c, reason, excludedStep: { candidate: c.candidate, considered: false, won: false, reason } });
  }
  eligible.sort(compareCandidates);
  excluded.sort(compareCandidates);
  const slot = new Int32Array(index.all.length).fill(-1);
  eligible.forEach((c, i) => { slot[c.ref.idx] = i; });
  excluded.forEach((c, i) => { slot[c.ref.idx] = -2 - i; });
  const scratch = new Int32Array(eligible.length).fill(-1);
  return { context: ctx, eligible, excluded, contracts: index.contracts.get(ctx.companyId), index, slot, scratch };
}
