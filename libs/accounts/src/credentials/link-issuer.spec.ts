import { createEventStore, type EventStore } from '@vsoko/event-store';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { CommandContext } from '@vsoko/domain';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LinkMail } from '../mail/account-mail';
import type { CredentialLinkDocument } from '../store/credentials';
import { LinkIssuer } from './link-issuer';

/** The link issuer on a real event log (SQLite), with the link documents and the mail server played by maps. */
describe('a mailed link: recorded once, sent once, and sent anew when its first mail never left', () => {
  let dir: string;
  let store: EventStore;
  let links: Map<string, CredentialLinkDocument>;
  let sent: LinkMail[];
  let smtpDown: boolean;
  let issuer: LinkIssuer;
  const person = { id: 'ivanova.mp', name: 'Иванова Мария Петровна', email: 'ivanova@school7.test' };
  const ctx = (commandId: string): CommandContext => ({
    commandId,
    actor: { id: 'sokolova', kind: 'user', role: 'director' },
    issuedAt: '2026-09-01T06:00:00.000Z',
    correlationId: 'corr-1',
    causationId: commandId,
    schoolId: 'school-7',
  });
  const invite = (commandId: string) =>
    issuer.issue(person, 'invitation', ctx(commandId), (link) => ({
      type: 'IssueInvitation',
      data: { personId: person.id, ...link },
    }));

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsoko-link-issuer-'));
    store = await createEventStore({ sqlitePath: path.join(dir, 'events.sqlite') });
    links = new Map();
    sent = [];
    smtpDown = false;
    issuer = new LinkIssuer({
      handler: new DeciderHandler(store),
      store: {
        saveLink: async (link) => void links.set(link._id, { ...link }),
        linkOf: async (digest) => links.get(digest) ?? null,
        markMailed: async (digest, at) => void (links.get(digest)!.mailedAt = at),
        setPasswordHash: async () => undefined,
      },
      publicUrl: 'https://vsoko.example',
      invitationTtlHours: 168,
      resetTtlMinutes: 60,
      now: () => new Date('2026-09-01T06:00:00.000Z'),
      send: async (mail) => {
        if (smtpDown) throw new Error('SMTP недоступен');
        sent.push(mail);
      },
    });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records the digest, mails the token, and a repeat of the same command sends nothing', async () => {
    const first = await invite('key-1');
    expect(first).toMatchObject({
      sentTo: 'i***@school7.test',
      eventTypes: ['InvitationIssued'],
      replayed: false,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].link).toMatch(/^https:\/\/vsoko\.example\/invitation#token=vsi_/);
    const again = await invite('key-1');
    expect(again).toMatchObject({ replayed: true, revision: first.revision });
    expect(sent).toHaveLength(1);
    const events = await store.readStream('credentials-ivanova.mp');
    expect(events.map((e) => e.type)).toEqual(['InvitationIssued']);
    expect(JSON.stringify(events)).not.toContain(sent[0].link.split('#token=')[1]);
  });

  it('when the first mail failed, the same command again issues and mails a new link that replaces it', async () => {
    smtpDown = true;
    await expect(invite('key-2')).rejects.toThrow('SMTP недоступен');
    await expect(invite('key-2')).rejects.toThrow('SMTP недоступен');
    expect(sent).toHaveLength(0);
    smtpDown = false;
    const retried = await invite('key-2');
    expect(retried).toMatchObject({ replayed: false, eventTypes: ['InvitationIssued'] });
    expect(sent).toHaveLength(1);
    const events = await store.readStream('credentials-ivanova.mp');
    expect(events).toHaveLength(3);
    // Only the newest link works: the mailed one.
    const digests = events.map((e) => (e.data as { tokenDigest: string }).tokenDigest);
    expect([...links.values()].filter((l) => l.mailedAt).map((l) => l._id)).toEqual([digests[2]]);
    expect(await invite('key-2')).toMatchObject({ replayed: true });
    expect(sent).toHaveLength(1);
  });
});
