import { CopyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { unwrap } from '../api/client';
import { describeError } from '../api/errors';
import { newIdempotencyKey } from '../api/keys';
import { useSchoolQuery } from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { useSignedIn } from '../auth/SessionContext';
import { isAdministration } from '../auth/session';
import {
  dayWord,
  describeReminders,
  feedAddress,
  parseDaysBefore,
  type ReminderSettings,
} from './settings-model';

function Reminders() {
  const { api, schoolId, session } = useSignedIn();
  const queryClient = useQueryClient();
  const admin = isAdministration(session, schoolId);
  const [form] = Form.useForm<{ days: string; grace: number }>();
  const settings = useSchoolQuery(['reminder-settings'], (a, school) =>
    unwrap<ReminderSettings>(
      a.GET('/schools/{schoolId}/reminder-settings', { params: { path: { schoolId: school } } }),
    ),
  );
  const save = useMutation({
    mutationFn: (v: ReminderSettings) =>
      unwrap<unknown>(
        api.PUT('/schools/{schoolId}/reminder-settings', {
          params: { path: { schoolId: schoolId! }, header: { 'idempotency-key': newIdempotencyKey() } },
          body: v,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [schoolId, 'reminder-settings'] }),
  });
  if (settings.isError)
    return (
      <Alert
        role="alert"
        type="error"
        showIcon
        title="Настройки не загрузились"
        description={describeError(settings.error)}
        action={<Button onClick={() => void settings.refetch()}>Повторить</Button>}
      />
    );
  if (!settings.data) return <Skeleton active />;
  const current = settings.data;
  return (
    <>
      <Typography.Paragraph role="status">
        Сейчас: напоминания {describeReminders(current.daysBefore)}; директору сообщается через{' '}
        {current.escalationGraceDays} {dayWord(current.escalationGraceDays)} после просрочки.
      </Typography.Paragraph>
      {admin ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ days: current.daysBefore.join(', '), grace: current.escalationGraceDays }}
          onFinish={(v) => {
            const parsed = parseDaysBefore(v.days);
            if ('days' in parsed) save.mutate({ daysBefore: parsed.days, escalationGraceDays: v.grace });
          }}
        >
          {save.isError ? (
            <Alert
              role="alert"
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={describeError(save.error)}
            />
          ) : null}
          {save.isSuccess ? (
            <Alert
              role="status"
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              title="Сохранено: новые сроки действуют для процедур, запланированных после изменения."
            />
          ) : null}
          <Form.Item
            name="days"
            label="За сколько дней до срока напоминать"
            extra="Через запятую, например «7, 1»"
            rules={[
              {
                validator: (_, value: string) => {
                  const parsed = parseDaysBefore(value ?? '');
                  return 'problem' in parsed ? Promise.reject(new Error(parsed.problem)) : Promise.resolve();
                },
              },
            ]}
          >
            <Input style={{ maxWidth: 240 }} inputMode="numeric" />
          </Form.Item>
          <Form.Item
            name="grace"
            label="Через сколько дней после просрочки сообщать директору"
            rules={[{ required: true, type: 'number', min: 0, max: 30, message: 'От 0 до 30 дней' }]}
          >
            <InputNumber min={0} max={30} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            Сохранить
          </Button>
        </Form>
      ) : (
        <Typography.Paragraph type="secondary">
          Изменить сроки напоминаний может директор или заместитель.
        </Typography.Paragraph>
      )}
    </>
  );
}

function FeedLink({
  title,
  help,
  issue,
}: {
  title: string;
  help: string;
  issue(): Promise<{ path: string }>;
}) {
  const [address, setAddress] = useState<string>();
  const [copied, setCopied] = useState(false);
  const make = useMutation({
    mutationFn: issue,
    onSuccess: (r) => {
      setCopied(false);
      setAddress(feedAddress(window.location.origin, r.path));
    },
  });
  const copy = async () => {
    if (!address) return;
    try {
      await navigator.clipboard.writeText(address);
      setCopied(true);
    } catch {
      // Plain HTTP on a LAN address has no clipboard API: the field stays selected for Ctrl+C.
      (document.getElementById(`feed-${title}`) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <Card size="small" title={<h3 className="card-title">{title}</h3>} style={{ marginBottom: 12 }}>
      <Typography.Paragraph>{help}</Typography.Paragraph>
      {make.isError ? (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={describeError(make.error)}
        />
      ) : null}
      {address ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input id={`feed-${title}`} readOnly value={address} aria-label={`Адрес: ${title}`} />
          <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy()}>
            {copied ? 'Скопировано' : 'Копировать'}
          </Button>
        </Space.Compact>
      ) : null}
      <div style={{ marginTop: 8 }}>
        <Button
          loading={make.isPending}
          onClick={() => make.mutate()}
          aria-label={`${address ? 'Выдать новую ссылку' : 'Получить ссылку'}: ${title}`}
        >
          {address ? 'Выдать новую ссылку' : 'Получить ссылку'}
        </Button>
      </div>
      {address ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          Ссылка показывается один раз: сохраните её в календаре (Google, Outlook, Яндекс — «Добавить по
          адресу»). Кто знает ссылку, видит сроки, — не пересылайте её.
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

export function SettingsPage() {
  usePageTitle('Настройки');
  const { api, schoolId, session } = useSignedIn();
  const admin = isAdministration(session, schoolId);
  return (
    <>
      <Typography.Title level={1} className="page-title">
        Настройки
      </Typography.Title>
      <Card title={<h2 className="card-title">Напоминания и эскалация</h2>} style={{ marginBottom: 16 }}>
        <Reminders />
      </Card>
      <Card title={<h2 className="card-title">Сроки в вашем календаре</h2>}>
        <FeedLink
          title="Мои сроки"
          help="Сроки процедур и решений, за которые отвечаете вы, — в вашем календаре на телефоне и компьютере."
          issue={() =>
            unwrap(
              api.POST('/calendar/people/{personId}/tokens', {
                params: { path: { personId: session.user.id } },
                // PersonTokenDto declares no OpenAPI property, so the generated type has no body fields.
                body: { schoolId: schoolId! } as never,
              }),
            )
          }
        />
        {admin ? (
          <FeedLink
            title="Сроки школы"
            help="Все сроки плана ВСОКО и решений школы — для общего календаря администрации."
            issue={() =>
              unwrap(
                api.POST('/calendar/schools/{schoolId}/tokens', {
                  params: { path: { schoolId: schoolId! } },
                }),
              )
            }
          />
        ) : null}
      </Card>
    </>
  );
}
