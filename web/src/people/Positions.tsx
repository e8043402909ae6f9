import { DeleteOutlined } from '@ant-design/icons';
import { Button, Form, Input, List, Modal, Typography } from 'antd';
import { unwrap } from '../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { useWrite } from '../meetings/useWrite';
import { positionText, type Person, type PersonPosition } from './people-api';
import { PositionFields, positionAssignment, usePositionChoice, type PositionValues } from './PositionFields';
import { ErrorAlert } from '../app/ErrorAlert';

interface AssignValues extends PositionValues {
  reason?: string;
}

type Act =
  { kind: 'assign'; values: AssignValues } | { kind: 'remove'; held: PersonPosition; reason: string };

/** A person's positions at the school: assigned and removed one by one (a removal stays in the history). */
export function PositionsDialog({ person, onClose }: { person: Person; onClose(): void }) {
  const { api, schoolId } = useSignedIn();
  const [form] = Form.useForm<AssignValues>();
  const choice = usePositionChoice(form);
  const act = useWrite<{ position: number }, Act>(
    async (headers, a) => {
      const path = { personId: person.personId };
      if (a.kind === 'remove') {
        const r = await unwrap<{ position?: number }>(
          api.POST('/people/{personId}/positions/remove', {
            params: { path },
            headers,
            body: { assignmentId: a.held.assignmentId, reason: a.reason },
          }),
        );
        return { position: r.position ?? 0 };
      }
      const r = await unwrap<{ position?: number }>(
        api.POST('/people/{personId}/positions', {
          params: { path },
          headers,
          body: positionAssignment(a.values, choice.requires, schoolId!),
        }),
      );
      return { position: r.position ?? 0 };
    },
    { form, onSuccess: (_, a) => a.kind === 'assign' && form.resetFields() },
  );
  const reason = Form.useWatch('reason', form);
  return (
    <Modal open title={`Должности: ${person.fullName}`} footer={null} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={act.error} style={{ marginBottom: 12 }} />
      <List
        size="small"
        bordered
        locale={{ emptyText: 'Должностей в этой школе нет' }}
        dataSource={person.positions}
        renderItem={(p) => (
          <List.Item
            actions={[
              <Button
                key="remove"
                size="small"
                icon={<DeleteOutlined aria-hidden />}
                aria-label={`Снять с должности: ${positionText(p)}`}
                loading={act.isPending}
                onClick={() =>
                  act.mutate({
                    kind: 'remove',
                    held: p,
                    reason: reason?.trim() || 'Снят(а) с должности директором',
                  })
                }
              />,
            ]}
          >
            {positionText(p)}
          </List.Item>
        )}
      />
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        onFinish={(v) => act.mutate({ kind: 'assign', values: v })}
      >
        <Form.Item
          name="reason"
          label="Основание снятия с должности"
          extra="Например, «Приказ № 12 от 01.09.2026»"
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Typography.Title level={3} style={{ fontSize: 16 }}>
          Назначить на должность
        </Typography.Title>
        <PositionFields choice={choice} />
        <Button type="primary" htmlType="submit" loading={act.isPending}>
          Назначить
        </Button>
      </Form>
    </Modal>
  );
}
