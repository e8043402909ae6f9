import { actors, adopt, ctx, events, history, decisionSpec } from '../testing/fixtures';
import type { AdoptedBy, Deadline } from '../values';

describe('none', () => {
  const given = decisionSpec.given(history.none);

  it('adopts a decision of a meeting: wording, lead and co-executors, deadline as written and parsed', () => {
    given.when(adopt(), ctx(actors.director)).then([events.adopted()]);
  });

  it.each<[string, Deadline, Deadline]>([
    [
      'a date',
      { parsed: { kind: 'date', due: '2023-10-15' } },
      { parsed: { kind: 'date', due: '2023-10-15' } },
    ],
    [
      'a range of months, due at the end of its last month',
      {
        asWritten: 'Сентябрь- ноябрь2023г',
        parsed: { kind: 'months', from: '2023-09', to: '2023-11', due: '' },
      },
      {
        asWritten: 'Сентябрь- ноябрь2023г',
        parsed: { kind: 'months', from: '2023-09', to: '2023-11', due: '2023-11-30' },
      },
    ],
    [
      'the whole year, with term check-ins',
      {
        asWritten: 'В течение года',
        parsed: {
          kind: 'year',
          academicYear: '2023/24',
          due: '2024-05-31',
          checkIns: ['2023-10-31', '2023-12-31', '2024-03-31'],
        },
      },
      {
        asWritten: 'В течение года',
        parsed: {
          kind: 'year',
          academicYear: '2023/24',
          due: '2024-05-31',
          checkIns: ['2023-10-31', '2023-12-31', '2024-03-31'],
        },
      },
    ],
    [
      'a standing decision, checked monthly',
      {
        asWritten: 'Постоянно по мере поступления',
        parsed: { kind: 'standing', every: 'month', from: '2023-09-15' },
      },
      {
        asWritten: 'Постоянно по мере поступления',
        parsed: { kind: 'standing', every: 'month', from: '2023-09-15' },
      },
    ],
    ['no deadline, kept blank', { asWritten: '  ', parsed: { kind: 'none' } }, { parsed: { kind: 'none' } }],
  ])('takes %s', (_shape, deadline, stored) => {
    given.when(adopt({ deadline }), ctx(actors.director)).then([events.adopted({ deadline: stored })]);
  });

  it('refuses a deadline before the meeting, reversed, too far, or of no known shape', () => {
    const before: Deadline = { parsed: { kind: 'date', due: '2023-07-31' } };
    given.when(adopt({ deadline: before }), ctx(actors.director)).thenThrows('DEADLINE_BEFORE_ADOPTION');
    const reversed: Deadline = { parsed: { kind: 'months', from: '2023-12', to: '2023-10', due: '' } };
    given.when(adopt({ deadline: reversed }), ctx(actors.director)).thenThrows('DEADLINE_INVALID');
    const far: Deadline = { parsed: { kind: 'date', due: '2026-09-01' } };
    given.when(adopt({ deadline: far }), ctx(actors.director)).thenThrows('DEADLINE_TOO_FAR');
    const unknown = { parsed: { kind: 'soon' } } as unknown as Deadline;
    given.when(adopt({ deadline: unknown }), ctx(actors.director)).thenThrows('DEADLINE_INVALID');
    const checkInsAfterDue: Deadline = {
      parsed: { kind: 'year', academicYear: '2023/24', due: '2024-05-31', checkIns: ['2024-06-30'] },
    };
    given.when(adopt({ deadline: checkInsAfterDue }), ctx(actors.director)).thenThrows('DEADLINE_INVALID');
  });

  it('is adopted by a director’s order too, and may belong to no procedure', () => {
    const adoptedBy = { kind: 'order', orderNumber: '112-о', date: '2023-09-01' } as const;
    given
      .when(adopt({ adoptedBy, procedureIds: [] }), ctx(actors.director))
      .then([events.adopted({ adoptedBy })]);
  });

  it('links to several procedures, each once', () => {
    const procedureIds = ['p-vpr-4', 'p-vpr-5'];
    given.when(adopt({ procedureIds }), ctx(actors.director)).then([events.adopted({ procedureIds })]);
    given
      .when(adopt({ procedureIds: ['p-vpr-4', 'p-vpr-4'] }), ctx(actors.director))
      .thenThrows('PROCEDURE_ID_INVALID');
  });

  it('keeps its scope: classes as written and as a list, subjects, teachers', () => {
    const scope = {
      classes: { asWritten: '1-6', classes: [] },
      subjects: ['Русский язык', 'математика', ' '],
      teachers: ['Учителя начальных классов'],
    };
    given.when(adopt({ scope }), ctx(actors.director)).then([
      events.adopted({
        scope: {
          classes: { asWritten: '1-6', classes: ['1', '2', '3', '4', '5', '6'] },
          subjects: ['Русский язык', 'математика'],
          teachers: ['Учителя начальных классов'],
        },
      }),
    ]);
    given
      .when(adopt({ scope: { classes: { asWritten: 'все', classes: [] } } }), ctx(actors.director))
      .thenThrows('CLASSES_INVALID');
  });

  it('needs wording, a lead, a number in the list', () => {
    given.when(adopt({ wording: ' ' }), ctx(actors.director)).thenThrows('DECISION_WORDING_REQUIRED');
    given
      .when(adopt({ executors: { lead: { name: '' }, coExecutors: [] } }), ctx(actors.director))
      .thenThrows('RESPONSIBLE_REQUIRED');
    given.when(adopt({ number: 0 }), ctx(actors.director)).thenThrows('DECISION_NUMBER_INVALID');
  });

  it('is recorded by the administration of the same school', () => {
    given.when(adopt(), ctx(actors.teacher)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(adopt(), ctx(actors.director, undefined, 'school-2')).thenThrows('SCHOOL_MISMATCH');
  });

  it('has no deadline before an undated meeting to check against', () => {
    const adoptedBy: AdoptedBy = {
      kind: 'meeting',
      meetingId: 'm-method',
      level: 'methodical-council',
      date: { precision: 'unknown' },
    };
    const deadline: Deadline = { parsed: { kind: 'date', due: '2023-08-02' } };
    given
      .when(adopt({ adoptedBy, deadline }), ctx(actors.director))
      .then([events.adopted({ adoptedBy, deadline })]);
  });
});

describe('open', () => {
  it('is adopted once', () => {
    decisionSpec
      .given(history.open)
      .when(adopt(), ctx(actors.director))
      .thenThrows('DECISION_ALREADY_ADOPTED');
  });
});
