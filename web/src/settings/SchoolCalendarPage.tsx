import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { unwrap } from '../api/client';
import { describeError } from '../api/errors';
import { newIdempotencyKey } from '../api/keys';
import { rememberPosition, useSchoolQuery, useSchoolTimeZone } from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { useUrlState } from '../app/useUrlState';
import { useSignedIn } from '../auth/SessionContext';
import { rolesAt } from '../auth/session';
import { academicYearOf, formatDate, schoolDay } from '../format/dates';
import {
  DAY_KIND_TITLES,
  dayOf,
  MONTHS,
  monthsOf,
  weeksOf,
  workingDaysOfTerm,
  yearParam,
  type CalendarView,
  type DayKind,
  type SchoolCalendar,
} from './calendar-model';
import { SettingsNav } from './SettingsNav';
import { ErrorAlert, LoadError } from '../app/ErrorAlert';

const WEEKDAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'];
const ROMAN = ['I', 'II', 'III', 'IV'];
const TERM_WORD = { quarter: 'четверть', trimester: 'триместр' } as const;
const DAY_OFF_KINDS = [
  { value: 'vacation', label: 'Каникулы' },
  { value: 'public-holiday', label: 'Праздник' },
  { value: 'transfer', label: 'Выходной по переносу' },
];
const LEGEND: DayKind[] = ['term', 'vacation', 'public-holiday', 'transfer', 'working-weekend', 'weekend'];

function Month({ year, month, calendar }: { year: number; month: number; calendar: SchoolCalendar }) {
  return (
    <table className="month-table">
      <caption>
        {MONTHS[month]} {year}
      </caption>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col">
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeksOf(year, month).map((week, w) => (
          <tr key={w}>
            {week.map((date, i) => {
              if (!date) return <td key={i} />;
              const day = dayOf(date, calendar);
              const title = `${formatDate(date)}: ${DAY_KIND_TITLES[day.kind]}${day.name ? ` — ${day.name}` : ''}`;
              return (
                <td key={i} className={`day-${day.kind}`} title={title}>
                  {Number(date.slice(8))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function YearGrid({ calendar }: { calendar: SchoolCalendar }) {
  return (
    <>
      <ul className="calendar-legend" aria-label="Обозначения">
        {LEGEND.map((k) => (
          <li key={k}>
            <span className={`swatch day-${k}`} aria-hidden />
            {DAY_KIND_TITLES[k]}
          </li>
        ))}
      </ul>
      <div className="year-calendar">
        {monthsOf(calendar.academicYear).map((m) => (
          <Month key={`${m.year}-${m.month}`} year={m.year} month={m.month} calendar={calendar} />
        ))}
      </div>
    </>
  );
}

function Lists({ calendar }: { calendar: SchoolCalendar }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Table
        rowKey="number"
        size="small"
        pagination={false}
        caption={calendar.termKind === 'quarter' ? 'Четверти' : 'Триместры'}
        dataSource={calendar.terms}
        columns={[
          {
            title: calendar.termKind === 'quarter' ? 'Четверть' : 'Триместр',
            key: 'n',
            render: (_, t) => `${ROMAN[t.number - 1] ?? t.number} ${TERM_WORD[calendar.termKind]}`,
          },
          { title: 'С', key: 'from', render: (_, t) => formatDate(t.from) },
          { title: 'По', key: 'to', render: (_, t) => formatDate(t.to) },
          { title: 'Учебных дней', key: 'days', render: (_, t) => workingDaysOfTerm(calendar, t) },
        ]}
      />
      <Table
        rowKey={(d) => `${d.kind}:${d.from}:${d.name}`}
        size="small"
        pagination={false}
        caption="Каникулы, праздники и переносы"
        dataSource={calendar.daysOff}
        scroll={{ x: true }}
        columns={[
          { title: 'Что', dataIndex: 'name' },
          {
            title: 'Вид',
            key: 'kind',
            render: (_, d) => DAY_OFF_KINDS.find((k) => k.value === d.kind)?.label,
          },
          {
            title: 'Даты',
            key: 'dates',
            render: (_, d) =>
              d.from === d.to ? formatDate(d.from) : `${formatDate(d.from)} — ${formatDate(d.to)}`,
          },
        ]}
      />
      {calendar.workingWeekends.length > 0 ? (
        <Typography.Paragraph>
          Рабочие выходные по переносу: {calendar.workingWeekends.map((d) => formatDate(d)).join(', ')}.
        </Typography.Paragraph>
      ) : null}
    </Space>
  );
}

type Range = [Dayjs, Dayjs];
interface EditValues {
  termKind: SchoolCalendar['termKind'];
  weekDays: 5 | 6;
  terms: { range: Range }[];
  daysOff: { kind: SchoolCalendar['daysOff'][number]['kind']; name: string; range: Range }[];
  workingWeekends: { day: Dayjs }[];
}

const range = (from: string, to: string): Range => [dayjs(from), dayjs(to)];
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

function toForm(c: SchoolCalendar): EditValues {
  return {
    termKind: c.termKind,
    weekDays: c.weekDays,
    terms: c.terms.map((t) => ({ range: range(t.from, t.to) })),
    daysOff: c.daysOff.map((d) => ({ kind: d.kind, name: d.name, range: range(d.from, d.to) })),
    workingWeekends: c.workingWeekends.map((d) => ({ day: dayjs(d) })),
  };
}

function fromForm(v: EditValues) {
  return {
    termKind: v.termKind,
    weekDays: v.weekDays,
    terms: (v.terms ?? []).map((t, i) => ({ number: i + 1, from: day(t.range[0]), to: day(t.range[1]) })),
    daysOff: (v.daysOff ?? []).map((d) => ({
      kind: d.kind,
      name: d.name.trim(),
      from: day(d.range[0]),
      to: day(d.range[1]),
    })),
    workingWeekends: (v.workingWeekends ?? []).map((w) => day(w.day)),
  };
}

const RANGE_FORMAT = ['D MMMM YYYY', 'DD.MM.YYYY'];

function EditCalendar({
  start,
  year,
  onSaved,
  onCancel,
}: {
  start: SchoolCalendar;
  year: string;
  onSaved(): void;
  onCancel(): void;
}) {
  const { api, schoolId } = useSignedIn();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const save = useMutation({
    mutationFn: (v: EditValues) =>
      unwrap<{ position?: number }>(
        api.PUT('/schools/{schoolId}/calendars/{academicYear}', {
          params: {
            path: { schoolId: schoolId!, academicYear: yearParam(year) },
            header: { 'Idempotency-Key': newIdempotencyKey() },
          } as never,
          body: fromForm(v),
        }),
      ),
    onSuccess: async (r) => {
      if (r.position) rememberPosition(queryClient, schoolId, r.position);
      await queryClient.invalidateQueries({ queryKey: [schoolId, 'school-calendar'] });
      onSaved();
    },
  });
  return (
    <Form form={form} layout="vertical" initialValues={toForm(start)} onFinish={(v) => save.mutate(v)}>
      {save.isError ? (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="Календарь не сохранён"
          description={describeError(save.error)}
        />
      ) : null}
      <Space wrap size={24}>
        <Form.Item name="termKind" label="Деление года">
          <Radio.Group
            options={[
              { value: 'quarter', label: 'Четверти' },
              { value: 'trimester', label: 'Триместры' },
            ]}
          />
        </Form.Item>
        <Form.Item name="weekDays" label="Учебная неделя">
          <Radio.Group
            options={[
              { value: 5, label: 'Пятидневная' },
              { value: 6, label: 'Шестидневная' },
            ]}
          />
        </Form.Item>
      </Space>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        Четверти (триместры)
      </Typography.Title>
      <Form.List name="terms">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item
                  name={[f.name, 'range']}
                  label={`${ROMAN[i] ?? i + 1}: даты`}
                  rules={[{ required: true, message: 'Укажите даты' }]}
                >
                  <DatePicker.RangePicker format={RANGE_FORMAT} aria-label={`Даты: ${ROMAN[i] ?? i + 1}`} />
                </Form.Item>
                <Button
                  icon={<MinusCircleOutlined aria-hidden />}
                  aria-label={`Убрать: ${ROMAN[i] ?? i + 1}`}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            {fields.length < 4 ? (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add()} style={{ marginBottom: 16 }}>
                Добавить четверть
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        Каникулы, праздники и переносы
      </Typography.Title>
      <Form.List name="daysOff">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: 'Вид' }]}>
                  <Select
                    aria-label={`Вид: строка ${i + 1}`}
                    options={DAY_OFF_KINDS}
                    style={{ width: 200 }}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: 'Название' }]}
                >
                  <Input aria-label={`Название: строка ${i + 1}`} style={{ width: 280 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'range']} rules={[{ required: true, message: 'Даты' }]}>
                  <DatePicker.RangePicker format={RANGE_FORMAT} aria-label={`Даты: строка ${i + 1}`} />
                </Form.Item>
                <Button
                  icon={<MinusCircleOutlined aria-hidden />}
                  aria-label={`Убрать: строка ${i + 1}`}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ kind: 'vacation', name: '' })}
              style={{ marginBottom: 16 }}
            >
              Добавить каникулы или праздник
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        Рабочие выходные по переносу
      </Typography.Title>
      <Form.List name="workingWeekends">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'day']} rules={[{ required: true, message: 'Дата' }]}>
                  <DatePicker format={RANGE_FORMAT} aria-label={`Рабочий выходной ${i + 1}`} />
                </Form.Item>
                <Button
                  icon={<MinusCircleOutlined aria-hidden />}
                  aria-label={`Убрать рабочий выходной ${i + 1}`}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add()} style={{ marginBottom: 16 }}>
              Добавить рабочий выходной
            </Button>
          </>
        )}
      </Form.List>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Утвердить календарь
        </Button>
        <Button onClick={onCancel}>Отмена</Button>
      </Space>
    </Form>
  );
}

function sourceText(v: CalendarView): string {
  if (!v.inForce)
    return 'Календарь на этот год не утверждён: сроки считаются по всем дням подряд, выходные и каникулы не учитываются. Ниже — предложение: рекомендованные каникулы и производственный календарь.';
  if (v.source?.kind === 'district')
    return `Действует календарь района (версия ${v.source.version}). Директор может утвердить свой.`;
  return 'Действует календарь школы.';
}

/**
 * The school's academic year on one screen: its terms and days off drawn month by month, listed with their
 * dates; the director approves the proposed calendar as it is, or edits it first. Deadlines that fall on a day
 * off move by the school's policy.
 */
export function SchoolCalendarPage() {
  usePageTitle('Календарь учебного года');
  const { session, schoolId } = useSignedIn();
  const director = rolesAt(session, schoolId).includes('director');
  const timeZone = useSchoolTimeZone();
  const { get, set } = useUrlState();
  const current = academicYearOf(schoolDay(new Date(), timeZone));
  const next = `${Number(current.slice(0, 4)) + 1}/${String((Number(current.slice(0, 4)) + 2) % 100).padStart(2, '0')}`;
  const year = get('year') ?? current;
  const [editing, setEditing] = useState(false);
  const view = useSchoolQuery(['school-calendar', year], (api, school) =>
    unwrap<CalendarView>(
      api.GET('/schools/{schoolId}/calendars/{academicYear}', {
        params: { path: { schoolId: school, academicYear: yearParam(year) } },
      }),
    ),
  );
  const shown = view.data?.calendar ?? view.data?.proposal ?? null;
  return (
    <>
      <Typography.Title level={1} className="page-title">
        Настройки
      </Typography.Title>
      <SettingsNav />
      <Card
        title={<h2 className="card-title">Календарь учебного года</h2>}
        extra={
          <Space size={8}>
            <label htmlFor="calendar-year">Учебный год</label>
            <Select
              id="calendar-year"
              value={year}
              onChange={(y: string) => {
                setEditing(false);
                set('year', y === current ? undefined : y);
              }}
              options={[current, next].map((y) => ({ value: y, label: y }))}
              style={{ width: 110 }}
            />
          </Space>
        }
      >
        {view.isError ? (
          <LoadError title="Календарь не загрузился" query={view} />
        ) : !view.data ? (
          <Skeleton active />
        ) : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Alert
              role="status"
              type={view.data.inForce ? 'success' : 'warning'}
              showIcon
              title={sourceText(view.data)}
              description={
                view.data.dayOffPolicy === 'next-working-day'
                  ? 'Срок, выпавший на выходной или каникулы, переносится на следующий рабочий день.'
                  : 'Сроки остаются как записаны, даже в выходной.'
              }
            />
            {editing && shown ? (
              <EditCalendar
                start={shown}
                year={year}
                onSaved={() => setEditing(false)}
                onCancel={() => setEditing(false)}
              />
            ) : shown ? (
              <>
                {director ? (
                  <Space wrap>
                    {!view.data.inForce || view.data.source?.kind === 'district' ? (
                      <ApproveAsShown calendar={shown} year={year} />
                    ) : null}
                    <Button onClick={() => setEditing(true)}>Изменить календарь</Button>
                  </Space>
                ) : (
                  <Typography.Paragraph type="secondary">
                    Утвердить или изменить календарь может директор школы.
                  </Typography.Paragraph>
                )}
                <YearGrid calendar={shown} />
                <Lists calendar={shown} />
              </>
            ) : (
              <Typography.Paragraph>
                Для {year} учебного года предложения нет.
                {director ? ' Составьте календарь сами.' : ''}
              </Typography.Paragraph>
            )}
          </Space>
        )}
      </Card>
    </>
  );
}

function ApproveAsShown({ calendar, year }: { calendar: SchoolCalendar; year: string }) {
  const { api, schoolId } = useSignedIn();
  const queryClient = useQueryClient();
  const approve = useMutation({
    mutationFn: () => {
      const { academicYear: _y, ...body } = calendar;
      return unwrap<{ position?: number }>(
        api.PUT('/schools/{schoolId}/calendars/{academicYear}', {
          params: {
            path: { schoolId: schoolId!, academicYear: yearParam(year) },
            header: { 'Idempotency-Key': newIdempotencyKey() },
          } as never,
          body,
        }),
      );
    },
    onSuccess: async (r) => {
      if (r.position) rememberPosition(queryClient, schoolId, r.position);
      await queryClient.invalidateQueries({ queryKey: [schoolId, 'school-calendar'] });
    },
  });
  return (
    <>
      <Button type="primary" loading={approve.isPending} onClick={() => approve.mutate()}>
        Утвердить этот календарь
      </Button>
      <ErrorAlert error={approve.error} />
    </>
  );
}
