import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMessage } from './mail-message.ts';

/** What a mail client makes of a composed message (mailparser: the same parsing mail clients do). */
async function read(raw: string) {
  const m = await simpleParser(raw);
  const from = Array.isArray(m.from) ? m.from[0] : m.from;
  const to = Array.isArray(m.to) ? m.to.flatMap((a) => a.value) : (m.to?.value ?? []);
  return { subject: m.subject, text: m.text, html: m.html, from: from?.value[0], to: to.map((a) => a.address), date: m.date, messageId: m.messageId };
}

const words = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '.', '"', ',', 'ü', 'é', 'ع', 'ئ', 'ہ', 'ব', 'া', '্', '😀', '—', '=', '?', '_') , maxLength: 120 });

describe('composeMessage', () => {
  it('reads back as sent in every script: subject, sender name, text and HTML', async () => {
    await fc.assert(
      fc.asyncProperty(words, words, words, fc.option(words, { nil: undefined }), async (subject, name, text, html) => {
        const sender = name.trim() ? `"${name.replace(/["\\]/g, '')}" <orders@shop.example>` : 'orders@shop.example';
        const { raw, envelope } = composeMessage({ from: sender, to: 'buyer@example.com', subject, text, html: html === undefined ? undefined : `<p>${html}</p>` });
        const got = await read(raw);
        expect(envelope).toEqual({ from: 'orders@shop.example', to: ['buyer@example.com'] });
        expect(got.from?.address).toBe('orders@shop.example');
        expect(got.from?.name).toBe(name.trim() ? name.replace(/["\\]/g, '').trim() : '');
        expect(got.to).toEqual(['buyer@example.com']);
        // Header values lose surrounding white space in every client; subjects never carry any.
        expect(got.subject ?? '').toBe(subject.trim());
        expect(got.text ?? '').toBe(text);
        if (html !== undefined) expect(got.html).toBe(`<p>${html}</p>`);
        // RFC 5322: no line longer than 78 characters; SMTP: lines end in CRLF.
        for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
        expect(raw).not.toMatch(/[^\r]\n/);
      }),
      { numRuns: 150 },
    );
  });

  it('dates and identifies each message, and names the sender in the envelope', async () => {
    const now = new Date('2026-11-28T10:15:00Z');
    const a = composeMessage({ from: 'Precis <no-reply@precis.test>', to: 'Amal Haddad <amal@example.com>', subject: 'طلبك SO-1001 مؤكد', text: 'مرحبا', html: '<p dir="rtl">مرحبا</p>' }, now);
    const b = composeMessage({ from: 'Precis <no-reply@precis.test>', to: 'amal@example.com', subject: 'x', text: 'y' }, now);
    const got = await read(a.raw);
    expect(got.subject).toBe('طلبك SO-1001 مؤكد');
    expect(got.from).toEqual({ name: 'Precis', address: 'no-reply@precis.test' });
    expect(got.date?.toISOString()).toBe('2026-11-28T10:15:00.000Z');
    expect(got.messageId).toMatch(/^<[0-9a-f-]{36}@precis\.test>$/);
    expect((await read(b.raw)).messageId).not.toBe(got.messageId);
    expect(a.envelope).toEqual({ from: 'no-reply@precis.test', to: ['amal@example.com'] });
    expect((await read(b.raw)).text).toBe('y');
  });

  it('refuses what is not an address rather than send a message nobody can answer', () => {
    expect(() => composeMessage({ from: 'not an address', to: 'a@example.com', subject: 's', text: 't' })).toThrow(/MAIL_FROM/);
    expect(() => composeMessage({ from: 'a@example.com', to: '', subject: 's', text: 't' })).toThrow(/address to send to/);
  });
});
