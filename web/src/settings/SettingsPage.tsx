import { CopyOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { unwrap } from '../api/client';
import { describeError } from '../api/errors';
import { newIdempotencyKey } from '../api/keys';
import { useSchoolQuery, useSchoolTimeZone } from '../api/queries';
import { formatDate, schoolDay } from '../format/dates';
import { feedPreview } from './feed-preview';
import { usePageTitle } from '../app/usePageTitle';
import { useSignedIn } from '../auth/SessionContext';
import { isAdministration } from '../auth/session';
import { SettingsNav } from './SettingsNav';
import {
  ADDRESSEE_TITLES,
  dayWord,
  describeChain,
  describeReminders,
  type EscalationAddressee,
  feedAddress,
  parseDaysBefore,
  type ReminderSettings,
} from './settings-model';
import { ErrorAlert, LoadError } from '../app/ErrorAlert';

interface ReminderForm {
  days: string;
  grace: number;
  preparation: string;
  steps: { afterDays: number; to: EscalationAddressee }[];
  repeat: number;
  dayOffPolicy: 'next-working-day' | 'keep';
}

function Reminders() {
  const { api, schoolId, session } = useSignedIn();
  const queryClient = useQueryClient();
  const admin = isAdministration(session, schoolId);
  const [form] = Form.useForm<ReminderForm>();
  const settings = useSchoolQuery(['reminder-settings'], (a, school) =>
    unwrap<ReminderSettings>(
      a.GET('/schools/{schoolId}/reminder-settings', { params: { path: { schoolId: school } } }),
    ),
  );
  const save = useMutation({
    mutationFn: (v: ReminderSettings) =>
      unwrap<unknown>(
        api.PUT('/schools/{schoolId}/reminder-settings', {
          params: { path: { schoolId: schoolId! }, header: { 'Idempotency-Key': newIdempotencyKey() } },
          body: v,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [schoolId, 'reminder-settings'] }),
  });
  if (settings.isError) return <LoadError title="Настройки не загрузились" query={settings} />;
  if (!settings.data) return <Skeleton active />;
  const current = settings.data;
  return (
    <>
      <Typography.Paragraph role="status">
        Сейчас: напоминания {describeReminders(current.daysBefore)}; директору сообщается через{' '}
        {current.escalationGraceDays} {dayWord(current.escalationGraceDays)} после просрочки.
      </Typography.Paragraph>
      <Typography.Paragraph>
        Цепочка эскалации после срока: {describeChain(current)}.
        {current.preparationDaysBefore?.length
          ? ` О подготовке ответственному напоминается ${describeReminders(current.preparationDaysBefore).replace('до срока', 'до начала процедуры')}.`
          : ''}
      </Typography.Paragraph>
      {admin ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            days: current.daysBefore.join(', '),
            grace: current.escalationGraceDays,
            preparation: (current.preparationDaysBefore ?? []).join(', '),
            steps: current.escalation ?? [],
            repeat: current.repeatEveryDays ?? 0,
            dayOffPolicy: current.dayOffPolicy ?? 'next-working-day',
          }}
          onFinish={(v) => {
            const parsed = parseDaysBefore(v.days);
            const preparation = v.preparation?.trim() ? parseDaysBefore(v.preparation) : { days: [] };
            if ('days' in parsed && 'days' in preparation)
              save.mutate({
                daysBefore: parsed.days,
                escalationGraceDays: v.grace,
                preparationDaysBefore: preparation.days,
                escalation: [...(v.steps ?? [])].sort((a, b) => a.afterDays - b.afterDays),
                repeatEveryDays: v.repeat ?? 0,
                dayOffPolicy: v.dayOffPolicy,
              });
          }}
        >
          <ErrorAlert error={save.error} style={{ marginBottom: 12 }} />
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
          <EscalationFields />
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

/** The chain after a missed deadline, preparation reminders and the day-off policy: fields of the reminders' form. */
function EscalationFields() {
  return (
    <fieldset className="plain-fieldset">
      <legend>Цепочка эскалации после срока</legend>
      <Form.List name="steps">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                <span>Шаг {i + 1}: через</span>
                <Form.Item
                  name={[f.name, 'afterDays']}
                  rules={[{ required: true, type: 'number', min: 0, max: 90, message: 'От 0 до 90 дней' }]}
                >
                  <InputNumber min={0} max={90} aria-label={`Шаг ${i + 1}: через сколько дней после срока`} />
                </Form.Item>
                <span>дн. после срока —</span>
                <Form.Item name={[f.name, 'to']} rules={[{ required: true, message: 'Кому' }]}>
                  <Select
                    aria-label={`Шаг ${i + 1}: кому`}
                    style={{ width: 220 }}
                    options={Object.entries(ADDRESSEE_TITLES).map(([value, label]) => ({ value, label }))}
                  />
                </Form.Item>
                <Button
                  icon={<MinusCircleOutlined aria-hidden />}
                  aria-label={`Убрать шаг ${i + 1}`}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            {fields.length < 8 ? (
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ afterDays: 1, to: 'director' })}
                style={{ marginBottom: 16 }}
              >
                Добавить шаг
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
      <Form.Item
        name="repeat"
        label="Потом повторять последний шаг каждые … дней (0 — не повторять)"
        rules={[{ required: true, type: 'number', min: 0, max: 60, message: 'От 0 до 60 дней' }]}
      >
        <InputNumber min={0} max={60} />
      </Form.Item>
      <Form.Item
        name="preparation"
        label="За сколько дней до начала процедуры напомнить о подготовке"
        extra="Через запятую; пусто — не напоминать"
        rules={[
          {
            validator: (_, value: string) => {
              if (!value?.trim()) return Promise.resolve();
              const parsed = parseDaysBefore(value);
              return 'problem' in parsed ? Promise.reject(new Error(parsed.problem)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input style={{ maxWidth: 240 }} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="dayOffPolicy" label="Срок, выпавший на выходной или каникулы">
        <Radio.Group
          options={[
            { value: 'next-working-day', label: 'переносится на следующий рабочий день' },
            { value: 'keep', label: 'остаётся как записан' },
          ]}
        />
      </Form.Item>
    </fieldset>
  );
}

/** What a calendar subscribed to the link will show: the feed read back as the calendar would read it. */
function FeedPreview({ address }: { address: string }) {
  const timeZone = useSchoolTimeZone();
  const today = schoolDay(new Date(), timeZone);
  const feed = useQuery({
    queryKey: ['feed-preview', address],
    queryFn: async () => {
      const res = await fetch(address);
      if (!res.ok) throw new Error(`Календарь по ссылке не открылся: HTTP ${res.status}`);
      return feedPreview(await res.text(), today);
    },
  });
  if (feed.isError)
    return (
      <Alert role="alert" type="error" showIcon title={describeError(feed.error)} style={{ marginTop: 8 }} />
    );
  if (!feed.data) return null;
  return (
    <div style={{ marginTop: 8 }} role="status">
      <Typography.Text strong>
        Что увидит календарь:{' '}
        {feed.data.total === 0 ? 'сроков впереди нет' : `сроков впереди — ${feed.data.total}`}
      </Typography.Text>
      {feed.data.next.length > 0 ? (
        <ul className="feed-preview">
          {feed.data.next.map((e) => (
            <li key={`${e.date}:${e.summary}`}>
              {formatDate(e.date)} — {e.summary}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
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
      <ErrorAlert error={make.error} style={{ marginBottom: 12 }} />
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
      {address ? <FeedPreview address={address} /> : null}
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
      <SettingsNav />
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
