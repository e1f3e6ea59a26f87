import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatMoney, type Money } from '../../../lib/money.ts';
import type { InvoiceDetail } from '../invoicing.views.ts';
import { PDF_LABELS, pdfLocale, type PdfLabels } from './labels.ts';
import { visualRuns, type FontKey } from './rich-text.ts';

export const PDF_LOCALES = ['en', 'ar', 'ur', 'bn'] as const;

const require = createRequire(import.meta.url);
const file = (pkg: string, name: string) => require.resolve(`@fontsource/${pkg}/files/${name}`);
/** Noto, shipped as npm font packages (Latin, Arabic script incl. Urdu letters, Bengali). */
const FONTS: Record<FontKey, { regular: string; bold: string }> = {
  latin: { regular: file('noto-sans', 'noto-sans-latin-400-normal.woff'), bold: file('noto-sans', 'noto-sans-latin-700-normal.woff') },
  arabic: { regular: file('noto-naskh-arabic', 'noto-naskh-arabic-arabic-400-normal.woff'), bold: file('noto-naskh-arabic', 'noto-naskh-arabic-arabic-700-normal.woff') },
  bengali: { regular: file('noto-sans-bengali', 'noto-sans-bengali-bengali-400-normal.woff'), bold: file('noto-sans-bengali', 'noto-sans-bengali-bengali-700-normal.woff') },
};

const PAGE_W = 595.28;
const MARGIN = 48;
const INNER = PAGE_W - 2 * MARGIN;
const INK = '#1f2933';
const MUTED = '#616e7c';
const RULE = '#cbd2d9';

type Align = 'start' | 'end' | 'center';

/**
 * Draws the invoice PDF. Arabic and Urdu mirror the page (columns and alignment run right to left)
 * and every piece of text goes through the bidi + font-run layout in rich-text.ts, so Arabic-script
 * words are shaped by fontkit and numbers inside them keep their order. Money and dates are
 * formatted with Intl in the locale (Arabic-Indic digits in Arabic, Bengali digits in Bengali).
 */
export async function invoicePdf(invoice: InvoiceDetail, requestedLocale: string): Promise<Buffer> {
  const locale = pdfLocale(requestedLocale);
  const L: PdfLabels = PDF_LABELS[locale];
  const rtl = locale === 'ar' || locale === 'ur';
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, lang: locale, info: { Title: `${L.title} ${invoice.number}`, Author: invoice.seller.legalName, Subject: invoice.number } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (const [key, f] of Object.entries(FONTS)) {
    doc.registerFont(`${key}-regular`, f.regular);
    doc.registerFont(`${key}-bold`, f.bold);
  }

  const money = (m: Money) => formatMoney(m, locale);
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
  const num = (n: number) => new Intl.NumberFormat(locale).format(n);

  /** Width of a text at a size, bold or not, as drawn. */
  function measure(text: string, size: number, bold: boolean): number {
    let w = 0;
    for (const r of visualRuns(text, rtl)) w += doc.font(`${r.font}-${bold ? 'bold' : 'regular'}`).fontSize(size).widthOfString(r.text);
    return w;
  }

  /** Cuts a text to fit `width`, ending in an ellipsis. */
  function fit(text: string, width: number, size: number, bold: boolean): string {
    if (measure(text, size, bold) <= width) return text;
    const chars = Array.from(text);
    while (chars.length > 1 && measure(`${chars.join('')}…`, size, bold) > width) chars.pop();
    return `${chars.join('').trimEnd()}…`;
  }

  /**
   * One line of text in the box [x, x + width] given in logical (left-to-right page) coordinates;
   * for right-to-left pages the box is mirrored and 'start' means the right edge.
   */
  function line(text: string, x: number, y: number, width: number, opts: { size?: number; bold?: boolean; align?: Align; color?: string } = {}): void {
    const size = opts.size ?? 9;
    const bold = opts.bold ?? false;
    const shown = fit(text, width, size, bold);
    const w = measure(shown, size, bold);
    const boxX = rtl ? PAGE_W - x - width : x;
    const align = opts.align ?? 'start';
    const left = align === 'center' ? boxX + (width - w) / 2 : (align === 'start') !== rtl ? boxX : boxX + width - w;
    let cx = left;
    doc.fillColor(opts.color ?? INK);
    for (const r of visualRuns(shown, rtl)) {
      doc.font(`${r.font}-${bold ? 'bold' : 'regular'}`).fontSize(size);
      // Noto Naskh draws Arabic letters as a shared base plus dot marks, so the glyphs alone do not say
      // which letter they are: ActualText carries the real text for copy, search and screen readers.
      if (r.font === 'arabic') doc.markContent('Span', { actual: r.text });
      doc.text(r.text, cx, y, { lineBreak: false });
      if (r.font === 'arabic') doc.endMarkedContent();
      cx += doc.widthOfString(r.text);
    }
  }

  function rule(y: number, color = RULE): void {
    doc.moveTo(MARGIN, y).lineTo(PAGE_W - MARGIN, y).lineWidth(0.6).strokeColor(color).stroke();
  }

  // Header: seller on the start side, the title on the end side.
  let y = MARGIN;
  line(invoice.seller.legalName, MARGIN, y, INNER * 0.6, { size: 14, bold: true });
  line(L.title, MARGIN + INNER * 0.5, y - 2, INNER * 0.5, { size: 20, bold: true, align: 'end' });
  y += 24;
  for (const a of invoice.seller.address) {
    line(a, MARGIN, y, INNER * 0.55, { color: MUTED });
    y += 12;
  }
  if (invoice.seller.vatId) line(`${L.vatId} ${invoice.seller.vatId}`, MARGIN, y, INNER * 0.55, { color: MUTED });
  if (invoice.seller.email) line(invoice.seller.email, MARGIN, y + 12, INNER * 0.55, { color: MUTED });

  // Invoice facts on the end side.
  const meta: [string, string][] = [
    [L.invoiceNo, invoice.number],
    [L.issued, date(invoice.issuedAt)],
    [L.due, date(invoice.dueAt)],
    [L.order, invoice.orderNumber],
    ...(invoice.poNumber ? ([[L.po, invoice.poNumber]] as [string, string][]) : []),
    [L.terms, L.termsNames[invoice.paymentTerms ?? 'card'] ?? invoice.paymentTerms ?? ''],
    [L.status, L.statuses[invoice.status]],
  ];
  let my = MARGIN + 30;
  for (const [k, v] of meta) {
    line(k, MARGIN + INNER * 0.55, my, INNER * 0.2, { color: MUTED });
    line(v, MARGIN + INNER * 0.75, my, INNER * 0.25, { bold: k === L.invoiceNo, align: 'end' });
    my += 13;
  }
  y = Math.max(y + 30, my + 12);

  // Bill to.
  line(L.billTo, MARGIN, y, INNER * 0.5, { size: 8, bold: true, color: MUTED });
  y += 13;
  line(invoice.buyer.legalName, MARGIN, y, INNER * 0.6, { size: 11, bold: true });
  y += 15;
  for (const a of invoice.buyer.address) {
    line(a, MARGIN, y, INNER * 0.6);
    y += 12;
  }
  if (invoice.buyer.vatId) {
    line(`${L.vatId} ${invoice.buyer.vatId}`, MARGIN, y, INNER * 0.6);
    y += 12;
  }
  y += 16;

  // Lines table. Columns in logical order (start → end): item, qty, unit price, VAT, amount.
  const cols = [
    { key: 'item', x: MARGIN, w: INNER * 0.42, align: 'start' as Align },
    { key: 'qty', x: MARGIN + INNER * 0.42, w: INNER * 0.1, align: 'end' as Align },
    { key: 'unit', x: MARGIN + INNER * 0.52, w: INNER * 0.17, align: 'end' as Align },
    { key: 'tax', x: MARGIN + INNER * 0.69, w: INNER * 0.14, align: 'end' as Align },
    { key: 'amount', x: MARGIN + INNER * 0.83, w: INNER * 0.17, align: 'end' as Align },
  ];
  const headers = [L.item, L.qty, L.unitPrice, L.tax, L.amount];
  cols.forEach((c, i) => line(headers[i]!, c.x, y, c.w, { size: 8, bold: true, color: MUTED, align: c.align }));
  y += 13;
  rule(y);
  y += 6;
  for (const l of invoice.lines) {
    if (y > 740) {
      doc.addPage();
      y = MARGIN;
    }
    const name = l.kind === 'shipping' ? `${L.shipping}: ${l.name}` : l.name;
    const cells = [name, num(l.quantity), money(l.unitPrice), money(l.taxAmount), money(l.lineTotal)];
    cols.forEach((c, i) => line(cells[i]!, c.x, y, c.w - 4, { align: c.align }));
    if (l.sku) line(l.sku, MARGIN, y + 11, cols[0]!.w - 4, { size: 7, color: MUTED });
    y += l.sku ? 24 : 16;
  }
  rule(y);
  y += 10;

  // Totals on the end side.
  const totals: [string, Money, boolean][] = [
    [L.subtotal, invoice.subtotal, false],
    [L.shipping, invoice.shippingTotal, false],
    [L.taxTotal, invoice.taxTotal, false],
    [L.total, invoice.total, true],
  ];
  if (invoice.amountPaid.amount) totals.push([L.paid, invoice.amountPaid, false]);
  if (invoice.amountCredited.amount) totals.push([L.credited, invoice.amountCredited, false]);
  totals.push([L.balance, invoice.balanceDue, true]);
  for (const [k, v, strong] of totals) {
    line(k, MARGIN + INNER * 0.5, y, INNER * 0.28, { bold: strong, size: strong ? 10 : 9, align: 'end' });
    line(money(v), MARGIN + INNER * 0.78, y, INNER * 0.22, { bold: strong, size: strong ? 10 : 9, align: 'end' });
    y += strong ? 16 : 13;
  }
  y += 18;
  if (invoice.balanceDue.amount > 0) {
    line(L.payBy.replace('{date}', date(invoice.dueAt)), MARGIN, y, INNER, { bold: true });
    y += 14;
  }
  line(L.thanks, MARGIN, y, INNER, { color: MUTED });

  doc.end();
  await done;
  return Buffer.concat(chunks);
}
