import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirection } from '@mantine/core';
import { applyDocumentLanguage, directionOf } from '../i18n/index.ts';

/** Keeps `<html lang dir>` and Mantine's direction in step with the active language. */
export function LocaleSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    const apply = (lng: string) => {
      applyDocumentLanguage(lng);
      setDirection(directionOf(lng));
    };
    apply(i18n.language);
    i18n.on('languageChanged', apply);
    return () => i18n.off('languageChanged', apply);
  }, [i18n, setDirection]);
  return null;
}

/** The active language for Intl formatting. */
export function useLocale(): string {
  return useTranslation().i18n.language || 'en';
}
