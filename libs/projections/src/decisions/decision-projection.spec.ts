import {
  evolve,
  initialState,
  type DecisionReminderDue,
  type EscalatedToDirector,
  type ProcedureEvent,
  type ProcedureState,
  type RecheckRequested,
} from '@vsoko/domain';
import { events, history, lessons, parents } from '../../../domain/src/procedure/testing/fixtures';
import { anyProjection } from '../projection';
import { project, recorded } from '../testing/project';
import type { DecisionDocument } from './decision-document';
import { decisionOf, decisionProjection } from './decision-projection';

const decisions = anyProjection(decisionProjection);
const docsOf = (given: Parameters<typeof recorded>[0]) => project(decisions, recorded(given));

describe('decisions read model', () => {
  it('given adopted decisions, then one document per decision with the meeting and the procedure facts', () => {
    const docs = docsOf(history.followingUp);
    expect([...docs.keys()].sort()).toEqual(['p-vpr-4:d-lessons', 'p-vpr-4:d-parents']);
    expect(docs.get('p-vpr-4:d-lessons')).toMatchObject({
      procedureId: 'p-vpr-4',
      decisionId: 'd-lessons',
      schoolId: 'school-1',
      academicYear: '2023/24',
      direction: 'results',
      procedureTitle: 'ВПР по математике, 4 классы',
      meeting: { level: 'pedagogical-council', heldOn: '2024-04-26', protocolNumber: '5' },
      wording: lessons.wording,
      deadline: '2024-05-31',
      responsibleKey: 'petrov',
      status: 'open',
      executedOn: null,
      daysLate: null,
    });
  });

  it('given execution by the deadline, then executed on time with its evidence', () => {
    const doc = docsOf([...history.followingUp, events.executed('d-lessons', '2024-05-20')]).get(
      'p-vpr-4:d-lessons',
    );
    expect(doc).toMatchObject({
      status: 'executed',
      executedOn: '2024-05-20',
      evidence: { description: 'Приказ № 41 от 29.04.2024' },
      onTime: true,
      daysLate: 0,
    });
  });

  it('given a missed deadline and a late execution, then overdue first and executed late by the days past it', () => {
    const overdue = [...history.followingUp, events.decisionOverdue(parents)];
    expect(docsOf(overdue).get('p-vpr-4:d-parents')).toMatchObject({ status: 'overdue' });
    const late = docsOf([...overdue, events.executed('d-parents', '2024-05-18')]).get('p-vpr-4:d-parents');
    expect(late).toMatchObject({ status: 'executed', onTime: false, daysLate: 3, deadline: '2024-05-15' });
  });

  it('given an extension, then the new deadline in force, the old one kept, and open again', () => {
    const doc = docsOf([
      ...history.followingUp,
      events.decisionOverdue(parents),
      {
        type: 'DecisionDeadlineExtended',
        data: {
          procedureId: 'p-vpr-4',
          decisionId: 'd-parents',
          previousDeadline: '2024-05-15',
          deadline: '2024-06-10',
          reason: 'Родительское собрание перенесено',
          extendedOn: '2024-05-16',
        },
      },
      events.executed('d-parents', '2024-06-01'),
    ]).get('p-vpr-4:d-parents');
    expect(doc).toMatchObject({
      originalDeadline: '2024-05-15',
      deadline: '2024-06-10',
      extensions: [
        {
          from: '2024-05-15',
          to: '2024-06-10',
          reason: 'Родительское собрание перенесено',
          extendedOn: '2024-05-16',
        },
      ],
      status: 'executed',
      onTime: true,
    });
  });

  it('given a cancellation, then cancelled with the reason, and later overdue notices change nothing', () => {
    const doc = docsOf([
      ...history.followingUp,
      events.decisionCancelled('d-parents'),
      events.decisionOverdue(parents),
    ]).get('p-vpr-4:d-parents');
    expect(doc).toMatchObject({ status: 'cancelled', cancellationReason: 'Решение утратило актуальность' });
  });

  it('given a handover, then the new responsible answers for it (lists and KPIs by responsible follow)', () => {
    const doc = docsOf([
      ...history.followingUp,
      events.decisionOverdue(lessons),
      events.decisionReassigned(lessons),
    ]).get('p-vpr-4:d-lessons');
    expect(doc).toMatchObject({
      responsible: { personId: 'sokolova', name: 'Соколова Т. П.' },
      responsibleKey: 'sokolova',
      status: 'overdue',
      deadline: lessons.deadline,
    });
  });

  it('given a re-check requested after the decision was executed, then the child procedure is listed', () => {
    const doc = docsOf([
      ...history.followingUp,
      events.executed('d-lessons', '2024-05-20'),
      {
        type: 'RecheckRequested',
        data: {
          procedureId: 'p-vpr-4',
          decisionId: 'd-lessons',
          child: {
            ...events.scheduled().data,
            procedureId: 'p-vpr-4-recheck',
            window: { from: '2024-09-01', to: '2024-09-30' },
          },
        },
      } satisfies RecheckRequested,
    ]).get('p-vpr-4:d-lessons');
    expect(doc).toMatchObject({ status: 'executed', recheckProcedureIds: ['p-vpr-4-recheck'] });
  });

  it.each<[string, ProcedureEvent[]]>([
    ['adopted', history.followingUp],
    [
      'overdue, escalated and reminded',
      [
        ...history.followingUp,
        {
          type: 'DecisionReminderDue',
          data: {
            procedureId: 'p-vpr-4',
            decisionId: 'd-parents',
            wording: parents.wording,
            deadline: parents.deadline,
            daysBefore: 1,
            responsible: parents.responsible,
          },
        } satisfies DecisionReminderDue,
        events.decisionOverdue(parents),
        {
          type: 'EscalatedToDirector',
          data: {
            procedureId: 'p-vpr-4',
            subject: { kind: 'decision', decisionId: 'd-parents', deadline: parents.deadline },
            responsible: parents.responsible,
          },
        } satisfies EscalatedToDirector,
      ],
    ],
    ['handed over', [...history.followingUp, events.decisionReassigned(parents)]],
    [
      'executed late and cancelled',
      [
        ...history.followingUp,
        events.decisionOverdue(lessons),
        events.executed('d-lessons', '2024-06-03'),
        events.decisionCancelled('d-parents'),
      ],
    ],
  ])('given a procedure %s, then each document holds the very decision the procedure folded', (_, given) => {
    const state = given.reduce<ProcedureState>(evolve, initialState);
    if (state.status !== 'following-up') throw new Error('the history must reach the follow-up');
    const docs = docsOf(given);
    for (const decision of state.followUp.decisions) {
      const doc = docs.get(`p-vpr-4:${decision.decisionId}`) as DecisionDocument;
      expect(decisionOf(doc)).toEqual(decision);
    }
  });
});
