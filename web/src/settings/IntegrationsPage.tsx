import { CopyOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { unwrap } from '../api/client';
import { DIRECTIONS, DIRECTION_TITLES, type Direction } from '../api/domain';
import { useSchoolTimeZone } from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { useSignedIn } from '../auth/SessionContext';
import { isAdministration } from '../auth/session';
import { formatDate } from '../format/dates';
import {
  describeAction,
  describePreview,
  describeSync,
  KIND_TITLES,
  type CalendarIntegrationRow,
  type CalendarSourceRow,
  type FeedPreview,
} from './integrations-model';
import { SettingsNav } from './SettingsNav';
import { ErrorAlert, LoadError } from '../app/ErrorAlert';

const SOURCES_KEY = 'calendar-sources';

/** The list; while a calendar just subscribed has had no poll yet, it is read again every few seconds. */
function useSources() {
  const { api, schoolId } = useSignedIn();
  return useQuery({
    queryKey: [schoolId, SOURCES_KEY],
    queryFn: () =>
      unwrap<{ integrations: CalendarIntegrationRow[] }>(api.GET('/integrations/calendar/sources')),
    enabled: !!schoolId,
    refetchInterval: (query) =>
      query.state.data?.integrations.some((i) => i.sources.some((f) => f.kind !== 'webhook' && !f.lastSync))
        ? 2000
        : false,
  });
}

/** The integration's secret for signed webhooks: shown once, right after the integration is created. */
function NewIntegration({ onCreated }: { onCreated(): void }) {
  const { api, schoolId } = useSignedIn();
  const timeZone = useSchoolTimeZone();
  const [secret, setSecret] = useState<{ integrationId: string; secret: string }>();
  const [form] = Form.useForm<{ name: string }>();
  const create = useMutation({
    mutationFn: (v: { name: string }) =>
      unwrap<{ integrationId: string; secret: string }>(
        api.POST('/integrations/calendar', {
          body: { schoolId: schoolId!, name: v.name.trim(), timeZone },
        }),
      ),
    onSuccess: (r) => {
      setSecret(r);
      form.resetFields();
      onCreated();
    },
  });
  return (
    <Card size="small" title={<h2 className="card-title">Новая интеграция</h2>} style={{ marginBottom: 16 }}>
      {secret ? (
        <Alert
          role="status"
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Интеграция «${secret.integrationId}» создана`}
          description={
            <>
              <Typography.Paragraph>
                Секрет для подписи webhook показывается один раз — передайте его системе, которая будет
                присылать события (заголовок X-Vsoko-Signature):
              </Typography.Paragraph>
              <Typography.Text code copyable={{ text: secret.secret, icon: <CopyOutlined aria-hidden /> }}>
                {secret.secret}
              </Typography.Text>
            </>
          }
        />
      ) : null}
      <ErrorAlert error={create.error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="inline" onFinish={(v: { name: string }) => create.mutate(v)}>
        <Form.Item
          name="name"
          label="Название"
          rules={[{ required: true, whitespace: true, message: 'Укажите название интеграции' }]}
        >
          <Input style={{ width: 280 }} placeholder="Google-календарь школы" />
        </Form.Item>
        <Button htmlType="submit" loading={create.isPending}>
          Создать интеграцию
        </Button>
      </Form>
    </Card>
  );
}

interface FeedForm {
  title: string;
  source: 'url' | 'file';
  url?: string;
  every?: number;
  direction?: Direction;
  responsible?: string;
}

/**
 * Subscribing to a calendar: the address (or file) is previewed first — what would become procedures, what would
 * be left aside — and only a previewed source can be saved. Changing the address or file asks for a new preview.
 */
function AddFeed({ integration, onSaved }: { integration: CalendarIntegrationRow; onSaved(): void }) {
  const { api } = useSignedIn();
  const [form] = Form.useForm<FeedForm>();
  const source = Form.useWatch('source', form) ?? 'url';
  const [file, setFile] = useState<{ name: string; text: string }>();
  const [previewed, setPreviewed] = useState<{ key: string; preview: FeedPreview }>();
  const keyOf = (v: Partial<FeedForm>) =>
    JSON.stringify([
      v.source,
      v.source === 'file' ? file?.text : v.url?.trim(),
      v.direction,
      v.responsible?.trim(),
    ]);
  const what = (v: Partial<FeedForm>) =>
    v.source === 'file' ? { ics: file?.text ?? '' } : { url: (v.url ?? '').trim() };
  const defaults = (v: Partial<FeedForm>) =>
    v.direction || v.responsible?.trim()
      ? {
          defaults: {
            ...(v.direction ? { direction: v.direction } : {}),
            ...(v.responsible?.trim() ? { responsible: { name: v.responsible.trim() } } : {}),
          },
        }
      : {};
  const preview = useMutation({
    mutationFn: (v: FeedForm) =>
      unwrap<FeedPreview>(
        api.POST('/integrations/calendar/preview', {
          body: { integrationId: integration.integrationId, ...what(v), ...defaults(v) },
        }),
      ),
    onSuccess: (p, v) => setPreviewed({ key: keyOf(v), preview: p }),
  });
  const save = useMutation({
    mutationFn: (v: FeedForm) =>
      unwrap<{ feedId: string }>(
        api.POST('/integrations/calendar/{integrationId}/feeds', {
          params: { path: { integrationId: integration.integrationId } },
          body: {
            title: v.title.trim(),
            ...what(v),
            // A file is read once; the period matters only to an address (OpenAPI lists it as required).
            pollEveryMinutes: v.every ?? 15,
            ...defaults(v),
          },
        }),
      ),
    onSuccess: () => {
      form.resetFields();
      setFile(undefined);
      setPreviewed(undefined);
      onSaved();
    },
  });
  const values = Form.useWatch([], form) ?? {};
  const fresh = previewed && previewed.key === keyOf(values) ? previewed.preview : undefined;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ source: 'url', every: 15 }}
      onFinish={(v) => (fresh ? save.mutate(v) : preview.mutate(v))}
      aria-label={`Подписаться на календарь: ${integration.name}`}
    >
      <Typography.Title level={3} className="card-title" style={{ marginTop: 16 }}>
        Подписаться на календарь
      </Typography.Title>
      <Form.Item
        name="title"
        label="Название календаря"
        rules={[{ required: true, whitespace: true, message: 'Укажите название календаря' }]}
      >
        <Input style={{ maxWidth: 420 }} placeholder="План ВСОКО (Google)" />
      </Form.Item>
      <Form.Item name="source" label="Откуда">
        <Radio.Group
          options={[
            { value: 'url', label: 'по адресу (календарь опрашивается по расписанию)' },
            { value: 'file', label: 'файл .ics (прочитывается один раз)' },
          ]}
        />
      </Form.Item>
      {source === 'url' ? (
        <Space wrap align="start">
          <Form.Item
            name="url"
            label="Адрес календаря (ICS)"
            extra="Google: «Закрытый адрес в формате iCal»; Outlook: «Опубликовать календарь» → ICS; Яндекс: «Экспорт»"
            rules={[
              { required: true, message: 'Укажите адрес календаря' },
              { pattern: /^https?:\/\/\S+$/, message: 'Адрес начинается с http:// или https://' },
            ]}
          >
            <Input
              style={{ width: 480, maxWidth: '100%' }}
              placeholder="https://calendar.google.com/…/basic.ics"
            />
          </Form.Item>
          <Form.Item
            name="every"
            label="Опрашивать каждые, мин"
            rules={[{ required: true, type: 'number', min: 1, max: 1440, message: 'От 1 до 1440 минут' }]}
          >
            <InputNumber min={1} max={1440} />
          </Form.Item>
        </Space>
      ) : (
        <Form.Item label="Файл календаря" required>
          <input
            type="file"
            accept=".ics,text/calendar"
            aria-label="Файл календаря (.ics)"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              if (chosen) void chosen.text().then((text) => setFile({ name: chosen.name, text }));
            }}
          />
        </Form.Item>
      )}
      <Form.Item
        name="direction"
        label="Направление ВСОКО для событий, где оно не указано"
        extra="Иначе направление берётся из события или угадывается по названию"
      >
        <Select
          allowClear
          style={{ maxWidth: 320 }}
          placeholder="не задано"
          options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_TITLES[d] }))}
        />
      </Form.Item>
      <Form.Item
        name="responsible"
        label="Ответственный для событий, где он не указан"
        extra="Например, «Заместитель директора по УВР»; в событии его можно указать строкой «ответственный: …»"
      >
        <Input style={{ maxWidth: 420 }} />
      </Form.Item>
      <ErrorAlert error={preview.error} style={{ marginBottom: 12 }} />
      <ErrorAlert error={save.error} style={{ marginBottom: 12 }} />
      {fresh ? <PreviewTable preview={fresh} /> : null}
      <Space>
        <Button
          htmlType={fresh ? 'button' : 'submit'}
          type={fresh ? 'default' : 'primary'}
          loading={preview.isPending}
          disabled={source === 'file' && !file}
          onClick={fresh ? () => void form.validateFields().then((v) => preview.mutate(v)) : undefined}
        >
          {fresh ? 'Показать заново' : 'Показать, что будет'}
        </Button>
        {fresh ? (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            Подписаться
          </Button>
        ) : null}
      </Space>
    </Form>
  );
}

function PreviewTable({ preview }: { preview: FeedPreview }) {
  return (
    <section aria-label="Предпросмотр календаря" style={{ marginBottom: 12 }}>
      <Typography.Paragraph role="status" strong>
        {describePreview(preview)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        События с {formatDate(preview.horizon.from)} по {formatDate(preview.horizon.to)}, часовой пояс{' '}
        {preview.timeZone}. Процедуры появятся в плане после подписки.
      </Typography.Paragraph>
      {preview.entries.length > 0 ? (
        <Table
          size="small"
          rowKey={(e) => `${e.uid}:${e.recurrenceId ?? ''}`}
          pagination={preview.entries.length > 10 ? { pageSize: 10 } : false}
          dataSource={preview.entries}
          columns={[
            {
              title: 'Событие',
              key: 'summary',
              render: (_, e) => e.title ?? e.summary,
            },
            {
              title: 'Сроки процедуры',
              key: 'window',
              render: (_, e) =>
                e.window.from === e.window.to
                  ? formatDate(e.window.from)
                  : `${formatDate(e.window.from)} — ${formatDate(e.window.to)}`,
            },
            { title: 'Ответственный', key: 'responsible', render: (_, e) => e.responsible ?? '—' },
            { title: 'Что будет', key: 'action', render: (_, e) => describeAction(e) },
          ]}
        />
      ) : null}
    </section>
  );
}

function SourcesTable({
  integration,
  timeZone,
  onChanged,
}: {
  integration: CalendarIntegrationRow;
  timeZone: string;
  onChanged(): void;
}) {
  const { api } = useSignedIn();
  const poll = useMutation({
    mutationFn: (feedId: string) =>
      unwrap<unknown>(
        api.POST('/integrations/calendar/feeds/{feedId}/poll', { params: { path: { feedId } } }),
      ),
    onSettled: onChanged,
  });
  const remove = useMutation({
    mutationFn: (feedId: string) =>
      unwrap<unknown>(api.DELETE('/integrations/calendar/feeds/{feedId}', { params: { path: { feedId } } })),
    onSuccess: onChanged,
  });
  const failure = poll.error ?? remove.error;
  return (
    <>
      <ErrorAlert error={failure} style={{ marginBottom: 12 }} />
      <Table<CalendarSourceRow>
        size="small"
        rowKey="feedId"
        pagination={false}
        dataSource={integration.sources}
        scroll={{ x: true }}
        columns={[
          {
            title: 'Календарь',
            key: 'title',
            render: (_, f) => (
              <>
                <div>
                  <strong>{f.title}</strong> <Tag>{KIND_TITLES[f.kind]}</Tag>
                </div>
                {f.url ? (
                  <Typography.Text type="secondary" className="masked-url">
                    {f.url}
                  </Typography.Text>
                ) : null}
                {f.pollEveryMinutes ? (
                  <div>
                    <Typography.Text type="secondary">опрос каждые {f.pollEveryMinutes} мин</Typography.Text>
                  </div>
                ) : null}
              </>
            ),
          },
          {
            title: 'Последняя синхронизация',
            key: 'sync',
            render: (_, f) => (
              <>
                <Typography.Text strong={f.lastSync?.status === 'failed'}>
                  {describeSync(f, timeZone)}
                </Typography.Text>
                {f.warnings.length > 0 ? (
                  <ul className="source-warnings">
                    {f.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            ),
          },
          {
            title: 'Процедур в плане',
            key: 'imported',
            align: 'right',
            render: (_, f) => (
              <>
                {f.imported}
                {f.cancelled > 0 ? (
                  <div>
                    <Typography.Text type="secondary">отменено: {f.cancelled}</Typography.Text>
                  </div>
                ) : null}
              </>
            ),
          },
          {
            title: 'Действия',
            key: 'actions',
            render: (_, f) =>
              f.kind === 'webhook' ? (
                <Typography.Text type="secondary">удаляется вместе с интеграцией</Typography.Text>
              ) : (
                <Space wrap>
                  <Button
                    size="small"
                    loading={poll.isPending && poll.variables === f.feedId}
                    onClick={() => poll.mutate(f.feedId)}
                    aria-label={`Опросить сейчас: ${f.title}`}
                  >
                    Опросить сейчас
                  </Button>
                  <Popconfirm
                    title="Отключить календарь?"
                    description="Опрос прекратится; запланированные им процедуры останутся в плане."
                    okText="Отключить"
                    cancelText="Отмена"
                    onConfirm={() => remove.mutate(f.feedId)}
                  >
                    <Button size="small" aria-label={`Отключить: ${f.title}`}>
                      Отключить
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}

function IntegrationCard({
  integration,
  onChanged,
}: {
  integration: CalendarIntegrationRow;
  onChanged(): void;
}) {
  const { api } = useSignedIn();
  const remove = useMutation({
    mutationFn: () =>
      unwrap<unknown>(
        api.DELETE('/integrations/calendar/{integrationId}', {
          params: { path: { integrationId: integration.integrationId } },
        }),
      ),
    onSuccess: onChanged,
  });
  return (
    <Card
      title={<h2 className="card-title">{integration.name}</h2>}
      extra={
        <Popconfirm
          title="Удалить интеграцию?"
          description="Все её календари перестанут опрашиваться, webhook — приниматься. Процедуры останутся."
          okText="Удалить"
          cancelText="Отмена"
          onConfirm={() => remove.mutate()}
        >
          <Button size="small">Удалить интеграцию</Button>
        </Popconfirm>
      }
      style={{ marginBottom: 16 }}
    >
      <ErrorAlert error={remove.error} style={{ marginBottom: 12 }} />
      <Typography.Paragraph type="secondary">
        Идентификатор для webhook: <Typography.Text code>{integration.integrationId}</Typography.Text> ·
        часовой пояс {integration.timeZone}
      </Typography.Paragraph>
      <SourcesTable integration={integration} timeZone={integration.timeZone} onChanged={onChanged} />
      <AddFeed integration={integration} onSaved={onChanged} />
    </Card>
  );
}

/**
 * `/settings/integrations`: the calendars the school takes procedures from (ADR 0005) — each feed, file and
 * webhook with its last sync and how many of its events are procedures now; subscribing with a preview first.
 */
export function IntegrationsPage() {
  usePageTitle('Календари-источники');
  const { schoolId, session } = useSignedIn();
  const admin = isAdministration(session, schoolId);
  const sources = useSources();
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: [schoolId, SOURCES_KEY] });
  return (
    <>
      <Typography.Title level={1} className="page-title">
        Настройки
      </Typography.Title>
      <SettingsNav />
      <Typography.Paragraph>
        События календарей школы с отметкой <Typography.Text code>[ВСОКО]</Typography.Text> (или категорией
        ВСОКО) становятся процедурами плана; перенос и отмена события переносят и отменяют процедуру. Свои
        сроки в календаре на телефоне — на странице «Напоминания и эскалация».
      </Typography.Paragraph>
      {!admin ? (
        <Alert
          type="info"
          showIcon
          title="Календари-источники настраивает директор или заместитель директора."
        />
      ) : sources.isError ? (
        <LoadError title="Список календарей не загрузился" query={sources} />
      ) : !sources.data ? (
        <Skeleton active />
      ) : (
        <>
          {sources.data.integrations.length === 0 ? (
            <Empty description="Школа пока не подписана ни на один календарь" style={{ marginBottom: 16 }} />
          ) : null}
          {sources.data.integrations.map((i) => (
            <IntegrationCard key={i.integrationId} integration={i} onChanged={refresh} />
          ))}
          <NewIntegration onCreated={refresh} />
        </>
      )}
    </>
  );
}
