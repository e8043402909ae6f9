import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Progress, Typography } from 'antd';
import { useState } from 'react';
import { rememberPosition } from '../api/queries';
import { formatBytes } from '../api/upload';
import { useSignedIn } from '../auth/SessionContext';
import { schoolDay } from '../format/dates';
import { DateField } from '../procedure/fields';
import { SendingFileDrop } from '../upload/FileDrop';
import { newId, type DecisionRecord } from '../meetings/meetings-model';
import { groupedHash, sha256Hex } from './evidence-hash';
import { ErrorAlert } from '../app/ErrorAlert';

interface Uploaded {
  fileName: string;
  size: number;
  sha256: string;
  local?: string;
}

/**
 * A file that confirms the decision was carried out (a приказ, a scan, a photo from a phone): dropped on the
 * area or chosen, sent with progress, stored by its SHA-256, which is shown — the browser's own hash beside it
 * when the page can compute one, so the person sees the server got the same bytes.
 */
export function EvidenceUpload({ decision, timeZone }: { decision: DecisionRecord; timeZone: string }) {
  const { upload, schoolId } = useSignedIn();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ about: string; description?: string }>();
  const [progress, setProgress] = useState<{ name: string; percent: number }>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<Uploaded>();

  const send = async (file: File) => {
    setError(undefined);
    setDone(undefined);
    const { about, description } = form.getFieldsValue();
    const local = await sha256Hex(file).catch(() => undefined);
    const body = new FormData();
    body.append('evidenceId', newId('ev'));
    body.append('about', about || schoolDay(new Date(), timeZone));
    if (description?.trim()) body.append('description', description.trim());
    body.append('file', file, file.name);
    setProgress({ name: file.name, percent: 0 });
    try {
      const result = await upload<{ position: number; sha256: string; size: number }>(
        `/decisions/${encodeURIComponent(decision.decisionId)}/evidence/files`,
        body,
        (p) => setProgress({ name: file.name, percent: Math.round((p.loaded / p.total) * 100) }),
      );
      setDone({ fileName: file.name, size: result.size, sha256: result.sha256, local });
      form.setFieldValue('description', undefined);
      rememberPosition(queryClient, schoolId, result.position);
      await queryClient.invalidateQueries({ queryKey: [schoolId] });
    } catch (e) {
      setError(e);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ about: schoolDay(new Date(), timeZone) }}>
      <div className="hold-grid">
        <DateField name="about" label="К какому дню относится документ" />
        <Form.Item name="description" label="Что это за документ">
          <Input placeholder="Приказ № 112 от 20.12.2026" autoComplete="off" />
        </Form.Item>
      </div>
      <SendingFileDrop
        accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.odt,.ods,.txt"
        text="Перетащите файл подтверждения сюда или нажмите, чтобы выбрать"
        hint="PDF, JPEG, PNG, DOCX, XLSX, ODT, ODS или TXT, до 20 МБ"
        label="Файл подтверждения: перетащите сюда или нажмите, чтобы выбрать"
        onFile={(file) => void send(file)}
        disabled={!!progress}
      />
      {progress ? (
        <div role="status" style={{ marginTop: 8 }}>
          Отправляется «{progress.name}»
          <Progress percent={progress.percent} aria-label={`Отправлено: ${progress.percent}%`} />
        </div>
      ) : null}
      <ErrorAlert error={error} style={{ marginTop: 8 }} />
      {done ? (
        <Alert
          role="status"
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          title={`Файл «${done.fileName}» (${formatBytes(done.size)}) приложен`}
          description={
            <>
              <Typography.Text>
                SHA-256 на сервере: <code className="hash">{groupedHash(done.sha256)}</code>
              </Typography.Text>
              <br />
              {done.local ? (
                <Typography.Text>
                  {done.local === done.sha256
                    ? 'Совпадает с хэшем, вычисленным в браузере: файл дошёл без изменений.'
                    : `Не совпадает с хэшем в браузере (${groupedHash(done.local)}): отправьте файл ещё раз.`}
                </Typography.Text>
              ) : null}
            </>
          }
        />
      ) : null}
    </Form>
  );
}
