import { describe, expect, it } from 'vitest';
import { EMAIL_LOCALES, EMAIL_STRINGS, emailLocale, RETURN_EMAIL_STATUSES, type EmailStrings } from './catalog.ts';
import { renderEmail, type EmailData } from './render.ts';
import { carrierTrackingUrl } from './tracking-url.ts';

const order: EmailData = {
  kind: 'order_confirmation',
  recipientName: 'Ayesha Khan',
  orderNumber: 'SO-100001',
  total: { amount: 1234550, currency: 'PKR' },
  placedAt: new Date('2026-11-27T10:00:00Z'),
  poNumber: 'PO-77',
  lines: [{ sku: 'CEM-50', name: 'Cement <50 kg>', quantity: 12, amount: { amount: 1200000, currency: 'PKR' } }],
  orderUrl: 'https://shop.example/orders/ord_1',
};

/** Intl separates currency and amount with no-break spaces; compare as a reader sees them. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** Every leaf string of a catalog, by dotted key. */
function leaves(o: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of leaves(v as object, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

describe('email catalog', () => {
  it('translates every string into Arabic, Urdu and Bengali (no English copies) with the same placeholders', () => {
    const en = leaves(EMAIL_STRINGS.en);
    for (const lang of EMAIL_LOCALES.filter((l) => l !== 'en')) {
      const other = leaves(EMAIL_STRINGS[lang] as EmailStrings);
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of en) {
        const translated = other.get(key) ?? '';
        expect(translated, `${lang}.${key}`).not.toBe(text);
        expect((translated.match(/\{\w+\}/g) ?? []).sort(), `${lang}.${key}`).toEqual((text.match(/\{\w+\}/g) ?? []).sort());
      }
    }
  });

  it('reads regional locales as their language and anything unknown as English', () => {
    expect(emailLocale('ur-PK')).toBe('ur');
    expect(emailLocale('bn_BD')).toBe('bn');
    expect(emailLocale('de')).toBe('en');
    expect(emailLocale(null)).toBe('en');
  });
});

describe('renderEmail', () => {
  it('writes an English order confirmation with the total, PO and lines, in text and HTML', () => {
    const mail = renderEmail(order, 'en', { timeZone: 'Asia/Karachi' });
    expect(mail.subject).toBe('Order SO-100001 confirmed');
    expect(mail.dir).toBe('ltr');
    expect(mail.text).toContain('Hello Ayesha Khan,');
    expect(plain(mail.text)).toContain('Order total: PKR 12,345.50');
    expect(mail.text).toContain('Placed on: November 27, 2026');
    expect(mail.text).toContain('PO number: PO-77');
    expect(mail.text).toContain('CEM-50  Cement <50 kg>  × 12');
    expect(mail.text).toContain('View your order: https://shop.example/orders/ord_1');
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    expect(mail.html).toContain('Cement &lt;50 kg&gt;');
    expect(mail.html).not.toContain('Cement <50 kg>');
    expect(mail.html).toContain('href="https://shop.example/orders/ord_1"');
  });

  it('writes the Urdu order confirmation right to left with Urdu words and Urdu-formatted money', () => {
    const mail = renderEmail(order, 'ur', { timeZone: 'Asia/Karachi' });
    expect(mail.subject).toBe('آرڈر SO-100001 کی تصدیق ہو گئی');
    expect(mail.dir).toBe('rtl');
    expect(mail.html).toContain('<html lang="ur" dir="rtl">');
    expect(mail.html).toContain('text-align:right');
    expect(mail.text).toContain('محترم Ayesha Khan،');
    expect(mail.text).toContain('آرڈر کی کل رقم');
    expect(mail.text).toContain(new Intl.NumberFormat('ur', { style: 'currency', currency: 'PKR', minimumFractionDigits: 2 }).format(12345.5));
    expect(mail.text).toContain('نومبر');
  });

  it('gives Arabic the RTL layout and Bengali its own digits', () => {
    expect(renderEmail(order, 'ar').html).toContain('<html lang="ar" dir="rtl">');
    const bn = renderEmail({ ...order, kind: 'invoice_issued', invoiceNumber: 'INV-9', amount: { amount: 50000, currency: 'BDT' }, dueAt: new Date('2026-12-27T00:00:00Z'), invoiceUrl: 'https://x/i' } as EmailData, 'bn');
    expect(bn.subject).toContain('ইনভয়েস INV-9');
    expect(bn.subject).toContain('৫০০');
    expect(bn.dir).toBe('ltr');
  });

  it('writes shipment mails with carrier, tracking number and the carrier tracking link', () => {
    const mail = renderEmail(
      { kind: 'shipment_sent', recipientName: 'Ali', orderNumber: 'SO-1', shipmentNumber: 'SHP-1', carrier: 'DHL', trackingNumber: 'JD0001', trackingUrl: carrierTrackingUrl('DHL', 'JD0001'), lines: [], orderUrl: 'https://x/o' },
      'en',
    );
    expect(mail.subject).toBe('Your order SO-1 has shipped');
    expect(mail.text).toContain('Carrier: DHL');
    expect(mail.text).toContain('Tracking number: JD0001');
    expect(mail.text).toContain('Track your shipment: https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=JD0001');
    expect(carrierTrackingUrl('Unknown Freight', 'X1')).toBeNull();
  });

  it('writes overdue invoices with amount and the past due date', () => {
    const mail = renderEmail({ kind: 'invoice_overdue', recipientName: 'Ali', invoiceNumber: 'INV-5', amount: { amount: 99900, currency: 'AED' }, dueAt: new Date('2026-10-01T00:00:00Z'), invoiceUrl: 'https://x/i' }, 'en');
    expect(mail.subject).toBe('Invoice INV-5 is overdue');
    expect(plain(mail.text)).toContain('AED 999.00');
    expect(mail.text).toContain('October 1, 2026');
  });

  it('names every return status, with the rejection reason and the credited amount', () => {
    for (const lang of EMAIL_LOCALES) {
      for (const status of RETURN_EMAIL_STATUSES) {
        const mail = renderEmail({ kind: 'return_status', recipientName: 'A', returnNumber: 'RMA-1', orderNumber: 'SO-1', status, amount: { amount: 1000, currency: 'USD' }, reason: 'Outside window', lines: [], returnUrl: 'https://x/r' }, lang);
        expect(mail.subject).toContain('RMA-1');
        expect(mail.text).not.toMatch(/\{\w+\}/);
      }
    }
    const rejected = renderEmail({ kind: 'return_status', recipientName: 'A', returnNumber: 'RMA-1', orderNumber: 'SO-1', status: 'rejected', reason: 'Outside window', lines: [], returnUrl: 'https://x/r' }, 'en');
    expect(rejected.subject).toBe('Return RMA-1: not approved');
    expect(rejected.text).toContain('Reason: Outside window');
    const credited = renderEmail({ kind: 'return_status', recipientName: 'A', returnNumber: 'RMA-1', orderNumber: 'SO-1', status: 'credited', amount: { amount: 1000, currency: 'USD' }, lines: [], returnUrl: 'https://x/r' }, 'en');
    expect(plain(credited.text)).toContain('a credit note for $10.00');
  });
});
