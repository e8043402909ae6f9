import { Alert, Button, Card, Empty, Skeleton } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { describeError } from '../api/errors';
import { kpis, useSchoolQuery, type KpiGroup } from '../api/queries';
import { monthLabel } from './board';

const SERIES = [
  { key: 'executedOnTime', name: 'Исполнено в срок', color: '#2e7d32' },
  { key: 'executedLate', name: 'Исполнено с опозданием', color: '#b4650c' },
  { key: 'overdue', name: 'Просрочено', color: '#c62828' },
  { key: 'open', name: 'Исполняется', color: '#5b7fa8' },
] as const;

type Group = Pick<KpiGroup, 'key' | 'name' | 'counts'>;

function rows(groups: Group[], label: (g: Group) => string) {
  return groups.map((g) => ({
    label: label(g),
    ...Object.fromEntries(SERIES.map((s) => [s.key, g.counts[s.key]])),
    onTime: g.counts.total === 0 ? 0 : Math.round((g.counts.executedOnTime / g.counts.total) * 100),
  }));
}

/** A chart with a text summary beside it, so what the bars say is also read out and copyable. */
function Chart({
  title,
  groups,
  label,
  layout,
}: {
  title: string;
  groups: Group[];
  label: (g: Group) => string;
  layout: 'horizontal' | 'vertical';
}) {
  const data = rows(groups, label);
  const summary = data.map((d) => `${d.label}: в срок ${d.onTime} %`).join('; ');
  const height = layout === 'vertical' ? Math.max(220, data.length * 44) : 280;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} size="small">
      <figure style={{ margin: 0 }} aria-label={title}>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={data} layout={layout} margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            {layout === 'vertical' ? (
              <>
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={170} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" />
                <YAxis allowDecimals={false} />
              </>
            )}
            <Tooltip />
            <Legend />
            {SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} stackId="a" fill={s.color} />
            ))}
          </BarChart>
        </ResponsiveContainer>
        <figcaption style={{ fontSize: 13, color: '#595959' }}>
          Доля исполненных в срок — {summary}.
        </figcaption>
      </figure>
    </Card>
  );
}

/**
 * Decisions executed on time per month of the deadline and per responsible, both from the KPI read model
 * (`GET /kpis?groupBy=month|responsible`): the figures a district sees, not a recount in the browser. They count
 * the decisions adopted at meetings beside the procedures' (the board's tabs list the procedures' only).
 */
export function KpiCharts({ year }: { year: string }) {
  const byResponsible = useSchoolQuery(['kpis', 'responsible', year], (api, school, position) =>
    kpis(api, 'responsible', school, year, position),
  );
  const byMonth = useSchoolQuery(['kpis', 'month', year], (api, school, position) =>
    kpis(api, 'month', school, year, position),
  );
  const error = byResponsible.error ?? byMonth.error;
  if (error)
    return (
      <Alert
        role="alert"
        type="error"
        showIcon
        title="Показатели не загрузились"
        description={describeError(error)}
        action={
          <Button
            onClick={() => {
              void byResponsible.refetch();
              void byMonth.refetch();
            }}
          >
            Повторить
          </Button>
        }
      />
    );
  if (!byMonth.data || !byResponsible.data) return <Skeleton active />;
  if (byMonth.data.every((g) => g.counts.total === 0))
    return (
      <Empty description="Показателей пока нет: графики появятся, когда на совещаниях будут приняты решения с ответственными и сроками." />
    );
  return (
    <>
      <p className="muted">В графиках — все решения школы: по итогам процедур и принятые на заседаниях.</p>
      <div className="charts">
        <Chart
          title="Решения по месяцам срока"
          groups={byMonth.data}
          label={(g) => monthLabel(g.key)}
          layout="horizontal"
        />
        <Chart
          title="Решения по ответственным"
          groups={byResponsible.data}
          label={(g) => g.name ?? g.key.split(':').slice(1).join(':')}
          layout="vertical"
        />
      </div>
    </>
  );
}
