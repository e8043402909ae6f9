import { RUSSIAN_CALENDAR_2025_26, workingDaysOf } from '../school/calendar';
import { decide } from './decide';
import { evolve } from './evolve';
import type { ProcedureEvent } from './events';
import { initialState } from './state';
import { actors, ctx, events, ZONE } from './testing/fixtures';
import { pendingTimers, timerPolicy, type ProcedureChase } from './timers';
import { DEFAULT_CHASE } from './values';

/*
 * A procedure of 2025/26 whose window, 06.10–03.11.2025, ends on a transferred day off inside the autumn
 * holidays: it is due at the end of Wednesday 5 November, its responsible hears of it on Friday 3 October
 * (three days before it opens), and after it is missed the chain chases on working days only.
 */
const chase: ProcedureChase = {
  preparationDaysBefore: DEFAULT_CHASE.preparationDaysBefore,
  escalation: DEFAULT_CHASE.escalation,
  repeatEveryDays: DEFAULT_CHASE.repeatEveryDays,
  workingDays: workingDaysOf([RUSSIAN_CALENDAR_2025_26]),
  remindFrom: '2025-09-15',
};
const scheduled = events.scheduled({
  academicYear: '2025/26',
  window: { from: '2025-10-06', to: '2025-11-03' },
  chase,
});
const policyOf = (): ReturnType<typeof timerPolicy> =>
  timerPolicy(ZONE, { chase, workingDays: chase.workingDays });
const fold = (history: ProcedureEvent[]) => history.reduce(evolve, initialState);
const dayIn = (instant: string) =>
  new Date(Date.parse(instant) + 5 * 3_600_000 - 1000).toISOString().slice(0, 10);

function run(history: ProcedureEvent[], limit: number) {
  const out = [...history];
  const fired: string[] = [];
  for (let i = 0; i < limit; i++) {
    const [next] = pendingTimers(fold(out), policyOf());
    if (!next) break;
    const produced = decide(next.command, fold(out), ctx(actors.system, next.at));
    expect(produced.length).toBeGreaterThan(0);
    fired.push(next.at);
    out.push(...produced);
  }
  return { recorded: out.slice(history.length), fired };
}

describe('a scheduled procedure with a chain and a calendar', () => {
  it('is told to prepare, falls overdue on the next working day and is chased up to the inspector', () => {
    const { recorded, fired } = run([scheduled], 7);
    expect(recorded.map((e) => [e.type, 'to' in e.data ? e.data.to : undefined])).toEqual([
      ['WindowApproaching', undefined],
      ['StageOverdue', undefined],
      ['EscalatedToDirector', 'responsible'],
      ['EscalatedToDirector', 'deputy'],
      ['EscalatedToDirector', 'director'],
      ['EscalatedToDirector', 'inspector'],
      ['EscalatedToDirector', 'inspector'],
    ]);
    expect(fired.map(dayIn)).toEqual([
      '2025-10-03',
      '2025-11-05',
      '2025-11-06',
      '2025-11-10',
      '2025-11-10',
      '2025-11-17',
      '2025-11-24',
    ]);
  });

  it('stops chasing once the work is done', () => {
    const { recorded } = run([scheduled], 4);
    const performed = [events.performed()];
    expect(pendingTimers(fold([scheduled, ...recorded, ...performed]), policyOf())).toEqual([]);
  });
});

describe('a row of a plan approved mid-year, kept overdue, with a chain', () => {
  // Its window ended weeks ago; the approval watches it from Monday 1 December 2025 (11:00 in the school's zone).
  const watchFrom = '2025-12-01T06:00:00.000Z';
  const kept = events.scheduled({
    academicYear: '2025/26',
    window: { from: '2025-10-06', to: '2025-11-03' },
    chase: { ...chase, remindFrom: '2025-12-01' },
    watchFrom,
  });

  it('is marked late at the watched instant, then chased each step its days after it on working days, not all at once', () => {
    const { recorded, fired } = run([kept], 4);
    expect(recorded.map((e) => [e.type, 'to' in e.data ? e.data.to : undefined])).toEqual([
      ['StageOverdue', undefined],
      ['EscalatedToDirector', 'responsible'],
      ['EscalatedToDirector', 'deputy'],
      ['EscalatedToDirector', 'director'],
    ]);
    expect(fired).toEqual([
      watchFrom,
      '2025-12-02T04:00:00.000Z',
      '2025-12-04T04:00:00.000Z',
      '2025-12-08T04:00:00.000Z', // 09:00 in the school's zone; Saturday 6 December → Monday
    ]);
  });
});
