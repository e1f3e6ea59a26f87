import bidiModule from 'bidi-js';

/**
 * Mixed-script, mixed-direction text for PDFKit. PDFKit shapes a string with fontkit (Arabic
 * joining forms and ligatures, Bengali conjuncts) but neither reorders bidirectional text nor falls
 * back across fonts. So a line is cut into runs of one font and one bidi level (Unicode Bidirectional
 * Algorithm, bidi-js), the runs are put in visual order (rule L2), and each run is handed to fontkit
 * in the order that makes its output read correctly: fontkit itself reverses runs in Arabic script,
 * so a right-to-left run of other characters (and a left-to-right run of Arabic-Indic digits) is
 * reversed here first, with mirrored brackets.
 */

export type FontKey = 'latin' | 'arabic' | 'bengali';

export interface Run {
  readonly text: string;
  readonly font: FontKey;
}

// bidi-js is CommonJS: Node hands its factory over as the default import, which its types declare as a module namespace.
const bidi = (bidiModule as unknown as () => ReturnType<typeof bidiModule.default>)();

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const BENGALI = /[\u0980-\u09FF\u0964\u0965]/;
// Direction marks Intl puts around numbers and currencies: layout already came from the bidi levels.
const INVISIBLE = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

/** Which of the three fonts draws a character; spaces and punctuation go to the Latin font. */
export function fontFor(ch: string): FontKey {
  if (ARABIC.test(ch)) return 'arabic';
  if (BENGALI.test(ch)) return 'bengali';
  return 'latin';
}

/** Text as the fonts can draw it: no direction marks, ordinary spaces for the no-break ones. */
export function clean(text: string): string {
  return text.replace(INVISIBLE, '').replace(/[\u00A0\u202F\u2007]/g, ' ');
}

/** Runs of one font and one level, in visual (left-to-right drawing) order, each ready for fontkit. */
export function visualRuns(input: string, rtl: boolean): Run[] {
  const text = clean(input);
  if (!text) return [];
  const { levels } = bidi.getEmbeddingLevels(text, rtl ? 'rtl' : 'ltr');
  const chars = Array.from(text);
  // Array.from splits by code point; bidi-js levels are per UTF-16 unit.
  const units: { ch: string; level: number; font: FontKey }[] = [];
  let u = 0;
  for (const ch of chars) {
    units.push({ ch, level: levels[u] ?? 0, font: fontFor(ch) });
    u += ch.length;
  }
  const runs: { text: string; level: number; font: FontKey }[] = [];
  for (const c of units) {
    const last = runs[runs.length - 1];
    if (last && last.level === c.level && last.font === c.font) last.text += c.ch;
    else runs.push({ text: c.ch, level: c.level, font: c.font });
  }
  // L2: from the highest level down to the lowest odd level, reverse every sequence at that level or above.
  const max = Math.max(...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= minOdd; level--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map((r) => {
    const wantRtl = r.level % 2 === 1;
    const fontkitRtl = ARABIC.test(r.text);
    if (wantRtl === fontkitRtl) return { text: r.text, font: r.font };
    const reversed = Array.from(r.text)
      .reverse()
      .map((ch) => (wantRtl ? (bidi.getMirroredCharacter(ch) ?? ch) : ch))
      .join('');
    return { text: reversed, font: r.font };
  });
}

/** True when the text has right-to-left letters (Arabic script). */
export function hasRtl(text: string): boolean {
  return ARABIC.test(text);
}
