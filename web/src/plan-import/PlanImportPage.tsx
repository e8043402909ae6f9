import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Input,
  Progress,
  Result,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { unwrap } from '../api/client';
import { DIRECTION_TITLES } from '../api/domain';
import { rememberPosition, useSchoolTimeZone } from '../api/queries';
import { academicYearOf, schoolDay } from '../format/dates';
import { usePageTitle } from '../app/usePageTitle';
import { useSignedIn } from '../auth/SessionContext';
import { ColourTag, type TagColour } from '../format/StatusTag';
import { useFileUpload } from '../upload/useFileUpload';
import {
  approvalBody,
  approvalPercent,
  choiceProblem,
  followingYear,
  nextYearLines,
  OUTCOME_TITLES,
  PAST_ACTION_TITLES,
  reportLines,
  windowLabel,
  YEAR_SOURCE,
  type ApprovalStatus,
  type ImportPreview,
  type PastAction,
  type PastChoice,
  type PreviewEntry,
  type RowOutcome,
} from './import-model';
import { ApprovalCard, ImportHeading, ImportResult, PreviewCard, UploadCard } from './ImportSteps';
import { ErrorAlert } from '../app/ErrorAlert';

const ACCEPT = '.docx,.xlsx,.csv,.json';
const OUTCOME_COLOURS: Record<RowOutcome, TagColour> = {
  procedure: 'green',
  section: 'blue',
  header: 'grey',
  empty: 'grey',
  warning: 'amber',
};

function UploadStep({ onPreview }: { onPreview(p: ImportPreview): void }) {
  const { schoolId } = useSignedIn();
  const [year, setYear] = useState<string>();
  const file = useFileUpload<ImportPreview>(
    '/plans/import',
    () => [
      ['schoolId', schoolId!],
      ['academicYear', year],
    ],
    { onSuccess: onPreview },
  );
  return (
    <UploadCard
      title="1. Файл плана"
      intro={
        <>
          План ВСОКО школы в том виде, в каком он есть: документ Word (.docx), таблица Excel (.xlsx), CSV или
          JSON. Сначала система покажет, что она поняла из каждой строки, — ничего не меняется, пока вы не
          утвердите.
        </>
      }
      upload={file}
      drop={{
        accept: ACCEPT,
        uid: 'plan',
        text: 'Перетащите файл плана сюда или нажмите, чтобы выбрать',
        hint: '.docx, .xlsx, .csv или .json',
      }}
      controls={
        <>
          <span id="import-year-label">Учебный год</span>
          <Select
            aria-labelledby="import-year-label"
            allowClear
            placeholder="Из заголовка плана"
            style={{ minWidth: 200 }}
            value={year}
            onChange={(v?: string) => setYear(v)}
            options={yearOptions()}
          />
        </>
      }
      errorTitle="План не прочитан"
    />
  );
}

/** Next year's plan from this year's approved one: the same rows, moved to the same months and weekdays. */
function NextYearStep({ onPreview }: { onPreview(p: ImportPreview): void }) {
  const { api, schoolId } = useSignedIn();
  const timeZone = useSchoolTimeZone();
  const current = academicYearOf(schoolDay(new Date(), timeZone));
  const [fromYear, setFromYear] = useState(current);
  const make = useMutation({
    mutationFn: () =>
      unwrap<ImportPreview>(api.POST('/plans/next-year', { body: { schoolId: schoolId!, fromYear } })),
    onSuccess: onPreview,
  });
  return (
    <Card
      title={<h2 className="card-title">Или: план на следующий год из этого</h2>}
      style={{ marginTop: 16 }}
    >
      <Typography.Paragraph>
        Строки утверждённого плана переносятся на те же месяцы и дни недели следующего года, с учётом
        календаря школы. Каждая новая процедура помнит прошлогоднюю — динамику показателей видно по годам.
        Сначала — предпросмотр, ничего не меняется до утверждения.
      </Typography.Paragraph>
      <Space wrap align="center">
        <label htmlFor="next-year-from">Из плана на</label>
        <Select
          id="next-year-from"
          value={fromYear}
          onChange={(v: string) => {
            setFromYear(v);
            make.reset();
          }}
          style={{ width: 120 }}
          options={[current, previousYear(current)].map((y) => ({ value: y, label: y }))}
        />
        <Button loading={make.isPending} onClick={() => make.mutate()}>
          Составить план на {followingYear(fromYear)}
        </Button>
      </Space>
      {make.isError ? (
        <ErrorAlert error={make.error} title="План на следующий год не составлен" style={{ marginTop: 12 }} />
      ) : null}
    </Card>
  );
}

function previousYear(academicYear: string): string {
  const start = Number(academicYear.slice(0, 4)) - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

function yearOptions() {
  const now = dayjs();
  const start = now.month() >= 7 ? now.year() : now.year() - 1;
  return [start + 1, start, start - 1].map((y) => {
    const value = `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
    return { value, label: value };
  });
}

function PreviewTable({ entries }: { entries: PreviewEntry[] }) {
  const [onlyAttention, setOnlyAttention] = useState(false);
  const rows = onlyAttention
    ? entries.filter((e) => e.became === 'warning' || e.warnings.length > 0)
    : entries.filter((e) => e.became !== 'empty');
  return (
    <>
      <label className="switch-label" style={{ marginBottom: 8 }}>
        <Switch
          aria-label="Только строки с предупреждениями"
          checked={onlyAttention}
          onChange={setOnlyAttention}
        />
        Только строки с предупреждениями
      </label>
      <Table
        rowKey="row"
        size="small"
        dataSource={rows}
        scroll={{ x: true }}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: 'Строк с предупреждениями нет.' }}
        columns={[
          { title: 'Строка', dataIndex: 'row', width: 70 },
          {
            title: 'Чем стала',
            key: 'became',
            render: (_, e) => (
              <ColourTag colour={OUTCOME_COLOURS[e.became]}>{OUTCOME_TITLES[e.became]}</ColourTag>
            ),
          },
          {
            title: 'Текст строки',
            key: 'text',
            render: (_, e) => (
              <>
                <div>{e.text}</div>
                {e.section ? <div className="muted">{e.section}</div> : null}
              </>
            ),
          },
          {
            title: 'Направление',
            key: 'direction',
            render: (_, e) => (e.direction ? DIRECTION_TITLES[e.direction] : '—'),
          },
          {
            title: 'Ответственный',
            key: 'responsible',
            render: (_, e) =>
              e.responsible ? (
                <>
                  {e.responsible.text}
                  {e.responsible.unknown.length > 0 ? (
                    <div className="muted">не найдены в справочнике: {e.responsible.unknown.join(', ')}</div>
                  ) : null}
                </>
              ) : (
                '—'
              ),
          },
          {
            title: 'Срок',
            key: 'deadline',
            render: (_, e) =>
              e.deadline ? (
                <>
                  <div>«{e.deadline.text}»</div>
                  <div className="muted">
                    {(e.occurrences ?? (e.window ? [e.window] : [])).map(windowLabel).join('; ') || '—'}
                  </div>
                </>
              ) : e.window ? (
                windowLabel(e.window)
              ) : (
                '—'
              ),
          },
          {
            title: 'Предупреждения',
            key: 'warnings',
            render: (_, e) => (e.warnings.length ? e.warnings.map((w) => w.message).join('; ') : '—'),
          },
        ]}
      />
    </>
  );
}

function ChoiceFields({
  value,
  onChange,
  label,
}: {
  value: PastChoice;
  onChange(c: PastChoice): void;
  label: string;
}) {
  return (
    <Space wrap>
      <Select
        aria-label={`Что было: ${label}`}
        value={value.action}
        style={{ minWidth: 300 }}
        onChange={(action: PastAction) => onChange({ ...value, action })}
        options={Object.entries(PAST_ACTION_TITLES).map(([v, l]) => ({ value: v, label: l }))}
      />
      {value.action === 'performed' ? (
        <DatePicker
          aria-label={`Дата проведения: ${label}`}
          format={['D MMMM YYYY', 'DD.MM.YYYY']}
          value={value.performedOn ? dayjs(value.performedOn) : null}
          onChange={(d) => onChange({ ...value, performedOn: d ? d.format('YYYY-MM-DD') : undefined })}
        />
      ) : null}
      {value.action === 'cancelled' ? (
        <Input
          aria-label={`Причина отмены: ${label}`}
          placeholder="Не проводилась: приказ № …"
          value={value.reason}
          onChange={(e) => onChange({ ...value, reason: e.target.value })}
          style={{ minWidth: 260 }}
        />
      ) : null}
    </Space>
  );
}

function PastWindows({
  preview,
  all,
  setAll,
  rows,
  setRows,
}: {
  preview: ImportPreview;
  all: PastChoice;
  setAll(c: PastChoice): void;
  rows: Record<string, PastChoice>;
  setRows(r: Record<string, PastChoice>): void;
}) {
  if (preview.pastWindows.length === 0) return null;
  return (
    <Card
      title={
        <h2 className="card-title">3. Строки, срок которых уже прошёл ({preview.pastWindows.length})</h2>
      }
      style={{ marginTop: 16 }}
    >
      <Typography.Paragraph>
        План загружается в середине года: у этих строк срок уже закончился. Скажите, что с ними было, — иначе
        они станут просроченными, и напоминания о них пойдут постепенно, по пять.
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>Для всех прошедших строк: </Typography.Text>
          <ChoiceFields value={all} onChange={setAll} label="все прошедшие строки" />
        </div>
        <Table
          rowKey="procedureId"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={preview.pastWindows}
          columns={[
            { title: 'Строка', dataIndex: 'sourceRow', width: 70 },
            { title: 'Процедура', dataIndex: 'title' },
            { title: 'Срок', key: 'window', render: (_, r) => windowLabel(r.window) },
            {
              title: 'Что было',
              key: 'choice',
              render: (_, r) =>
                rows[r.procedureId] ? (
                  <Space wrap>
                    <ChoiceFields
                      value={rows[r.procedureId]}
                      label={r.title}
                      onChange={(c) => setRows({ ...rows, [r.procedureId]: c })}
                    />
                    <Button
                      onClick={() => {
                        const next = { ...rows };
                        delete next[r.procedureId];
                        setRows(next);
                      }}
                    >
                      Как для всех
                    </Button>
                  </Space>
                ) : (
                  <Button onClick={() => setRows({ ...rows, [r.procedureId]: { ...all } })}>
                    Иначе, чем для всех…
                  </Button>
                ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

function ApprovalProgress({ importId }: { importId: string }) {
  const { api, schoolId } = useSignedIn();
  const status = useQuery({
    queryKey: [schoolId, 'plan-approval', importId],
    queryFn: () =>
      unwrap<ApprovalStatus>(
        api.GET('/plans/imports/{importId}/approval', { params: { path: { importId } } }),
      ),
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
  });
  const s = status.data;
  if (status.isError) return <ErrorAlert error={status.error} title="Ход утверждения неизвестен" />;
  if (!s) return <Progress percent={0} aria-label="Утверждение плана" />;
  if (s.status === 'failed')
    return (
      <Result
        status="error"
        title={<span role="alert">Утверждение остановилось</span>}
        subTitle="Процедуры запланированы не все. Загрузите файл снова и утвердите ещё раз: уже запланированное не повторится."
      />
    );
  return (
    <>
      <div role="status" aria-live="polite">
        {s.status === 'running'
          ? `Процедуры планируются: ${s.done} из ${s.total}`
          : `Готово: обработано процедур — ${s.total}`}
      </div>
      <Progress percent={approvalPercent(s)} aria-label="Утверждение плана" />
      {s.status === 'completed' && s.report ? (
        <ImportResult
          failed={s.report.failed.length > 0}
          title="План утверждён"
          lines={reportLines(s.report)}
          failures={s.report.failed.map((f) => ({
            key: f.procedureId,
            text: (
              <>
                {f.procedureId}: {f.message}
              </>
            ),
          }))}
          open={{ to: '/plan', text: 'Открыть план' }}
        />
      ) : null}
    </>
  );
}

export function PlanImportPage() {
  usePageTitle('Загрузка плана ВСОКО');
  const { api, schoolId } = useSignedIn();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<ImportPreview>();
  const [all, setAll] = useState<PastChoice>({ action: 'overdue' });
  const [rows, setRows] = useState<Record<string, PastChoice>>({});
  const [started, setStarted] = useState<string>();
  const problems = preview
    ? [all, ...Object.values(rows)].map(choiceProblem).filter((p): p is string => !!p)
    : [];
  const approve = useMutation({
    mutationFn: (p: ImportPreview) =>
      unwrap<{ position?: number }>(
        api.POST('/plans/imports/{importId}/approve', {
          params: { path: { importId: p.importId } },
          body: approvalBody(p.pastWindows, all, rows),
          headers: { Prefer: 'respond-async' },
        }),
      ),
    onSuccess: async (r, p) => {
      setStarted(p.importId);
      if (r.position) rememberPosition(queryClient, schoolId, r.position);
      await queryClient.invalidateQueries({ queryKey: [schoolId] });
    },
  });
  const changes = preview?.changes;
  return (
    <>
      <ImportHeading
        trail={[{ to: '/plan', title: 'План ВСОКО' }]}
        here="Загрузка плана"
        title="Загрузка плана ВСОКО"
      />
      {started ? (
        <Card title={<h2 className="card-title">Утверждение</h2>}>
          <ApprovalProgress importId={started} />
        </Card>
      ) : (
        <>
          <UploadStep
            onPreview={(p) => {
              setPreview(p);
              setRows({});
            }}
          />
          <NextYearStep
            onPreview={(p) => {
              setPreview(p);
              setRows({});
            }}
          />
          <Card
            title={<h2 className="card-title">Или: решения прежних заседаний</h2>}
            style={{ marginTop: 16 }}
          >
            <Typography.Paragraph>
              Заседания и решения, принятые до системы, — из отчёта школы (Word, Excel или CSV): их сроки и
              исполнение будут видны вместе с новыми.{' '}
              <Link to="/plan/import/decisions" style={{ textDecoration: 'underline' }}>
                Загрузить отчёт о принятых решениях
              </Link>
            </Typography.Paragraph>
          </Card>
          {preview && changes ? (
            <>
              <PreviewCard
                items={[
                  {
                    key: 'file',
                    label: 'Файл',
                    children: `${preview.source.fileName} (${preview.source.format})`,
                  },
                  {
                    key: 'year',
                    label: 'Учебный год',
                    children: `${preview.academicYear} — ${YEAR_SOURCE[preview.academicYearFrom]}`,
                  },
                  { key: 'rows', label: 'Строк в файле', children: preview.source.rows },
                  {
                    key: 'summary',
                    label: 'Итог',
                    children: `процедур ${preview.summary.procedures}, разделов ${preview.summary.section}, требуют внимания ${preview.summary.warning}`,
                  },
                  {
                    key: 'changes',
                    label: 'Изменения плана',
                    children: `новых ${changes.added.length}, перенесённых ${changes.rescheduled.length}, отменяемых ${changes.cancelled.length}, без изменений ${changes.unchanged}`,
                  },
                ]}
              >
                {preview.nextYear ? (
                  <Alert
                    type={preview.nextYear.calendarApplied && !preview.nextYear.flagged ? 'success' : 'info'}
                    showIcon
                    style={{ marginTop: 12 }}
                    title={`План на ${preview.academicYear} из плана ${preview.nextYear.fromYear}`}
                    description={
                      <ul className="plain-list">
                        {nextYearLines(preview.nextYear).map((l) => (
                          <li key={l}>{l}</li>
                        ))}
                      </ul>
                    }
                  />
                ) : null}
                {preview.warnings
                  .filter((w) => w.row === 0)
                  .map((w) => (
                    <Alert key={w.code} type="warning" showIcon title={w.message} style={{ marginTop: 12 }} />
                  ))}
                {changes.cancelled.length > 0 ? (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginTop: 12 }}
                    title={`Утверждение отменит процедуры, которых нет в этом файле: ${changes.cancelled.length}`}
                  />
                ) : null}
                <div style={{ marginTop: 16 }}>
                  {preview.entries.length ? (
                    <PreviewTable entries={preview.entries} />
                  ) : (
                    <Empty description="В файле не найдено ни одной строки плана. Проверьте, что это план ВСОКО с таблицей процедур." />
                  )}
                </div>
              </PreviewCard>
              <PastWindows preview={preview} all={all} setAll={setAll} rows={rows} setRows={setRows} />
              <ApprovalCard
                title="Утверждение"
                error={approve.error}
                errorTitle="План не утверждён"
                button={{
                  text: `Утвердить план: процедур ${preview.summary.procedures}`,
                  disabled: problems.length > 0 || preview.summary.procedures === 0,
                  loading: approve.isPending,
                  onClick: () => approve.mutate(preview),
                }}
              >
                {problems.length ? (
                  <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={problems.join('; ')} />
                ) : null}
              </ApprovalCard>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
