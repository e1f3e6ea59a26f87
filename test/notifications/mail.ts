import type { ReceivedMail } from '../smtp.ts';

/** A received message as a mail client shows it: decoded subject, text part and HTML part. */
export interface ParsedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`), as nodemailer writes non-ASCII headers. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_w, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

function headersOf(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) map.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return map;
}

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? '7bit').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function split(raw: string): [string, string] {
  const m = /\r?\n\r?\n/.exec(raw);
  return m ? [raw.slice(0, m.index), raw.slice(m.index + m[0].length)] : [raw, ''];
}

/** Parses what the in-process SMTP server received (single part or multipart/alternative). */
export function parseMail(mail: ReceivedMail): ParsedMail {
  const [head, body] = split(mail.raw);
  const headers = headersOf(head);
  const out: ParsedMail = { to: mail.to, subject: decodeWords(headers.get('subject') ?? ''), text: '', html: '' };
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${head}\r\n\r\n${body}`];
  for (const part of parts) {
    const [ph, pb] = split(part.replace(/^\r?\n/, ''));
    const h = headersOf(ph);
    const decoded = decodeBody(pb, h.get('content-transfer-encoding'));
    if ((h.get('content-type') ?? '').startsWith('text/html')) out.html = decoded;
    else if ((h.get('content-type') ?? 'text/plain').startsWith('text/plain')) out.text = decoded;
  }
  return out;
}

/** Intl separates currency and amount with no-break spaces; compare as a reader sees them. */
export const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');
