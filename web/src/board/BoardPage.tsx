import { Empty, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { DecisionDocument, Direction } from '../api/domain';
import { listDecisions, useSchoolQuery, useSchoolTimeZone } from '../api/queries';
import { FilterBar } from '../app/FilterBar';
import { usePageTitle } from '../app/usePageTitle';
import { useUrlState } from '../app/useUrlState';
import { useSignedIn } from '../auth/SessionContext';
import { academicYearOf, formatDate, schoolDay } from '../format/dates';
import { DecisionStatusTag } from '../format/StatusTag';
import { YearSelect } from '../plan/YearSelect';
import { BOARD_TABS, BOARD_TAB_TITLES, filterDecisions, inTab, type BoardTab } from './board';
import { KpiCharts } from './KpiCharts';
import { LoadError } from '../app/ErrorAlert';

const EMPTY: Record<BoardTab, string> = {
  open: 'Открытых решений нет. Решения появляются, когда на совещании по итогам процедуры их принимают — откройте процедуру в плане.',
  week: 'На этой неделе сроков нет. Загляните во вкладку «Открытые», чтобы увидеть ближайшие сроки.',
  overdue: 'Просроченных решений нет — все сроки соблюдаются.',
  executed: 'Исполненных решений пока нет. Отметить исполнение можно на странице процедуры.',
};

export function BoardPage() {
  usePageTitle('Управленческие решения');
  const { session } = useSignedIn();
  const { get, set } = useUrlState();
  const today = schoolDay(new Date(), useSchoolTimeZone());
  const year = get('year') ?? academicYearOf(today);
  const tab = (BOARD_TABS as readonly string[]).includes(get('tab') ?? '')
    ? (get('tab') as BoardTab)
    : 'open';
  const mine = get('mine') === '1';
  const query = useSchoolQuery(['decisions', year], (api, schoolId, waitForPosition) =>
    listDecisions(api, { schoolId, academicYear: year, waitForPosition }),
  );
  const filtered = filterDecisions(query.data ?? [], {
    responsible: get('responsible'),
    direction: get('direction') as Direction | undefined,
    mine: mine ? session.user.id : undefined,
  });
  const responsibles = useMemo(() => {
    const seen = new Map<string, string>();
    for (const d of query.data ?? []) seen.set(d.responsibleKey, d.responsible.name);
    return [...seen]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'ru'));
  }, [query.data]);

  const table = (rows: DecisionDocument[], t: BoardTab) =>
    rows.length === 0 ? (
      <Empty description={mine ? 'В вашей работе здесь ничего нет.' : EMPTY[t]} />
    ) : (
      <Table
        rowKey="_id"
        size="middle"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: true }}
        columns={[
          { title: 'Решение', dataIndex: 'wording' },
          {
            title: 'Процедура',
            key: 'procedure',
            render: (_, d) => (
              <Link to={`/plan/${encodeURIComponent(d.procedureId)}`}>{d.procedureTitle}</Link>
            ),
          },
          { title: 'Ответственный', key: 'responsible', render: (_, d) => d.responsible.name },
          {
            title: 'Срок',
            key: 'deadline',
            sorter: (a, b) => a.deadline.localeCompare(b.deadline),
            defaultSortOrder: 'ascend',
            render: (_, d) => formatDate(d.deadline),
          },
          {
            title: 'Статус',
            key: 'status',
            render: (_, d) => <DecisionStatusTag status={d.status} />,
          },
          {
            title: 'Исполнено',
            key: 'executedOn',
            render: (_, d) =>
              d.executedOn
                ? `${formatDate(d.executedOn)}${d.daysLate ? ` (опоздание ${d.daysLate} дн.)` : ''}`
                : '—',
          },
        ]}
      />
    );

  return (
    <>
      <Space wrap align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Управленческие решения, {year}
        </Typography.Title>
        <YearSelect value={year} onChange={(y) => set('year', y)} />
      </Space>
      <FilterBar
        label="Фильтры решений"
        responsibles={responsibles}
        show={['responsible', 'direction', 'mine']}
      />
      {query.isError ? (
        <LoadError title="Решения не загрузились" query={query} />
      ) : query.isPending ? (
        <Skeleton active />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(t) => set('tab', t === 'open' ? undefined : t)}
          items={BOARD_TABS.map((t) => {
            const rows = filtered.filter((d) => inTab(d, t, today));
            return { key: t, label: `${BOARD_TAB_TITLES[t]} (${rows.length})`, children: table(rows, t) };
          })}
        />
      )}
      <KpiCharts year={year} />
    </>
  );
}
