import { Select, Space } from 'antd';
import { useId } from 'react';
import { academicYearOf, schoolDay } from '../format/dates';

/** «2026/27 учебный год» for this academic year, the two before it and the next one, with its label shown. */
export function YearSelect({ value, onChange }: { value: string; onChange(year: string): void }) {
  const id = useId();
  const current = Number(academicYearOf(schoolDay(new Date())).slice(0, 4));
  const years = [current + 1, current, current - 1, current - 2].map(
    (y) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`,
  );
  return (
    <Space size={8} align="center">
      <label htmlFor={id}>Учебный год</label>
      <Select
        id={id}
        value={value}
        onChange={onChange}
        style={{ width: 120 }}
        options={years.map((y) => ({
          value: y,
          label: y === `${current}/${String((current + 1) % 100).padStart(2, '0')}` ? `${y} (текущий)` : y,
        }))}
        labelRender={({ value: v }) => String(v)}
      />
    </Space>
  );
}
