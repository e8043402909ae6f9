import { Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { unwrap } from '../api/client';
import type { Decision } from '../api/domain';
import { useSignedIn } from '../auth/SessionContext';
import { schoolDay } from '../format/dates';
import { DateField } from './fields';
import { useCommand, type CommandResult } from './useCommand';
import { ErrorAlert } from '../app/ErrorAlert';

type Kind = 'executed' | 'extension' | 'cancellation';

const TITLES: Record<Kind, string> = {
  executed: 'Отметить исполнение',
  extension: 'Продлить срок',
  cancellation: 'Отменить решение',
};

/** What can be done with an open decision: each in a dialog with its own form and the server's answer. */
export function DecisionActions({
  procedureId,
  revision,
  decision,
  timeZone,
}: {
  procedureId: string;
  revision: number;
  decision: Decision;
  /** The school's zone: «today» for the execution date is the school's day. */
  timeZone: string;
}) {
  const { api } = useSignedIn();
  const [kind, setKind] = useState<Kind>();
  const [form] = Form.useForm();
  const command = useCommand(revision, form);
  const path = { id: procedureId, decisionId: decision.decisionId };

  const submit = (v: { executedOn?: string; description?: string; deadline?: string; reason?: string }) =>
    command.mutate(
      (headers) => {
        const params = { path, header: headers };
        if (kind === 'executed')
          return unwrap<CommandResult>(
            api.POST('/procedures/{id}/decisions/{decisionId}/executed', {
              params,
              body: { executedOn: v.executedOn!, evidence: { description: v.description!.trim() } },
            }),
          );
        if (kind === 'extension')
          return unwrap<CommandResult>(
            api.POST('/procedures/{id}/decisions/{decisionId}/extension', {
              params,
              body: { deadline: v.deadline!, reason: v.reason!.trim() },
            }),
          );
        return unwrap<CommandResult>(
          api.POST('/procedures/{id}/decisions/{decisionId}/cancellation', {
            params,
            body: { reason: v.reason!.trim() },
          }),
        );
      },
      { onSuccess: () => setKind(undefined) },
    );

  const open = (k: Kind) => {
    command.reset();
    form.resetFields();
    setKind(k);
  };

  return (
    <>
      <Space wrap size="small">
        <Button size="small" type="primary" onClick={() => open('executed')}>
          Исполнено
        </Button>
        <Button size="small" onClick={() => open('extension')}>
          Продлить
        </Button>
        <Button size="small" danger onClick={() => open('cancellation')}>
          Отменить
        </Button>
      </Space>
      <Modal
        open={!!kind}
        title={kind ? `${TITLES[kind]}: «${decision.wording}»` : ''}
        okText={kind ? TITLES[kind] : ''}
        cancelText="Закрыть"
        confirmLoading={command.isPending}
        onOk={() => form.submit()}
        onCancel={() => setKind(undefined)}
        destroyOnHidden
      >
        <ErrorAlert error={command.error} style={{ marginBottom: 12 }} />
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ executedOn: schoolDay(new Date(), timeZone) }}
        >
          {kind === 'executed' ? (
            <>
              <DateField name="executedOn" label="Дата исполнения" />
              <Form.Item
                name="description"
                label="Подтверждение исполнения"
                rules={[
                  { required: true, whitespace: true, message: 'Опишите, чем подтверждается исполнение' },
                ]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2 }}
                  placeholder="Проведены 6 консультаций, журнал консультаций"
                />
              </Form.Item>
            </>
          ) : null}
          {kind === 'extension' ? <DateField name="deadline" label="Новый срок" /> : null}
          {kind === 'extension' || kind === 'cancellation' ? (
            <Form.Item
              name="reason"
              label="Причина"
              rules={[{ required: true, whitespace: true, message: 'Укажите причину' }]}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
