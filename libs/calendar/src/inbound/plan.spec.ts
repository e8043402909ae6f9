import type { CalendarOccurrence } from './occurrence';
import { occurrenceKey, planActions, type CalendarSource, type KnownOccurrence } from './plan';

const source: CalendarSource = {
  sourceId: 'feed-1',
  title: 'План ВСОКО',
  schoolId: 'school-1',
  timeZone: 'Europe/Moscow',
  defaults: { responsible: { role: 'deputy', name: 'Заместитель директора по УВР' } },
  complete: true,
  horizon: { from: '2025-09-01', to: '2026-10-01' },
};

const occurrence = (over: Partial<CalendarOccurrence> = {}): CalendarOccurrence => ({
  uid: 'evt-1',
  recurrenceId: null,
  sequence: 0,
  summary: '[ВСОКО] Контрольные срезы',
  localStart: { date: '2025-10-06', time: '10:00', timeZone: 'Europe/Moscow' },
  window: { from: '2025-10-06', to: '2025-10-06' },
  cancelled: false,
  movedByOverride: false,
  vsoko: { title: 'Контрольные срезы', direction: 'results' },
  ...over,
});

const first = planActions([occurrence()], [], source)[0];
const known: KnownOccurrence = first.remember!;

describe('an occurrence vsoko has not seen', () => {
  it('schedules a procedure whose id comes from feed, UID and recurrence id, for the school, in its academic year', () => {
    expect(first).toMatchObject({
      kind: 'schedule',
      procedureId: expect.stringMatching(/^cal-[0-9a-f]{40}$/),
    });
    expect(first.command).toEqual({
      type: 'ScheduleProcedure',
      data: {
        procedureId: first.procedureId,
        schoolId: 'school-1',
        academicYear: '2025/26',
        title: 'Контрольные срезы',
        direction: 'results',
        responsible: { role: 'deputy', name: 'Заместитель директора по УВР' },
        window: { from: '2025-10-06', to: '2025-10-06' },
        timeZone: 'Europe/Moscow',
      },
    });
    expect(planActions([occurrence()], [], source)[0]).toEqual(first);
    expect(
      planActions([occurrence({ recurrenceId: '20251013T070000Z' })], [], source)[0].procedureId,
    ).not.toBe(first.procedureId);
  });

  it('is ignored, with the reason, when it is not marked, already cancelled or lacks a direction', () => {
    const [unmarked, cancelled, undirected] = planActions(
      [
        occurrence({ uid: 'a', vsoko: null }),
        occurrence({ uid: 'b', cancelled: true }),
        occurrence({ uid: 'c', vsoko: { title: 'Без направления' } }),
      ],
      [],
      source,
    );
    expect([unmarked.kind, cancelled.kind, undirected.kind]).toEqual(['ignore', 'ignore', 'ignore']);
    expect(undirected).toMatchObject({ needs: 'direction', reason: expect.stringMatching(/направление/) });
    expect(unmarked.needs).toBeUndefined();
  });
});

describe('an occurrence that carries only the tag: its direction', () => {
  const tagged = (uid: string, title: string) =>
    occurrence({ uid, summary: `[ВСОКО] ${title}`, vsoko: { title } });
  const directionOf = (action: ReturnType<typeof planActions>[number]) =>
    action.command?.type === 'ScheduleProcedure' ? action.command.data.direction : undefined;

  it('is guessed from the usual procedure names and the plan stems when neither the event nor the feed says', () => {
    const actions = planActions(
      [
        tagged('1', 'ВПР по математике, 4 класс'),
        tagged('2', 'Контрольная работа по русскому языку'),
        tagged('3', 'Посещение уроков в 5-х классах (адаптация обучающихся)'),
        tagged('4', 'Анкетирование родителей по организации питания'),
        tagged('5', 'Смотр кабинетов к новому учебному году'),
        tagged('6', 'Мониторинг адаптации первоклассников'),
      ],
      [],
      source,
    );
    expect(actions.map((a) => [a.kind, directionOf(a), a.directionFrom])).toEqual([
      ['schedule', 'results', 'title'],
      ['schedule', 'results', 'title'],
      ['schedule', 'process', 'title'],
      ['schedule', 'satisfaction', 'title'],
      ['schedule', 'conditions', 'title'],
      ['schedule', 'process', 'title'],
    ]);
  });

  it('comes from the feed default before any guess, and from the event before both', () => {
    const withDefault = { ...source, defaults: { ...source.defaults, direction: 'conditions' as const } };
    const [fromFeed, fromEvent] = planActions(
      [
        tagged('1', 'ВПР по математике'),
        occurrence({ uid: '2', vsoko: { title: 'ВПР по математике', direction: 'satisfaction' } }),
      ],
      [],
      withDefault,
    );
    expect([directionOf(fromFeed), fromFeed.directionFrom]).toEqual(['conditions', 'feed']);
    expect([directionOf(fromEvent), fromEvent.directionFrom]).toEqual(['satisfaction', 'event']);
  });

  it('is asked for when nothing says it and the title gives no clue', () => {
    const [action] = planActions([tagged('1', 'Заседание рабочей группы')], [], source);
    expect(action).toMatchObject({ kind: 'ignore', needs: 'direction' });
    const [noResponsible] = planActions([tagged('2', 'ВПР по истории')], [], { ...source, defaults: {} });
    expect(noResponsible).toMatchObject({ kind: 'ignore', needs: 'responsible' });
  });
});

describe('an occurrence vsoko scheduled before', () => {
  it('does nothing when unchanged', () => {
    expect(planActions([occurrence()], [known], source)[0]).toMatchObject({
      kind: 'ignore',
      reason: 'без изменений',
    });
  });

  it('moves the procedure when the event moved, with an idempotency key of the new state', () => {
    const moved = occurrence({ sequence: 1, window: { from: '2025-10-20', to: '2025-10-21' } });
    const [action] = planActions([moved], [known], source);
    expect(action).toMatchObject({ kind: 'move', procedureId: known.procedureId });
    expect(action.command).toEqual({
      type: 'RescheduleProcedure',
      data: {
        procedureId: known.procedureId,
        window: { from: '2025-10-20', to: '2025-10-21' },
        reason: 'Перенесено в календаре «План ВСОКО»',
      },
    });
    expect(planActions([moved], [known], source)[0].commandId).toBe(action.commandId);
  });

  it('ignores an older SEQUENCE than the one acted on', () => {
    const newer = { ...known, sequence: 3 };
    const stale = occurrence({ sequence: 2, window: { from: '2025-11-01', to: '2025-11-01' } });
    expect(planActions([stale], [newer], source)[0].kind).toBe('ignore');
  });

  it('cancels the procedure when the event is cancelled, with the calendar named in the reason', () => {
    const [action] = planActions([occurrence({ cancelled: true, sequence: 1 })], [known], source);
    expect(action.command).toEqual({
      type: 'CancelProcedure',
      data: { procedureId: known.procedureId, reason: 'Событие отменено в календаре «План ВСОКО»' },
    });
  });

  it('cancels the procedure when the event disappeared from a full feed, but not from a webhook delivery', () => {
    const [gone] = planActions([], [known], source);
    expect(gone).toMatchObject({ kind: 'cancel', reason: 'Событие удалено из календаря «План ВСОКО»' });
    expect(planActions([], [known], { ...source, complete: false })).toEqual([]);
  });

  it('leaves past occurrences alone: what lies before the horizon is history', () => {
    expect(
      planActions([], [known], { ...source, horizon: { from: '2025-11-01', to: '2026-10-01' } }),
    ).toEqual([]);
  });

  it('cancels when the event loses its ВСОКО mark', () => {
    expect(planActions([occurrence({ vsoko: null })], [known], source)[0].kind).toBe('cancel');
  });

  it('keys occurrences by UID and recurrence id', () => {
    expect(known.key).toBe(occurrenceKey('evt-1', null));
  });
});
