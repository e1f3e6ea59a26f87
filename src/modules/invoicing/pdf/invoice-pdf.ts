import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatMoney, type Money } from '../../../lib/money.ts';
import type { InvoiceDetail } from '../invoicing.views.ts';

export const PDF_LOCALES = ['en', 'ar', 'ur', 'bn'] as const;

const require = createRequire(import.meta.url);
const font = (pkg: string, file: string) => require.resolve(`@fontsource/${pkg}/files/${file}`);
const LATIN = font('noto-sans', 'noto-sans-latin-400-normal.woff');
const LATIN_BOLD = font('noto-sans', 'noto-sans-latin-700-normal.woff');

/** Renders the invoice as an A4 PDF. */
export async function invoicePdf(invoice: InvoiceDetail, locale: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: invoice.number, Author: invoice.seller.legalName } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('body', LATIN);
  doc.registerFont('bold', LATIN_BOLD);
  const m = (x: Money) => formatMoney(x, locale);
  doc.font('bold').fontSize(18).text(`Invoice ${invoice.number}`);
  doc.font('body').fontSize(10).text(`Order ${invoice.orderNumber} · Issued ${invoice.issuedAt.slice(0, 10)} · Due ${invoice.dueAt.slice(0, 10)}`);
  doc.moveDown().text(invoice.seller.legalName).text(invoice.buyer.legalName);
  for (const l of invoice.lines) doc.text(`${l.sku ?? ''} ${l.name} × ${l.quantity}  ${m(l.lineTotal)}`);
  doc.moveDown().font('bold').text(`Total ${m(invoice.total)} · Due ${m(invoice.balanceDue)}`);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
