import { Grid, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { DIRECTION_TITLES } from '../api/domain';
import { formatDate } from '../format/dates';
import { STAGE_NAMES } from '../format/titles';
import { layOut, spanLabel, type PlanItem } from './cyclogram';

function Card({ item, to }: { item: PlanItem; to?: string }) {
  const span = spanLabel(item.window);
  const body = (
    <>
      {item.title}
      {span ? ` (${span})` : ''}
      <span className="who">
        {item.responsibleName} · {STAGE_NAMES[item.stage]}
        {item.late ? ' · просрочено' : ''}
      </span>
    </>
  );
  const className = `cyclogram-card stage-${item.stage}${item.late ? ' late' : ''}`;
  const title = `${item.title}: ${formatDate(item.window.from)} — ${formatDate(item.window.to)}`;
  return to ? (
    <Link className={className} to={to} title={title}>
      {body}
    </Link>
  ) : (
    <div className={className} title={title}>
      {body}
    </div>
  );
}

export function Legend() {
  return (
    <div aria-label="Обозначения" role="group" style={{ margin: '0 0 8px' }}>
      {Object.entries(STAGE_NAMES).map(([stage, name]) => (
        <Tag
          key={stage}
          className={`cyclogram-card stage-${stage}`}
          style={{ display: 'inline-block', width: 'auto' }}
        >
          {name}
        </Tag>
      ))}
      <Tag className="cyclogram-card late" style={{ display: 'inline-block', width: 'auto' }}>
        Просрочено
      </Tag>
    </div>
  );
}

/**
 * The cyclogram as schools draw it; on a phone, one month after another instead of a wide table. Cards link to
 * the procedure when `linkTo` is given (the replayed past plan has nothing to open).
 */
export function CyclogramView({ items, linkTo }: { items: PlanItem[]; linkTo?: (id: string) => string }) {
  const screens = Grid.useBreakpoint();
  const c = layOut(items);
  if (screens.md === false) {
    return (
      <div>
        <Legend />
        {c.columns.map((col, i) => {
          const inMonth = c.rows.flatMap((r) => r.cells[i]);
          if (inMonth.length === 0) return null;
          return (
            <section key={col.month} aria-label={col.title}>
              <h2 style={{ fontSize: 18, margin: '12px 0 6px' }}>{col.title}</h2>
              {inMonth.map((p) => (
                <Card key={p.id} item={p} to={linkTo?.(p.id)} />
              ))}
            </section>
          );
        })}
      </div>
    );
  }
  return (
    // The wide table scrolls sideways: the region takes focus so that arrow keys scroll it without a mouse.
    <div
      className="cyclogram"
      tabIndex={0}
      role="region"
      aria-label="Циклограмма, прокручивается по горизонтали"
    >
      <Legend />
      <table aria-label="Циклограмма: месяцы по горизонтали, направления по вертикали">
        <thead>
          <tr>
            <th scope="col">Направление</th>
            {c.columns.map((col) => (
              <th key={col.month} scope="col">
                {col.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {c.rows.map((row) => (
            <tr key={row.direction}>
              <th scope="row">{DIRECTION_TITLES[row.direction]}</th>
              {row.cells.map((cell, i) => (
                <td key={c.columns[i].month}>
                  {cell.map((p) => (
                    <Card key={p.id} item={p} to={linkTo?.(p.id)} />
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
