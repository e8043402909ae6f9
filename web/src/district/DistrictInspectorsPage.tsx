import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Input, Skeleton, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { unwrap } from '../api/client';
import { describeError, fieldErrors } from '../api/errors';
import { newIdempotencyKey } from '../api/keys';
import { usePageTitle } from '../app/usePageTitle';
import { useSignedIn } from '../auth/SessionContext';
import { ColourTag } from '../format/StatusTag';
import { DistrictHeading, useDistrict } from './DistrictPage';
import { DistrictTabs } from './DistrictTabs';
import {
  invitationTag,
  invitationText,
  loginFrom,
  mayInvite,
  type DistrictInspectors,
  type Inspector,
} from './inspectors-model';
import { ErrorAlert, LoadError } from '../app/ErrorAlert';
import { LOGIN_RULE, sendInvitation } from '../people/people-api';

interface Values {
  fullName: string;
  email: string;
  login: string;
}

const inspectorsKey = (districtId: string) => ['district-inspectors', districtId];

function useInspectors(districtId: string | undefined) {
  const { api } = useSignedIn();
  return useQuery({
    queryKey: inspectorsKey(districtId ?? ''),
    enabled: !!districtId,
    queryFn: () =>
      unwrap<DistrictInspectors>(
        api.GET('/districts/{districtId}/inspectors', { params: { path: { districtId: districtId! } } }),
      ),
  });
}

/** Mails the person a one-time link to choose her password (a newer one replaces the last). */
function useInvite(districtId: string) {
  const { api } = useSignedIn();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, key }: { personId: string; key: string }) =>
      sendInvitation(api, personId, { 'Idempotency-Key': key }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inspectorsKey(districtId) }),
  });
}

/**
 * The district administrator appoints an inspector of the district and invites her in one step: the account
 * with its district-inspector position (POST /people), then the mailed invitation. Two requests, each under its
 * own Idempotency-Key kept until it succeeds, so a repeated click after a failed mail only sends the mail.
 */
function AppointInspector({ districtId }: { districtId: string }) {
  const { api } = useSignedIn();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const loginTouched = useRef(false);
  const keys = useRef({ appoint: newIdempotencyKey(), invite: newIdempotencyKey() });
  const appointed = useRef<string | undefined>(undefined);
  const appoint = useMutation({
    mutationFn: async (v: Values) => {
      const login = v.login.trim();
      if (appointed.current !== login) {
        await unwrap(
          api.POST('/people', {
            params: { header: { 'Idempotency-Key': keys.current.appoint } },
            body: {
              login,
              fullName: v.fullName.trim(),
              email: v.email.trim(),
              positions: [{ position: 'district-inspector', districtId }],
            },
          }),
        );
        appointed.current = login;
      }
      const invited = await sendInvitation(api, login, { 'Idempotency-Key': keys.current.invite });
      return { ...v, sentTo: invited.sentTo ?? v.email.trim() };
    },
    onSuccess: () => {
      keys.current = { appoint: newIdempotencyKey(), invite: newIdempotencyKey() };
      appointed.current = undefined;
      loginTouched.current = false;
      form.resetFields();
    },
    onError: (error) => {
      form.setFields(
        Object.entries(fieldErrors(error)).map(([name, message]) => ({
          name: name as keyof Values,
          errors: [message],
        })),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: inspectorsKey(districtId) }),
  });
  const done = appoint.isSuccess ? appoint.data : undefined;
  return (
    <Card title={<h2 className="card-title">Назначить инспектора</h2>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        Инспектор видит все школы района только для просмотра. После назначения ему уходит письмо-приглашение
        с одноразовой ссылкой: по ней он задаёт пароль и входит.
      </Typography.Paragraph>
      {done ? (
        <Alert
          role="status"
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Инспектор назначен: ${done.fullName.trim()}. Приглашение отправлено на ${done.sentTo}.`}
        />
      ) : null}
      {appoint.isError ? (
        <ErrorAlert
          error={appoint.error}
          title={
            appointed.current ? 'Инспектор назначен, но приглашение не отправлено' : 'Инспектор не назначен'
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => appoint.mutate(v)}
        onValuesChange={(changed: Partial<Values>) => {
          if ('login' in changed) loginTouched.current = true;
          if ('email' in changed && !loginTouched.current)
            form.setFieldValue('login', loginFrom(changed.email ?? ''));
        }}
        style={{ maxWidth: 560 }}
      >
        <Form.Item
          name="fullName"
          label="ФИО"
          rules={[{ required: true, whitespace: true, message: 'Укажите ФИО инспектора' }]}
        >
          <Input placeholder="Орлова Марина Сергеевна" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label="Почта для приглашения"
          rules={[{ required: true, type: 'email', message: 'Адрес почты, например orlova@rayon.ru' }]}
        >
          <Input type="email" placeholder="orlova@rayon.ru" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="login"
          label="Логин"
          extra="Предлагается по адресу почты; его можно изменить"
          rules={[LOGIN_RULE]}
        >
          <Input placeholder="orlova.ms" autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={appoint.isPending}>
          Назначить и пригласить
        </Button>
      </Form>
    </Card>
  );
}

function InviteAgain({ inspector, districtId }: { inspector: Inspector; districtId: string }) {
  const invite = useInvite(districtId);
  const key = useRef(newIdempotencyKey());
  const [sent, setSent] = useState<string>();
  const label = inspector.invitation.state === 'not-invited' ? 'Пригласить' : 'Пригласить снова';
  return (
    <Space orientation="vertical" size={4}>
      <Button
        size="small"
        loading={invite.isPending}
        aria-label={`${label}: ${inspector.fullName}`}
        onClick={() =>
          invite.mutate(
            { personId: inspector.personId, key: key.current },
            {
              onSuccess: (r) => {
                key.current = newIdempotencyKey();
                setSent(`Приглашение отправлено: ${r.sentTo ?? inspector.email ?? ''}`);
              },
            },
          )
        }
      >
        {label}
      </Button>
      {sent ? <Typography.Text role="status">{sent}</Typography.Text> : null}
      {invite.isError ? (
        <Typography.Text type="danger" role="alert">
          {describeError(invite.error)}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/** `/district/inspectors`: the district's inspectors with their invitations, and appointing one (its administrator). */
export function DistrictInspectorsPage() {
  usePageTitle('Инспекторы района');
  const { session } = useSignedIn();
  const { districtId } = useDistrict();
  const administered = session.user.administers ?? [];
  const mine = districtId !== undefined && administered.includes(districtId) ? districtId : undefined;
  const list = useInspectors(mine);
  if (mine === undefined)
    return (
      <Empty description="Инспекторов района назначает его администратор. Ваша учётная запись не администрирует этот район." />
    );
  return (
    <>
      <DistrictHeading title={`Инспекторы района${list.data?.name ? `: ${list.data.name}` : ''}`} />
      <DistrictTabs />
      <AppointInspector districtId={mine} />
      <Card title={<h2 className="card-title">Инспекторы и их приглашения</h2>}>
        {list.isError ? (
          <LoadError title="Список инспекторов не загрузился" query={list} />
        ) : !list.data ? (
          <Skeleton active />
        ) : list.data.inspectors.length === 0 ? (
          <Empty description="В районе пока нет инспекторов." />
        ) : (
          <Table
            rowKey="personId"
            size="middle"
            dataSource={list.data.inspectors}
            pagination={false}
            scroll={{ x: true }}
            caption="Инспекторы района: кому и когда отправлено приглашение, кто уже вошёл"
            columns={[
              {
                title: 'Инспектор',
                key: 'name',
                render: (_, p) => (
                  <>
                    {p.fullName}
                    <div className="muted">
                      {p.personId}
                      {p.email ? `, ${p.email}` : ''}
                    </div>
                  </>
                ),
              },
              {
                title: 'Приглашение',
                key: 'invitation',
                render: (_, p) => {
                  const tag = invitationTag(p.invitation);
                  return (
                    <>
                      <ColourTag colour={p.active ? tag.colour : 'grey'}>
                        {p.active ? tag.label : 'учётная запись отключена'}
                      </ColourTag>
                      <div className="muted">{invitationText(p.invitation)}</div>
                    </>
                  );
                },
              },
              {
                title: 'Действие',
                key: 'invite',
                render: (_, p) => (mayInvite(p) ? <InviteAgain inspector={p} districtId={mine} /> : null),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
