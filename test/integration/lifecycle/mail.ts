import * as fs from 'node:fs';
import * as path from 'node:path';
import { simpleParser } from 'mailparser';

export interface CapturedMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Each message parsed once. The capture is shared by every file of the run and only grows (a message is written
 * under a dot name and renamed, never changed after), so parsing all of it on every call made a file's mail checks
 * cost more the later it ran: at the end of a full run one count of a staff list's 38 invitations parsed the
 * whole capture 38 times.
 */
const parsed = new Map<string, Promise<CapturedMail>>();

/** Messages the dev stack's SMTP capture saved, parsed, oldest first. */
export async function capturedMail(): Promise<CapturedMail[]> {
  const dir = process.env.VSOKO_MAIL_DIR;
  if (!dir)
    throw new Error('VSOKO_MAIL_DIR is not set: the SMTP capture runs in the integration globalSetup');
  // Names start with the time the capture saved the message.
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml') && !f.startsWith('.'))
    .sort();
  return Promise.all(
    files.map((f) => {
      let mail = parsed.get(f);
      if (!mail) {
        mail = parse(fs.readFileSync(path.join(dir, f)));
        parsed.set(f, mail);
      }
      return mail;
    }),
  );
}

async function parse(raw: Buffer): Promise<CapturedMail> {
  const mail = await simpleParser(raw);
  const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
  return { to, subject: mail.subject ?? '', text: mail.text ?? '' };
}
