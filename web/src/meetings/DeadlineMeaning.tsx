import { Form, Typography } from 'antd';
import { useEffect, useState } from 'react';
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
 * Read against the meeting's academic year and the «held on» day the form has now.
 */
export function DeadlineMeaning({ path, academicYear }: { path: (string | number)[]; academicYear: string }) {
  const form = Form.useFormInstance();
  const text = Form.useWatch(path, form) as string | undefined;
  const adoptedOn = Form.useWatch('date', form) as string | undefined;
  const settled = useSettled(text, 250);
  const reading = readDeadline(settled, { academicYear, ...(adoptedOn ? { adoptedOn } : {}) });
  return (
    <span aria-live="polite" className="deadline-meaning">
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
