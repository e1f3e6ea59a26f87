import type { TFunction } from 'i18next';
import { formatDate } from '../ui/format.ts';
import type { PriceList } from './price-lists-api.ts';

/** "Everyone", "2 groups, 1 company (+ subsidiaries)", … — a one-line summary of who a list prices. */
export function targetsSummary(t: TFunction, l: Pick<PriceList, 'kind' | 'targets'>): string {
  if (l.kind === 'base') return t('priceLists.targets.base');
  if (l.targets.length === 0) return t('priceLists.targets.nobody');
  const parts: string[] = [];
  if (l.targets.some((x) => x.type === 'everyone')) parts.push(t('priceLists.targets.everyone'));
  const channels = l.targets.filter((x) => x.type === 'channel').length;
  const groups = l.targets.filter((x) => x.type === 'group').length;
  const companies = l.targets.filter((x) => x.type === 'company');
  if (channels) parts.push(t('priceLists.targets.channels', { count: channels }));
  if (groups) parts.push(t('priceLists.targets.groups', { count: groups }));
  if (companies.length) {
    const inherit = companies.some((c) => c.type === 'company' && c.includeDescendants);
    parts.push(t(inherit ? 'priceLists.targets.companiesInherit' : 'priceLists.targets.companies', { count: companies.length }));
  }
  return parts.join(', ');
}

/** "always", "from 1 Jan 2027", "until …", "1 Jan – 31 Mar 2027". */
export function validitySummary(t: TFunction, l: Pick<PriceList, 'validFrom' | 'validTo'>, locale: string): string {
  const from = l.validFrom ? formatDate(l.validFrom, locale) : null;
  const to = l.validTo ? formatDate(l.validTo, locale) : null;
  if (from && to) return t('priceLists.validity.between', { from, to });
  if (from) return t('priceLists.validity.from', { from });
  if (to) return t('priceLists.validity.until', { to });
  return t('priceLists.validity.always');
}
