import { Form, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { unwrap } from '../api/client';
import { useSchoolQuery } from '../api/queries';
import type { CalendarView } from '../settings/calendar-model';
import { yearParam } from '../settings/calendar-model';
import { readDeadline } from './deadline-reading';

/** The value a moment after it stops changing: the reading follows the typing without flickering per key. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Under a deadline typed as the protocol says it: what it will be taken to mean («понят как: до 25 декабря
 * 2026»), what the reader was unsure of, or why it cannot be a deadline — while it is typed, before saving.
 * Read against the meeting's academic year, the «held on» day the form has now (or the adoption day given, as a
 * decision's new deadline is read) and the school's calendar for the year (fetched once per year and shared with
 * the calendar page: terms in «в течение года» are its terms).
 */
export function DeadlineMeaning({
  path,
  academicYear,
  adoptedOn: fixedAdoptedOn,
}: {
  path: (string | number)[];
  academicYear: string;
  /** The day the decision was adopted, when the form has no «held on» field (`date`) to watch. */
  adoptedOn?: string;
}) {
  const form = Form.useFormInstance();
  const text = Form.useWatch(path, form) as string | undefined;
  const heldOn = Form.useWatch('date', form) as string | undefined;
  const adoptedOn = fixedAdoptedOn ?? heldOn;
  const settled = useSettled(text, 250);
  const calendar = useSchoolQuery(['school-calendar', academicYear], (api, school) =>
    unwrap<CalendarView>(
      api.GET('/schools/{schoolId}/calendars/{academicYear}', {
        params: { path: { schoolId: school, academicYear: yearParam(academicYear) } },
      }),
    ),
  );
  if (!calendar.data && !calendar.isError)
    return <span className="deadline-meaning">Календарь школы загружается…</span>;
  // Without the calendar (it did not load), terms are read by the shipped default, as the server reads them
  // for a school without its own: the page says the reading is provisional.
  const reading = readDeadline(settled, {
    academicYear,
    schoolCalendar: calendar.data?.calendar ?? null,
    ...(adoptedOn ? { adoptedOn } : {}),
  });
  return (
    <span aria-live="polite" className="deadline-meaning">
      {calendar.isError ? 'Календарь школы не загрузился: четверти — по календарю по умолчанию. ' : null}
      {reading.kind === 'empty' ? (
        'Пусто — без срока'
      ) : reading.kind === 'error' ? (
        <Typography.Text strong>{reading.message}</Typography.Text>
      ) : (
        <>
          Понят как: <strong>{reading.meaning}</strong>
          {reading.warnings.map((w) => (
            <span key={w}>
              <br />
              Внимание: {w}
            </span>
          ))}
        </>
      )}
    </span>
  );
}
