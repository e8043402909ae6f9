import { useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Progress, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { unwrap } from '../api/client';
import { usePageTitle } from '../app/usePageTitle';
import { useSignedIn } from '../auth/SessionContext';
import { ColourTag, type TagColour } from '../format/StatusTag';
import { SendingFileDrop } from '../upload/FileDrop';
import type { StaffPreview, StaffPreviewRow } from '../../../services/api/src/staff/shared/staff-preview';
import { ErrorAlert } from '../app/ErrorAlert';

interface StaffApproval {
  registered: number;
  assigned: number;
  events: number;
  failed: Array<{ rowNumber: number; fullName: string; code: string; message: string }>;
  invitations?: { sent: string[]; alreadyInvited: string[]; noEmail: string[] };
}

/** GET /staff/imports/:id/approval: the durable approval's progress, then its report. */
interface ApprovalStatus {
  status: 'running' | 'completed' | 'failed';
  done?: number;
  total?: number;
  report?: StaffApproval;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ROW_STATUS: Record<StaffPreviewRow['status'], { text: string; colour: TagColour }> = {
  new: { text: 'Новый сотрудник', colour: 'blue' },
  changes: { text: 'Новые должности', colour: 'amber' },
  unchanged: { text: 'Без изменений', colour: 'grey' },
  error: { text: 'Ошибка', colour: 'red' },
};

/** The school's staff list from Excel or CSV: preview of every row, then approval. */
export function StaffImportPage() {
  usePageTitle('Загрузка списка сотрудников');
  const { api, upload, schoolId } = useSignedIn();
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState<number>();
  const [preview, setPreview] = useState<StaffPreview>();
  const [error, setError] = useState<unknown>();
  const [approval, setApproval] = useState<StaffApproval>();
  const [approving, setApproving] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number }>();

  const send = async (file: File) => {
    setError(undefined);
    setPreview(undefined);
    setApproval(undefined);
    const form = new FormData();
    form.append('schoolId', schoolId!);
    form.append('file', file, file.name);
    setPercent(0);
    try {
      setPreview(
        await upload<StaffPreview>('/staff/imports', form, (p) =>
          setPercent(Math.round((p.loaded / p.total) * 100)),
        ),
      );
    } catch (e) {
      setError(e);
    } finally {
      setPercent(undefined);
    }
  };
  const approve = async () => {
    if (!preview) return;
    setApproving(true);
    setError(undefined);
    try {
      // Started as a durable run (registering people, mailing invitations); its progress is polled.
      await unwrap(
        api.POST('/staff/imports/{staffImportId}/approval', {
          params: { path: { staffImportId: preview.importId } },
          headers: { Prefer: 'respond-async', 'X-Correlation-Id': preview.importId },
        } as never),
      );
      for (;;) {
        const status = await unwrap<ApprovalStatus>(
          api.GET('/staff/imports/{staffImportId}/approval', {
            params: { path: { staffImportId: preview.importId } },
          }),
        );
        if (status.total) setProgress({ done: status.done ?? 0, total: status.total });
        if (status.status === 'completed' && status.report) {
          setApproval(status.report);
          break;
        }
        if (status.status === 'failed')
          throw new Error('Утверждение списка не завершилось; повторите — уже сделанное не повторится');
        await sleep(700);
      }
      await queryClient.invalidateQueries({ queryKey: [schoolId] });
    } catch (e) {
      setError(e);
    } finally {
      setApproving(false);
      setProgress(undefined);
    }
  };
  const s = preview?.summary;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/staff">Сотрудники</Link> }, { title: 'Загрузка списка' }]}
      />
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        Загрузка списка сотрудников
      </Typography.Title>
      <Card title={<h2 className="card-title">1. Файл</h2>} style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          Таблица Excel (.xlsx) или CSV со столбцами: ФИО, должность, предметы, классы, e-mail — как её ведёт
          школа. Сначала покажем, что получится; ничего не меняется до утверждения.
        </Typography.Paragraph>
        <SendingFileDrop
          accept=".xlsx,.csv"
          text="Перетащите файл со списком сюда или нажмите, чтобы выбрать"
          onFile={(file) => void send(file)}
          disabled={percent !== undefined}
        />
        {percent !== undefined ? <Progress percent={percent} aria-label={`Отправлено: ${percent}%`} /> : null}
      </Card>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      {preview && s ? (
        <Card
          title={<h2 className="card-title">2. Что получится: «{preview.fileName}»</h2>}
          style={{ marginBottom: 16 }}
        >
          <Typography.Paragraph role="status">
            Сотрудников: {s.people}; новых: {s.new}, с новыми должностями: {s.changes}, без изменений:{' '}
            {s.unchanged}, с ошибками: {s.error}. Предупреждений: {s.warnings}.
          </Typography.Paragraph>
          <Table<StaffPreviewRow>
            rowKey="rowNumber"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={preview.rows}
            columns={[
              { title: 'Строка', dataIndex: 'location', key: 'row' },
              { title: 'ФИО', dataIndex: 'fullName', key: 'name' },
              { title: 'Логин', key: 'login', render: (_, r) => r.login ?? '—' },
              { title: 'Почта', key: 'email', render: (_, r) => r.email ?? '—' },
              {
                title: 'Должности',
                key: 'positions',
                render: (_, r) =>
                  r.positions.map((p) => (
                    <div key={p.assignmentId}>
                      {p.title}
                      {p.status === 'held'
                        ? ' (уже назначена)'
                        : p.status === 'skipped'
                          ? ' (не назначается)'
                          : ''}
                    </div>
                  )),
              },
              {
                title: 'Что будет',
                key: 'status',
                render: (_, r) => (
                  <ColourTag colour={ROW_STATUS[r.status].colour}>{ROW_STATUS[r.status].text}</ColourTag>
                ),
              },
              {
                title: 'Предупреждения',
                key: 'warnings',
                render: (_, r) => [...(r.error ? [r.error] : []), ...r.warnings].join('; ') || '—',
              },
            ]}
          />
          {progress ? (
            <div role="status" style={{ marginTop: 16 }}>
              Обработано сотрудников: {progress.done} из {progress.total}
              <Progress
                percent={Math.round((progress.done / progress.total) * 100)}
                aria-label={`Обработано ${progress.done} из ${progress.total}`}
              />
            </div>
          ) : null}
          {!approval ? (
            <Button
              type="primary"
              style={{ marginTop: 16 }}
              onClick={() => void approve()}
              loading={approving}
            >
              Утвердить список: сотрудников {s.new + s.changes}
            </Button>
          ) : null}
        </Card>
      ) : null}
      {approval ? (
        <Alert
          role="status"
          type={approval.failed.length ? 'warning' : 'success'}
          showIcon
          title="Список утверждён"
          description={
            <Space orientation="vertical" size={2}>
              <span>
                Заведено учётных записей: {approval.registered}; назначено должностей: {approval.assigned}
                {approval.invitations ? `; приглашений отправлено: ${approval.invitations.sent.length}` : ''}
                {approval.invitations?.noEmail.length
                  ? `; без почты (пригласить нельзя): ${approval.invitations.noEmail.length}`
                  : ''}
                .
              </span>
              {approval.failed.map((f) => (
                <span key={f.rowNumber}>
                  Строка {f.rowNumber}, {f.fullName}: {f.message}
                </span>
              ))}
              <Link to="/staff">Открыть список сотрудников</Link>
            </Space>
          }
        />
      ) : null}
    </>
  );
}
