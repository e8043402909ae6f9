import type { EscalateToDirector } from '../commands';
import {
  actors,
  ctx,
  events,
  history,
  lessons,
  PROCEDURE,
  procedureSpec,
  scheduledData,
} from '../testing/fixtures';
import type { OverdueSubject } from '../values';

const decisionLate: OverdueSubject = { kind: 'decision', decisionId: 'd-lessons', deadline: '2024-05-31' };
const stageLate: OverdueSubject = { kind: 'stage', stage: 'performance', dueDate: '2024-04-26' };
/** Three days of grace after 31.05.2024, in Yekaterinburg. */
const DUE_AT = '2024-06-03T18:59:59.999Z';
const escalate = (subject: OverdueSubject, dueAt = DUE_AT): EscalateToDirector => ({
  type: 'EscalateToDirector',
  data: { procedureId: PROCEDURE, subject, dueAt },
});
const escalated = (subject: OverdueSubject, responsible = lessons.responsible) =>
  ({ type: 'EscalatedToDirector', data: { procedureId: PROCEDURE, subject, responsible } }) as const;

describe('following-up, decision overdue', () => {
  const given = procedureSpec.given([...history.followingUp, events.decisionOverdue(lessons)]);

  it('goes to the director, naming who is late', () => {
    given.when(escalate(decisionLate), ctx(actors.system, DUE_AT)).then([escalated(decisionLate)]);
  });

  it('goes once: a repeated timer records nothing', () => {
    procedureSpec
      .given([...history.followingUp, events.decisionOverdue(lessons), escalated(decisionLate)])
      .when(escalate(decisionLate), ctx(actors.system, DUE_AT))
      .thenNothing();
  });

  it('waits for the end of the grace period', () => {
    given.when(escalate(decisionLate), ctx(actors.system, '2024-06-02T06:00:00.000Z')).thenNothing();
  });

  it('is not escalated once executed after all', () => {
    procedureSpec
      .given([
        ...history.followingUp,
        events.decisionOverdue(lessons),
        events.executed('d-lessons', '2024-06-02'),
      ])
      .when(escalate(decisionLate), ctx(actors.system, DUE_AT))
      .thenNothing();
  });

  it('is escalated by the system only', () => {
    given.when(escalate(decisionLate), ctx(actors.director, DUE_AT)).thenThrows('SYSTEM_ONLY');
  });
});

describe('following-up, decision not overdue', () => {
  it('is not escalated before it was found late', () => {
    procedureSpec
      .given(history.followingUp)
      .when(escalate(decisionLate), ctx(actors.system, DUE_AT))
      .thenNothing();
  });
});

describe('scheduled, performance overdue', () => {
  const given = procedureSpec.given([...history.scheduled, events.stageOverdue()]);

  it('goes to the director, naming the procedure’s responsible', () => {
    given
      .when(escalate(stageLate, '2024-04-29T18:59:59.999Z'), ctx(actors.system, '2024-04-29T18:59:59.999Z'))
      .then([escalated(stageLate, scheduledData.responsible)]);
  });

  it('is not escalated once performed after all', () => {
    procedureSpec
      .given([...history.scheduled, events.stageOverdue(), events.performed()])
      .when(escalate(stageLate), ctx(actors.system))
      .thenNothing();
  });

  it('refuses a subject that names neither a stage nor a decision', () => {
    given.when(escalate({ kind: 'meeting' } as never), ctx(actors.system)).thenThrows('TIMER_INVALID');
  });
});
