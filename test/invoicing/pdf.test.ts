import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { staffSession, type SignedIn } from '../helpers/auth.ts';
import { invoicingCompany, placeTestOrder } from './fixture.ts';

/** Text PDF.js reads off the page (Latin text, digits, money). */
async function pageText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const out: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const tc = await (await doc.getPage(p)).getTextContent();
    for (const it of tc.items) if ('str' in it) out.push(it.str);
  }
  return out.join(' ');
}

/**
 * The ActualText of every marked span in the page streams: the logical text of each Arabic-script
 * run (Noto draws Arabic letters as shared skeletons plus dot marks, so glyphs alone cannot be read back).
 */
function actualTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const texts: string[] = [];
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue;
    }
    for (const a of content.matchAll(/\/ActualText \(((?:\\.|[^\\)])*)\)/gs)) {
      const bytes = a[1]!.replace(/\\([0-7]{1,3}|.)/gs, (_, e: string) => (/^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e));
      const buf = Buffer.from(bytes, 'latin1');
      if (buf[0] === 0xfe && buf[1] === 0xff) texts.push(buf.subarray(2).swap16().toString('utf16le'));
    }
  }
  return texts;
}

describe('invoice PDF', () => {
  let t: TestApp;
  let staff: SignedIn;
  let buyer: SignedIn & { companyId: string };
  let invoice: { id: string; number: string };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await staffSession(t, 'credit_controller');
    buyer = await invoicingCompany(t, { legalName: 'Indus Builders Karachi', locale: 'ur' });
    const order = await placeTestOrder(t, { companyId: buyer.companyId });
    invoice = (await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/invoices`, headers: staff.headers, payload: {} })).json();
  });
  afterAll(async () => t.close());

  it('is a real PDF in English with the invoice number, the parties and the totals', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/store/invoices/${invoice.id}/pdf?locale=en`, headers: buyer.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${invoice.number}.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pageText(res.rawPayload);
    for (const s of ['Tax invoice', invoice.number, 'Indus Builders Karachi', 'Bill to', 'Cordless drill 18V', 'Balance due', 'AED 57.75', 'AED 40.00', 'PO-7781']) expect(text).toContain(s);
  });

  it('in Urdu and Arabic: the labels in the language, right to left, with the numbers intact', async () => {
    const ur = await t.app.inject({ method: 'GET', url: `/api/store/invoices/${invoice.id}/pdf?locale=ur`, headers: buyer.headers });
    expect(ur.statusCode).toBe(200);
    const urText = await pageText(ur.rawPayload);
    expect(urText).toContain(invoice.number);
    expect(urText).toContain('57.75');
    const urLabels = actualTexts(ur.rawPayload);
    for (const word of ['ٹیکس', 'انوائس', 'نمبر', 'واجب', 'الادا', 'رقم', 'بنام']) expect(urLabels).toContain(word);

    const ar = await t.app.inject({ method: 'GET', url: `/api/admin/invoices/${invoice.id}/pdf?locale=ar`, headers: staff.headers });
    expect(ar.statusCode).toBe(200);
    const arLabels = actualTexts(ar.rawPayload);
    for (const word of ['فاتورة', 'ضريبية', 'الإجمالي', 'المستحق']) expect(arLabels).toContain(word);
    expect(await pageText(ar.rawPayload)).toContain(invoice.number);
  });

  it("defaults to the invoice's language and is a 404 for another company", async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/store/invoices/${invoice.id}/pdf`, headers: buyer.headers });
    expect(res.statusCode).toBe(200);
    const other = await invoicingCompany(t, { legalName: 'Someone Else' });
    expect((await t.app.inject({ method: 'GET', url: `/api/store/invoices/${invoice.id}/pdf`, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/store/invoices/${invoice.id}/pdf?locale=fr`, headers: buyer.headers })).statusCode).toBe(400);
  });
});
