import { formatMoney, type Money } from '../../../lib/money.ts';
import { EMAIL_STRINGS, emailLocale, isRtl, type EmailLocale, type ReturnEmailStatus } from './catalog.ts';

// Intl formatters are costly to build and every email formats many values: one per locale (and zone).
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    if (formatters.size > 500) formatters.clear();
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** A line shown in an email's item table. */
export interface EmailLine {
  sku: string;
  name: string;
  quantity: number;
  amount?: Money | null;
}

/** What each transactional email needs; the handlers load it, rendering is pure. */
export type EmailData =
  | { kind: 'order_confirmation'; recipientName: string; orderNumber: string; total: Money; placedAt: Date; poNumber?: string | null; lines: EmailLine[]; orderUrl: string }
  | { kind: 'shipment_sent'; recipientName: string; orderNumber: string; shipmentNumber: string; carrier: string; trackingNumber: string | null; trackingUrl: string | null; lines: EmailLine[]; orderUrl: string }
  | { kind: 'invoice_issued' | 'invoice_overdue'; recipientName: string; invoiceNumber: string; amount: Money; dueAt: Date; invoiceUrl: string }
  | {
      kind: 'return_status';
      recipientName: string;
      returnNumber: string;
      orderNumber: string;
      status: ReturnEmailStatus;
      amount?: Money | null;
      reason?: string | null;
      lines: EmailLine[];
      returnUrl: string;
    };

export type EmailKind = EmailData['kind'];

export interface RenderedEmail {
  locale: EmailLocale;
  dir: 'ltr' | 'rtl';
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** A date as the reader writes it (Urdu month names, Bengali digits), in the given time zone. */
export function formatEmailDate(date: Date, locale: EmailLocale, timeZone = 'UTC'): string {
  return cached(`d|${locale}|${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })).format(date);
}

/** The isolate marks keep numbers and Latin order numbers in place inside right-to-left text. */
const isolate = (s: string, rtl: boolean) => (rtl ? `\u2068${s}\u2069` : s);

interface Block {
  intro: string[];
  facts: [label: string, value: string][];
  lines: EmailLine[];
  ctas: { label: string; url: string }[];
}

/**
 * Renders one email in one language: subject, a plain-text part and an HTML part (right to left
 * for Arabic and Urdu). Pure: the same data and locale always give the same email.
 */
export function renderEmail(data: EmailData, locale: string, opts: { timeZone?: string } = {}): RenderedEmail {
  const lang = emailLocale(locale);
  const s = EMAIL_STRINGS[lang];
  const rtl = isRtl(lang);
  const money = (m: Money) => isolate(formatMoney(m, lang), rtl);
  const date = (d: Date) => formatEmailDate(d, lang, opts.timeZone);
  const num = (n: string) => isolate(n, rtl);
  let subject: string;
  let block: Block;
  switch (data.kind) {
    case 'order_confirmation': {
      const t = s.orderConfirmation;
      subject = fill(t.subject, { number: data.orderNumber });
      const facts: Block['facts'] = [
        [t.total, money(data.total)],
        [t.placedAt, date(data.placedAt)],
      ];
      if (data.poNumber) facts.push([t.po, num(data.poNumber)]);
      block = { intro: [fill(t.intro, { number: num(data.orderNumber) })], facts, lines: data.lines, ctas: [{ label: t.cta, url: data.orderUrl }] };
      break;
    }
    case 'shipment_sent': {
      const t = s.shipmentSent;
      subject = fill(t.subject, { number: data.orderNumber });
      const facts: Block['facts'] = [[t.carrier, data.carrier]];
      if (data.trackingNumber) facts.push([t.tracking, num(data.trackingNumber)]);
      const ctas = data.trackingUrl ? [{ label: t.cta, url: data.trackingUrl }] : [];
      ctas.push({ label: t.ctaOrder, url: data.orderUrl });
      block = { intro: [fill(t.intro, { number: num(data.orderNumber), shipment: num(data.shipmentNumber) })], facts, lines: data.lines, ctas };
      break;
    }
    case 'invoice_issued':
    case 'invoice_overdue': {
      const t = data.kind === 'invoice_issued' ? s.invoiceIssued : s.invoiceOverdue;
      subject = fill(t.subject, { number: data.invoiceNumber, amount: formatMoney(data.amount, lang) });
      block = {
        intro: [fill(t.intro, { number: num(data.invoiceNumber), amount: money(data.amount), due: date(data.dueAt) })],
        facts: [
          [t.amountDue, money(data.amount)],
          [t.dueDate, date(data.dueAt)],
        ],
        lines: [],
        ctas: [{ label: t.cta, url: data.invoiceUrl }],
      };
      break;
    }
    case 'return_status': {
      const t = s.returnStatus;
      subject = fill(t.subject, { number: data.returnNumber, status: t.status[data.status] });
      const intro = [fill(t.intro[data.status], { number: num(data.returnNumber), order: num(data.orderNumber), amount: data.amount ? money(data.amount) : '' })];
      const facts: Block['facts'] = data.reason ? [[s.reason, data.reason]] : [];
      block = { intro, facts, lines: data.lines, ctas: [{ label: t.cta, url: data.returnUrl }] };
      break;
    }
  }
  const greeting = fill(s.greeting, { name: data.recipientName });
  const cells = lineCells(block.lines, lang);
  return { locale: lang, dir: rtl ? 'rtl' : 'ltr', subject, text: renderText(greeting, block, cells, s), html: renderHtml(subject, greeting, block, cells, s, lang, rtl) };
}

/** A line's quantity and amount as the reader writes them: formatted once for both parts of the email. */
interface LineCells {
  line: EmailLine;
  quantity: string;
  amount: string | null;
}

function lineCells(lines: readonly EmailLine[], lang: EmailLocale): LineCells[] {
  const qty = cached(`n|${lang}`, () => new Intl.NumberFormat(lang));
  return lines.map((l) => ({ line: l, quantity: qty.format(l.quantity), amount: l.amount ? formatMoney(l.amount, lang) : null }));
}

function renderText(greeting: string, b: Block, cells: readonly LineCells[], s: (typeof EMAIL_STRINGS)[EmailLocale]): string {
  const out = [greeting, '', ...b.intro, ''];
  for (const [label, value] of b.facts) out.push(`${label}: ${value}`);
  if (b.facts.length) out.push('');
  if (cells.length) {
    out.push(`${s.item} / ${s.quantity}${cells.some((c) => c.line.amount) ? ` / ${s.amount}` : ''}:`);
    for (const c of cells) out.push(`- ${c.line.sku}  ${c.line.name}  × ${c.quantity}${c.amount !== null ? `  ${c.amount}` : ''}`);
    out.push('');
  }
  for (const c of b.ctas) out.push(`${c.label}: ${c.url}`);
  out.push('', '--', s.footer);
  return `${out.join('\n')}\n`;
}

function renderHtml(subject: string, greeting: string, b: Block, cells: readonly LineCells[], s: (typeof EMAIL_STRINGS)[EmailLocale], lang: EmailLocale, rtl: boolean): string {
  const dir = rtl ? 'rtl' : 'ltr';
  const align = rtl ? 'right' : 'left';
  const cell = `padding:6px 8px;border-bottom:1px solid #e5e7eb;text-align:${align}`;
  const hasAmounts = cells.some((c) => c.line.amount);
  const facts = b.facts.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:16px 0">${b.facts
        .map(([label, value]) => `<tr><th scope="row" style="${cell};color:#6b7280;font-weight:normal">${escapeHtml(label)}</th><td style="${cell};font-weight:600">${escapeHtml(value)}</td></tr>`)
        .join('')}</table>`
    : '';
  const lines = cells.length
    ? `<table style="border-collapse:collapse;width:100%;margin:16px 0"><thead><tr><th style="${cell}">${escapeHtml(s.item)}</th><th style="${cell}">${escapeHtml(s.quantity)}</th>${
        hasAmounts ? `<th style="${cell}">${escapeHtml(s.amount)}</th>` : ''
      }</tr></thead><tbody>${cells
        .map(
          (c) =>
            `<tr><td style="${cell}"><span dir="ltr">${escapeHtml(c.line.sku)}</span> ${escapeHtml(c.line.name)}</td><td style="${cell}">${escapeHtml(c.quantity)}</td>${
              hasAmounts ? `<td style="${cell}">${c.amount !== null ? escapeHtml(c.amount) : ''}</td>` : ''
            }</tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const ctas = b.ctas
    .map((c) => `<p style="margin:16px 0"><a href="${escapeHtml(c.url)}" style="background:#1c7ed6;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(c.label)}</a></p>`)
    .join('');
  return [
    '<!doctype html>',
    `<html lang="${lang}" dir="${dir}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    `<body dir="${dir}" style="margin:0;padding:24px;background:#f8f9fa;font-family:Segoe UI,Tahoma,Arial,sans-serif;color:#212529;text-align:${align}">`,
    `<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">`,
    `<p>${escapeHtml(greeting)}</p>`,
    ...b.intro.map((p) => `<p>${escapeHtml(p)}</p>`),
    facts,
    lines,
    ctas,
    `<p style="color:#868e96;font-size:12px;border-top:1px solid #e5e7eb;padding-top:12px">${escapeHtml(s.footer)}</p>`,
    '</div></body></html>',
  ].join('\n');
}
