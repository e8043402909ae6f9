import { capturedMail, type CapturedMail } from '../lifecycle/mail';

/** Waits for the SMTP capture to hold a message to `to` whose subject matches, beyond the `seen` first ones. */
export async function mailTo(
  to: string,
  subject: RegExp,
  seen = 0,
  timeoutMs = 15_000,
): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mine = (await capturedMail()).filter((m) => m.to.includes(to) && subject.test(m.subject));
    if (mine.length > seen) return mine[mine.length - 1];
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${subject} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function mailCount(to: string, subject: RegExp): Promise<number> {
  return (await capturedMail()).filter((m) => m.to.includes(to) && subject.test(m.subject)).length;
}

/** The token of the link in a mail: after `#token=`. */
export function tokenIn(mail: CapturedMail): string {
  const m = /#token=(vs[ir]_[A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!m) throw new Error(`no link in: ${mail.text}`);
  return m[1];
}
