/**
 * A small seeded pseudo-random generator (sfc32) and the helpers the demo-data generators use.
 * Math.random is never used in src/seed: the same seed must always give the same data.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  /** `n` distinct items (fewer if the list is shorter), in a random order. */
  sample<T>(items: readonly T[], n: number): T[];
  /** `n` characters from `alphabet`. */
  chars(alphabet: string, n: number): string;
  /** An independent generator derived from this one and a label (stable per label). */
  fork(label: string): Rng;
}

/** 32-bit FNV-1a: turns a string seed into a number. */
export function hashSeed(seed: string | number): number {
  const s = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded through FNV-1a and warmed up. */
export function createRng(seed: string | number): Rng {
  let a = hashSeed(`${seed}:a`);
  let b = hashSeed(`${seed}:b`);
  let c = hashSeed(`${seed}:c`);
  let d = 1;
  const raw = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) raw();
  const rng: Rng = {
    next: raw,
    int: (min, max) => min + Math.floor(raw() * (max - min + 1)),
    chance: (p) => raw() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(raw() * items.length)] as (typeof items)[number];
    },
    weighted: (choices) => {
      const total = choices.reduce((s, [, w]) => s + w, 0);
      let x = raw() * total;
      for (const [value, w] of choices) {
        x -= w;
        if (x < 0) return value;
      }
      return (choices[choices.length - 1] as (typeof choices)[number])[0];
    },
    sample: (items, n) => {
      const copy = items.slice();
      const k = Math.min(n, copy.length);
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(raw() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy.slice(0, k);
    },
    chars: (alphabet, n) => {
      let out = '';
      for (let i = 0; i < n; i++) out += alphabet[Math.floor(raw() * alphabet.length)];
      return out;
    },
    fork: (label) => createRng(`${seed}/${label}`),
  };
  return rng;
}
