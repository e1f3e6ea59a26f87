import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { loginBuyer, makeBuyer, makeCompany, staffSession } from '../helpers/auth.ts';
import { startSmtpServer } from '../smtp.ts';
import { smtpMailer, type Mailer } from '../../src/lib/mailer.ts';
import { startOutboxDispatcher, type OutboxDispatcher } from '../../src/jobs/outbox.ts';
import { outboxHandlers } from '../../src/jobs/handlers.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { newId } from '../../src/lib/ids.ts';
import { insertOrder, insertOutboxEvent, placedPayload } from '../returns/orders-fixture.ts';
import { parseMail, plain, type ParsedMail } from './mail.ts';

describe('transactional emails over SMTP', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mailer: Mailer;
  let dispatcher: OutboxDispatcher;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp();
    mailer = smtpMailer(smtp.url, 'Precis <no-reply@precis.test>');
    dispatcher = startOutboxDispatcher({ database: t.database, handlers: outboxHandlers({ mailer, publicUrl: 'https://shop.example/' }), ctxFor: (db) => systemCtx(db), maxAttempts: 1 }, false);
    await t.database.query('update outbox_events set dispatched_at = now() where dispatched_at is null');
  });
  afterAll(async () => {
    await dispatcher.stop();
    mailer.close();
    await t.close();
    await smtp.close();
  });

  const mailsTo = (email: string): ParsedMail[] => smtp.received.filter((m) => m.to.includes(email.toLowerCase())).map(parseMail);
  const buyerIn = async (companyId: string, locale: string, role: 'admin' | 'buyer' | 'viewer' = 'buyer', name = 'Ayesha Khan') => {
    const b = await makeBuyer(t, { companyId, role, name });
    await t.database.query('update company_users set locale = $2 where id = $1', [b.user.id, locale]);
    return b;
  };

  it('confirms an order to the buyer who placed it, in English, with lines, total and a link', async () => {
    const company = await makeCompany(t, { currency: 'PKR' });
    const buyer = await buyerIn(company.id, 'en');
    const order = await insertOrder(t.database, { companyId: company.id, placedBy: buyer.user.id, status: 'placed', poNumber: 'PO-4411', lines: [{ sku: 'CEM-50', name: 'Portland cement 50 kg', quantity: 10, unitPrice: 150000, shipped: 0 }] });
    await insertOutboxEvent(t.database, 'order.placed', order.id, placedPayload(order, company.id, buyer.user.id));
    await dispatcher.drain();
    await smtp.waitFor((m) => m.to.includes(buyer.email));
    const [mail] = mailsTo(buyer.email);
    expect(mail?.subject).toBe(`Order ${order.number} confirmed`);
    expect(mail?.text).toContain('Hello Ayesha Khan,');
    expect(plain(mail?.text ?? '')).toContain('Order total: PKR 15,000.00');
    expect(mail?.text).toContain('PO number: PO-4411');
    expect(mail?.text).toContain('CEM-50  Portland cement 50 kg  × 10');
    expect(mail?.text).toContain(`View your order: https://shop.example/account/orders/${order.id}`);
    expect(mail?.html).toContain('<html lang="en" dir="ltr">');
  });

  it('writes to an Urdu-speaking buyer in Urdu, right to left, and never twice for a redelivered event', async () => {
    const company = await makeCompany(t, { currency: 'PKR' });
    const buyer = await buyerIn(company.id, 'ur', 'buyer', 'عائشہ خان');
    const order = await insertOrder(t.database, { companyId: company.id, placedBy: buyer.user.id, status: 'placed', lines: [{ sku: 'STL-12', name: 'Rebar 12 mm', quantity: 3, unitPrice: 250000, shipped: 0 }] });
    const eventId = await insertOutboxEvent(t.database, 'order.placed', order.id, placedPayload(order, company.id, buyer.user.id));
    await dispatcher.drain();
    await smtp.waitFor((m) => m.to.includes(buyer.email));
    const [mail] = mailsTo(buyer.email);
    expect(mail?.subject).toBe(`آرڈر ${order.number} کی تصدیق ہو گئی`);
    expect(mail?.text).toContain('محترم عائشہ خان،');
    expect(mail?.text).toContain('آرڈر کی کل رقم');
    expect(mail?.text).toContain('اپنا آرڈر دیکھیں');
    expect(mail?.html).toContain('<html lang="ur" dir="rtl">');

    // At-least-once delivery: the same event handled again mails nobody a second time.
    await t.database.query('update outbox_events set dispatched_at = null, attempts = 0 where id = $1', [eventId]);
    expect(await dispatcher.drain()).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(mailsTo(buyer.email)).toHaveLength(1);
    const log = await t.database.query<{ kind: string; locale: string }>('select kind, locale from notifications_sent where event_id = $1', [eventId]);
    expect(log).toEqual([{ kind: 'order_confirmation', locale: 'ur' }]);
  });

  it('confirms the orders of one claim together; a send that fails is retried alone, and nobody is mailed twice', async () => {
    const company = await makeCompany(t, { currency: 'PKR' });
    const buyers = [await buyerIn(company.id, 'en', 'buyer', 'First Buyer'), await buyerIn(company.id, 'en', 'buyer', 'Second Buyer'), await buyerIn(company.id, 'en', 'buyer', 'Third Buyer')];
    const events: string[] = [];
    for (const b of buyers) {
      const order = await insertOrder(t.database, { companyId: company.id, placedBy: b.user.id, status: 'placed', lines: [{ sku: 'CEM-50', name: 'Portland cement 50 kg', quantity: 2, unitPrice: 150000, shipped: 0 }] });
      events.push(await insertOutboxEvent(t.database, 'order.placed', order.id, placedPayload(order, company.id, b.user.id)));
    }
    // The mail relay refuses the second buyer's confirmation once (a 4xx a real relay answers under load).
    let refuse = buyers[1]!.email.toLowerCase();
    const flaky: Mailer = {
      async send(m) {
        if (m.to.toLowerCase() === refuse) {
          refuse = '';
          throw new Error('421 4.3.2 try again later');
        }
        await mailer.send(m);
      },
      close() {},
    };
    const d = startOutboxDispatcher({ database: t.database, handlers: outboxHandlers({ mailer: flaky, publicUrl: 'https://shop.example/' }), ctxFor: (db) => systemCtx(db), maxAttempts: 3, retryBaseMs: 0 }, false);
    try {
      await d.drain();
      await smtp.waitFor((m) => m.to.includes(buyers[2]!.email.toLowerCase()));
      expect(buyers.map((b) => mailsTo(b.email).length)).toEqual([1, 0, 1]);
      const [failed] = await t.database.query<{ attempts: number; dispatched: boolean; last_error: string }>('select attempts, dispatched_at is not null as dispatched, last_error from outbox_events where id = $1', [events[1]]);
      expect(failed).toMatchObject({ attempts: 1, dispatched: false, last_error: expect.stringContaining('421') });
      // The retry mails the second buyer only; the others were sent once and stay sent once.
      await d.drain();
      await smtp.waitFor((m) => m.to.includes(buyers[1]!.email.toLowerCase()));
      await new Promise((r) => setTimeout(r, 200));
      expect(buyers.map((b) => mailsTo(b.email).length)).toEqual([1, 1, 1]);
      const sent = await t.database.query<{ n: number }>('select count(*)::int as n from notifications_sent where event_id = any($1::text[])', [`{${events.join(',')}}`]);
      expect(sent).toEqual([{ n: 3 }]);
    } finally {
      await d.stop();
    }
  });

  it('mails issued and overdue invoices to the company admins and buyers, each in their language, not to viewers', async () => {
    const company = await makeCompany(t, { currency: 'AED', country: 'AE', timezone: 'Asia/Dubai' });
    const admin = await buyerIn(company.id, 'en', 'admin', 'Omar');
    const buyer = await buyerIn(company.id, 'ur', 'buyer', 'Bilal');
    const viewer = await buyerIn(company.id, 'en', 'viewer', 'Vera');
    const invoiceId = newId('event');
    const payload = { invoiceId, companyId: company.id, number: 'INV-100777', amount: 525000, amountDue: 525000, currency: 'AED', dueAt: '2026-12-27T00:00:00.000Z' };
    await insertOutboxEvent(t.database, 'invoice.issued', invoiceId, payload);
    await insertOutboxEvent(t.database, 'invoice.overdue', invoiceId, payload);
    await dispatcher.drain();
    await smtp.waitFor((m) => m.to.includes(buyer.email) && parseMail(m).subject.includes('INV-100777') && parseMail(m).subject.includes('گزر'));
    await smtp.waitFor((m) => m.to.includes(admin.email) && parseMail(m).subject.includes('overdue'));
    // Mails of one event go out one after another, but delivery order across SMTP connections is not a promise: compare by kind.
    const adminMails = mailsTo(admin.email).sort((x, y) => Number(x.subject.includes('overdue')) - Number(y.subject.includes('overdue')));
    expect(adminMails.map((m) => plain(m.subject))).toEqual(['Invoice INV-100777 for AED 5,250.00', 'Invoice INV-100777 is overdue']);
    expect(adminMails[0]?.text).toContain('Please pay');
    expect(adminMails[0]?.text).toContain('December 27, 2026');
    expect(adminMails[0]?.text).toContain(`https://shop.example/account/invoices/${invoiceId}`);
    const buyerMails = mailsTo(buyer.email).sort((x, y) => Number(x.subject.includes('گزر')) - Number(y.subject.includes('گزر')));
    expect(buyerMails.map((m) => m.subject)).toEqual([expect.stringContaining('انوائس INV-100777، رقم'), 'انوائس INV-100777 کی ادائیگی کی تاریخ گزر چکی ہے']);
    expect(buyerMails[1]?.text).toContain('دسمبر');
    expect(mailsTo(viewer.email)).toEqual([]);
  });

  it('tells the buyer a shipment left, with carrier, tracking number and tracking link', async () => {
    const company = await makeCompany(t, { currency: 'PKR' });
    const buyer = await buyerIn(company.id, 'en', 'buyer', 'Sara');
    const order = await insertOrder(t.database, { companyId: company.id, placedBy: buyer.user.id, status: 'shipped', lines: [{ sku: 'PIPE-4', name: 'PVC pipe 4 in', quantity: 20, unitPrice: 90000 }] });
    const shipmentId = newId('event');
    await t.database.query(
      `insert into shipments (id, order_id, company_id, seq, number, status, carrier, tracking_number, created_by_kind, shipped_at) values ($1, $2, $3, 1, $4, 'shipped', 'TCS', 'TCS778812', 'system', now())`,
      [shipmentId, order.id, company.id, `${order.number}-1`],
    );
    await t.database.query('insert into shipment_lines (shipment_id, order_id, line_no, quantity) values ($1, $2, 1, 20)', [shipmentId, order.id]);
    await insertOutboxEvent(t.database, 'shipment.shipped', shipmentId, { shipmentId, orderId: order.id, companyId: company.id, number: `${order.number}-1` });
    await dispatcher.drain();
    await smtp.waitFor((m) => m.to.includes(buyer.email));
    const [mail] = mailsTo(buyer.email);
    expect(mail?.subject).toBe(`Your order ${order.number} has shipped`);
    expect(mail?.text).toContain('Carrier: TCS');
    expect(mail?.text).toContain('Tracking number: TCS778812');
    expect(mail?.text).toContain('Track your shipment: https://www.tcsexpress.com/track/TCS778812');
    expect(mail?.text).toContain('PIPE-4  PVC pipe 4 in  × 20');
  });

  it('follows a return in the requester’s language: requested, then approved (Urdu) and rejected with the reason (English)', async () => {
    const company = await makeCompany(t, { currency: 'PKR' });
    const staff = await staffSession(t, 'admin');
    const urdu = await buyerIn(company.id, 'ur', 'buyer', 'Hamza');
    const english = await buyerIn(company.id, 'en', 'buyer', 'Nadia');
    const request = async (b: { email: string; password: string; user: { id: string } }) => {
      const session = await loginBuyer(t.app, b.email, b.password);
      const order = await insertOrder(t.database, { companyId: company.id, placedBy: b.user.id, lines: [{ sku: 'TILE-60', name: 'Floor tile 60 cm', quantity: 40, unitPrice: 120000 }] });
      const res = await t.app.inject({ method: 'POST', url: '/api/store/returns', headers: session.headers, payload: { orderId: order.id, lines: [{ lineNo: 1, quantity: 5, reason: 'damaged' }] } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; number: string };
    };
    const a = await request(urdu);
    const b = await request(english);
    const approve = await t.app.inject({ method: 'POST', url: `/api/admin/returns/${a.id}/approve`, headers: staff.headers, payload: {} });
    expect(approve.statusCode, approve.body).toBe(200);
    const reject = await t.app.inject({ method: 'POST', url: `/api/admin/returns/${b.id}/reject`, headers: staff.headers, payload: { reason: 'Tiles were cut on site' } });
    expect(reject.statusCode, reject.body).toBe(200);
    await dispatcher.drain();
    await smtp.waitFor((m) => m.to.includes(english.email) && parseMail(m).subject.includes('not approved'));
    await smtp.waitFor((m) => m.to.includes(urdu.email) && parseMail(m).subject.includes('منظور'));
    const ur = mailsTo(urdu.email);
    expect(ur.map((m) => m.subject)).toEqual([`واپسی ${a.number}: درخواست موصول`, `واپسی ${a.number}: منظور`]);
    expect(ur[1]?.text).toContain('براہِ کرم واپسی نمبر کے حوالے سے اشیاء واپس بھیجیں');
    expect(ur[1]?.html).toContain('dir="rtl"');
    expect(ur[1]?.text).toContain(`https://shop.example/account/returns/${a.id}`);
    const en = mailsTo(english.email);
    expect(en.map((m) => m.subject)).toEqual([`Return ${b.number}: requested`, `Return ${b.number}: not approved`]);
    expect(en[1]?.text).toContain('Reason: Tiles were cut on site');
    expect(en[1]?.text).toContain('TILE-60  Floor tile 60 cm  × 5');
  });
});
