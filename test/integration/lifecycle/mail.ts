import * as fs from 'node:fs';
import * as path from 'node:path';
import { simpleParser } from 'mailparser';

export interface CapturedMail {
  to: string;
  subject: string;
  text: string;
}

/** Messages the dev stack's SMTP capture saved, parsed. */
export async function capturedMail(): Promise<CapturedMail[]> {
  const dir = process.env.VSOKO_MAIL_DIR;
  if (!dir)
    throw new Error('VSOKO_MAIL_DIR is not set: the SMTP capture runs in the integration globalSetup');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.eml') && !f.startsWith('.'));
  return Promise.all(
    files.map(async (f) => {
      const mail = await simpleParser(fs.readFileSync(path.join(dir, f)));
      const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
      return { to, subject: mail.subject ?? '', text: mail.text ?? '' };
    }),
  );
}
