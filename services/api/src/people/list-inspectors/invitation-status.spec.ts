import { invitationStatus, type CredentialsFact } from './invitation-status';

const now = new Date('2026-12-03T09:00:00Z');
const issued = (occurredAt: string, expiresAt: string): CredentialsFact => ({
  type: 'InvitationIssued',
  data: { personId: 'orlova.ms', tokenDigest: 'd', expiresAt, sentTo: 'o***@district-north.test' },
  occurredAt,
});

describe('invitation status of a person', () => {
  it('is «not invited» with nothing in the credentials stream', () => {
    expect(invitationStatus([], now)).toEqual({ state: 'not-invited' });
  });

  it('is «sent» while the latest invitation is valid, with where and when it went', () => {
    const facts = [
      issued('2026-11-01T08:00:00Z', '2026-11-08T08:00:00Z'),
      issued('2026-12-02T08:00:00Z', '2026-12-09T08:00:00Z'),
    ];
    expect(invitationStatus(facts, now)).toEqual({
      state: 'sent',
      sentTo: 'o***@district-north.test',
      sentAt: '2026-12-02T08:00:00Z',
      expiresAt: '2026-12-09T08:00:00Z',
    });
  });

  it('is «expired» once the latest invitation has lapsed unused', () => {
    expect(invitationStatus([issued('2026-11-01T08:00:00Z', '2026-11-08T08:00:00Z')], now)).toMatchObject({
      state: 'expired',
    });
  });

  it('is «accepted» from the first password of her own, whatever was sent after', () => {
    const facts: CredentialsFact[] = [
      issued('2026-11-01T08:00:00Z', '2026-11-08T08:00:00Z'),
      { type: 'InvitationAccepted', data: {}, occurredAt: '2026-11-02T10:00:00Z' },
      { type: 'PasswordResetForced', data: {}, occurredAt: '2026-11-20T10:00:00Z' },
      issued('2026-12-02T08:00:00Z', '2026-12-09T08:00:00Z'),
    ];
    expect(invitationStatus(facts, now)).toEqual({ state: 'accepted', at: '2026-11-02T10:00:00Z' });
  });

  it('counts a password set by the installation (the demo seed) as accepted', () => {
    const facts = [{ type: 'PasswordChanged', data: {}, occurredAt: '2026-09-01T00:00:00Z' }];
    expect(invitationStatus(facts, now)).toEqual({ state: 'accepted', at: '2026-09-01T00:00:00Z' });
  });
});
