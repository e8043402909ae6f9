import * as nodeIcal from 'node-ical';
import type { ProcedureState } from '@vsoko/domain';
import { entriesOf } from './entries';
import { renderFeed } from './render';

const base = {
  procedureId: 'p-1',
  schoolId: 'school-1',
  academicYear: '2025/26',
  title: 'ВПР по математике, 4 классы',
  direction: 'results',
  responsible: { personId: 'ivanova', name: 'Иванова И. И.' },
  window: { from: '2026-04-13', to: '2026-04-24' },
  timeZone: 'Asia/Yekaterinburg',
  overdueStages: {},
  notificationOutcomes: [],
} as const;

describe('an outbound feed, read back by node-ical', () => {
  it('has one all-day event per procedure window and per decision deadline, cancelled ones marked', () => {
    const following = {
      ...base,
      status: 'following-up',
      followUp: {
        rechecks: [],
        decisions: [
          {
            decisionId: 'd-1',
            wording: 'Провести дополнительные занятия',
            responsible: { personId: 'petrov', name: 'Петров П. П.' },
            status: 'open',
            deadline: '2026-05-20',
            extensions: [],
            remindFrom: '2026-04-30',
            remindersSent: [],
            overdue: false,
            escalated: false,
          },
        ],
      },
    } as unknown as ProcedureState;
    const cancelled = {
      ...base,
      procedureId: 'p-2',
      status: 'cancelled',
      cancellationReason: 'Отменено',
    } as unknown as ProcedureState;
    const ics = renderFeed(
      { name: 'ВСОКО', timeZone: 'Asia/Yekaterinburg', generatedAt: new Date('2026-04-01T00:00:00Z') },
      [...entriesOf(following), ...entriesOf(cancelled)],
    );
    const events = Object.values(nodeIcal.sync.parseICS(ics)).filter(
      (e) => e?.type === 'VEVENT',
    ) as nodeIcal.VEvent[];
    const seen = events.map((e) => ({
      uid: e.uid,
      summary: e.summary,
      allDay: e.datetype,
      start: localDay(e.start),
      end: localDay(e.end!),
      status: e.status,
    }));
    expect(seen.sort((a, b) => a.uid.localeCompare(b.uid))).toEqual([
      {
        uid: 'decision-p-1-d-1@vsoko',
        summary: 'Срок решения: Провести дополнительные занятия',
        allDay: 'date',
        start: '2026-05-20',
        end: '2026-05-21',
        status: 'CONFIRMED',
      },
      {
        uid: 'procedure-p-1@vsoko',
        summary: 'ВСОКО: ВПР по математике, 4 классы',
        allDay: 'date',
        start: '2026-04-13',
        end: '2026-04-25',
        status: 'CONFIRMED',
      },
      {
        uid: 'procedure-p-2@vsoko',
        summary: 'ВСОКО: ВПР по математике, 4 классы',
        allDay: 'date',
        start: '2026-04-13',
        end: '2026-04-25',
        status: 'CANCELLED',
      },
    ]);
  });
});

/** node-ical gives all-day dates as local-midnight Dates. */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
