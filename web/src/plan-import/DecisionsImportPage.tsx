import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Progress,
  Result,
  Select,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { unwrap } from '../api/client';
import { MEETING_LEVEL_TITLES } from '../api/domain';
import { describeError } from '../api/errors';
import { rememberPosition, useSchoolTimeZone } from '../api/queries';
import { formatBytes, type UploadProgress } from '../api/upload';
import { usePageTitle } from '../app/usePageTitle';
import { useSignedIn } from '../auth/SessionContext';
import { academicYearOf, schoolDay } from '../format/dates';
import { ColourTag } from '../format/StatusTag';
import {
  approvalLines,
  previewSummary,
  toWrite,
  type DecisionsImportApproval,
  type DecisionsImportPreview,
} from './decisions-import-model';

const ACCEPT = '.docx,.xlsx,.csv';

function years(current: string): string[] {
  const start = Number(current.slice(0, 4));
  return [0, 1, 2, 3].map((back) => `${start - back}/${String((start - back + 1) % 100).padStart(2, '0')}`);
}

/**
 * Onboarding from the school's own decisions report (seed 002's table: №, level, date, decision, deadline,
 * responsible): the file read by the server, every meeting and decision shown as it would be written and whether
 * the log already holds it, then one approval — the meetings held, the decisions adopted on them.
 */
export function DecisionsImportPage() {
  usePageTitle('Решения прежних заседаний');
  const { upload, api, schoolId } = useSignedIn();
  const queryClient = useQueryClient();
  const timeZone = useSchoolTimeZone();
  const current = academicYearOf(schoolDay(new Date(), timeZone));
  const [file, setFile] = useState<File>();
  const [year, setYear] = useState(current);
  const [progress, setProgress] = useState<UploadProgress>();
  const send = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('file', file!);
      form.append('schoolId', schoolId!);
      form.append('academicYear', year);
      form.append('timeZone', timeZone);
      return upload<DecisionsImportPreview>('/decisions/imports', form, setProgress);
    },
  });
  const approve = useMutation({
    mutationFn: (p: DecisionsImportPreview) =>
      unwrap<DecisionsImportApproval>(
        api.POST('/decisions/imports/{decisionsImportId}/approval', {
          params: { path: { decisionsImportId: p.importId } },
        }),
      ),
    onSuccess: async (r) => {
      if (r.position) rememberPosition(queryClient, schoolId, r.position);
      await queryClient.invalidateQueries({ queryKey: [schoolId] });
    },
  });
  const preview = send.data;
  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to="/plan">План ВСОКО</Link> },
          { title: <Link to="/plan/import">Загрузка плана</Link> },
          { title: 'Решения прежних заседаний' },
        ]}
      />
      <Typography.Title level={1} className="page-title">
        Решения прежних заседаний
      </Typography.Title>
      {approve.data ? (
        <Card>
          <Result
            status={approve.data.failed.length ? 'warning' : 'success'}
            title="Заседания и решения записаны"
            subTitle={
              <ul className="plain-list">
                {approvalLines(approve.data).map((l) => (
                  <li key={l}>{l}</li>
                ))}
                {approve.data.failed.map((f) => (
                  <li key={`${f.meetingId}:${f.decisionId ?? ''}`}>
                    Строка {f.row}: {f.message}
                  </li>
                ))}
              </ul>
            }
            extra={
              <Link to="/sittings">
                <Button type="primary">Открыть заседания</Button>
              </Link>
            }
          />
        </Card>
      ) : (
        <>
          <Card title={<h2 className="card-title">1. Отчёт школы о принятых решениях</h2>}>
            <Typography.Paragraph>
              Таблица, которую школа вела до системы: №, уровень и дата заседания, решение, срок,
              ответственный (Word, Excel или CSV). Сначала система покажет, что она поняла, — ничего не
              записывается до утверждения, а повторная загрузка не создаёт дублей.
            </Typography.Paragraph>
            <Upload.Dragger
              accept={ACCEPT}
              maxCount={1}
              multiple={false}
              beforeUpload={(f) => {
                setFile(f);
                send.reset();
                return false;
              }}
              onRemove={() => setFile(undefined)}
              fileList={file ? [{ uid: 'report', name: file.name, status: 'done', size: file.size }] : []}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">Перетащите файл отчёта сюда или нажмите, чтобы выбрать</p>
              <p className="ant-upload-hint">.docx, .xlsx или .csv</p>
            </Upload.Dragger>
            <Space wrap align="center" style={{ marginTop: 16 }}>
              <label htmlFor="decisions-year">Учебный год отчёта</label>
              <Select
                id="decisions-year"
                value={year}
                onChange={(v: string) => {
                  setYear(v);
                  send.reset();
                }}
                style={{ width: 120 }}
                options={years(current).map((y) => ({ value: y, label: y }))}
              />
              <Button type="primary" disabled={!file} loading={send.isPending} onClick={() => send.mutate()}>
                Показать, что получится
              </Button>
            </Space>
            {send.isPending && progress ? (
              <Progress
                aria-label="Загрузка файла"
                percent={Math.floor((progress.loaded / Math.max(1, progress.total)) * 100)}
                format={() => `${formatBytes(progress.loaded)} из ${formatBytes(progress.total)}`}
              />
            ) : null}
            {send.isError ? (
              <Alert
                role="alert"
                type="error"
                showIcon
                style={{ marginTop: 12 }}
                title="Отчёт не прочитан"
                description={describeError(send.error)}
              />
            ) : null}
          </Card>
          {preview ? (
            <>
              <Card title={<h2 className="card-title">2. Что получится</h2>} style={{ marginTop: 16 }}>
                <Descriptions
                  size="small"
                  bordered
                  column={{ xs: 1, md: 2 }}
                  items={[
                    { key: 'file', label: 'Файл', children: preview.fileName },
                    { key: 'year', label: 'Учебный год', children: preview.academicYear },
                    { key: 'sum', label: 'Итог', children: previewSummary(preview), span: 2 },
                  ]}
                />
                {preview.rows
                  .filter((r) => r.became === 'warning')
                  .map((r) => (
                    <Alert
                      key={r.row}
                      type="warning"
                      showIcon
                      style={{ marginTop: 8 }}
                      title={`${r.location}: ${r.message ?? 'строка не прочитана'}`}
                    />
                  ))}
              </Card>
              {preview.meetings.map((m) => (
                <Card
                  key={m.meetingId}
                  size="small"
                  style={{ marginTop: 12 }}
                  title={
                    <h3 className="card-title">
                      № {m.number}: {MEETING_LEVEL_TITLES[m.level]}, {m.dateAsWritten}
                    </h3>
                  }
                  extra={
                    m.recorded ? (
                      <ColourTag colour="grey">уже в журнале</ColourTag>
                    ) : (
                      <ColourTag colour="green">будет записано</ColourTag>
                    )
                  }
                >
                  <Table
                    rowKey="decisionId"
                    size="small"
                    pagination={false}
                    scroll={{ x: true }}
                    dataSource={m.decisions}
                    locale={{ emptyText: 'Решений с ответственным нет.' }}
                    columns={[
                      { title: '№', dataIndex: 'number', width: 50 },
                      { title: 'Решение', dataIndex: 'wording' },
                      {
                        title: 'Ответственный',
                        key: 'lead',
                        render: (_, d) => d.executors.asWritten ?? d.executors.lead.name,
                      },
                      {
                        title: 'Срок, как записан',
                        key: 'deadline',
                        render: (_, d) => d.deadline.asWritten ?? '—',
                      },
                      {
                        title: 'Замечания',
                        key: 'warnings',
                        render: (_, d) =>
                          d.recorded ? 'уже в журнале' : d.warnings.length ? d.warnings.join('; ') : '—',
                      },
                    ]}
                  />
                  {m.skipped.length > 0 ? (
                    <ul className="plain-list" style={{ marginTop: 8 }}>
                      {m.skipped.map((sk) => (
                        <li key={sk.row}>
                          <ColourTag colour="amber">не записывается</ColourTag> строка {sk.row}, «{sk.wording}
                          »: {sk.reason}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </Card>
              ))}
              <Card title={<h2 className="card-title">3. Утверждение</h2>} style={{ marginTop: 16 }}>
                {approve.isError ? (
                  <Alert
                    role="alert"
                    type="error"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title="Не записано"
                    description={describeError(approve.error)}
                  />
                ) : null}
                <Button
                  type="primary"
                  loading={approve.isPending}
                  disabled={toWrite(preview) === 0 && preview.meetings.every((m) => m.recorded)}
                  onClick={() => approve.mutate(preview)}
                >
                  Записать заседания и решения: {toWrite(preview)}
                </Button>
              </Card>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
