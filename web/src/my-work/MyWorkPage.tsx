import { CheckOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { unwrap } from '../api/client';
import { useSchoolQuery, useSchoolTimeZone, type Page } from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { useSignedIn } from '../auth/SessionContext';
import { formatDate, schoolDay } from '../format/dates';
import { ColourTag } from '../format/StatusTag';
import { DateField } from '../procedure/fields';
import { useCommand, type CommandResult } from '../procedure/useCommand';
import {
  byUrgency,
  dueText,
  nextActionOf,
  workItemOf,
  type Deadline,
  type DecisionRecordItem,
  type WorkItem,
} from './my-work-model';
import { ErrorAlert, LoadError } from '../app/ErrorAlert';

/** Records a decision executed right on the card: the date (today by default) and what proves it. */
function ExecuteDecision({ item, today, onDone }: { item: Deadline; today: string; onDone(): void }) {
  const { api } = useSignedIn();
  const [form] = Form.useForm<{ executedOn: string; description: string }>();
  const command = useCommand(undefined, form);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ executedOn: today }}
      onFinish={(v) =>
        command.mutate(
          (headers) =>
            unwrap<CommandResult>(
              api.POST('/procedures/{id}/decisions/{decisionId}/executed', {
                params: { path: { id: item.procedureId, decisionId: item.decisionId! }, header: headers },
                body: { executedOn: v.executedOn, evidence: { description: v.description.trim() } },
              }),
            ),
          { onSuccess: onDone },
        )
      }
    >
      <ErrorAlert error={command.error} style={{ marginBottom: 12 }} />
      <DateField name="executedOn" label="Дата исполнения" notAfterToday />
      <Form.Item
        name="description"
        label="Чем подтверждается"
        rules={[{ required: true, whitespace: true, message: 'Опишите, чем подтверждается исполнение' }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2 }}
          placeholder="Проведены 6 консультаций, журнал консультаций"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={command.isPending}>
        Сохранить исполнение
      </Button>
    </Form>
  );
}

function WorkCard({ item, today }: { item: WorkItem; today: string }) {
  const [acting, setActing] = useState(false);
  const navigate = useNavigate();
  const action = nextActionOf(item);
  const late = item.state === 'overdue';
  return (
    <Card size="small" className="work-card">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space size={4} wrap>
          <ColourTag colour={item.kind === 'procedure' ? 'blue' : 'violet'}>
            {item.kind === 'procedure'
              ? 'Процедура'
              : item.kind === 'decision'
                ? 'Решение'
                : 'Решение заседания'}
          </ColourTag>
          <ColourTag colour={late ? 'red' : 'grey'}>{dueText(item.date, today)}</ColourTag>
        </Space>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {item.title}
        </Typography.Text>
        <Typography.Text type="secondary">
          Срок: {item.date ? formatDate(item.date) : 'не указан'}
        </Typography.Text>
        {action === 'open-decision' ? (
          <Button
            type="primary"
            size="large"
            block
            icon={<CheckOutlined aria-hidden />}
            onClick={() => navigate(`/decision/${encodeURIComponent(item.decisionId!)}`)}
            aria-label={`Подтвердить и отметить исполнение: ${item.title}`}
          >
            Подтвердить и отметить исполнение
          </Button>
        ) : action === 'execute-decision' ? (
          acting ? (
            <ExecuteDecision item={item as Deadline} today={today} onDone={() => setActing(false)} />
          ) : (
            <Button
              type="primary"
              size="large"
              block
              icon={<CheckOutlined aria-hidden />}
              onClick={() => setActing(true)}
              aria-label={`Отметить исполнение: ${item.title}`}
            >
              Отметить исполнение
            </Button>
          )
        ) : (
          <Button
            type="primary"
            size="large"
            block
            icon={<RightOutlined aria-hidden />}
            onClick={() => navigate(`/plan/${encodeURIComponent(item.procedureId)}`)}
            aria-label={`Отметить проведение: ${item.title}`}
          >
            Отметить проведение
          </Button>
        )}
      </Space>
    </Card>
  );
}

/**
 * «Моя работа» as a teacher opens it on a phone: every date she must meet, the late ones first, each card with
 * its one next action — a decision is marked executed right on the card, a procedure opens at its next step.
 */
export function MyWorkPage() {
  usePageTitle('Моя работа');
  const { session } = useSignedIn();
  const timeZone = useSchoolTimeZone();
  const today = schoolDay(new Date(), timeZone);
  const me = session.user.id;
  const work = useSchoolQuery(['my-work', me], async (api, schoolId, waitForPosition) => {
    const load = (view: 'overdue' | 'upcoming') =>
      unwrap<Page<Deadline>>(
        api.GET('/deadlines', {
          params: {
            query: {
              schoolId,
              responsible: me,
              view,
              pageSize: 200,
              ...(waitForPosition ? { waitForPosition } : {}),
            },
          },
        }),
      ).then((p) => p.items);
    // A person's meeting decisions still in work, where she leads them (the calendar lists procedures' ones).
    const records = unwrap<Page<DecisionRecordItem & { academicYear: string }>>(
      api.GET('/decision-records', {
        params: {
          query: {
            schoolId,
            executor: me,
            active: 'true',
            pageSize: 200,
            ...(waitForPosition ? { waitForPosition } : {}),
          },
        },
      }),
    ).then((p) => p.items.map((r) => workItemOf(r, schoolId, r.academicYear)));
    const [overdue, upcoming, meetings] = await Promise.all([load('overdue'), load('upcoming'), records]);
    return [...overdue, ...upcoming, ...meetings].sort(byUrgency);
  });
  const items = work.data ?? [];
  const late = items.filter((d) => d.state === 'overdue').length;
  return (
    <div className="my-work">
      <Typography.Title level={1} className="page-title">
        Моя работа
      </Typography.Title>
      {work.isError ? (
        <LoadError title="Список дел не загрузился" query={work} />
      ) : work.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description="Сейчас за вами нет ни процедур, ни решений. Новые появятся здесь, когда вас назначат ответственным." />
      ) : (
        <>
          <Typography.Paragraph role="status">
            {late > 0 ? `Просрочено: ${late}. ` : ''}Всего дел: {items.length}. Первым — самое срочное.
          </Typography.Paragraph>
          <ul className="plain-list work-list">
            {items.map((item) => (
              <li key={item._id}>
                <WorkCard item={item} today={today} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
