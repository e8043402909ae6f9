import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, Select, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { unwrap } from '../api/client';
import { MEETING_LEVEL_TITLES, MEETING_LEVELS, type MeetingLevel } from '../api/domain';
import { useSchoolQuery, useSchoolTimeZone } from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { useUrlState } from '../app/useUrlState';
import { useSignedIn } from '../auth/SessionContext';
import { isAdministration } from '../auth/session';
import { academicYearOf, schoolDay } from '../format/dates';
import { ColourTag, type TagColour } from '../format/StatusTag';
import { YearSelect } from '../plan/YearSelect';
import { DateField } from '../procedure/fields';
import { listMeetings, type Outcome } from './meetings-api';
import {
  byDateDescending,
  meetingDateText,
  MEETING_STATUS_NAMES,
  newId,
  type Meeting,
  type MeetingStatus,
} from './meetings-model';
import { useWrite } from './useWrite';
import { ErrorAlert, LoadError } from '../app/ErrorAlert';

const STATUS_COLOURS: Record<MeetingStatus, TagColour> = {
  planned: 'blue',
  held: 'amber',
  signed: 'green',
  cancelled: 'grey',
};

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  return <ColourTag colour={STATUS_COLOURS[status]}>{MEETING_STATUS_NAMES[status]}</ColourTag>;
}

export function meetingName(m: Pick<Meeting, 'level' | 'title' | 'association'>): string {
  if (m.title) return m.title;
  const level = MEETING_LEVEL_TITLES[m.level];
  return m.association ? `${level} ${m.association}` : level;
}

interface PlanValues {
  level: MeetingLevel;
  association?: string;
  title?: string;
  date: string;
  chair?: string;
  secretary?: string;
}

/** Plans a meeting; without an agenda of its own the server proposes one (analysed procedures, carried decisions). */
function PlanMeetingForm({ onCancel }: { onCancel(): void }) {
  const { api } = useSignedIn();
  const timeZone = useSchoolTimeZone();
  const navigate = useNavigate();
  const [form] = Form.useForm<PlanValues>();
  const level = Form.useWatch('level', form);
  const plan = useWrite<Outcome & { meetingId: string }, PlanValues>(
    (headers, v) =>
      unwrap(
        api.POST('/meetings', {
          headers,
          body: {
            id: newId('m'),
            academicYear: academicYearOf(v.date),
            level: v.level,
            ...(v.association?.trim() ? { association: v.association.trim() } : {}),
            ...(v.title?.trim() ? { title: v.title.trim() } : {}),
            date: { precision: 'day', date: v.date },
            ...(v.chair?.trim() ? { chair: { name: v.chair.trim() } } : {}),
            ...(v.secretary?.trim() ? { secretary: { name: v.secretary.trim() } } : {}),
            timeZone,
          },
        }),
      ),
    { form, onSuccess: (r) => navigate(`/sittings/${r.meetingId}`) },
  );
  return (
    <Card title={<h2 className="card-title">Новое заседание</h2>} style={{ marginBottom: 16 }}>
      <ErrorAlert error={plan.error} style={{ marginBottom: 12 }} />
      <Form<PlanValues>
        form={form}
        layout="vertical"
        initialValues={{ level: 'pedagogical-council' }}
        onFinish={(v) => plan.mutate(v)}
        style={{ maxWidth: 640 }}
      >
        <Form.Item
          name="level"
          label="Вид заседания"
          rules={[{ required: true, message: 'Выберите вид заседания' }]}
        >
          <Select options={MEETING_LEVELS.map((l) => ({ value: l, label: MEETING_LEVEL_TITLES[l] }))} />
        </Form.Item>
        {level === 'subject-association' ? (
          <Form.Item
            name="association"
            label="Методическое объединение"
            rules={[{ required: true, whitespace: true, message: 'Укажите объединение' }]}
          >
            <Input placeholder="учителей начальных классов" />
          </Form.Item>
        ) : null}
        <Form.Item name="title" label="Название, если школа называет иначе">
          <Input placeholder="Общешкольное родительское собрание" />
        </Form.Item>
        <DateField name="date" label="Дата заседания" />
        <Form.Item name="chair" label="Председатель">
          <Input placeholder="Кузнецова О. П." autoComplete="off" />
        </Form.Item>
        <Form.Item name="secretary" label="Секретарь">
          <Input placeholder="Смирнова Е. В." autoComplete="off" />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          Повестка будет предложена автоматически: проанализированные процедуры и решения прежних заседаний,
          которые ещё не исполнены или признаны неэффективными. Её можно изменить до заседания.
        </Typography.Paragraph>
        <Space>
          <Button type="primary" htmlType="submit" loading={plan.isPending}>
            Запланировать
          </Button>
          <Button onClick={onCancel}>Отмена</Button>
        </Space>
      </Form>
    </Card>
  );
}

export function MeetingsPage() {
  usePageTitle('Заседания');
  const { get, set } = useUrlState();
  const { session, schoolId } = useSignedIn();
  const admin = isAdministration(session, schoolId);
  const timeZone = useSchoolTimeZone();
  const year = get('year') ?? academicYearOf(schoolDay(new Date(), timeZone));
  const [planning, setPlanning] = useState(false);
  const meetings = useSchoolQuery(['meetings', year], (api, school, position) =>
    listMeetings(api, school, year, position),
  );
  const rows = byDateDescending(meetings.data ?? []);
  return (
    <>
      <Space wrap align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Заседания {year} учебного года
        </Typography.Title>
        <Space wrap>
          <YearSelect value={year} onChange={(y) => set('year', y)} />
          {admin && !planning ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setPlanning(true)}>
              Запланировать заседание
            </Button>
          ) : null}
        </Space>
      </Space>
      <div style={{ marginTop: 16 }}>
        {planning ? <PlanMeetingForm onCancel={() => setPlanning(false)} /> : null}
        {meetings.isError ? (
          <LoadError title="Заседания не загрузились" query={meetings} />
        ) : !meetings.data ? (
          <Skeleton active />
        ) : rows.length === 0 ? (
          <Empty
            description={
              admin
                ? 'Заседаний этого года пока нет. Запланируйте педсовет: повестка с результатами процедур и перенесёнными решениями будет предложена сама.'
                : 'Заседаний этого года пока нет. Их планирует администрация школы.'
            }
          />
        ) : (
          <Table<Meeting>
            rowKey="meetingId"
            pagination={false}
            dataSource={rows}
            scroll={{ x: true }}
            columns={[
              {
                title: 'Заседание',
                key: 'name',
                render: (_, m) => <Link to={`/sittings/${m.meetingId}`}>{meetingName(m)}</Link>,
              },
              { title: 'Дата', key: 'date', render: (_, m) => meetingDateText(m.date) },
              {
                title: 'Протокол',
                key: 'protocol',
                render: (_, m) => ('protocolNumber' in m ? `№ ${m.protocolNumber}` : '—'),
              },
              { title: 'Вопросов', key: 'agenda', render: (_, m) => m.agenda.length },
              { title: 'Состояние', key: 'status', render: (_, m) => <MeetingStatusTag status={m.status} /> },
            ]}
          />
        )}
      </div>
    </>
  );
}
