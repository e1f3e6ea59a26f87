import { formatDate, formatDateTime, formatMoney, type Money } from './format.ts';
import { useLocale } from './locale-sync.tsx';

/**
 * format.ts bound to the reader's locale, so list and detail pages do not thread `locale` through
 * every cell. `day` is for calendar dates the server stores at UTC midnight (due dates, statement
 * periods): read in the reader's zone they would show the previous day west of Greenwich.
 */
export function useFormat() {
  const locale = useLocale();
  return {
    locale,
    money: (m: Money) => formatMoney(m, locale),
    date: (iso: string) => formatDate(iso, locale),
    day: (iso: string) => formatDate(iso, locale, { dateStyle: 'medium', timeZone: 'UTC' }),
    dateTime: (iso: string) => formatDateTime(iso, locale),
  };
}
