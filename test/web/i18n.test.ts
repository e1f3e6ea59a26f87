import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LANGS = ['en', 'ar', 'ur', 'bn'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;

function load(lang: string): Record<string, string> {
  const json: unknown = JSON.parse(readFileSync(new URL(`../../web/i18n/${lang}.json`, import.meta.url), 'utf8'));
  const out: Record<string, string> = {};
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') out[prefix] = node;
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    else throw new Error(`${lang}: ${prefix} is neither text nor a group`);
  };
  walk(json, '');
  return out;
}

const base = (key: string) => key.replace(PLURAL, '');
const vars = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
const resources = Object.fromEntries(LANGS.map((l) => [l, load(l)])) as Record<(typeof LANGS)[number], Record<string, string>>;
const englishKeys = [...new Set(Object.keys(resources.en).map(base))];
const pluralKeys = new Set(Object.keys(resources.en).filter((k) => PLURAL.test(k)).map(base));

describe('translations', () => {
  it('has a few hundred English strings to translate', () => {
    expect(englishKeys.length).toBeGreaterThan(100);
  });

  for (const lang of LANGS) {
    const r = resources[lang];
    it(`${lang}: every English key exists, with the plural forms ${lang} needs`, () => {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const missing: string[] = [];
      for (const key of englishKeys) {
        if (pluralKeys.has(key)) {
          for (const c of categories) if (!(`${key}_${c}` in r)) missing.push(`${key}_${c}`);
        } else if (!(key in r)) missing.push(key);
      }
      expect(missing).toEqual([]);
    });

    it(`${lang}: no stray keys and no empty strings`, () => {
      const known = new Set(englishKeys);
      expect(Object.keys(r).filter((k) => !known.has(base(k)))).toEqual([]);
      expect(Object.entries(r).filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    });

    it(`${lang}: keeps the same {{placeholders}} as English`, () => {
      const wrong = Object.keys(r)
        .filter((k) => !PLURAL.test(k) && k in resources.en)
        .filter((k) => JSON.stringify(vars(r[k] ?? '')) !== JSON.stringify(vars(resources.en[k] ?? '')));
      expect(wrong).toEqual([]);
    });
  }

  it('Arabic, Urdu and Bengali are actually translated, not copies of English', () => {
    for (const lang of ['ar', 'ur', 'bn'] as const) {
      const same = Object.keys(resources.en).filter((k) => resources[lang][k] === resources.en[k] && /[a-z]{4,}/.test(resources.en[k] ?? ''));
      expect(same.length, `${lang}: ${same.join(', ')}`).toBeLessThan(englishKeys.length * 0.03);
    }
  });
});
