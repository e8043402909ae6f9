import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { MEETING_LEVEL_TITLES } from '../api/domain';
import { describeError } from '../api/errors';
import { useSchoolQuery } from '../api/queries';
import { formatBytes } from '../api/upload';
import { usePageTitle } from '../app/usePageTitle';
import { useSignedIn } from '../auth/SessionContext';
import { canWrite } from '../auth/session';
import { formatDate } from '../format/dates';
import { DecisionRecordTag } from '../meetings/DecisionRecordTag';
import { downloadFile, getDecision } from '../meetings/meetings-api';
import { meetingDateText, type DecisionRecord } from '../meetings/meetings-model';
import { DeadlineReading } from '../meetings/Protocol';
import { DecisionActions } from './DecisionActions';
import { groupedHash } from './evidence-hash';
import { EvidenceLink } from './EvidenceLink';
import { EvidenceUpload } from './EvidenceUpload';
import { ErrorAlert } from '../app/ErrorAlert';

const VERDICTS: Record<string, string> = {
  effective: 'эффективно',
  partly: 'частично эффективно',
  'not-effective': 'неэффективно',
};

function adoptedByText(d: DecisionRecord): string {
  const by = d.adoptedBy;
  if (by.kind === 'order') return `Приказ № ${by.orderNumber} от ${formatDate(by.date)}`;
  return `${MEETING_LEVEL_TITLES[by.level]}, ${meetingDateText(by.date)}${by.protocolNumber ? `, протокол № ${by.protocolNumber}` : ''}`;
}

function Evidence({ d }: { d: DecisionRecord }) {
  const { api } = useSignedIn();
  const [error, setError] = useState<unknown>();
  if (d.evidence.length === 0)
    return (
      <Empty
        description={
          d.evidenceRequired
            ? 'Подтверждений пока нет. Это решение отмечается исполненным только с подтверждением: приложите файл или ссылку ниже.'
            : 'Подтверждений пока нет. Приложите приказ, справку, фотографию или ссылку на них ниже.'
        }
      />
    );
  return (
    <>
      <ErrorAlert error={error} style={{ marginBottom: 8 }} />
      <List
        size="small"
        bordered
        dataSource={[...d.evidence]}
        renderItem={(e) => (
          <List.Item
            key={e.evidenceId}
            actions={
              e.ref.kind === 'file'
                ? [
                    <Button
                      key="download"
                      size="small"
                      icon={<DownloadOutlined aria-hidden />}
                      aria-label={`Скачать: ${e.ref.fileName}`}
                      onClick={() => {
                        setError(undefined);
                        downloadFile(
                          api.GET('/decisions/{decisionId}/evidence/{evidenceId}', {
                            params: { path: { decisionId: d.decisionId, evidenceId: e.evidenceId } },
                            parseAs: 'blob',
                          }),
                          e.ref.kind === 'file' ? e.ref.fileName : 'file',
                        ).catch(setError);
                      }}
                    >
                      Скачать
                    </Button>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={0}>
              {e.ref.kind === 'file' ? (
                <span>
                  <strong>{e.ref.fileName}</strong> ({formatBytes(e.ref.size)})
                  {e.description ? ` — ${e.description}` : ''}
                </span>
              ) : (
                <span>
                  <a href={e.ref.url} target="_blank" rel="noopener noreferrer">
                    {e.description ?? e.ref.url}
                  </a>
                  {e.description ? <Typography.Text type="secondary"> — {e.ref.url}</Typography.Text> : null}
                </span>
              )}
              <Typography.Text type="secondary">
                К {formatDate(e.about)}, приложено {formatDate(e.attachedOn)}
              </Typography.Text>
              {e.ref.kind === 'file' ? (
                <Typography.Text>
                  SHA-256: <code className="hash">{groupedHash(e.ref.sha256)}</code>
                </Typography.Text>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}

function History({ d }: { d: DecisionRecord }) {
  const rows = [
    ...d.checkIns.map((c) => ({
      day: c.dueOn,
      text: `Контрольная точка ${formatDate(c.dueOn)}: ${c.outcome === 'recorded' ? `отчёт — ${c.note ?? ''}${c.late ? ' (с опозданием)' : ''}` : 'отчёта не было'}`,
    })),
    ...d.executions.map((e) => ({
      day: e.executedOn,
      text: `Исполнено ${formatDate(e.executedOn)}${e.note ? `: ${e.note}` : ''}`,
    })),
    ...d.assessments.map((a) => ({
      day: a.assessedOn,
      text: `Эффективность ${formatDate(a.assessedOn)}: ${VERDICTS[a.verdict] ?? a.verdict} — ${a.indicator}${a.note ? `. ${a.note}` : ''}`,
    })),
  ].sort((a, b) => a.day.localeCompare(b.day));
  if (rows.length === 0)
    return (
      <Typography.Paragraph type="secondary">Отчётов, исполнения и оценок пока нет.</Typography.Paragraph>
    );
  return (
    <ul>
      {rows.map((r, n) => (
        <li key={n}>{r.text}</li>
      ))}
    </ul>
  );
}

/** One decision of a meeting or an order, in depth: its deadline as written and as read, evidence, follow-ups. */
export function DecisionPage() {
  const { decisionId = '' } = useParams();
  const { session, schoolId } = useSignedIn();
  const writer = canWrite(session, schoolId);
  const query = useSchoolQuery(['decision', decisionId], (api) => getDecision(api, decisionId));
  const d = query.data;
  usePageTitle(d ? `Решение № ${d.number}` : 'Решение');
  if (query.isError)
    return (
      <Alert
        role="alert"
        type="error"
        showIcon
        title="Решение не открылось"
        description={describeError(query.error)}
        action={<Link to="/sittings">К заседаниям</Link>}
      />
    );
  if (!d) return <Skeleton active />;
  const active = d.status === 'open' || d.status === 'reopened';
  return (
    <div className="decision-page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/sittings">Заседания</Link> },
          ...(d.adoptedBy.kind === 'meeting'
            ? [{ title: <Link to={`/sittings/${d.adoptedBy.meetingId}`}>{adoptedByText(d)}</Link> }]
            : []),
          { title: `Решение № ${d.number}` },
        ]}
      />
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          Решение № {d.number}: {d.wording}
        </Typography.Title>
        <DecisionRecordTag status={d.status} overdue={d.overdue} />
      </Space>
      {d.status === 'withdrawn' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Решение отменено: ${d.withdrawalReason}`}
        />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'by', label: 'Принято', children: adoptedByText(d) },
          {
            key: 'lead',
            label: 'Ответственный',
            children:
              d.executors.lead.name +
              (d.executors.coExecutors.length
                ? `; соисполнители: ${d.executors.coExecutors.map((c) => c.name).join(', ')}`
                : '') +
              (d.reassignments ? ` (передавалось: ${d.reassignments})` : ''),
          },
          { key: 'deadline', label: 'Срок', children: <DeadlineReading decision={d} /> },
          {
            key: 'evidence',
            label: 'Подтверждение',
            children: d.evidenceRequired ? 'обязательно для отметки об исполнении' : 'по желанию',
          },
        ]}
      />
      {writer ? (
        <Card title={<h2 className="card-title">Действия</h2>} style={{ marginBottom: 16 }}>
          <DecisionActions decision={d} timeZone={d.timeZone} />
          {!active && d.status !== 'executed' && d.status !== 'assessed' ? (
            <Typography.Text type="secondary">Решение закрыто: действий нет.</Typography.Text>
          ) : null}
        </Card>
      ) : null}
      <Card title={<h2 className="card-title">Подтверждения исполнения</h2>} style={{ marginBottom: 16 }}>
        <Evidence d={d} />
        {writer && active ? (
          <div style={{ marginTop: 16 }}>
            <EvidenceUpload decision={d} timeZone={d.timeZone} />
            <div style={{ marginTop: 16 }}>
              <EvidenceLink decision={d} timeZone={d.timeZone} />
            </div>
          </div>
        ) : null}
      </Card>
      <Card title={<h2 className="card-title">Ход исполнения</h2>}>
        <History d={d} />
      </Card>
    </div>
  );
}
