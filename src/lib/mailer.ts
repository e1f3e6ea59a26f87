import nodemailer from 'nodemailer';
import { composeMessage } from './mail-message.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Outgoing email. The default sends over SMTP; tests point it at an in-process SMTP server. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  // Pooled: order, shipment and invoice emails come in bursts; reusing a few SMTP connections saves
  // a connect and handshake per message (a `pool` already in the URL wins).
  const transport = nodemailer.createTransport(/[?&]pool=/.test(smtpUrl) ? smtpUrl : `${smtpUrl}${smtpUrl.includes('?') ? '&' : '?'}pool=true&maxConnections=3`);
  return {
    async send(message) {
      // Composed here (mail-message.ts): nodemailer's composer costs ten times as much CPU.
      await transport.sendMail(composeMessage({ from, ...message }));
    },
    close() {
      transport.close();
    },
  };
}
