import { DatePicker, Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';

/** A calendar date field: the picker shows «2 декабря 2026», the form keeps YYYY-MM-DD for the API. */
export function DateField({
  name,
  label,
  required = true,
  notAfterToday = false,
}: {
  name: string | (string | number)[];
  label: string;
  required?: boolean;
  notAfterToday?: boolean;
}) {
  const rules: Rule[] = [{ required, message: `Укажите: ${label.toLowerCase()}` }];
  if (notAfterToday) {
    rules.push({
      validator: (_, value?: string) =>
        value && value > dayjs().format('YYYY-MM-DD')
          ? Promise.reject(new Error('Дата не может быть в будущем'))
          : Promise.resolve(),
    });
  }
  return (
    <Form.Item
      name={name}
      label={label}
      rules={rules}
      getValueProps={(value?: string) => ({ value: value ? dayjs(value) : undefined })}
      normalize={(value?: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined)}
    >
      <DatePicker
        format={['D MMMM YYYY', 'DD.MM.YYYY']}
        style={{ width: '100%' }}
        // Enter confirms the typed date («22.12.2026»); without this it would also submit the form before the
        // picker took the date, and the form would say the date is missing.
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
    </Form.Item>
  );
}

/** Text with one item a line: «что собрано», «выводы». */
export function LinesField({ name, label, help }: { name: string; label: string; help?: string }) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra={help ?? 'По одному пункту в строке'}
      rules={[{ required: true, whitespace: true, message: `Заполните: ${label.toLowerCase()}` }]}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
    </Form.Item>
  );
}

export function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
