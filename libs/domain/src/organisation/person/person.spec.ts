import type { Actor, CommandContext } from '../../shared';
import { spec } from '../../testing';
import type { Authority } from '../authority';
import type { PersonCommand, PositionToAssign } from './commands';
import { decidePerson } from './decide';
import type { PersonEvent } from './events';
import { evolvePerson } from './evolve';
import { initialPersonState } from './state';

const personSpec = spec(decidePerson, evolvePerson, initialPersonState);

const director: Authority = { kind: 'director', schoolId: 'school-1' };
const admin: Authority = { kind: 'district-administrator', districtId: 'north' };
const directorActor: Actor = { id: 'smirnova', kind: 'user', role: 'director' };

function ctx(actor: Actor = directorActor): CommandContext {
  return {
    commandId: 'cmd-1',
    actor,
    issuedAt: '2026-09-01T06:00:00.000Z',
    correlationId: 'corr-1',
    causationId: 'cause-1',
    schoolId: 'school-1',
  };
}

const registered: PersonEvent = {
  type: 'PersonRegistered',
  data: { personId: 'petrova', fullName: 'Петрова Мария Сергеевна', email: 'petrova@school1.ru' },
};
const assign = (holding: PositionToAssign, authority: Authority = director): PersonCommand => ({
  type: 'AssignPosition',
  data: { personId: 'petrova', holding, authority },
});
const classTeacher5a: PersonEvent = {
  type: 'PositionAssigned',
  data: {
    personId: 'petrova',
    assignmentId: 'school-1:class-teacher:5а',
    position: 'class-teacher',
    schoolId: 'school-1',
    className: '5А',
  },
};
const teacherMaths: PersonEvent = {
  type: 'PositionAssigned',
  data: {
    personId: 'petrova',
    assignmentId: 'school-1:teacher',
    position: 'teacher',
    schoolId: 'school-1',
    subjects: ['математика', 'физика'],
  },
};
const atSchool2: PersonEvent = {
  type: 'PositionAssigned',
  data: {
    personId: 'petrova',
    assignmentId: 'school-2:librarian',
    position: 'librarian',
    schoolId: 'school-2',
  },
};

describe('person: unregistered', () => {
  const given = personSpec.given([]);

  it('a director opens the account, the e-mail in lower case', () => {
    given
      .when(
        {
          type: 'RegisterPerson',
          data: {
            personId: 'petrova',
            fullName: 'Петрова  Мария Сергеевна',
            email: 'Petrova@School1.ru',
            authority: director,
          },
        },
        ctx(),
      )
      .then([registered]);
  });

  it('refuses a login with capitals or spaces', () => {
    given
      .when(
        { type: 'RegisterPerson', data: { personId: 'Petrova M', fullName: 'Петрова', authority: director } },
        ctx(),
      )
      .thenThrows('ID_INVALID');
  });

  it('refuses an address that is not one', () => {
    given
      .when(
        {
          type: 'RegisterPerson',
          data: { personId: 'petrova', fullName: 'Петрова', email: 'petrova', authority: director },
        },
        ctx(),
      )
      .thenThrows('EMAIL_INVALID');
  });

  it('has no position to be given', () => {
    given.when(assign({ position: 'teacher', schoolId: 'school-1' }), ctx()).thenThrows('PERSON_NOT_FOUND');
  });
});

describe('person: active, no positions yet', () => {
  const given = personSpec.given([registered]);

  it('registering the same person again records nothing', () => {
    given
      .when(
        {
          type: 'RegisterPerson',
          data: { personId: 'petrova', fullName: 'Петрова Мария Сергеевна', authority: director },
        },
        ctx(),
      )
      .thenNothing();
  });

  it('the login of someone else is taken', () => {
    given
      .when(
        {
          type: 'RegisterPerson',
          data: { personId: 'petrova', fullName: 'Петрова Анна', authority: director },
        },
        ctx(),
      )
      .thenThrows('PERSON_ALREADY_REGISTERED');
  });

  it('becomes the class teacher of 5А', () => {
    given
      .when(assign({ position: 'class-teacher', schoolId: 'school-1', className: ' 5А ' }), ctx())
      .then([classTeacher5a]);
  });

  it('a class teacher names the class', () => {
    given
      .when(assign({ position: 'class-teacher', schoolId: 'school-1' }), ctx())
      .thenThrows('POSITION_DETAIL_REQUIRED');
  });

  it('a head of a methodical association names the association', () => {
    given
      .when(assign({ position: 'smo-head', schoolId: 'school-1' }), ctx())
      .thenThrows('POSITION_DETAIL_REQUIRED');
  });

  it('a librarian names no class', () => {
    given
      .when(assign({ position: 'librarian', schoolId: 'school-1', className: '5А' }), ctx())
      .thenThrows('POSITION_DETAIL_UNEXPECTED');
  });

  it('a teacher of subjects, repeated subjects once', () => {
    given
      .when(
        assign({
          position: 'teacher',
          schoolId: 'school-1',
          subjects: ['математика', 'физика', 'математика'],
        }),
        ctx(),
      )
      .then([teacherMaths]);
  });

  it('refuses a position schools do not have', () => {
    given
      .when(assign({ position: 'janitor' as never, schoolId: 'school-1' }), ctx())
      .thenThrows('POSITION_UNKNOWN');
  });

  it('a school position names a school, not a district', () => {
    given
      .when(assign({ position: 'teacher', districtId: 'north' }), ctx())
      .thenThrows('POSITION_SCOPE_INVALID');
  });

  it('a director staffs only their own school', () => {
    given.when(assign({ position: 'teacher', schoolId: 'school-2' }), ctx()).thenThrows('SCHOOL_MISMATCH');
  });

  it('a director appoints no director', () => {
    given.when(assign({ position: 'director', schoolId: 'school-1' }), ctx()).thenThrows('ACTOR_NOT_ALLOWED');
  });

  it('the district administrator appoints the director', () => {
    given.when(assign({ position: 'director', schoolId: 'school-1' }, admin), ctx()).then([
      {
        type: 'PositionAssigned',
        data: {
          personId: 'petrova',
          assignmentId: 'school-1:director',
          position: 'director',
          schoolId: 'school-1',
        },
      },
    ]);
  });

  it('the district administrator appoints an inspector of their district, not of another', () => {
    given.when(assign({ position: 'district-inspector', districtId: 'north' }, admin), ctx()).then([
      {
        type: 'PositionAssigned',
        data: {
          personId: 'petrova',
          assignmentId: 'north:district-inspector',
          position: 'district-inspector',
          districtId: 'north',
        },
      },
    ]);
    given
      .when(assign({ position: 'district-inspector', districtId: 'south' }, admin), ctx())
      .thenThrows('DISTRICT_MISMATCH');
  });
});

describe('person: class teacher of 5А and teacher at school-1', () => {
  const given = personSpec.given([registered, classTeacher5a, teacherMaths]);

  it('the same position again records nothing', () => {
    given
      .when(assign({ position: 'class-teacher', schoolId: 'school-1', className: '5а' }), ctx())
      .thenNothing();
  });

  it('is class teacher of a second class too', () => {
    const state = given
      .when(assign({ position: 'class-teacher', schoolId: 'school-1', className: '7Б' }), ctx())
      .then([
        {
          type: 'PositionAssigned',
          data: {
            personId: 'petrova',
            assignmentId: 'school-1:class-teacher:7б',
            position: 'class-teacher',
            schoolId: 'school-1',
            className: '7Б',
          },
        },
      ]);
    expect(state.status !== 'unregistered' && state.holdings).toHaveLength(3);
  });

  it('her subjects change', () => {
    given.when(assign({ position: 'teacher', schoolId: 'school-1', subjects: ['математика'] }), ctx()).then([
      {
        type: 'PositionAssigned',
        data: { ...(teacherMaths.data as object), subjects: ['математика'] },
      } as PersonEvent,
    ]);
  });

  it('leaves the class, with the reason', () => {
    const state = given
      .when(
        {
          type: 'RemovePosition',
          data: {
            personId: 'petrova',
            assignmentId: 'school-1:class-teacher:5а',
            reason: 'Приказ № 12',
            authority: director,
          },
        },
        ctx(),
      )
      .then([
        {
          type: 'PositionRemoved',
          data: { personId: 'petrova', assignmentId: 'school-1:class-teacher:5а', reason: 'Приказ № 12' },
        },
      ]);
    expect(state.status !== 'unregistered' && state.holdings.map((h) => h.position)).toEqual(['teacher']);
  });

  it('cannot leave a position she does not hold', () => {
    given
      .when(
        {
          type: 'RemovePosition',
          data: { personId: 'petrova', assignmentId: 'school-1:librarian', authority: director },
        },
        ctx(),
      )
      .thenThrows('ASSIGNMENT_NOT_FOUND');
  });

  it('is switched off by her director; positions stay on record', () => {
    const state = given
      .when(
        {
          type: 'DeactivateAccount',
          data: { personId: 'petrova', reason: 'Уволена, приказ № 15', authority: director },
        },
        ctx(),
      )
      .then([{ type: 'AccountDeactivated', data: { personId: 'petrova', reason: 'Уволена, приказ № 15' } }]);
    expect(state.status).toBe('deactivated');
    expect(state.status !== 'unregistered' && state.holdings).toHaveLength(2);
  });

  it('is not switched off without a reason', () => {
    given
      .when(
        { type: 'DeactivateAccount', data: { personId: 'petrova', reason: ' ', authority: director } },
        ctx(),
      )
      .thenThrows('REASON_REQUIRED');
  });

  it('does not switch herself off', () => {
    given
      .when(
        { type: 'DeactivateAccount', data: { personId: 'petrova', reason: 'ухожу', authority: director } },
        ctx({ id: 'petrova', kind: 'user', role: 'director' }),
      )
      .thenThrows('SELF_DEACTIVATION');
  });
});

describe('person: working at two schools', () => {
  const given = personSpec.given([registered, teacherMaths, atSchool2]);

  it('one director cannot switch the account off', () => {
    given
      .when(
        { type: 'DeactivateAccount', data: { personId: 'petrova', reason: 'Уволена', authority: director } },
        ctx(),
      )
      .thenThrows('PERSON_WORKS_ELSEWHERE');
  });

  it('one director cannot remove her position at the other school', () => {
    given
      .when(
        {
          type: 'RemovePosition',
          data: { personId: 'petrova', assignmentId: 'school-2:librarian', authority: director },
        },
        ctx(),
      )
      .thenThrows('SCHOOL_MISMATCH');
  });

  it('the district administrator can', () => {
    given
      .when(
        { type: 'DeactivateAccount', data: { personId: 'petrova', reason: 'Уволена', authority: admin } },
        ctx(),
      )
      .then([{ type: 'AccountDeactivated', data: { personId: 'petrova', reason: 'Уволена' } }]);
  });
});

describe('person: deactivated', () => {
  const deactivated: PersonEvent = {
    type: 'AccountDeactivated',
    data: { personId: 'petrova', reason: 'Уволена' },
  };
  const given = personSpec.given([registered, teacherMaths, deactivated]);

  it('gets no new position', () => {
    given
      .when(assign({ position: 'librarian', schoolId: 'school-1' }), ctx())
      .thenThrows('ACCOUNT_DEACTIVATED');
  });

  it('switching off again records nothing', () => {
    given
      .when(
        { type: 'DeactivateAccount', data: { personId: 'petrova', reason: 'Уволена', authority: director } },
        ctx(),
      )
      .thenNothing();
  });

  it('is switched on again with her positions', () => {
    const state = given
      .when({ type: 'ReactivateAccount', data: { personId: 'petrova', authority: director } }, ctx())
      .then([{ type: 'AccountReactivated', data: { personId: 'petrova' } }]);
    expect(state.status).toBe('active');
    expect(state.status !== 'unregistered' && state.holdings).toHaveLength(1);
  });
});
