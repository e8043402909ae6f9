import { Button, Checkbox, Select, Space, Switch } from 'antd';
import { DIRECTIONS, DIRECTION_TITLES } from '../api/domain';
import { STAGE_NAMES } from '../format/titles';
import { useUrlState } from './useUrlState';

/** The filters a screen offers, each kept in the address under its own parameter. */
export const FILTER_KEYS = ['responsible', 'direction', 'stage', 'late', 'mine'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const LABELS: Record<'late' | 'mine', string> = { late: 'Только просроченные', mine: 'Моя работа' };

/**
 * The filter row of the plan and the decisions board: responsible, direction, and, where the screen offers them,
 * stage, «только просроченные» and «моя работа». Values live in the address; «Сбросить фильтры» keeps the rest
 * (the year, the tab).
 */
export function FilterBar({
  label,
  responsibles,
  show,
}: {
  /** The form's accessible name: «Фильтры плана». */
  label: string;
  responsibles: { value: string; label: string }[];
  show: FilterKey[];
}) {
  const { params, get, set, keep } = useUrlState();
  const active = show.some((k) => !!get(k));
  return (
    <form aria-label={label} onSubmit={(e) => e.preventDefault()} className="filter-bar">
      <Space wrap>
        {show.includes('responsible') ? (
          <Select
            aria-label="Ответственный"
            placeholder="Все ответственные"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="filter-select"
            value={get('responsible')}
            onChange={(v?: string) => set('responsible', v)}
            options={responsibles}
            notFoundContent="Никого не найдено"
          />
        ) : null}
        {show.includes('direction') ? (
          <Select
            aria-label="Направление"
            placeholder="Все направления"
            allowClear
            className="filter-select"
            value={get('direction')}
            onChange={(v?: string) => set('direction', v)}
            options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_TITLES[d] }))}
          />
        ) : null}
        {show.includes('stage') ? (
          <Select
            aria-label="Этап"
            placeholder="Все этапы"
            allowClear
            className="filter-select"
            value={get('stage')}
            onChange={(v?: string) => set('stage', v)}
            options={Object.entries(STAGE_NAMES).map(([value, name]) => ({ value, label: name }))}
          />
        ) : null}
        {show.includes('late') ? (
          <Checkbox
            checked={get('late') === '1'}
            onChange={(e) => set('late', e.target.checked ? '1' : undefined)}
          >
            {LABELS.late}
          </Checkbox>
        ) : null}
        {show.includes('mine') ? (
          <label className="switch-label">
            <Switch
              aria-label={LABELS.mine}
              checked={get('mine') === '1'}
              onChange={(on) => set('mine', on ? '1' : undefined)}
            />
            {LABELS.mine}
          </label>
        ) : null}
        {active ? (
          <Button
            onClick={() =>
              keep([...params.keys()].filter((k) => !(FILTER_KEYS as readonly string[]).includes(k)))
            }
          >
            Сбросить фильтры
          </Button>
        ) : null}
      </Space>
    </form>
  );
}
