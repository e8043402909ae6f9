import { describe, expect, it } from 'vitest';
import { invitationTag, invitationText, loginFrom, mayInvite, type Inspector } from './inspectors-model';

const inspector = (invitation: Inspector['invitation'], more: Partial<Inspector> = {}): Inspector => ({
  personId: 'orlova.ms',
  fullName: 'Орлова Марина Сергеевна',
  email: 'orlova.ms@district-north.test',
  active: true,
  invitation,
  ...more,
});

describe('an inspector’s invitation as the district administrator reads it', () => {
  it('says when it went, where, and until when its link works, in Moscow time', () => {
    expect(
      invitationText({
        state: 'sent',
        sentTo: 'o***@district-north.test',
        sentAt: '2026-12-03T06:05:00Z',
        expiresAt: '2026-12-10T06:05:00Z',
      }),
    ).toBe(
      'Отправлено 3 декабря 2026, 09:05 на o***@district-north.test; ссылка действует до 10 декабря 2026, 09:05',
    );
  });

  it('asks to send again once the link has lapsed', () => {
    expect(
      invitationText({
        state: 'expired',
        sentTo: 'o***@district-north.test',
        sentAt: '2026-11-01T06:05:00Z',
        expiresAt: '2026-11-08T06:05:00Z',
      }),
    ).toBe('Отправлено 1 ноября 2026, ссылка истекла 8 ноября 2026, 09:05 — отправьте приглашение снова');
  });

  it('names the moment she chose her password', () => {
    expect(invitationText({ state: 'accepted', at: '2026-12-03T07:30:00Z' })).toBe(
      'Пароль задан 3 декабря 2026, 10:30',
    );
    expect(invitationTag({ state: 'accepted', at: '2026-12-03T07:30:00Z' })).toEqual({
      label: 'вход выполнен',
      colour: 'green',
    });
  });

  it('offers to invite only an active inspector with an address who has no password yet', () => {
    expect(mayInvite(inspector({ state: 'not-invited' }))).toBe(true);
    expect(mayInvite(inspector({ state: 'accepted', at: '2026-12-03T07:30:00Z' }))).toBe(false);
    expect(mayInvite(inspector({ state: 'not-invited' }, { email: undefined }))).toBe(false);
    expect(mayInvite(inspector({ state: 'not-invited' }, { active: false }))).toBe(false);
  });
});

describe('a login suggested from the address', () => {
  it('takes the local part in lower case', () => {
    expect(loginFrom('Orlova.MS@district-north.test')).toBe('orlova.ms');
  });
  it('drops what a login may not hold', () => {
    expect(loginFrom('+marina orlova@mail.ru')).toBe('marinaorlova');
    expect(loginFrom('@mail.ru')).toBe('');
  });
});
