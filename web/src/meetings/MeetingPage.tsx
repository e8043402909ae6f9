import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { unwrap } from '../api/client';
import { describeError } from '../api/errors';
import { useSchoolQuery } from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { useSignedIn } from '../auth/SessionContext';
import { isAdministration } from '../auth/session';
import { AgendaEditor } from './AgendaEditor';
import { HoldMeeting } from './HoldMeeting';
import { getMeeting, type Outcome } from './meetings-api';
import { changedOrder, meetingDateText, newId, type AgendaItem, type Meeting } from './meetings-model';
import { meetingName, MeetingStatusTag } from './MeetingsPage';
import { Protocol } from './Protocol';
import { useWrite } from './useWrite';
import { ErrorAlert } from '../app/ErrorAlert';

type Change =
  | { kind: 'order'; order: string[]; reason: string }
  | { kind: 'add'; title: string; reason: string }
  | { kind: 'remove'; itemId: string; reason: string };

/** The agenda before the meeting: reordered, added to and trimmed, each change with its reason. */
function Agenda({ meeting, editable }: { meeting: Meeting; editable: boolean }) {
  const { api } = useSignedIn();
  const [order, setOrder] = useState(() => meeting.agenda.map((i) => i.itemId));
  const [removing, setRemoving] = useState<AgendaItem>();
  const [orderForm] = Form.useForm<{ reason: string }>();
  const [addForm] = Form.useForm<{ title: string; reason: string }>();
  const [removeForm] = Form.useForm<{ reason: string }>();
  const saved = meeting.agenda.map((i) => i.itemId).join(' ');
  useEffect(() => setOrder(saved ? saved.split(' ') : []), [saved]);
  const moved = changedOrder(meeting.agenda, order);
  const path = { meetingId: meeting.meetingId };
  const change = useWrite<Outcome, Change>(
    (headers, c) => {
      const params = { path };
      if (c.kind === 'order')
        return unwrap(
          api.POST('/meetings/{meetingId}/agenda/order', {
            params,
            headers,
            body: { order: c.order, reason: c.reason },
          }),
        );
      if (c.kind === 'add')
        return unwrap(
          api.POST('/meetings/{meetingId}/agenda/items', {
            params,
            headers,
            body: { item: { itemId: newId('item'), title: c.title }, reason: c.reason },
          }),
        );
      return unwrap(
        api.POST('/meetings/{meetingId}/agenda/items/{itemId}/removal', {
          params: { path: { ...path, itemId: c.itemId } },
          headers,
          body: { reason: c.reason },
        }),
      );
    },
    {
      revision: meeting.revision,
      onSuccess: (_, c) => {
        if (c.kind === 'order') orderForm.resetFields();
        if (c.kind === 'add') addForm.resetFields();
        if (c.kind === 'remove') setRemoving(undefined);
      },
    },
  );
  return (
    <Card title={<h2 className="card-title">Повестка</h2>} style={{ marginBottom: 16 }}>
      {change.error && !removing ? (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={describeError(change.error)}
        />
      ) : null}
      <AgendaEditor
        items={meeting.agenda}
        order={order}
        editable={editable}
        onOrder={setOrder}
        onRemove={(item) => {
          change.reset();
          removeForm.resetFields();
          setRemoving(item);
        }}
      />
      {editable && moved ? (
        <Form
          form={orderForm}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={(v) => change.mutate({ kind: 'order', order: moved, reason: v.reason.trim() })}
        >
          <Form.Item
            name="reason"
            label="Почему порядок изменён"
            rules={[{ required: true, whitespace: true, message: 'Укажите причину' }]}
          >
            <Input style={{ minWidth: 280 }} placeholder="Сначала о неисполненных решениях" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              Сохранить порядок
            </Button>
            <Button onClick={() => setOrder(meeting.agenda.map((i) => i.itemId))}>Вернуть как было</Button>
          </Space>
        </Form>
      ) : null}
      {editable ? (
        <Form
          form={addForm}
          layout="vertical"
          style={{ marginTop: 16, maxWidth: 640 }}
          onFinish={(v) => change.mutate({ kind: 'add', title: v.title.trim(), reason: v.reason.trim() })}
        >
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            Добавить вопрос
          </Typography.Title>
          <Form.Item
            name="title"
            label="Вопрос"
            rules={[{ required: true, whitespace: true, message: 'Сформулируйте вопрос' }]}
          >
            <Input placeholder="О подготовке к государственной итоговой аттестации" />
          </Form.Item>
          <Form.Item
            name="reason"
            label="Причина дополнения"
            rules={[{ required: true, whitespace: true, message: 'Укажите причину' }]}
          >
            <Input placeholder="Предложение директора" />
          </Form.Item>
          <Button htmlType="submit" loading={change.isPending}>
            Добавить в повестку
          </Button>
        </Form>
      ) : null}
      <Modal
        open={!!removing}
        title={removing ? `Исключить из повестки: «${removing.title}»` : ''}
        okText="Исключить"
        cancelText="Закрыть"
        confirmLoading={change.isPending}
        onOk={() => removeForm.submit()}
        onCancel={() => setRemoving(undefined)}
        destroyOnHidden
      >
        <ErrorAlert error={change.error} style={{ marginBottom: 12 }} />
        <Form
          form={removeForm}
          layout="vertical"
          onFinish={(v) =>
            removing && change.mutate({ kind: 'remove', itemId: removing.itemId, reason: v.reason.trim() })
          }
        >
          <Form.Item
            name="reason"
            label="Причина"
            rules={[{ required: true, whitespace: true, message: 'Укажите причину' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function CancelMeeting({ meeting }: { meeting: Meeting }) {
  const { api } = useSignedIn();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useWrite<Outcome, string>(
    (headers, reason) =>
      unwrap(
        api.POST('/meetings/{meetingId}/cancellation', {
          params: { path: { meetingId: meeting.meetingId } },
          headers,
          body: { reason },
        }),
      ),
    { revision: meeting.revision, onSuccess: () => setOpen(false) },
  );
  return (
    <>
      <Button onClick={() => setOpen(true)}>Отменить заседание</Button>
      <Modal
        open={open}
        title="Отменить заседание"
        okText="Отменить заседание"
        cancelText="Закрыть"
        confirmLoading={cancel.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ErrorAlert error={cancel.error} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={(v) => cancel.mutate(v.reason.trim())}>
          <Form.Item
            name="reason"
            label="Причина"
            rules={[{ required: true, whitespace: true, message: 'Укажите причину' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} placeholder="Перенесено на следующую неделю" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const { session, schoolId } = useSignedIn();
  const admin = isAdministration(session, schoolId);
  const query = useSchoolQuery(['meeting', meetingId], (api) => getMeeting(api, meetingId));
  const meeting = query.data;
  usePageTitle(meeting ? meetingName(meeting) : 'Заседание');
  if (query.isError)
    return (
      <Alert
        role="alert"
        type="error"
        showIcon
        title="Заседание не открылось"
        description={describeError(query.error)}
        action={<Link to="/sittings">К списку заседаний</Link>}
      />
    );
  if (!meeting) return <Skeleton active />;
  const planned = meeting.status === 'planned';
  return (
    <>
      <Breadcrumb
        items={[{ title: <Link to="/sittings">Заседания</Link> }, { title: meetingName(meeting) }]}
        style={{ marginBottom: 8 }}
      />
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {meetingName(meeting)}, {meetingDateText('record' in meeting ? meeting.record.date : meeting.date)}
        </Typography.Title>
        <Space wrap>
          <MeetingStatusTag status={meeting.status} />
          <Link
            to={`/journal?meeting=${encodeURIComponent(meeting.meetingId)}&year=${encodeURIComponent(meeting.academicYear)}`}
          >
            История протокола
          </Link>
          {planned && admin ? <CancelMeeting meeting={meeting} /> : null}
        </Space>
      </Space>
      {meeting.status === 'cancelled' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Заседание отменено: ${meeting.cancellationReason}`}
        />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'year', label: 'Учебный год', children: meeting.academicYear },
          {
            key: 'chair',
            label: 'Председатель',
            children: ('record' in meeting ? meeting.record.chair : meeting.chair)?.name ?? '—',
          },
          {
            key: 'secretary',
            label: 'Секретарь',
            children: ('record' in meeting ? meeting.record.secretary : meeting.secretary)?.name ?? '—',
          },
        ]}
      />
      {planned ? (
        <>
          <Agenda meeting={meeting} editable={admin} />
          {admin ? <HoldMeeting meeting={meeting} /> : null}
        </>
      ) : meeting.status === 'held' || meeting.status === 'signed' ? (
        <Protocol meeting={meeting} admin={admin} />
      ) : (
        <Agenda meeting={meeting} editable={false} />
      )}
    </>
  );
}
