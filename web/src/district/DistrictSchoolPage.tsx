import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Descriptions, Empty, Skeleton, Space, Table, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { DIRECTION_TITLES, NO_DIRECTION, type Direction } from '../api/domain';
import { kpis, listDecisions, listProcedures } from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { useUrlState } from '../app/useUrlState';
import { useSignedIn } from '../auth/SessionContext';
import { academicYearOf, formatDate, schoolDay } from '../format/dates';
import { ColourTag, DecisionStatusTag, StageTag } from '../format/StatusTag';
import {
  effectivenessText,
  onTimeShare,
  percent,
  planShare,
  planText,
  sumCounts,
  NO_DECISIONS,
} from './district-model';
import { useDistrict } from './DistrictPage';
import { DecisionRecordTag } from '../meetings/DecisionRecordTag';
import { districtEffectiveness, districtSchools, overdueDecisionRecords, planProgress } from './queries';
import { LoadError } from '../app/ErrorAlert';

/** An overdue decision as the school page lists it: a procedure's, or one adopted at a meeting. */
interface LateDecision {
  key: string;
  wording: string;
  deadline: string | null;
  responsible: string;
  status: ReactNode;
}

/**
 * One school of the district as its inspector reads it: the same figures as the district table, then what is
 * late — procedures and decisions — and the decisions by direction. Nothing here changes anything.
 */
export function DistrictSchoolPage() {
  const { schoolId: param } = useParams();
  const schoolId = param!;
  const { api, schoolId: chosen, chooseSchool } = useSignedIn();
  const { districtId } = useDistrict();
  const { get } = useUrlState();
  const year = get('year') ?? academicYearOf(schoolDay(new Date()));
  // Reads go out under this school (X-School-Id), as they would from its own plan.
  useEffect(() => {
    if (chosen !== schoolId) chooseSchool(schoolId);
  }, [chosen, schoolId, chooseSchool]);
  const ready = chosen === schoolId;
  const school = useQuery({
    queryKey: ['district-school', districtId, schoolId, year],
    enabled: ready && !!districtId,
    queryFn: async () => {
      const [list, plan, effectiveness, byDirection, procedures, decisions, records] = await Promise.all([
        districtSchools(api, districtId!),
        planProgress(api, schoolId, year),
        districtEffectiveness(api, { schoolId, academicYear: year }),
        kpis(api, 'direction', schoolId, year),
        listProcedures(api, schoolId, year),
        listDecisions(api, { schoolId, academicYear: year }),
        overdueDecisionRecords(api, schoolId, year),
      ]);
      // The school's KPIs count its meetings' decisions too, under a direction key of their own: the rows add up.
      const counts = sumCounts(...byDirection.map((g) => g.counts)) ?? NO_DECISIONS;
      return {
        name: list.schools.find((s) => s.schoolId === schoolId)?.name ?? schoolId,
        plan,
        effectiveness: effectiveness.get(schoolId),
        counts,
        byDirection: byDirection.map((g) => ({
          key: g.key,
          title:
            g.key === NO_DIRECTION
              ? 'Решения заседаний (без направления)'
              : (DIRECTION_TITLES[g.key as Direction] ?? g.key),
          counts: g.counts,
        })),
        lateProcedures: procedures.filter((p) => p.overdue),
        lateDecisions: [
          ...decisions
            .filter((d) => d.status === 'overdue')
            .map((d): LateDecision => ({
              key: d._id,
              wording: d.wording,
              deadline: d.deadline,
              responsible: d.responsible.name,
              status: <DecisionStatusTag status={d.status} />,
            })),
          ...records.map((r): LateDecision => ({
            key: `record:${r._id}`,
            wording: r.wording,
            deadline: r.due,
            responsible: r.executors.lead.name,
            status: <DecisionRecordTag status={r.status} overdue />,
          })),
        ],
      };
    },
  });
  usePageTitle(school.data ? `${school.data.name} — школа района` : 'Школа района');
  const s = school.data;
  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to={`/district?year=${encodeURIComponent(year)}`}>Школы района</Link> },
          { title: s?.name ?? schoolId },
        ]}
      />
      <Typography.Title level={1} className="page-title">
        {s?.name ?? 'Школа района'}, {year}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Только просмотр: изменить план и решения могут директор школы и его заместители.
      </Typography.Paragraph>
      {school.isError ? (
        <LoadError title="Сведения о школе не загрузились" query={school} />
      ) : !s ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={<h2 className="card-title">Итоги</h2>}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: 'onTime',
                  label: 'Решения исполнены в срок',
                  children: `${percent(onTimeShare(s.counts))} (${s.counts.executedOnTime} из ${s.counts.total})`,
                },
                {
                  key: 'overdue',
                  label: 'Просрочено',
                  children: `решений ${s.counts.overdue}, процедур с просрочкой ${s.plan.overdue}`,
                },
                {
                  key: 'plan',
                  label: 'Выполнение плана',
                  children: `${percent(planShare(s.plan))} (${planText(s.plan)})`,
                },
                { key: 'eff', label: 'Эффективность решений', children: effectivenessText(s.effectiveness) },
              ]}
            />
            <Space wrap style={{ marginTop: 12 }}>
              <Link to={`/plan?year=${encodeURIComponent(year)}`}>
                <Button>План школы</Button>
              </Link>
              <Link to={`/board?year=${encodeURIComponent(year)}&tab=overdue`}>
                <Button>Решения школы</Button>
              </Link>
            </Space>
          </Card>
          <Card title={<h2 className="card-title">Процедуры с просрочкой ({s.lateProcedures.length})</h2>}>
            {s.lateProcedures.length === 0 ? (
              <Empty description="Процедур с просрочкой нет." />
            ) : (
              <Table
                rowKey="_id"
                size="small"
                pagination={false}
                scroll={{ x: true }}
                dataSource={s.lateProcedures}
                columns={[
                  {
                    title: 'Процедура',
                    key: 'title',
                    render: (_, p) => <Link to={`/plan/${encodeURIComponent(p._id)}`}>{p.title}</Link>,
                  },
                  {
                    title: 'Сроки',
                    key: 'window',
                    render: (_, p) => `${formatDate(p.window.from)} — ${formatDate(p.window.to)}`,
                  },
                  { title: 'Ответственный', key: 'r', render: (_, p) => p.responsible.name },
                  {
                    title: 'Этап',
                    key: 'stage',
                    render: (_, p) => (
                      <Space size={4}>
                        <StageTag stage={p.stage} />
                        <ColourTag colour="red">
                          {Object.keys(p.overdueStages).length > 0 ? 'этап просрочен' : 'просрочено решение'}
                        </ColourTag>
                      </Space>
                    ),
                  },
                ]}
              />
            )}
          </Card>
          <Card title={<h2 className="card-title">Просроченные решения ({s.lateDecisions.length})</h2>}>
            {s.lateDecisions.length === 0 ? (
              <Empty description="Просроченных решений нет." />
            ) : (
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                scroll={{ x: true }}
                dataSource={s.lateDecisions}
                columns={[
                  { title: 'Решение', dataIndex: 'wording' },
                  {
                    title: 'Срок',
                    key: 'deadline',
                    render: (_, d) => (d.deadline ? formatDate(d.deadline) : '—'),
                  },
                  { title: 'Ответственный', dataIndex: 'responsible' },
                  { title: 'Статус', dataIndex: 'status' },
                ]}
              />
            )}
          </Card>
          <Card title={<h2 className="card-title">Решения по направлениям</h2>}>
            {s.byDirection.length === 0 ? (
              <Empty description="Решений в этом году пока нет." />
            ) : (
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                scroll={{ x: true }}
                dataSource={s.byDirection}
                columns={[
                  { title: 'Направление', dataIndex: 'title' },
                  { title: 'Всего', key: 't', render: (_, g) => g.counts.total },
                  { title: 'В срок', key: 'o', render: (_, g) => percent(onTimeShare(g.counts)) },
                  { title: 'Просрочено', key: 'l', render: (_, g) => g.counts.overdue },
                ]}
              />
            )}
          </Card>
        </Space>
      )}
    </>
  );
}
