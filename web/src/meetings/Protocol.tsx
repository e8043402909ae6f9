import { FileWordOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Alert, Button, Card, Form, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { unwrap } from '../api/client';
import { describeError } from '../api/errors';
import { useSignedIn } from '../auth/SessionContext';
import { formatDate, schoolDay } from '../format/dates';
import { DateField } from '../procedure/fields';
import { adoptAll, useAdoptionResults } from './adoption';
import { CorrectionHistory, CorrectProtocol } from './CorrectProtocol';
import type { WithCorrections } from './correction-model';
import { DecisionRecordTag } from './DecisionRecordTag';
import { downloadFile, getDecision, type Outcome } from './meetings-api';
import { describeDeadline, type DecisionRecord, type Meeting } from './meetings-model';
import { useWrite } from './useWrite';
import { ErrorAlert } from '../app/ErrorAlert';

type Held = Extract<Meeting, { status: 'held' | 'signed' }>;

/** A decision's deadline as written beside what it was taken to mean. */
export function DeadlineReading({ decision }: { decision: Pick<DecisionRecord, 'deadline'> }) {
  const written = decision.deadline.asWritten?.trim();
  return (
    <span>
      {written ? <>«{written}» → </> : null}
      <strong>{describeDeadline(decision.deadline)}</strong>
    </span>
  );
}

/** What the server answered when this tab recorded the decisions: the readings, doubts and refusals. */
function AdoptionReport({ meeting }: { meeting: Held }) {
  const { api } = useSignedIn();
  const { results, keep } = useAdoptionResults(meeting.meetingId);
  const failed = results.filter((r) => r.error);
  const retry = useWrite<Outcome>(async () => {
    const again = await adoptAll(
      api,
      meeting.meetingId,
      failed.map((r) => r.decision),
    );
    keep([...results.filter((r) => !r.error), ...again]);
    return { position: Math.max(0, ...again.map((r) => r.position ?? 0)), revision: 0, eventTypes: [] };
  });
  if (results.length === 0) return null;
  const adopted = results.filter((r) => !r.error);
  return (
    <Alert
      role="status"
      type={failed.length ? 'warning' : 'success'}
      showIcon
      style={{ marginBottom: 16 }}
      title={`Протокол № ${meeting.protocolNumber}. Записано решений: ${adopted.length} из ${results.length}`}
      description={
        <>
          <ul className="adoption-list">
            {results.map((r) => (
              <li key={r.decision.decisionId}>
                {r.decision.number}. {r.decision.draft.wording.trim()} — срок{' '}
                {r.error ? (
                  <Typography.Text type="danger">не записано: {describeError(r.error)}</Typography.Text>
                ) : (
                  <>
                    {r.decision.draft.deadline?.trim() ? `«${r.decision.draft.deadline.trim()}» ` : ''}понят
                    как: <strong>{describeDeadline(r.deadline)}</strong>
                    {r.warnings?.length ? <> ({r.warnings.join('; ')})</> : null}
                  </>
                )}
              </li>
            ))}
          </ul>
          {failed.length ? (
            <Button onClick={() => retry.mutate()} loading={retry.isPending}>
              Повторить запись решений ({failed.length})
            </Button>
          ) : null}
        </>
      }
    />
  );
}

function SignProtocol({ meeting }: { meeting: Held }) {
  const { api } = useSignedIn();
  const [form] = Form.useForm<{ signedOn: string }>();
  const sign = useWrite<Outcome, string>(
    (headers, signedOn) =>
      unwrap(
        api.POST('/meetings/{meetingId}/signature', {
          params: { path: { meetingId: meeting.meetingId } },
          headers,
          body: { signedOn },
        }),
      ),
    { revision: meeting.revision, form },
  );
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ signedOn: schoolDay(new Date(), meeting.timeZone) }}
      onFinish={(v) => sign.mutate(v.signedOn)}
      style={{ rowGap: 8 }}
    >
      <DateField name="signedOn" label="Протокол подписан" />
      <Button htmlType="submit" loading={sign.isPending}>
        Отметить подписание
      </Button>
      {sign.error ? (
        <Typography.Text type="danger" role="alert">
          {describeError(sign.error)}
        </Typography.Text>
      ) : null}
    </Form>
  );
}

/** The record of a held meeting as its protocol reads, with each decision's state and the Word documents. */
export function Protocol({ meeting, admin }: { meeting: WithCorrections; admin: boolean }) {
  const { api } = useSignedIn();
  const [downloadError, setDownloadError] = useState<unknown>();
  const ids = meeting.record.minutes.flatMap((m) => m.decisionIds);
  const decisions = useQueries({
    queries: ids.map((id) => ({
      queryKey: [meeting.schoolId, 'decision', id],
      queryFn: () => getDecision(api, id),
      retry: false,
    })),
  });
  const byId = new Map(ids.map((id, n) => [id, decisions[n]]));
  const loaded = decisions.flatMap((q) => (q.data ? [q.data] : []));
  const allLoaded = !decisions.some((q) => q.isPending);
  const path = { meetingId: meeting.meetingId };
  const download = (kind: 'protocol' | 'order') => {
    setDownloadError(undefined);
    const call =
      kind === 'protocol'
        ? api.GET('/meetings/{meetingId}/protocol.docx', { params: { path }, parseAs: 'blob' })
        : api.GET('/meetings/{meetingId}/order.docx', { params: { path }, parseAs: 'blob' });
    downloadFile(call, kind === 'protocol' ? 'Протокол.docx' : 'Приказ.docx').catch(setDownloadError);
  };
  const titles = new Map(meeting.agenda.map((i) => [i.itemId, i.title]));
  return (
    <>
      <AdoptionReport meeting={meeting} />
      <Card
        title={<h2 className="card-title">Протокол № {meeting.protocolNumber}</h2>}
        extra={
          <Space wrap>
            {admin && allLoaded ? <CorrectProtocol meeting={meeting} decisions={loaded} /> : null}
            <Button icon={<FileWordOutlined aria-hidden />} onClick={() => download('protocol')}>
              Скачать протокол (DOCX)
            </Button>
            <Button icon={<FileWordOutlined aria-hidden />} onClick={() => download('order')}>
              Скачать приказ (DOCX)
            </Button>
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        <ErrorAlert error={downloadError} style={{ marginBottom: 12 }} />
        <Typography.Paragraph>
          <strong>Присутствовали:</strong>{' '}
          {meeting.record.participants.length
            ? meeting.record.participants.map((p) => p.name).join(', ')
            : 'не отмечены'}
        </Typography.Paragraph>
        {meeting.status === 'signed' ? (
          <Typography.Paragraph>Протокол подписан {formatDate(meeting.signedOn)}.</Typography.Paragraph>
        ) : admin ? (
          <SignProtocol meeting={meeting} />
        ) : null}
        <ol className="protocol-items">
          {meeting.record.minutes.map((m) => (
            <li key={m.itemId}>
              <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
                {titles.get(m.itemId) ?? m.itemId}
              </Typography.Title>
              <Typography.Paragraph>
                <strong>Слушали:</strong> {m.heard}
              </Typography.Paragraph>
              {m.decisionIds.length ? (
                <List
                  size="small"
                  bordered
                  header={<strong>Решили:</strong>}
                  dataSource={m.decisionIds}
                  renderItem={(id) => {
                    const q = byId.get(id);
                    const d = q?.data;
                    return (
                      <List.Item key={id}>
                        {d ? (
                          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                            <span>
                              {d.number}. <Link to={`/decision/${d.decisionId}`}>{d.wording}</Link>{' '}
                              <DecisionRecordTag status={d.status} overdue={d.overdue} />
                              {d.evidenceRequired ? <Tag>нужно подтверждение</Tag> : null}
                            </span>
                            <span>
                              Ответственный: {d.executors.lead.name} · срок: <DeadlineReading decision={d} />
                            </span>
                          </Space>
                        ) : q?.isError ? (
                          <Typography.Text type="secondary">
                            Решение {id} не записано: {describeError(q.error)}
                          </Typography.Text>
                        ) : (
                          <Typography.Text type="secondary">Загрузка решения…</Typography.Text>
                        )}
                      </List.Item>
                    );
                  }}
                />
              ) : (
                <Typography.Paragraph type="secondary">Решений по вопросу не принято.</Typography.Paragraph>
              )}
            </li>
          ))}
        </ol>
      </Card>
      <CorrectionHistory meeting={meeting} decisions={loaded} />
    </>
  );
}
