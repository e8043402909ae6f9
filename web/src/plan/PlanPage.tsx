import { UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMemo } from 'react';
import type { Direction, ProcedureStage } from '../api/domain';
import { listProcedures, useSchoolQuery, useSchoolTimeZone } from '../api/queries';
import { FilterBar } from '../app/FilterBar';
import { usePageTitle } from '../app/usePageTitle';
import { useUrlState } from '../app/useUrlState';
import { useSignedIn } from '../auth/SessionContext';
import { isAdministration } from '../auth/session';
import { academicYearOf, schoolDay } from '../format/dates';
import { CyclogramView } from './CyclogramView';
import { applyFilters, planItem, responsibleOptions, type PlanFilters } from './cyclogram';
import { YearSelect } from './YearSelect';
import { LoadError } from '../app/ErrorAlert';

export function PlanPage() {
  usePageTitle('План ВСОКО');
  const { get, set } = useUrlState();
  const { session, schoolId } = useSignedIn();
  const canPlan = isAdministration(session, schoolId);
  const timeZone = useSchoolTimeZone();
  const year = get('year') ?? academicYearOf(schoolDay(new Date(), timeZone));
  const filters: PlanFilters = {
    responsible: get('responsible'),
    direction: get('direction') as Direction | undefined,
    stage: get('stage') as ProcedureStage | undefined,
    onlyLate: get('late') === '1',
  };
  const query = useSchoolQuery(['procedures', year], (api, school) => listProcedures(api, school, year));
  const items = useMemo(() => (query.data ?? []).map(planItem), [query.data]);
  const shown = applyFilters(items, filters);
  const filtered = !!(filters.responsible || filters.direction || filters.stage || filters.onlyLate);

  return (
    <>
      <Space wrap align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          План ВСОКО на {year} учебный год
        </Typography.Title>
        <Space wrap>
          <YearSelect value={year} onChange={(y) => set('year', y)} />
          {canPlan ? (
            <Link to="/plan/import">
              <Button icon={<UploadOutlined aria-hidden />}>Загрузить план</Button>
            </Link>
          ) : null}
        </Space>
      </Space>
      <FilterBar
        label="Фильтры плана"
        responsibles={responsibleOptions(items)}
        show={['responsible', 'direction', 'stage', 'late']}
      />
      {query.isError ? (
        <LoadError title="План не загрузился" query={query} />
      ) : query.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty
          description={
            <>
              На {year} учебный год в плане нет процедур.{' '}
              {canPlan ? (
                <>
                  <Link to="/plan/import">Загрузите план ВСОКО школы</Link> (Word, Excel или CSV) или выберите
                  другой учебный год.
                </>
              ) : (
                'Выберите другой учебный год или попросите директора загрузить план школы.'
              )}
            </>
          }
        />
      ) : shown.length === 0 ? (
        <Empty description="Ни одна процедура не подходит под выбранные фильтры. Измените или сбросьте фильтры." />
      ) : (
        <>
          <Typography.Paragraph type="secondary" role="status">
            Показано процедур: {shown.length} из {items.length}
            {filtered ? ' (с фильтрами)' : ''}. Нажмите на карточку, чтобы открыть процедуру.
          </Typography.Paragraph>
          <CyclogramView items={shown} linkTo={(id) => `/plan/${encodeURIComponent(id)}`} />
        </>
      )}
    </>
  );
}
