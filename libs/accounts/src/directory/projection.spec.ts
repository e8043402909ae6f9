import type { PersonEvent } from '@vsoko/domain';
import { evolveUserDocument, staffDocumentsOf } from './projection';
import type { UserDocument } from '../store/documents';

const events: PersonEvent[] = [
  { type: 'PersonRegistered', data: { personId: 'petrova', fullName: 'Петрова М. С.', email: 'p@s.ru' } },
  {
    type: 'PositionAssigned',
    data: {
      personId: 'petrova',
      assignmentId: 's1:class-teacher:4а',
      position: 'class-teacher',
      schoolId: 's1',
      className: '4А',
    },
  },
  {
    type: 'PositionAssigned',
    data: {
      personId: 'petrova',
      assignmentId: 's1:teacher',
      position: 'teacher',
      schoolId: 's1',
      subjects: ['математика'],
    },
  },
  {
    type: 'PositionAssigned',
    data: { personId: 'petrova', assignmentId: 's2:librarian', position: 'librarian', schoolId: 's2' },
  },
  {
    type: 'PositionAssigned',
    data: {
      personId: 'petrova',
      assignmentId: 'north:district-inspector',
      position: 'district-inspector',
      districtId: 'north',
    },
  },
];

const fold = (list: PersonEvent[], from: UserDocument | null = null) =>
  list.reduce<UserDocument | null>((doc, e, i) => evolveUserDocument(doc, e, i + 1), from);

describe('the directory of people, from their events', () => {
  it('groups positions by school, with the roles the policy gives, and districts apart', () => {
    const doc = fold(events)!;
    expect(doc.memberships.map((m) => [m.schoolId, m.roles, m.positions?.map((p) => p.position)])).toEqual([
      ['s1', ['teacher'], ['class-teacher', 'teacher']],
      ['s2', ['teacher'], ['librarian']],
    ]);
    expect(doc.inspects).toEqual(['north']);
    expect(doc.administers).toEqual([]);
    expect(doc._position).toBe(5);
  });

  it('tells the notification worker what each school may ask the person for', () => {
    const staff = staffDocumentsOf(fold(events));
    expect(staff.map((s) => [s._id, s.roles, s.positions])).toEqual([
      ['s1:petrova', ['teacher', 'class-teacher'], ['class-teacher', 'teacher']],
      ['s2:petrova', ['teacher', 'librarian'], ['librarian']],
    ]);
  });

  it('a removed position leaves the school, which still remembers her', () => {
    const doc = fold([
      ...events,
      { type: 'PositionRemoved', data: { personId: 'petrova', assignmentId: 's2:librarian' } },
    ])!;
    expect(doc.memberships.map((m) => m.schoolId)).toEqual(['s1']);
    expect(doc.schoolsEver).toEqual(['s1', 's2']);
  });

  it('a switched-off account keeps its positions, and gets no mail', () => {
    const doc = fold([
      ...events,
      { type: 'AccountDeactivated', data: { personId: 'petrova', reason: 'Уволена' } },
    ])!;
    expect(doc.disabled).toBe(true);
    expect(doc.holdings).toHaveLength(4);
    expect(staffDocumentsOf(doc)).toEqual([]);
  });

  it('replaces a document from before events (its password hash moved to the credentials)', () => {
    const legacy: UserDocument = {
      _id: 'petrova',
      name: 'Петрова',
      passwordHash: 'scrypt$…',
      memberships: [{ schoolId: 's1', roles: ['teacher'] }],
      inspects: [],
    };
    const doc = fold(events.slice(0, 2), legacy)!;
    expect(doc.passwordHash).toBeUndefined();
    expect(doc.memberships.map((m) => m.positions?.length)).toEqual([1]);
  });
});
