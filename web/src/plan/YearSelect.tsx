import { Select } from 'antd';
import { academicYearOf, schoolDay } from '../format/dates';

/** This academic year, the two before it and the next one. */
export function YearSelect({ value, onChange }: { value: string; onChange(year: string): void }) {
  const current = Number(academicYearOf(schoolDay(new Date())).slice(0, 4));
  const years = [current + 1, current, current - 1, current - 2].map(
    (y) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`,
  );
  return (
    <Select
      aria-label="Учебный год"
      value={value}
      onChange={onChange}
      style={{ width: 140 }}
      options={years.map((y) => ({ value: y, label: y }))}
    />
  );
}
