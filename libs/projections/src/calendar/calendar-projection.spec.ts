import { events, history, parents } from '../../../domain/src/procedure/testing/fixtures';
import { anyProjection } from '../projection';
import { project, recorded } from '../testing/project';
import { calendarProjection } from './calendar-projection';

const calendar = anyProjection(calendarProjection);
const entriesOf = (given: Parameters<typeof recorded>[0]) => project(calendar, recorded(given));

describe('deadline calendar', () => {
  it('given a scheduled procedure, then its window end is an open date', () => {
    expect(entriesOf(history.scheduled).get('procedure:p-vpr-4')).toMatchObject({
      kind: 'procedure',
      date: '2024-04-26',
      state: 'open',
      responsibleKey: 'ivanova',
    });
  });

  it('given a missed window then a performance, then overdue, then done', () => {
    const late = [...history.scheduled, events.stageOverdue()];
    expect(entriesOf(late).get('procedure:p-vpr-4')).toMatchObject({ state: 'overdue' });
    expect(entriesOf([...late, events.performed()]).get('procedure:p-vpr-4')).toMatchObject({
      state: 'done',
    });
  });

  it('given decisions, then one dated entry per decision; executed and overdue ones change state', () => {
    const entries = entriesOf([
      ...history.followingUp,
      events.executed('d-lessons', '2024-05-02'),
      events.decisionOverdue(parents),
    ]);
    expect(entries.get('decision:p-vpr-4:d-lessons')).toMatchObject({ date: '2024-05-31', state: 'done' });
    expect(entries.get('decision:p-vpr-4:d-parents')).toMatchObject({
      date: '2024-05-15',
      state: 'overdue',
      title: parents.wording,
      academicYear: '2023/24',
    });
  });

  it('given a handover of the procedure or of a decision, then the new responsible’s dates', () => {
    const successor = { personId: 'sokolova', name: 'Соколова Т. П.' };
    const entries = entriesOf([
      events.scheduled(),
      {
        type: 'ProcedureReassigned',
        data: {
          procedureId: 'p-vpr-4',
          previous: events.scheduled().data.responsible,
          responsible: successor,
          reason: 'Перевод',
        },
      },
      ...history.followingUp.slice(1),
      events.decisionReassigned(parents, successor),
    ]);
    expect(entries.get('procedure:p-vpr-4')).toMatchObject({
      responsibleKey: 'sokolova',
      responsible: successor,
    });
    expect(entries.get('decision:p-vpr-4:d-parents')).toMatchObject({
      responsibleKey: 'sokolova',
      state: 'open',
    });
    expect(entries.get('decision:p-vpr-4:d-lessons')).toMatchObject({ responsibleKey: 'petrov' });
  });
});
