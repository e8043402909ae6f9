import type { ScheduleProcedure } from '../commands';
import { actors, ctx, events, history, procedureSpec, scheduledData } from '../testing/fixtures';

const schedule = (over: Partial<ScheduleProcedure['data']> = {}): ScheduleProcedure => ({
  type: 'ScheduleProcedure',
  data: { ...scheduledData, ...over },
});

describe('none', () => {
  const given = procedureSpec.given(history.none);

  it.each([
    ['the director', actors.director],
    ['a deputy', actors.deputy],
    ['a calendar integration', actors.calendar],
  ])('is scheduled by %s', (_, actor) => {
    given.when(schedule(), ctx(actor)).then([events.scheduled()]);
  });

  it('is scheduled by the system only as a re-check of another procedure', () => {
    given
      .when(schedule({ parentProcedureId: 'p-parent' }), ctx(actors.system))
      .then([events.scheduled({ parentProcedureId: 'p-parent' })]);
    given.when(schedule(), ctx(actors.system)).thenThrows('ACTOR_NOT_ALLOWED');
  });

  describe('how its results are used (the plan row’s result form, or the command)', () => {
    it('records a result that ends in a document: «Информация на сайт», «Оформление документации»', () => {
      given
        .when(schedule({ resultForm: 'Информация на сайт ' }), ctx(actors.director))
        .then([events.scheduled({ resultForm: 'Информация на сайт ', resultUse: 'document' })]);
      given
        .when(schedule({ resultForm: 'Оформление документации' }), ctx(actors.director))
        .then([events.scheduled({ resultForm: 'Оформление документации', resultUse: 'document' })]);
    });

    it('records nothing for a result that goes to a meeting, as before', () => {
      given
        .when(schedule({ resultForm: 'Справка' }), ctx(actors.director))
        .then([events.scheduled({ resultForm: 'Справка' })]);
    });

    it('follows the command over the result form', () => {
      given
        .when(schedule({ resultForm: 'Информация на сайт', resultUse: 'meeting' }), ctx(actors.director))
        .then([events.scheduled({ resultForm: 'Информация на сайт' })]);
      given
        .when(schedule({ resultUse: 'document' }), ctx(actors.director))
        .then([events.scheduled({ resultUse: 'document' })]);
    });

    it('refuses a result use outside the list', () => {
      given
        .when(schedule({ resultUse: 'website' as never }), ctx(actors.director))
        .thenThrows('RESULT_USE_UNKNOWN');
    });
  });

  it('is not scheduled by a teacher or an auditor', () => {
    given.when(schedule(), ctx(actors.petrov)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(schedule(), ctx(actors.auditor)).thenThrows('ACTOR_NOT_ALLOWED');
  });

  it("carries the school's reminder settings, within sensible bounds", () => {
    const reminders = { daysBefore: [14, 3], escalationGraceDays: 5 };
    given.when(schedule({ reminders }), ctx(actors.director)).then([events.scheduled({ reminders })]);
    given
      .when(schedule({ reminders: { daysBefore: [0], escalationGraceDays: 3 } }), ctx(actors.director))
      .thenThrows('REMINDERS_INVALID');
    given
      .when(schedule({ reminders: { daysBefore: [7, 7], escalationGraceDays: 3 } }), ctx(actors.director))
      .thenThrows('REMINDERS_INVALID');
    given
      .when(schedule({ reminders: { daysBefore: [7], escalationGraceDays: 31 } }), ctx(actors.director))
      .thenThrows('ESCALATION_GRACE_INVALID');
  });

  it("continues last year's procedure when copied from last year's plan", () => {
    const predecessor = { procedureId: 'p-last-year', academicYear: '2022/23', title: 'ВПР' };
    given
      .when(schedule({ predecessor, lineageId: 'p-first' }), ctx(actors.director))
      .then([events.scheduled({ predecessor, lineageId: 'p-first' })]);
    given
      .when(
        schedule({ predecessor: { ...predecessor, academicYear: '2023/24' }, lineageId: 'p-first' }),
        ctx(actors.director),
      )
      .thenThrows('PREDECESSOR_INVALID');
    given
      .when(
        schedule({ predecessor: { ...predecessor, procedureId: scheduledData.procedureId }, lineageId: 'x' }),
        ctx(actors.director),
      )
      .thenThrows('PREDECESSOR_INVALID');
    given.when(schedule({ predecessor }), ctx(actors.director)).thenThrows('PREDECESSOR_INVALID');
  });

  it('is not scheduled for another school', () => {
    given.when(schedule(), ctx(actors.director, undefined, 'school-2')).thenThrows('SCHOOL_MISMATCH');
  });

  it('needs a title, a known direction and a responsible', () => {
    given.when(schedule({ title: '  ' }), ctx(actors.director)).thenThrows('TITLE_REQUIRED');
    given
      .when(schedule({ direction: 'wellbeing' as never }), ctx(actors.director))
      .thenThrows('DIRECTION_UNKNOWN');
    given
      .when(schedule({ responsible: { name: '' } }), ctx(actors.director))
      .thenThrows('RESPONSIBLE_REQUIRED');
  });

  it('needs a window of real dates, in order, inside the academic year', () => {
    const director = ctx(actors.director);
    given
      .when(schedule({ window: { from: '2024-02-30', to: '2024-03-05' } }), director)
      .thenThrows('WINDOW_INVALID_DATE');
    given
      .when(schedule({ window: { from: '2024-03-05', to: '2024-03-01' } }), director)
      .thenThrows('WINDOW_REVERSED');
    given.when(schedule({ academicYear: '2023/25' }), director).thenThrows('ACADEMIC_YEAR_INVALID');
    const error = given
      .when(schedule({ window: { from: '2024-07-15', to: '2024-08-15' } }), director)
      .thenThrows('WINDOW_OUTSIDE_ACADEMIC_YEAR');
    expect(error.message).toContain('2023/24');
  });

  it('accepts a window from the preparation month of August to the end of July', () => {
    given
      .when(schedule({ window: { from: '2023-08-01', to: '2024-07-31' } }), ctx(actors.director))
      .then([events.scheduled({ window: { from: '2023-08-01', to: '2024-07-31' } })]);
  });

  it('is refused for an academic year far from the current one (1900/01 would be overdue at once)', () => {
    // The fixtures' today is 30 April 2024, in academic year 2023/24.
    const director = ctx(actors.director);
    const inYear = (start: number) => ({
      academicYear: `${start}/${String((start + 1) % 100).padStart(2, '0')}`,
      window: { from: `${start}-10-01`, to: `${start}-10-31` },
    });
    given.when(schedule(inYear(1900)), director).thenThrows('ACADEMIC_YEAR_IMPLAUSIBLE');
    given.when(schedule(inYear(2017)), director).thenThrows('ACADEMIC_YEAR_IMPLAUSIBLE');
    given.when(schedule(inYear(2026)), director).thenThrows('ACADEMIC_YEAR_IMPLAUSIBLE');
    given.when(schedule(inYear(2018)), director).then([events.scheduled(inYear(2018))]);
    given.when(schedule(inYear(2025)), director).then([events.scheduled(inYear(2025))]);
  });

  it('needs a title someone can read: zero-width and other invisible characters alone are no title', () => {
    for (const title of ['\u200b\u200c\u200d', '\ufeff\u2060', '\u00ad \u3164', '\u2800']) {
      given.when(schedule({ title }), ctx(actors.director)).thenThrows('TITLE_REQUIRED');
    }
  });

  it('may start watching its deadlines later, from an exact instant (a row imported after its window)', () => {
    const watchFrom = '2024-05-10T06:00:00.000Z';
    given.when(schedule({ watchFrom }), ctx(actors.director)).then([events.scheduled({ watchFrom })]);
    given.when(schedule({ watchFrom: 'в мае' }), ctx(actors.director)).thenThrows('WATCH_FROM_INVALID');
    given.when(schedule({ watchFrom: '2024-05-10' }), ctx(actors.director)).thenThrows('WATCH_FROM_INVALID');
  });

  it('needs an IANA time zone', () => {
    given
      .when(schedule({ timeZone: 'Asia/Ekaterinburg' }), ctx(actors.director))
      .thenThrows('TIME_ZONE_UNKNOWN');
  });
});

describe('scheduled', () => {
  it('is not scheduled twice', () => {
    procedureSpec
      .given(history.scheduled)
      .when(schedule(), ctx(actors.director))
      .thenThrows('PROCEDURE_ALREADY_SCHEDULED');
  });
});

describe('cancelled', () => {
  it('keeps its id: it is not scheduled again', () => {
    procedureSpec
      .given(history.cancelled)
      .when(schedule(), ctx(actors.director))
      .thenThrows('PROCEDURE_ALREADY_SCHEDULED');
  });
});
