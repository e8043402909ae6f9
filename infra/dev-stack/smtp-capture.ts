import * as fs from 'node:fs';
import * as path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { freePort } from './ports';

export interface SmtpCapture {
  url: string;
  mailDir: string;
  stop(): Promise<void>;
}

/**
 * A local SMTP server that accepts every message and keeps it as an .eml file, so reminders and escalations
 * sent in development can be opened and read (and checked by tests) without a real mail server.
 */
export async function startSmtpCapture(dataDir: string): Promise<SmtpCapture> {
  const mailDir = path.join(dataDir, 'mail');
  fs.mkdirSync(mailDir, { recursive: true });
  let counter = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++counter}.eml`;
        const tmp = path.join(mailDir, `.${name}`);
        fs.writeFileSync(tmp, Buffer.concat(chunks));
        fs.renameSync(tmp, path.join(mailDir, name));
        callback(null, `сохранено ${session.id}`);
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    mailDir,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
