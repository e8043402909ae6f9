import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { academicYearOf, schoolDay } from '../format/dates';
import { ChosenFileDrop } from '../upload/FileDrop';
import { UploadFeedback } from '../upload/UploadFeedback';
import { useFileUpload } from '../upload/useFileUpload';
import { positionKey } from './template-queries';
import { templateIdFrom, type PublishResult } from './templates-model';

const ACCEPT = '.docx,.xlsx,.csv,.json';

function yearOptions(): string[] {
  const current = Number(academicYearOf(schoolDay(new Date())).slice(0, 4));
  return [current, current + 1].map((y) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`);
}

/**
 * A district's plan template from a file, read like a school's plan (POST /plans/templates). Without `revising`
 * it publishes a new template; with it, the next version of that template (same id, title and year).
 */
export function PublishTemplate({
  districtId,
  revising,
  onPublished,
}: {
  districtId: string;
  revising?: { templateId: string; title: string; academicYear: string; version: number };
  onPublished?(result: PublishResult): void;
}) {
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [year, setYear] = useState(yearOptions()[0]);
  const [id, setId] = useState<string>();
  const templateId = revising?.templateId ?? id ?? (title.trim() ? templateIdFrom(title, year) : '');
  const upload = useFileUpload<PublishResult>(
    '/plans/templates',
    () => [
      ['districtId', districtId],
      ['templateId', templateId],
      ['title', revising?.title ?? title.trim()],
      ['academicYear', revising?.academicYear ?? year],
      ['expectedVersion', revising ? String(revising.version) : undefined],
    ],
    {
      onSuccess: async (result) => {
        upload.setFile(undefined);
        if (!revising) {
          setTitle('');
          setId(undefined);
        }
        // The lists read after this wait until the read models hold the new version (read-your-writes).
        if (result.position !== undefined) client.setQueryData(positionKey(districtId), result.position);
        await client.invalidateQueries({ queryKey: ['district-templates', districtId] });
        onPublished?.(result);
      },
    },
  );
  const { file, send } = upload;
  const ready = !!file && (!!revising || (title.trim().length > 0 && templateId.length > 0));
  return (
    <Card
      title={
        <h2 className="card-title">
          {revising ? `Новая версия (будет ${revising.version + 1}-я)` : 'Опубликовать шаблон'}
        </h2>
      }
    >
      <Typography.Paragraph>
        {revising
          ? 'Загрузите исправленную таблицу: школы увидят, что изменилось, и сами примут новую версию.'
          : 'Таблица процедур, которые проводят все школы района (ВПР, мониторинги): Word, Excel, CSV или JSON — как план школы. Школы принимают шаблон в свой план сами.'}
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={() => send.mutate()}>
        {revising ? null : (
          <>
            <Form.Item label="Название шаблона" htmlFor="template-title" required>
              <Input
                id="template-title"
                value={title}
                maxLength={200}
                onChange={(e) => setTitle(e.target.value)}
                placeholder="Мониторинг ВПР"
              />
            </Form.Item>
            <Form.Item label="Учебный год" htmlFor="template-year">
              <Select
                id="template-year"
                value={year}
                onChange={(v: string) => setYear(v)}
                style={{ width: 160 }}
                options={yearOptions().map((y) => ({ value: y, label: y }))}
              />
            </Form.Item>
            <Form.Item
              label="Код шаблона"
              htmlFor="template-id"
              extra="Латинские буквы, цифры и дефис; по нему школы принимают шаблон."
            >
              <Input
                id="template-id"
                value={templateId}
                maxLength={64}
                onChange={(e) => setId(e.target.value || undefined)}
              />
            </Form.Item>
          </>
        )}
        <ChosenFileDrop
          accept={ACCEPT}
          uid="template"
          text="Перетащите файл шаблона сюда или нажмите, чтобы выбрать"
          hint=".docx, .xlsx, .csv или .json"
          file={file}
          onChoose={upload.choose}
          onRemove={() => upload.setFile(undefined)}
        />
        <Button
          type="primary"
          htmlType="submit"
          disabled={!ready}
          loading={send.isPending}
          style={{ marginTop: 16 }}
        >
          {revising ? 'Опубликовать новую версию' : 'Опубликовать шаблон'}
        </Button>
      </Form>
      <UploadFeedback upload={upload} errorTitle="Шаблон не опубликован" />
      {send.isSuccess ? (
        <Alert
          role="status"
          type={send.data.recorded ? 'success' : 'info'}
          showIcon
          style={{ marginTop: 12 }}
          title={
            send.data.recorded
              ? `Опубликована версия ${send.data.version}: строк ${send.data.rows.length}`
              : `Строки не изменились: версия ${send.data.version} остаётся последней`
          }
        />
      ) : null}
    </Card>
  );
}
