import { LinkOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { unwrap } from '../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { schoolDay } from '../format/dates';
import { DateField } from '../procedure/fields';
import { newId, type DecisionRecord } from '../meetings/meetings-model';
import { useWrite } from '../meetings/useWrite';
import { evidenceLinkProblem } from './evidence-link';
import { ErrorAlert } from '../app/ErrorAlert';

interface LinkValues {
  url: string;
  about: string;
  description?: string;
}

/**
 * Evidence that lives elsewhere — the order on the school's site, a folder on a cloud disk, a post in the
 * school's group: its address, the day it is about and what it is. The server keeps the address as written and
 * never opens it; the page shows it as a link (http and https only, checked here and by the domain's rule).
 */
export function EvidenceLink({ decision, timeZone }: { decision: DecisionRecord; timeZone: string }) {
  const { api } = useSignedIn();
  const [form] = Form.useForm<LinkValues>();
  const [attached, setAttached] = useState<string>();
  const attach = useWrite<{ position: number }, LinkValues>(
    (headers, v) =>
      unwrap(
        api.POST('/decisions/{decisionId}/evidence/links', {
          params: { path: { decisionId: decision.decisionId } },
          headers,
          body: {
            evidenceId: newId('ev'),
            url: v.url.trim(),
            about: v.about,
            ...(v.description?.trim() ? { description: v.description.trim() } : {}),
          },
        }),
      ),
    {
      form,
      onSuccess: (_, v) => {
        setAttached(v.url.trim());
        form.setFieldsValue({ url: '', description: undefined });
      },
    },
  );
  return (
    <Form
      form={form}
      // Its own name prefixes the fields' ids: the file form beside it has «about» and «description» too.
      name="evidence-link"
      layout="vertical"
      initialValues={{ about: schoolDay(new Date(), timeZone) }}
      onFinish={(v) => {
        setAttached(undefined);
        attach.mutate(v);
      }}
      aria-label="Подтверждение ссылкой"
    >
      <Form.Item
        name="url"
        label="Или ссылка на подтверждение"
        extra="Адрес документа на сайте школы, в облаке или в электронном журнале: https://…"
        rules={[
          {
            validator: (_, value?: string) => {
              const problem = evidenceLinkProblem(value ?? '');
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://school.example/docs/prikaz-112.pdf"
        />
      </Form.Item>
      <div className="hold-grid">
        <DateField name="about" label="К какому дню относится документ по ссылке" notAfterToday />
        <Form.Item name="description" label="Что по ссылке">
          <Input placeholder="Приказ № 112 на сайте школы" autoComplete="off" />
        </Form.Item>
      </div>
      <ErrorAlert error={attach.error} style={{ marginBottom: 8 }} />
      {attached ? (
        <Alert
          role="status"
          type="success"
          showIcon
          style={{ marginBottom: 8 }}
          title={`Ссылка приложена: ${attached}`}
        />
      ) : null}
      <Button htmlType="submit" icon={<LinkOutlined aria-hidden />} loading={attach.isPending}>
        Приложить ссылку
      </Button>
    </Form>
  );
}
