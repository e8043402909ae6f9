import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Select, Table } from 'antd';
import { useState } from 'react';
import { unwrap } from '../api/client';
import { MEETING_LEVEL_TITLES } from '../api/domain';
import { rememberPosition, useSchoolTimeZone } from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { useSignedIn } from '../auth/SessionContext';
import { academicYearOf, schoolDay } from '../format/dates';
import { ColourTag } from '../format/StatusTag';
import { useFileUpload } from '../upload/useFileUpload';
import {
  approvalLines,
  previewSummary,
  toWrite,
  type DecisionsImportApproval,
  type DecisionsImportPreview,
} from './decisions-import-model';
import { ApprovalCard, ImportHeading, ImportResult, PreviewCard, UploadCard } from './ImportSteps';

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
  const { api, schoolId } = useSignedIn();
  const queryClient = useQueryClient();
  const timeZone = useSchoolTimeZone();
  const current = academicYearOf(schoolDay(new Date(), timeZone));
  const [year, setYear] = useState(current);
  const file = useFileUpload<DecisionsImportPreview>('/decisions/imports', () => [
    ['schoolId', schoolId!],
    ['academicYear', year],
    ['timeZone', timeZone],
  ]);
  const send = file.send;
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
      <ImportHeading
        trail={[
          { to: '/plan', title: 'План ВСОКО' },
          { to: '/plan/import', title: 'Загрузка плана' },
        ]}
        here="Решения прежних заседаний"
        title="Решения прежних заседаний"
      />
      {approve.data ? (
        <Card>
          <ImportResult
            failed={approve.data.failed.length > 0}
            title="Заседания и решения записаны"
            lines={approvalLines(approve.data)}
            failures={approve.data.failed.map((f) => ({
              key: `${f.meetingId}:${f.decisionId ?? ''}`,
              text: (
                <>
                  Строка {f.row}: {f.message}
                </>
              ),
            }))}
            open={{ to: '/sittings', text: 'Открыть заседания' }}
          />
        </Card>
      ) : (
        <>
          <UploadCard
            title="1. Отчёт школы о принятых решениях"
            intro={
              <>
                Таблица, которую школа вела до системы: №, уровень и дата заседания, решение, срок,
                ответственный (Word, Excel или CSV). Сначала система покажет, что она поняла, — ничего не
                записывается до утверждения, а повторная загрузка не создаёт дублей.
              </>
            }
            upload={file}
            drop={{
              accept: ACCEPT,
              uid: 'report',
              text: 'Перетащите файл отчёта сюда или нажмите, чтобы выбрать',
              hint: '.docx, .xlsx или .csv',
            }}
            controls={
              <>
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
              </>
            }
            errorTitle="Отчёт не прочитан"
          />
          {preview ? (
            <>
              <PreviewCard
                items={[
                  { key: 'file', label: 'Файл', children: preview.fileName },
                  { key: 'year', label: 'Учебный год', children: preview.academicYear },
                  { key: 'sum', label: 'Итог', children: previewSummary(preview), span: 2 },
                ]}
              >
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
              </PreviewCard>
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
              <ApprovalCard
                title="3. Утверждение"
                error={approve.error}
                errorTitle="Не записано"
                button={{
                  text: `Записать заседания и решения: ${toWrite(preview)}`,
                  disabled: toWrite(preview) === 0 && preview.meetings.every((m) => m.recorded),
                  loading: approve.isPending,
                  onClick: () => approve.mutate(preview),
                }}
              />
            </>
          ) : null}
        </>
      )}
    </>
  );
}
