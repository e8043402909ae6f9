import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { unwrap } from '../api/client';
import { describeError } from '../api/errors';
import { useSchoolQuery } from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { useSignedIn } from '../auth/SessionContext';
import { rolesAt } from '../auth/session';
import { ColourTag } from '../format/StatusTag';
import { useWrite } from '../meetings/useWrite';
import { PositionsDialog } from './Positions';
import {
  listPeople,
  openWorkOf,
  openWorkText,
  positionText,
  sendInvitation,
  type Person,
} from './people-api';
import { PositionFields, positionAssignment, usePositionChoice, type PositionValues } from './PositionFields';
import { ErrorAlert, LoadError } from '../app/ErrorAlert';

type Answer = { position?: number };
/** People commands answer no log position everywhere; the list is read again either way. */
const positioned = async (p: Promise<Answer>) => ({ position: 0, ...(await p) });
/** The write's key, and the same as correlation id. */
const header = (headers: Record<string, string>) => ({
  'Idempotency-Key': headers['Idempotency-Key'],
  'X-Correlation-Id': headers['Idempotency-Key'],
});

function AddPerson({ onDone }: { onDone(): void }) {
  const { api, schoolId } = useSignedIn();
  const [form] = Form.useForm<PositionValues & { login: string; fullName: string; email?: string }>();
  const choice = usePositionChoice(form);
  const add = useWrite<{ position: number }>(
    (headers) => {
      const v = form.getFieldsValue();
      return positioned(
        unwrap<Answer>(
          api.POST('/people', {
            params: { header: header(headers) },
            body: {
              login: v.login.trim(),
              fullName: v.fullName.trim(),
              ...(v.email?.trim() ? { email: v.email.trim() } : {}),
              positions: [positionAssignment(v, choice.requires, schoolId!)],
            },
          }),
        ),
      );
    },
    { form, onSuccess: onDone },
  );
  return (
    <Card title={<h2 className="card-title">Новый сотрудник</h2>} style={{ marginBottom: 16 }}>
      <ErrorAlert error={add.error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={() => add.mutate()} style={{ maxWidth: 640 }}>
        <Form.Item
          name="fullName"
          label="ФИО"
          rules={[{ required: true, whitespace: true, message: 'Введите ФИО' }]}
        >
          <Input placeholder="Петрова Мария Сергеевна" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="login"
          label="Логин"
          extra="Латинские строчные буквы, цифры, точка: petrova.ms"
          rules={[{ required: true, whitespace: true, message: 'Введите логин' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label="Почта (для приглашения)">
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <PositionFields choice={choice} />
        <Space>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            Добавить
          </Button>
          <Button onClick={onDone}>Отмена</Button>
        </Space>
      </Form>
    </Card>
  );
}

/**
 * Switching an account off: first what the person still answers for, handed to a successor in one step with a
 * reason, then the account itself (kept, with its history; sessions and keys revoked).
 */
function Deactivate({ person, people, onClose }: { person: Person; people: Person[]; onClose(): void }) {
  const { api } = useSignedIn();
  const [form] = Form.useForm<{ to?: string; reason: string }>();
  const work = useQuery({
    queryKey: ['open-work', person.personId],
    queryFn: () => openWorkOf(api, person.personId),
    retry: false,
  });
  const pending = work.data ? openWorkText(work.data) : undefined;
  const run = useWrite<{ position: number }, { to?: string; reason: string }>(
    async (headers, v) => {
      let position = 0;
      if (pending && v.to) {
        const handed = await unwrap<Answer>(
          api.POST('/people/{personId}/handover', {
            params: { path: { personId: person.personId } },
            headers: { 'Idempotency-Key': `${headers['Idempotency-Key']}-handover` },
            body: { to: v.to, reason: v.reason.trim() },
          }),
        );
        position = handed.position ?? 0;
      }
      const off = await unwrap<Answer>(
        api.POST('/people/{personId}/deactivate', {
          params: { path: { personId: person.personId } },
          headers,
          body: { reason: v.reason.trim() },
        }),
      );
      return { position: Math.max(position, off.position ?? 0) };
    },
    { form, onSuccess: onClose },
  );
  const successors = people.filter((p) => p.active && p.personId !== person.personId);
  return (
    <Modal
      open
      title={`Отключить учётную запись: ${person.fullName}`}
      okText={pending ? 'Передать дела и отключить' : 'Отключить'}
      cancelText="Закрыть"
      confirmLoading={run.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={run.error} style={{ marginBottom: 12 }} />
      {work.isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : work.isError ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Незавершённые дела не загрузились: ${describeError(work.error)}`}
        />
      ) : pending ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Незавершённые дела: ${pending}`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {work.data!.procedures.map((p) => (
                <li key={p.procedureId}>Процедура «{p.title}»</li>
              ))}
              {work.data!.decisions.map((d) => (
                <li key={d.decisionId}>Решение «{d.wording}»</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Typography.Paragraph>Незавершённых дел нет.</Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">
        Учётная запись не удаляется: история сохраняется, сеансы и ключи API перестают действовать. Включить
        её можно снова.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
        {pending ? (
          <Form.Item
            name="to"
            label="Кому передать дела"
            rules={[{ required: true, message: 'Выберите преемника' }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={successors.map((p) => ({ value: p.personId, label: p.fullName }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label="Причина"
          rules={[{ required: true, whitespace: true, message: 'Укажите причину' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} placeholder="Уволена, приказ № 45-к от 02.12.2026" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The director ends a person's password and sessions (it became known to someone); a link goes to their mail. */
function ForceReset({ person, onClose }: { person: Person; onClose(): void }) {
  const { api } = useSignedIn();
  const [form] = Form.useForm<{ reason: string }>();
  const [done, setDone] = useState(false);
  const reset = useWrite<{ position: number }, string>(
    (headers, reason) =>
      positioned(
        unwrap<Answer>(
          api.POST('/auth/accounts/{personId}/password-reset', {
            params: { path: { personId: person.personId } },
            headers,
            body: { reason },
          }),
        ),
      ),
    { form, onSuccess: () => setDone(true) },
  );
  return (
    <Modal
      open
      title={`Сбросить пароль: ${person.fullName}`}
      okText={done ? 'Готово' : 'Сбросить пароль'}
      cancelText="Закрыть"
      confirmLoading={reset.isPending}
      onOk={() => (done ? onClose() : form.submit())}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={reset.error} style={{ marginBottom: 12 }} />
      {done ? (
        <Alert
          role="status"
          type="success"
          showIcon
          title="Пароль сброшен: все сеансы завершены, ссылка для нового пароля отправлена на почту сотрудника."
        />
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => reset.mutate(v.reason.trim())}>
          <Typography.Paragraph type="secondary">
            Прежний пароль и все сеансы сотрудника перестанут действовать; ссылка для нового пароля уйдёт ему
            на почту.
          </Typography.Paragraph>
          <Form.Item
            name="reason"
            label="Причина"
            rules={[{ required: true, whitespace: true, message: 'Укажите причину' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} placeholder="Пароль стал известен другому сотруднику" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function RowActions({ person, people }: { person: Person; people: Person[] }) {
  const { api } = useSignedIn();
  const [deactivating, setDeactivating] = useState(false);
  const [editing, setEditing] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [sent, setSent] = useState<string>();
  const invite = useWrite<{ position: number }>((headers) =>
    positioned(
      sendInvitation(api, person.personId, headers).then((r) => {
        setSent(r.sentTo ? `Приглашение отправлено: ${r.sentTo}` : 'Приглашение отправлено');
        return r;
      }),
    ),
  );
  const reactivate = useWrite<{ position: number }>((headers) =>
    positioned(
      unwrap<Answer>(
        api.POST('/people/{personId}/reactivate', {
          params: { path: { personId: person.personId } },
          headers,
        }),
      ),
    ),
  );
  const error = invite.error ?? reactivate.error;
  return (
    <Space orientation="vertical" size={4}>
      <Space wrap size="small">
        {person.active ? (
          <>
            <Button
              size="small"
              onClick={() => invite.mutate()}
              loading={invite.isPending}
              disabled={!person.email}
            >
              Пригласить
            </Button>
            <Button size="small" onClick={() => setEditing(true)}>
              Должности
            </Button>
            <Button size="small" onClick={() => setResetting(true)} disabled={!person.email}>
              Сбросить пароль
            </Button>
            <Button size="small" onClick={() => setDeactivating(true)}>
              Отключить
            </Button>
          </>
        ) : (
          <Button size="small" onClick={() => reactivate.mutate()} loading={reactivate.isPending}>
            Включить снова
          </Button>
        )}
      </Space>
      {sent ? <Typography.Text role="status">{sent}</Typography.Text> : null}
      {error ? (
        <Typography.Text type="danger" role="alert">
          {describeError(error)}
        </Typography.Text>
      ) : null}
      {resetting ? <ForceReset person={person} onClose={() => setResetting(false)} /> : null}
      {editing ? <PositionsDialog person={person} onClose={() => setEditing(false)} /> : null}
      {deactivating ? (
        <Deactivate person={person} people={people} onClose={() => setDeactivating(false)} />
      ) : null}
    </Space>
  );
}

/** The school's staff and their positions, for the director (and the district's administrator). */
export function PeoplePage() {
  usePageTitle('Сотрудники');
  const { session, schoolId } = useSignedIn();
  const director = rolesAt(session, schoolId).some((r) => r === 'director' || r === 'district-admin');
  const [adding, setAdding] = useState(false);
  const people = useSchoolQuery(['people'], (api, school) => listPeople(api, school));
  return (
    <>
      <Space
        wrap
        align="baseline"
        style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }}
      >
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Сотрудники
        </Typography.Title>
        {director ? (
          <Space wrap>
            <Link to="/staff/import">
              <Button icon={<UploadOutlined aria-hidden />}>Загрузить список сотрудников</Button>
            </Link>
            {!adding ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
                Добавить сотрудника
              </Button>
            ) : null}
          </Space>
        ) : null}
      </Space>
      {adding ? <AddPerson onDone={() => setAdding(false)} /> : null}
      {people.isError ? (
        <LoadError title="Список сотрудников не загрузился" query={people} />
      ) : !people.data ? (
        <Skeleton active />
      ) : people.data.length === 0 ? (
        <Empty description="Сотрудников пока нет. Загрузите список сотрудников школы из Excel или CSV — или добавьте по одному." />
      ) : (
        <Table<Person>
          rowKey="personId"
          pagination={false}
          scroll={{ x: true }}
          dataSource={people.data}
          columns={[
            { title: 'ФИО', dataIndex: 'fullName', key: 'name' },
            { title: 'Логин', dataIndex: 'personId', key: 'login' },
            { title: 'Почта', key: 'email', render: (_, p) => p.email ?? '—' },
            {
              title: 'Должности',
              key: 'positions',
              render: (_, p) => (p.positions.length ? p.positions.map(positionText).join('; ') : '—'),
            },
            {
              title: 'Состояние',
              key: 'active',
              render: (_, p) =>
                p.active ? (
                  <ColourTag colour="green">Работает</ColourTag>
                ) : (
                  <span>
                    <ColourTag colour="grey">Отключён</ColourTag>
                    {p.deactivationReason ? (
                      <Typography.Text type="secondary"> {p.deactivationReason}</Typography.Text>
                    ) : null}
                  </span>
                ),
            },
            ...(director
              ? [
                  {
                    title: 'Действия',
                    key: 'actions',
                    render: (_: unknown, p: Person) => <RowActions person={p} people={people.data!} />,
                  },
                ]
              : []),
          ]}
        />
      )}
    </>
  );
}
