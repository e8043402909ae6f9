import { DeleteOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, Modal, Select, Typography } from 'antd';
import { unwrap } from '../api/client';
import { describeError } from '../api/errors';
import { useSignedIn } from '../auth/SessionContext';
import { useWrite } from '../meetings/useWrite';
import { listPositions, positionText, type Person, type PersonPosition } from './people-api';

interface AssignValues {
  position: string;
  detail?: string;
  subjects?: string;
  reason?: string;
}

type Act =
  { kind: 'assign'; values: AssignValues } | { kind: 'remove'; held: PersonPosition; reason: string };

/** A person's positions at the school: assigned and removed one by one (a removal stays in the history). */
export function PositionsDialog({ person, onClose }: { person: Person; onClose(): void }) {
  const { api, schoolId } = useSignedIn();
  const [form] = Form.useForm<AssignValues>();
  const positions = useQuery({ queryKey: ['positions'], queryFn: () => listPositions(api) });
  const position = Form.useWatch('position', form);
  const requires = positions.data?.find((p) => p.position === position)?.requires;
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
      const v = a.values;
      const subjects = (v.subjects ?? '')
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean);
      const r = await unwrap<{ position?: number }>(
        api.POST('/people/{personId}/positions', {
          params: { path },
          headers,
          body: {
            position: v.position as never,
            schoolId: schoolId!,
            ...(requires === 'className' && v.detail ? { className: v.detail.trim() } : {}),
            ...(requires === 'association' && v.detail ? { association: v.detail.trim() } : {}),
            ...(subjects.length ? { subjects } : {}),
          },
        }),
      );
      return { position: r.position ?? 0 };
    },
    { form, onSuccess: (_, a) => a.kind === 'assign' && form.resetFields() },
  );
  const reason = Form.useWatch('reason', form);
  return (
    <Modal open title={`Должности: ${person.fullName}`} footer={null} onCancel={onClose} destroyOnHidden>
      {act.error ? (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={describeError(act.error)}
        />
      ) : null}
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
        <Form.Item
          name="position"
          label="Должность"
          rules={[{ required: true, message: 'Выберите должность' }]}
        >
          <Select
            loading={positions.isLoading}
            options={(positions.data ?? []).map((p) => ({ value: p.position, label: p.title }))}
          />
        </Form.Item>
        {requires === 'className' || requires === 'association' ? (
          <Form.Item
            name="detail"
            label={requires === 'className' ? 'Класс' : 'Методическое объединение'}
            rules={[{ required: true, whitespace: true, message: 'Заполните' }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        ) : null}
        {position === 'teacher' ? (
          <Form.Item name="subjects" label="Предметы" extra="Через запятую">
            <Input autoComplete="off" />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={act.isPending}>
          Назначить
        </Button>
      </Form>
    </Modal>
  );
}
