import { describe, expect, it } from 'vitest';
import { canWrite, currentSchool, loadSession, saveSession, type Session } from './session';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    size: () => data.size,
  };
}

const director: Session = {
  token: 't',
  expiresAt: '2026-12-02T20:00:00Z',
  user: { id: 'director.1', name: 'Смирнова Е. В.', schools: [{ schoolId: 's1', roles: ['director'] }] },
  schools: ['s1'],
};

describe('the session kept across reloads', () => {
  it('comes back after a reload while it is valid', () => {
    const storage = memoryStorage();
    saveSession(storage, director);
    expect(loadSession(storage, new Date('2026-12-02T10:00:00Z'))).toEqual({ session: director });
  });

  it('is dropped once expired, and says so, so the sign-in page can explain', () => {
    const storage = memoryStorage();
    saveSession(storage, director);
    expect(loadSession(storage, new Date('2026-12-02T20:00:01Z'))).toEqual({
      session: null,
      reason: 'expired',
    });
    expect(storage.size()).toBe(0);
  });

  it('ignores what it cannot read instead of failing the page', () => {
    const storage = memoryStorage();
    storage.setItem('vsoko.session', '{not json');
    expect(loadSession(storage, new Date())).toEqual({ session: null });
  });
});

describe('the school to act for', () => {
  it('is the only one a person has, or the chosen one while it is still theirs', () => {
    expect(currentSchool(director)).toBe('s1');
    const inspector: Session = {
      ...director,
      user: { id: 'i', schools: [], inspects: ['d'] },
      schools: ['s1', 's2'],
    };
    expect(currentSchool(inspector)).toBeUndefined();
    expect(currentSchool({ ...inspector, schoolId: 's2' })).toBe('s2');
    expect(currentSchool({ ...inspector, schoolId: 's9' })).toBeUndefined();
  });

  it('lets staff act and keeps auditors and inspectors to reading', () => {
    expect(canWrite(director, 's1')).toBe(true);
    const auditor: Session = {
      ...director,
      user: { id: 'a', schools: [{ schoolId: 's1', roles: ['auditor'] }] },
    };
    expect(canWrite(auditor, 's1')).toBe(false);
    const inspector: Session = {
      ...director,
      user: { id: 'i', schools: [], inspects: ['d'] },
      schools: ['s1'],
    };
    expect(canWrite(inspector, 's1')).toBe(false);
  });
});
