import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import { DIRECTION_TITLES, MEETING_LEVEL_TITLES, type Decision, type ProcedureDocument } from '../api/domain';
import { describeError } from '../api/errors';
import { auditOf, getProcedure, useSchoolQuery } from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { useSignedIn } from '../auth/SessionContext';
import { canWrite } from '../auth/session';
import { formatDate } from '../format/dates';
import { ColourTag, DecisionStatusTag, StageTag } from '../format/StatusTag';
import type { DECISION_STATUS_NAMES } from '../format/titles';
import { DecisionActions } from './DecisionActions';
import { NextStep } from './NextStep';
import { Timeline } from './Timeline';
import { endSentence } from '../format/sentences';
import { zoneLabel } from '../format/zones';

function decisionStatus(d: Decision): keyof typeof DECISION_STATUS_NAMES {
  return d.status === 'open' && d.overdue ? 'overdue' : d.status;
}

function PlanRow({ p }: { p: ProcedureDocument }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'direction', label: 'Направление', children: DIRECTION_TITLES[p.direction] },
        { key: 'indicator', label: 'Показатели', children: p.indicator ?? '—' },
        { key: 'object', label: 'Объект оценки', children: p.object ?? '—' },
        { key: 'method', label: 'Метод оценки', children: p.method ?? '—' },
        { key: 'responsible', label: 'Ответственный', children: p.responsible.name },
        { key: 'resultForm', label: 'Форма представления результатов', children: p.resultForm ?? '—' },
        {
          key: 'window',
          label: 'Сроки',
          children: `${formatDate(p.window.from)} — ${formatDate(p.window.to)}`,
        },
        { key: 'tz', label: 'Часовой пояс школы', children: zoneLabel(p.timeZone) },
      ]}
    />
  );
}

function Results({ p }: { p: ProcedureDocument }) {
  const performance = 'performance' in p ? p.performance : undefined;
  const analysis = 'analysis' in p ? p.analysis : undefined;
  const discussion = 'discussion' in p ? p.discussion : undefined;
  if (!performance && !analysis && !discussion)
    return (
      <Empty description="Результатов пока нет: они появятся, когда процедура будет проведена и проанализирована." />
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {performance ? (
        <Typography.Paragraph>
          Проведена {formatDate(performance.performedOn)}, {endSentence(performance.performedBy.name)}{' '}
          Собрано: {endSentence(performance.collected.join('; '))}
        </Typography.Paragraph>
      ) : null}
      {analysis ? (
        <>
          <Typography.Paragraph>
            Документ:{' '}
            {analysis.document.reference ? (
              <a href={analysis.document.reference} target="_blank" rel="noreferrer">
                {analysis.document.title}
              </a>
            ) : (
              analysis.document.title
            )}{' '}
            от {formatDate(analysis.analysedOn)}.
          </Typography.Paragraph>
          <Typography.Text strong>Выводы</Typography.Text>
          <ul>
            {analysis.findings.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
          {analysis.figures.length > 0 ? (
            <Table
              size="small"
              pagination={false}
              rowKey="indicator"
              caption="Показатели"
              dataSource={[...analysis.figures]}
              columns={[
                { title: 'Показатель', dataIndex: 'indicator' },
                {
                  title: 'Значение',
                  key: 'value',
                  render: (_, f) => `${f.value.toLocaleString('ru-RU')}${f.unit ? ` ${f.unit}` : ''}`,
                },
              ]}
            />
          ) : null}
        </>
      ) : null}
      {discussion ? (
        <Typography.Paragraph>
          Обсуждена: {MEETING_LEVEL_TITLES[discussion.level]}, {formatDate(discussion.heldOn)}, протокол №{' '}
          {discussion.protocolNumber}.
        </Typography.Paragraph>
      ) : null}
    </Space>
  );
}

function Decisions({ p, writable }: { p: ProcedureDocument; writable: boolean }) {
  const followUp = 'followUp' in p ? p.followUp : undefined;
  if (!followUp)
    return <Empty description="Решений пока нет: их принимают после обсуждения результатов на совещании." />;
  if (followUp.notedWithoutDecision)
    return (
      <Typography.Paragraph>Результаты приняты к сведению без управленческих решений.</Typography.Paragraph>
    );
  const rechecks = new Map(followUp.rechecks.map((r) => [r.decisionId, r.childProcedureId]));
  return (
    <Table
      size="small"
      rowKey="decisionId"
      pagination={false}
      scroll={{ x: true }}
      dataSource={[...followUp.decisions]}
      columns={[
        { title: 'Решение', dataIndex: 'wording' },
        { title: 'Ответственный', key: 'r', render: (_, d) => d.responsible.name },
        {
          title: 'Срок',
          key: 'deadline',
          render: (_, d) =>
            d.extensions.length > 0
              ? `${formatDate(d.deadline)} (продлён с ${formatDate(d.extensions[0].from)})`
              : formatDate(d.deadline),
        },
        {
          title: 'Статус',
          key: 'status',
          render: (_, d) => <DecisionStatusTag status={decisionStatus(d)} />,
        },
        {
          title: 'Исполнение',
          key: 'executed',
          render: (_, d) =>
            d.executed
              ? `${formatDate(d.executed.executedOn)}: ${d.executed.evidence.description}`
              : d.cancellationReason
                ? `Отменено: ${d.cancellationReason}`
                : '—',
        },
        {
          title: 'Действия',
          key: 'actions',
          render: (_, d) => (
            <Space orientation="vertical" size="small">
              {rechecks.has(d.decisionId) ? (
                <Link to={`/plan/${encodeURIComponent(rechecks.get(d.decisionId)!)}`}>Перепроверка</Link>
              ) : null}
              {writable && d.status === 'open' ? (
                <DecisionActions
                  procedureId={p._id}
                  revision={p.revision}
                  decision={d}
                  timeZone={p.timeZone}
                />
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

export function ProcedurePage() {
  const { procedureId = '' } = useParams();
  const { session, schoolId } = useSignedIn();
  const procedure = useSchoolQuery(['procedure', procedureId], (api, _s, position) =>
    getProcedure(api, procedureId, position),
  );
  const timeline = useSchoolQuery(['audit', procedureId], (api, _s, position) =>
    auditOf(api, { procedureId }, position),
  );
  const p = procedure.data;
  usePageTitle(p ? p.title : 'Процедура');

  if (procedure.isError)
    return (
      <Alert
        role="alert"
        type="error"
        showIcon
        title="Процедура не открылась"
        description={describeError(procedure.error)}
        action={
          <Link to="/plan">
            <Button>К плану</Button>
          </Link>
        }
      />
    );
  if (!p) return <Skeleton active />;
  const writable = canWrite(session, schoolId);
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/plan">План ВСОКО</Link> }, { title: p.title }]} />
      <Space wrap align="center" style={{ margin: '8px 0 16px' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {p.title}
        </Typography.Title>
        <StageTag stage={p.stage} />
        {p.overdue ? <ColourTag colour="red">Просрочено</ColourTag> : null}
        {p.parentProcedureId ? (
          <Link to={`/plan/${encodeURIComponent(p.parentProcedureId)}`}>
            Перепроверка по процедуре-основанию
          </Link>
        ) : null}
      </Space>
      <NextStep procedure={p} canWrite={writable} />
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>Строка плана</h2>} style={{ marginBottom: 16 }}>
        <PlanRow p={p} />
      </Card>
      <Card
        title={<h2 style={{ fontSize: 18, margin: 0 }}>Результаты и документы</h2>}
        style={{ marginBottom: 16 }}
      >
        <Results p={p} />
      </Card>
      <Card
        title={<h2 style={{ fontSize: 18, margin: 0 }}>Управленческие решения</h2>}
        style={{ marginBottom: 16 }}
      >
        <Decisions p={p} writable={writable} />
      </Card>
      <Card
        title={<h2 style={{ fontSize: 18, margin: 0 }}>История событий</h2>}
        extra={<Link to={`/journal?procedure=${encodeURIComponent(p._id)}`}>Аудит процедуры</Link>}
      >
        <Timeline
          entries={timeline.data}
          wordings={
            new Map(
              ('followUp' in p ? (p.followUp?.decisions ?? []) : []).map((d) => [
                `${p._id}:${d.decisionId}`,
                d.wording,
              ]),
            )
          }
          timeZone={p.timeZone}
          error={timeline.error}
          loading={timeline.isPending}
        />
      </Card>
    </>
  );
}
