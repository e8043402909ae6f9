import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  List,
  Radio,
  Result,
  Select,
  Skeleton,
  Space,
  Tabs,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { describeError } from '../api/errors';
import {
  auditOf,
  chainOf,
  listDecisions,
  listProcedures,
  planAsOf,
  useSchoolQuery,
  useSchoolTimeZone,
} from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { getDecision, listMeetings } from '../meetings/meetings-api';
import { meetingDateText, type Meeting } from '../meetings/meetings-model';
import { meetingName } from '../meetings/MeetingsPage';
import { useSignedIn } from '../auth/SessionContext';
import { academicYearOf, endOfSchoolDay, formatDate, schoolDay } from '../format/dates';
import { CyclogramView } from '../plan/CyclogramView';
import type { PlanItem } from '../plan/cyclogram';
import { YearSelect } from '../plan/YearSelect';
import { Timeline } from '../procedure/Timeline';
import { downloadReport, REPORTS } from './download';
import { ErrorAlert } from '../app/ErrorAlert';

type Params = ReturnType<typeof useSearchParams>;
type SetParam = (key: string | Record<string, string | undefined>, value?: string) => void;

/** A meeting as the audit's filter names it: its name and date. */
function meetingLabel(m: Meeting): string {
  return `${meetingName(m)}, ${meetingDateText('record' in m ? m.record.date : m.date)}`;
}

function useProcedureOptions(year: string) {
  const procedures = useSchoolQuery(['procedures', year], (api, school) => listProcedures(api, school, year));
  return {
    procedures,
    options: (procedures.data ?? []).map((p) => ({ value: p._id, label: p.title })),
  };
}

function History({ year, params, setParam }: { year: string; params: Params[0]; setParam: SetParam }) {
  const procedureId = params.get('procedure') ?? undefined;
  const decision = params.get('decision') ?? undefined;
  const meetingId = params.get('meeting') ?? undefined;
  const { procedures, options } = useProcedureOptions(year);
  const decisions = useSchoolQuery(['decisions', year], (api, schoolId) =>
    listDecisions(api, { schoolId, academicYear: year }),
  );
  const meetings = useSchoolQuery(['meetings', year], (api, schoolId) => listMeetings(api, schoolId, year));
  const axis = decision
    ? { decision }
    : procedureId
      ? { procedureId }
      : meetingId
        ? { meetingId }
        : undefined;
  /** One history at a time: choosing a procedure, a decision or a meeting drops the others. */
  const choose = (key: 'procedure' | 'decision' | 'meeting', value?: string) =>
    setParam({ procedure: undefined, decision: undefined, meeting: undefined, [key]: value });
  const meeting = (meetings.data ?? []).find((m) => m.meetingId === meetingId);
  // A held meeting's decisions by wording, so its history names the ones a correction touched.
  const recordIds =
    meeting && 'record' in meeting ? meeting.record.minutes.flatMap((m) => m.decisionIds) : [];
  const records = useSchoolQuery(['meeting-decisions', meetingId, recordIds], (api) =>
    Promise.all(recordIds.map((id) => getDecision(api, id).catch(() => undefined))),
  );
  const wordings = new Map([
    ...(decisions.data ?? []).map((d): [string, string] => [d._id, d.wording]),
    ...(records.data ?? []).flatMap((r): [string, string][] => (r ? [[r.decisionId, r.wording]] : [])),
  ]);
  const timeline = useSchoolQuery(['audit', axis], (api) =>
    axis ? auditOf(api, axis) : Promise.resolve([]),
  );
  const schoolZone = useSchoolTimeZone();
  const timeZone =
    (procedures.data ?? []).find((p) => p._id === (procedureId ?? decision?.split(':')[0]))?.timeZone ??
    schoolZone;
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="Процедура"
          placeholder="Выберите процедуру"
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          style={{ minWidth: 320 }}
          value={procedureId}
          loading={procedures.isPending}
          onChange={(v?: string) => choose('procedure', v)}
          options={options}
        />
        <Select
          aria-label="Решение"
          placeholder="или решение"
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          style={{ minWidth: 320 }}
          value={decision}
          loading={decisions.isPending}
          onChange={(v?: string) => choose('decision', v)}
          options={(decisions.data ?? []).map((d) => ({
            value: d._id,
            label: `${d.wording} (${d.procedureTitle})`,
          }))}
        />
        <Select
          aria-label="Заседание"
          placeholder="или заседание (история протокола)"
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          style={{ minWidth: 320 }}
          value={meetingId}
          loading={meetings.isPending}
          onChange={(v?: string) => choose('meeting', v)}
          options={(meetings.data ?? []).map((m) => ({ value: m.meetingId, label: meetingLabel(m) }))}
        />
      </Space>
      {meetingId && !decision && !procedureId ? (
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          История протокола: {meeting ? meetingLabel(meeting) : meetingId}
        </Typography.Title>
      ) : null}
      {axis ? (
        <Timeline
          entries={timeline.data}
          wordings={wordings}
          timeZone={timeZone}
          error={timeline.error}
          loading={timeline.isPending}
        />
      ) : (
        <Empty description="Выберите процедуру, решение или заседание, чтобы увидеть всю его историю: кто, когда, что и почему." />
      )}
    </>
  );
}

function PlanAsOf({ year }: { year: string }) {
  const { api, schoolId } = useSignedIn();
  const timeZone = useSchoolTimeZone();
  const [day, setDay] = useState<Dayjs | null>(null);
  const [basis, setBasis] = useState<'recorded' | 'occurred'>('recorded');
  // The end of the chosen day in the school's zone: what the log held by then.
  const at = day ? endOfSchoolDay(day.format('YYYY-MM-DD'), timeZone) : undefined;
  const plan = useSchoolQuery(['plan-as-of', year, at, basis], () =>
    at ? planAsOf(api, schoolId!, year, at, basis) : Promise.resolve(undefined),
  );
  const items: PlanItem[] = (plan.data?.procedures ?? []).map((p) => ({
    id: p.procedureId,
    title: p.state.title,
    direction: p.state.direction,
    stage: p.state.status,
    late:
      Object.keys(p.state.overdueStages).length > 0 ||
      ('followUp' in p.state && !!p.state.followUp?.decisions.some((d) => d.overdue)),
    responsibleKey: p.state.responsible.personId ?? p.state.responsible.role ?? p.state.responsible.name,
    responsibleName: p.state.responsible.name,
    window: p.state.window,
  }));
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }} align="center">
        <label htmlFor="as-of-date">Восстановить план на дату</label>
        <DatePicker
          id="as-of-date"
          style={{ width: 210 }}
          format={['D MMMM YYYY', 'DD.MM.YYYY']}
          value={day}
          onChange={setDay}
          disabledDate={(d) => d.format('YYYY-MM-DD') > schoolDay(new Date(), timeZone)}
        />
        <Radio.Group
          aria-label="Как восстановить"
          value={basis}
          onChange={(e) => setBasis(e.target.value as 'recorded' | 'occurred')}
          options={[
            { value: 'recorded', label: 'что было записано в журнал к этой дате' },
            { value: 'occurred', label: 'что произошло к этой дате (с учётом внесённого позже)' },
          ]}
        />
      </Space>
      {!day ? (
        <Empty description="Выберите прошлую дату: план будет восстановлен из журнала событий таким, каким он был в конце того дня." />
      ) : plan.isError ? (
        <ErrorAlert error={plan.error} title="План на дату не восстановлен" />
      ) : plan.isPending || !plan.data ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description="На эту дату в плане ещё не было процедур. Выберите более позднюю дату." />
      ) : (
        <>
          <Typography.Paragraph role="status">
            План на конец дня {formatDate(day.format('YYYY-MM-DD'))} по журналу событий: процедур{' '}
            {items.length}.
          </Typography.Paragraph>
          <CyclogramView items={items} />
        </>
      )}
    </>
  );
}

function Chain({ year, params, setParam }: { year: string; params: Params[0]; setParam: SetParam }) {
  const procedureId = params.get('procedure') ?? undefined;
  const { procedures, options } = useProcedureOptions(year);
  const chain = useSchoolQuery(['chain', procedureId], (api) =>
    procedureId ? chainOf(api, procedureId) : Promise.resolve(undefined),
  );
  return (
    <>
      <Select
        aria-label="Процедура для проверки"
        placeholder="Выберите процедуру"
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        style={{ minWidth: 320, marginBottom: 16 }}
        value={procedureId}
        loading={procedures.isPending}
        onChange={(v?: string) => setParam('procedure', v)}
        options={options}
      />
      {!procedureId ? (
        <Empty description="Выберите процедуру: система пересчитает цепочку хешей её событий и скажет, не удалено, не изменено и не переставлено ли что-нибудь." />
      ) : chain.isError ? (
        <ErrorAlert error={chain.error} title="Проверка не выполнена" />
      ) : !chain.data ? (
        <Skeleton active />
      ) : chain.data.ok ? (
        <Result
          status="success"
          title={<span role="status">Цепочка цела: событий {chain.data.events}</span>}
          subTitle={`Печать потока (сохраните для следующей проверки): ${chain.data.seal}`}
        />
      ) : (
        <Result
          status="error"
          title={<span role="alert">Нарушение целостности</span>}
          subTitle={chain.data.message}
        />
      )}
    </>
  );
}

function Reports({ year }: { year: string }) {
  const { api, schoolId } = useSignedIn();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const get = async (file: string) => {
    setBusy(file);
    setError(undefined);
    try {
      await downloadReport(api, file, schoolId!, year);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <List
        bordered
        dataSource={[...REPORTS]}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button
                key="get"
                icon={<DownloadOutlined />}
                loading={busy === r.file}
                onClick={() => void get(r.file)}
                aria-label={`Скачать: ${r.title}`}
              >
                Скачать
              </Button>,
            ]}
          >
            {r.title}
          </List.Item>
        )}
      />
    </>
  );
}

const TABS = ['history', 'as-of', 'chain', 'reports'] as const;

export function AuditPage() {
  usePageTitle('Аудит');
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? academicYearOf(schoolDay(new Date(), useSchoolTimeZone()));
  // Several keys change in one navigation: two calls in one handler would each start from the same address.
  const setParam: SetParam = (key, value) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(typeof key === 'string' ? { [key]: value } : key)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'history';
  return (
    <>
      <Space wrap align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Аудит, {year}
        </Typography.Title>
        <YearSelect value={year} onChange={(y) => setParam('year', y)} />
      </Space>
      <Card style={{ marginTop: 12 }}>
        <Tabs
          activeKey={tab}
          onChange={(t) => setParam('tab', t === 'history' ? undefined : t)}
          items={[
            {
              key: 'history',
              label: 'История',
              children: <History year={year} params={params} setParam={setParam} />,
            },
            { key: 'as-of', label: 'План на дату', children: <PlanAsOf year={year} /> },
            {
              key: 'chain',
              label: 'Целостность журнала',
              children: <Chain year={year} params={params} setParam={setParam} />,
            },
            { key: 'reports', label: 'Отчёты', children: <Reports year={year} /> },
          ]}
        />
      </Card>
    </>
  );
}
