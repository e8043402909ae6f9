import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Select, Skeleton, Space, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { useUrlState } from '../app/useUrlState';
import { useSignedIn } from '../auth/SessionContext';
import { academicYearOf, schoolDay } from '../format/dates';
import { ColourTag } from '../format/StatusTag';
import { YearSelect } from '../plan/YearSelect';
import {
  byAttention,
  effectiveShare,
  effectivenessText,
  onTimeShare,
  percent,
  planShare,
  planText,
  sumCounts,
  type SchoolRow,
} from './district-model';
import { DistrictTabs } from './DistrictTabs';
import { OpenSchool } from './OpenSchool';
import { districtEffectiveness, districtKpis, districtSchools, inBatches, planProgress } from './queries';
import { LoadError } from '../app/ErrorAlert';

/** The districts the signed-in person inspects; the one in the address when it is among them. */
export function useDistrict(): { districts: string[]; districtId?: string; setDistrict(id: string): void } {
  const { session } = useSignedIn();
  const { get, set } = useUrlState();
  const districts = [...new Set([...(session.user.inspects ?? []), ...(session.user.administers ?? [])])];
  const asked = get('district');
  const districtId = asked && districts.includes(asked) ? asked : districts[0];
  return { districts, districtId, setDistrict: (id) => set('district', id) };
}

/**
 * A district page's heading, with the district to show chosen beside it when the account has more than one
 * (`?district=`), and the page's own choices (`children`) after it.
 */
export function DistrictHeading({ title, children }: { title: ReactNode; children?: ReactNode }) {
  const { districts, districtId, setDistrict } = useDistrict();
  const choose =
    districts.length > 1 ? (
      <Select
        aria-label="Район"
        value={districtId}
        onChange={setDistrict}
        options={districts.map((d) => ({ value: d, label: d }))}
      />
    ) : null;
  return (
    <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
      <Typography.Title level={1} className="page-title">
        {title}
      </Typography.Title>
      {children ? (
        <Space wrap>
          {choose}
          {children}
        </Space>
      ) : (
        choose
      )}
    </Space>
  );
}

function useDistrictRows(districtId: string | undefined, year: string) {
  const { api } = useSignedIn();
  return useQuery({
    queryKey: ['district', districtId, year],
    enabled: !!districtId,
    queryFn: async (): Promise<{ name: string | null; rows: SchoolRow[] }> => {
      const [list, kpis, effectiveness] = await Promise.all([
        districtSchools(api, districtId!),
        districtKpis(api, districtId!, year),
        districtEffectiveness(api, { districtId: districtId!, academicYear: year }),
      ]);
      const decisions = new Map(kpis.map((g) => [g.key, g.counts]));
      const plans = await inBatches(list.schools, 6, (s) => planProgress(api, s.schoolId, year));
      const rows = list.schools.map((s, i) => ({
        schoolId: s.schoolId,
        name: s.name,
        decisions: sumCounts(decisions.get(s.schoolId), effectiveness.get(s.schoolId)?.counts),
        plan: plans[i],
        effectiveness: effectiveness.get(s.schoolId),
      }));
      return { name: list.name, rows: rows.sort(byAttention) };
    },
  });
}

/**
 * The district inspector's screen: every school of the district side by side — decisions executed on time,
 * overdue decisions and procedures, how far the plan has got, what the directors judged effective — the schools
 * most in need of attention first; a school opens read-only.
 */
export function DistrictPage() {
  usePageTitle('Школы района');
  const { chooseSchool, session } = useSignedIn();
  const navigate = useNavigate();
  const { get, set } = useUrlState();
  const { districts, districtId } = useDistrict();
  const year = get('year') ?? academicYearOf(schoolDay(new Date()));
  const data = useDistrictRows(districtId, year);
  if (districts.length === 0)
    return (
      <Empty description="Этот раздел — для инспектора района. Ваша учётная запись не закреплена ни за одним районом." />
    );
  const open = (schoolId: string) => {
    chooseSchool(schoolId);
    navigate(`/district/schools/${encodeURIComponent(schoolId)}?year=${encodeURIComponent(year)}`);
  };
  return (
    <>
      <DistrictHeading title={`Школы района${data.data?.name ? `: ${data.data.name}` : ''}, ${year}`}>
        <YearSelect value={year} onChange={(y) => set('year', y)} />
      </DistrictHeading>
      <DistrictTabs />
      <Typography.Paragraph type="secondary">
        Сначала — школы, которым нужно внимание: больше всего просроченного, меньше всего исполнено в срок.
        Школа открывается только для просмотра.
      </Typography.Paragraph>
      {districtId && (session.user.administers ?? []).includes(districtId) ? (
        <OpenSchool districtId={districtId} />
      ) : null}
      <Card>
        {data.isError ? (
          <LoadError title="Сведения о школах района не загрузились" query={data} />
        ) : !data.data ? (
          <Skeleton active />
        ) : data.data.rows.length === 0 ? (
          <Empty description="В районе пока нет школ. Школу регистрирует администратор района." />
        ) : (
          <Table
            rowKey="schoolId"
            size="middle"
            dataSource={data.data.rows}
            pagination={data.data.rows.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: true }}
            caption="Школы района: исполнение решений, выполнение плана, эффективность"
            columns={[
              {
                title: 'Школа',
                key: 'name',
                render: (_, r) => (
                  <Link
                    to={`/district/schools/${encodeURIComponent(r.schoolId)}?year=${encodeURIComponent(year)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      open(r.schoolId);
                    }}
                  >
                    {r.name}
                  </Link>
                ),
              },
              {
                title: 'Решения исполнены в срок',
                key: 'onTime',
                sorter: (a, b) => (onTimeShare(a.decisions) ?? -1) - (onTimeShare(b.decisions) ?? -1),
                render: (_, r) => (
                  <>
                    <strong>{percent(onTimeShare(r.decisions))}</strong>
                    <div className="muted">
                      {r.decisions
                        ? `${r.decisions.executedOnTime} из ${r.decisions.total}`
                        : 'решений пока нет'}
                    </div>
                  </>
                ),
              },
              {
                title: 'Просрочено',
                key: 'overdue',
                sorter: (a, b) => (a.decisions?.overdue ?? 0) - (b.decisions?.overdue ?? 0),
                render: (_, r) => {
                  const decisions = r.decisions?.overdue ?? 0;
                  const procedures = r.plan?.overdue ?? 0;
                  return decisions + procedures === 0 ? (
                    <ColourTag colour="green">нет</ColourTag>
                  ) : (
                    <Space orientation="vertical" size={2}>
                      {decisions > 0 ? <ColourTag colour="red">решений: {decisions}</ColourTag> : null}
                      {procedures > 0 ? (
                        <ColourTag colour="red">процедур с просрочкой: {procedures}</ColourTag>
                      ) : null}
                    </Space>
                  );
                },
              },
              {
                title: 'Выполнение плана',
                key: 'plan',
                sorter: (a, b) => (planShare(a.plan) ?? -1) - (planShare(b.plan) ?? -1),
                render: (_, r) => (
                  <>
                    <strong>{percent(planShare(r.plan))}</strong>
                    <div className="muted">{planText(r.plan)}</div>
                  </>
                ),
              },
              {
                title: 'Эффективность решений',
                key: 'effectiveness',
                sorter: (a, b) =>
                  (effectiveShare(a.effectiveness) ?? -1) - (effectiveShare(b.effectiveness) ?? -1),
                render: (_, r) => (
                  <>
                    <strong>{percent(effectiveShare(r.effectiveness))}</strong>
                    <div className="muted">{effectivenessText(r.effectiveness)}</div>
                  </>
                ),
              },
              {
                title: 'Действие',
                key: 'open',
                render: (_, r) => (
                  <Button onClick={() => open(r.schoolId)} aria-label={`Открыть: ${r.name}`}>
                    Открыть
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
