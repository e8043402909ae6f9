import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { unwrap } from '../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { formatDate, schoolDay } from '../format/dates';
import type { Outcome } from '../meetings/meetings-api';
import { DeadlineMeaning } from '../meetings/DeadlineMeaning';
import {
  describeDeadline,
  meetingDay,
  pendingCheckIns,
  type DecisionRecord,
} from '../meetings/meetings-model';
import { useWrite } from '../meetings/useWrite';
import { DateField } from '../procedure/fields';
import { ErrorAlert } from '../app/ErrorAlert';

type Kind = 'execution' | 'check-in' | 'effectiveness' | 'reassignment' | 'deadline' | 'withdrawal';

const TITLES: Record<Kind, string> = {
  execution: 'Отметить исполнение',
  'check-in': 'Отчитаться о ходе исполнения',
  effectiveness: 'Оценить эффективность',
  reassignment: 'Передать другому ответственному',
  deadline: 'Изменить срок',
  withdrawal: 'Отменить решение',
};

interface Values {
  executedOn?: string;
  note?: string;
  dueOn?: string;
  verdict?: 'effective' | 'partly' | 'not-effective';
  indicator?: string;
  assessedOn?: string;
  lead?: string;
  deadline?: string;
  reason?: string;
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** The day a new deadline is read from, as the server reads it: the meeting's (first) day, or the order's. */
function adoptionDay(d: DecisionRecord): { adoptedOn?: string } {
  const day = d.adoptedBy.kind === 'meeting' ? meetingDay(d.adoptedBy.date) : d.adoptedBy.date;
  return day ? { adoptedOn: day } : {};
}

/** Which follow-ups a decision in this state takes. */
export function availableActions(d: DecisionRecord): Kind[] {
  const active = d.status === 'open' || d.status === 'reopened';
  return [
    ...(active ? (['execution'] as const) : []),
    ...(active && pendingCheckIns(d).length ? (['check-in'] as const) : []),
    ...(d.status === 'executed' || d.status === 'assessed' ? (['effectiveness'] as const) : []),
    ...(active ? (['reassignment', 'deadline', 'withdrawal'] as const) : []),
  ];
}

/**
 * A decision's follow-ups, each in a dialog with its own form: the deadline typed as written and read back by
 * the server, reasons where the rules ask for them, the server's refusal shown in its own words.
 */
export function DecisionActions({ decision, timeZone }: { decision: DecisionRecord; timeZone: string }) {
  const { api } = useSignedIn();
  const [kind, setKind] = useState<Kind>();
  const [reading, setReading] = useState<string>();
  const [form] = Form.useForm<Values>();
  const path = { decisionId: decision.decisionId };
  const today = schoolDay(new Date(), timeZone);
  const write = useWrite<Outcome, Values>(
    (headers, v) => {
      const params = { path };
      switch (kind) {
        case 'execution':
          return unwrap(
            api.POST('/decisions/{decisionId}/execution', {
              params,
              headers,
              body: { executedOn: v.executedOn!, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
            }),
          );
        case 'check-in':
          return unwrap(
            api.POST('/decisions/{decisionId}/check-ins', {
              params,
              headers,
              body: { dueOn: v.dueOn!, note: v.note!.trim() },
            }),
          );
        case 'effectiveness':
          return unwrap(
            api.POST('/decisions/{decisionId}/effectiveness', {
              params,
              headers,
              body: {
                verdict: v.verdict!,
                indicator: v.indicator!.trim(),
                assessedOn: v.assessedOn!,
                ...(v.note?.trim() ? { note: v.note.trim() } : {}),
              },
            }),
          );
        case 'reassignment':
          return unwrap(
            api.POST('/decisions/{decisionId}/reassignment', {
              params,
              headers,
              body: { executors: { lead: { name: v.lead!.trim() } }, reason: v.reason!.trim() },
            }),
          );
        case 'deadline':
          return unwrap(
            api.POST('/decisions/{decisionId}/deadline', {
              params,
              headers,
              body: { deadline: { asWritten: v.deadline!.trim() }, reason: v.reason!.trim() },
            }),
          );
        default:
          return unwrap(
            api.POST('/decisions/{decisionId}/withdrawal', {
              params,
              headers,
              body: { reason: v.reason!.trim() },
            }),
          );
      }
    },
    {
      revision: decision.revision,
      form,
      onSuccess: (result) => {
        if (kind === 'deadline' && result.deadline)
          setReading(
            `Новый срок понят как: ${describeDeadline(result.deadline)}` +
              (result.warnings?.length ? ` (${result.warnings.join('; ')})` : ''),
          );
        setKind(undefined);
      },
    },
  );
  const actions = availableActions(decision);
  const open = (k: Kind) => {
    write.reset();
    form.resetFields();
    setReading(undefined);
    setKind(k);
  };
  const pending = pendingCheckIns(decision);
  if (actions.length === 0) return null;
  return (
    <>
      {reading ? (
        <Alert role="status" type="success" showIcon style={{ marginBottom: 12 }} title={reading} />
      ) : null}
      <Space wrap>
        {actions.map((k) => (
          <Button key={k} type={k === actions[0] ? 'primary' : 'default'} onClick={() => open(k)}>
            {TITLES[k]}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!kind}
        title={kind ? TITLES[kind] : ''}
        okText={kind ? TITLES[kind] : ''}
        cancelText="Закрыть"
        confirmLoading={write.isPending}
        onOk={() => form.submit()}
        onCancel={() => setKind(undefined)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">«{decision.wording}»</Typography.Paragraph>
        <ErrorAlert error={write.error} style={{ marginBottom: 12 }} />
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => write.mutate(v)}
          initialValues={{ executedOn: today, assessedOn: today, dueOn: pending[0] }}
        >
          {kind === 'execution' ? (
            <>
              <DateField name="executedOn" label="Дата исполнения" />
              <Form.Item name="note" label="Комментарий">
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
              {decision.evidenceRequired && decision.evidence.length === 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  title="Это решение отмечается исполненным только с подтверждением: сначала приложите файл или ссылку."
                />
              ) : null}
            </>
          ) : null}
          {kind === 'check-in' ? (
            <>
              <Form.Item
                name="dueOn"
                label="Контрольная точка"
                rules={[{ required: true, message: 'Выберите контрольную точку' }]}
              >
                <Select options={pending.map((d) => ({ value: d, label: formatDate(d) }))} />
              </Form.Item>
              <Form.Item
                name="note"
                label="Что сделано к этой дате"
                rules={required('Опишите ход исполнения')}
              >
                <Input.TextArea
                  autoSize={{ minRows: 3 }}
                  placeholder="Проведено 12 занятий, посещаемость 85 %"
                />
              </Form.Item>
            </>
          ) : null}
          {kind === 'effectiveness' ? (
            <>
              <Form.Item name="verdict" label="Вывод" rules={[{ required: true, message: 'Выберите вывод' }]}>
                <Radio.Group
                  options={[
                    { value: 'effective', label: 'Эффективно' },
                    { value: 'partly', label: 'Частично эффективно' },
                    { value: 'not-effective', label: 'Неэффективно: вернуть вопрос на заседание' },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="indicator"
                label="По какому показателю"
                rules={required('Укажите показатель, по которому судите')}
              >
                <Input placeholder="Доля «2» по математике снизилась с 18 % до 9 %" />
              </Form.Item>
              <DateField name="assessedOn" label="Дата оценки" />
              <Form.Item name="note" label="Комментарий">
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
            </>
          ) : null}
          {kind === 'reassignment' ? (
            <Form.Item name="lead" label="Новый ответственный" rules={required('Укажите ответственного')}>
              <Input autoComplete="off" />
            </Form.Item>
          ) : null}
          {kind === 'deadline' ? (
            <Form.Item
              name="deadline"
              label="Новый срок, как записан"
              extra={
                <>
                  <div>Например: «до 30 января», «январь–февраль», «в течение года»</div>
                  <DeadlineMeaning
                    path={['deadline']}
                    academicYear={decision.academicYear}
                    {...adoptionDay(decision)}
                  />
                </>
              }
              rules={required('Укажите новый срок')}
            >
              <Input autoComplete="off" />
            </Form.Item>
          ) : null}
          {kind === 'reassignment' || kind === 'deadline' || kind === 'withdrawal' ? (
            <Form.Item name="reason" label="Причина" rules={required('Укажите причину')}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
