import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import ar from './ar.json' with { type: 'json' };
import ur from './ur.json' with { type: 'json' };
import bn from './bn.json' with { type: 'json' };

/** The languages both surfaces offer, each named in itself (so a reader finds their own). */
export const LANGUAGES = [
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'ar', label: 'العربية', dir: 'rtl' },
  { code: 'ur', label: 'اردو', dir: 'rtl' },
  { code: 'bn', label: 'বাংলা', dir: 'ltr' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];
export const RESOURCES = { en, ar, ur, bn } as const;
const STORAGE_KEY = 'precis.lang';

export function isLanguage(code: string | null | undefined): code is Language {
  return LANGUAGES.some((l) => l.code === code);
}

export function directionOf(code: string): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === code)?.dir ?? 'ltr';
}

/** Remembered choice first, then the browser's preference, then English. */
function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    /* storage may be disabled; fall through */
  }
  const browser = (navigator.language || 'en').slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

/** Sets `<html lang dir>` so the browser, screen readers and CSS logical properties follow. */
export function applyDocumentLanguage(code: string): void {
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
}

/** Switches the language everywhere and remembers it for the next visit. */
export async function setLanguage(code: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    /* not persisted, still switched */
  }
  applyDocumentLanguage(code);
  await i18next.changeLanguage(code);
}

export function initI18n(): typeof i18next {
  const lng = initialLanguage();
  applyDocumentLanguage(lng);
  void i18next.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(RESOURCES).map(([k, v]) => [k, { translation: v }])),
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
