import { Alert, Button, Checkbox, Empty, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DIRECTIONS, DIRECTION_TITLES, type Direction, type ProcedureStage } from '../api/domain';
import { describeError } from '../api/errors';
import { listProcedures, useSchoolQuery } from '../api/queries';
import { usePageTitle } from '../app/usePageTitle';
import { academicYearOf, schoolDay } from '../format/dates';
import { STAGE_NAMES } from '../format/titles';
import { CyclogramView } from './CyclogramView';
import { applyFilters, planItem, responsibleOptions, type PlanFilters } from './cyclogram';
import { YearSelect } from './YearSelect';

export function PlanPage() {
  usePageTitle('План ВСОКО');
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? academicYearOf(schoolDay(new Date()));
  const filters: PlanFilters = {
    responsible: params.get('responsible') ?? undefined,
    direction: (params.get('direction') as Direction | null) ?? undefined,
    stage: (params.get('stage') as ProcedureStage | null) ?? undefined,
    onlyLate: params.get('late') === '1',
  };
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
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
        <YearSelect value={year} onChange={(y) => set('year', y)} />
      </Space>
      <form aria-label="Фильтры плана" onSubmit={(e) => e.preventDefault()} style={{ margin: '12px 0' }}>
        <Space wrap>
          <Select
            aria-label="Ответственный"
            placeholder="Все ответственные"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 220 }}
            value={filters.responsible}
            onChange={(v?: string) => set('responsible', v)}
            options={responsibleOptions(items)}
          />
          <Select
            aria-label="Направление"
            placeholder="Все направления"
            allowClear
            style={{ minWidth: 220 }}
            value={filters.direction}
            onChange={(v?: string) => set('direction', v)}
            options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_TITLES[d] }))}
          />
          <Select
            aria-label="Этап"
            placeholder="Все этапы"
            allowClear
            style={{ minWidth: 180 }}
            value={filters.stage}
            onChange={(v?: string) => set('stage', v)}
            options={Object.entries(STAGE_NAMES).map(([value, label]) => ({ value, label }))}
          />
          <Checkbox
            checked={filters.onlyLate}
            onChange={(e) => set('late', e.target.checked ? '1' : undefined)}
          >
            Только просроченные
          </Checkbox>
          {filtered ? (
            <Button onClick={() => setParams(year === params.get('year') ? { year } : {}, { replace: true })}>
              Сбросить фильтры
            </Button>
          ) : null}
        </Space>
      </form>
      {query.isError ? (
        <Alert
          role="alert"
          type="error"
          showIcon
          title="План не загрузился"
          description={describeError(query.error)}
          action={<Button onClick={() => void query.refetch()}>Повторить</Button>}
        />
      ) : query.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty
          description={
            <>
              На {year} учебный год в плане нет процедур. Загрузите план ВСОКО школы (команда{' '}
              <code>npm run vsoko -- plan import</code>, см. README) или выберите другой учебный год.
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
