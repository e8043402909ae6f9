import { Empty, Skeleton, Timeline as AntTimeline, Typography } from 'antd';
import type { AuditEntry } from '../api/domain';
import { readableSummary } from '../audit/readable';
import { formatDateTime } from '../format/dates';
import { ErrorAlert } from '../app/ErrorAlert';

export function actorName(actor: AuditEntry['actor']): string {
  if (actor.kind === 'system') return 'Система (срок, напоминание)';
  return actor.name ? `${actor.name} (${actor.id})` : actor.id;
}

function reasonOf(entry: AuditEntry): string | undefined {
  const data = entry.data as { reason?: unknown } | null;
  return typeof data?.reason === 'string' ? data.reason : undefined;
}

const NO_WORDINGS: ReadonlyMap<string, string> = new Map();

/** Every recorded event: when (in the school's time zone), who, what, and why when a reason was given. */
export function Timeline({
  entries,
  timeZone,
  error,
  loading,
  wordings = NO_WORDINGS,
}: {
  entries: AuditEntry[] | undefined;
  /** Decisions' wordings by `<procedureId>:<decisionId>`, so the history names a decision, not its id. */
  wordings?: ReadonlyMap<string, string>;
  timeZone: string;
  error?: unknown;
  loading?: boolean;
}) {
  if (error) return <ErrorAlert error={error} title="История не загрузилась" />;
  if (loading || !entries) return <Skeleton active />;
  if (entries.length === 0)
    return <Empty description="Событий пока нет: история появится после первого действия с процедурой." />;
  return (
    <AntTimeline
      items={entries.map((e) => ({
        key: e._id,
        content: (
          <>
            <div>{readableSummary(e, wordings)}</div>
            <div className="timeline-meta">
              <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt, timeZone)}</time> ·{' '}
              {actorName(e.actor)}
            </div>
            {reasonOf(e) ? <Typography.Text type="secondary">Причина: {reasonOf(e)}</Typography.Text> : null}
          </>
        ),
      }))}
    />
  );
}
