import { Alert, Button, Card, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { unwrap } from '../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { formatDate, formatDateTime } from '../format/dates';
import {
  correctionBody,
  correctionValuesOf,
  deadlineHint,
  describeCorrection,
  type CorrectionValues,
  type WithCorrections,
} from './correction-model';
import type { Outcome } from './meetings-api';
import type { DecisionRecord } from './meetings-model';
import { useWrite } from './useWrite';
import { ErrorAlert } from '../app/ErrorAlert';

const required = (message: string) => [{ required: true, whitespace: true, message }];

/**
 * «Исправить протокол» of a held meeting: the record and its decisions as they stand, the reason, and only what
 * was changed is sent. Nothing is edited in place: the server records a correction with who, when and why.
 */
export function CorrectProtocol({
  meeting,
  decisions,
}: {
  meeting: WithCorrections;
  decisions: readonly DecisionRecord[];
}) {
  const { api } = useSignedIn();
  const [open, setOpen] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const [form] = Form.useForm<CorrectionValues>();
  const titles = meeting.agenda.map((i, n) => ({ ...i, n: n + 1 }));
  const correct = useWrite<Outcome, NonNullable<ReturnType<typeof correctionBody>>>(
    (headers, body) =>
      unwrap(
        api.POST('/meetings/{meetingId}/corrections', {
          params: { path: { meetingId: meeting.meetingId } },
          headers,
          body,
        }),
      ),
    { revision: meeting.revision, onSuccess: () => setOpen(false) },
  );
  const submit = (values: CorrectionValues) => {
    const body = correctionBody(meeting, decisions, values);
    setUnchanged(body === null);
    if (body) correct.mutate(body);
  };
  return (
    <>
      <Button
        onClick={() => {
          correct.reset();
          setUnchanged(false);
          setOpen(true);
        }}
      >
        Исправить протокол
      </Button>
      <Modal
        open={open}
        width={820}
        title={`Исправить протокол № ${meeting.protocolNumber}`}
        okText="Сохранить исправление"
        cancelText="Закрыть"
        confirmLoading={correct.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          Запись не переписывается: исправление сохраняется отдельно — кто, когда и почему исправил, и что
          было написано раньше. В протоколе и приказе появится отметка «Исправлено».
        </Typography.Paragraph>
        <ErrorAlert error={correct.error} style={{ marginBottom: 12 }} />
        {unchanged ? (
          <Alert
            role="alert"
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="Ничего не изменено: исправьте запись или решение"
          />
        ) : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={correctionValuesOf(meeting, decisions)}
          onFinish={submit}
        >
          <Form.Item name="chair" label="Председатель">
            <Input />
          </Form.Item>
          <Form.Item name="secretary" label="Секретарь">
            <Input />
          </Form.Item>
          <Form.Item
            name="participants"
            label="Присутствовали"
            extra="По одному человеку (или группе) в строке"
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          {meeting.record.minutes.map((m) => {
            const item = titles.find((i) => i.itemId === m.itemId);
            return (
              <Form.Item
                key={m.itemId}
                name={['heard', m.itemId]}
                label={`Слушали: вопрос ${item?.n ?? ''} «${item?.title ?? m.itemId}»`}
                rules={required('Что слушали?')}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
              </Form.Item>
            );
          })}
          {decisions.map((d) => (
            <fieldset key={d.decisionId} className="correction-decision">
              <legend>Решение {d.number}</legend>
              <Form.Item
                name={['decisions', d.decisionId, 'wording']}
                label={`Формулировка решения ${d.number}`}
                rules={required('Сформулируйте решение')}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
              </Form.Item>
              <Form.Item
                name={['decisions', d.decisionId, 'deadline']}
                label={`Срок решения ${d.number}, как в протоколе`}
                extra={deadlineHint(d)}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name={['decisions', d.decisionId, 'responsible']}
                label={`Ответственный за решение ${d.number}`}
                rules={required('Укажите ответственного')}
              >
                <Input />
              </Form.Item>
            </fieldset>
          ))}
          <Form.Item name="reason" label="Причина исправления" rules={required('Укажите причину')}>
            <Input.TextArea autoSize={{ minRows: 2 }} placeholder="Опечатка в протоколе" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Every correction of the protocol, oldest first: when, who, why, and what it was before. */
export function CorrectionHistory({
  meeting,
  decisions,
}: {
  meeting: WithCorrections;
  decisions: readonly DecisionRecord[];
}) {
  const log = meeting.correctionLog ?? [];
  if (log.length === 0) return null;
  const numbers = new Map(decisions.map((d) => [d.decisionId, d.number]));
  return (
    <Card title={<h2 className="card-title">Исправления протокола</h2>} style={{ marginBottom: 16 }}>
      <ol aria-label="Исправления протокола" className="correction-history">
        {log.map((entry) => (
          <li key={entry.at}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              <strong>
                Исправлено{' '}
                {entry.correctedOn ? formatDate(entry.correctedOn) : formatDate(entry.at, meeting.timeZone)}
              </strong>{' '}
              ({formatDateTime(entry.at, meeting.timeZone)}, {entry.by.name ?? entry.by.id}): {entry.reason}
            </Typography.Paragraph>
            <ul className="correction-lines">
              {describeCorrection(entry, meeting, numbers).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {entry.decisions.map((d) => (
              <Link key={d.decisionId} to={`/decision/${d.decisionId}`} style={{ marginRight: 12 }}>
                История решения {numbers.get(d.decisionId) ?? d.decisionId}
              </Link>
            ))}
          </li>
        ))}
      </ol>
    </Card>
  );
}
