import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useSignedIn } from '../auth/SessionContext';
import { unwrap, type Api } from './client';
import type { AuditEntry, DecisionDocument, KpiCounts, ProcedureDocument } from './domain';
import type { ProcedureState } from '../../../libs/domain/src/procedure/state';
import { DEFAULT_TIME_ZONE } from '../format/dates';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

const PAGE = 200;

/** Every page of a list: a school's year is a few hundred rows at most, and the screens filter them in place. */
async function allPages<T>(load: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const p = await load(page);
    items.push(...p.items);
    if (items.length >= p.total || p.items.length === 0) return items;
  }
}

export function listProcedures(
  api: Api,
  schoolId: string,
  academicYear: string,
): Promise<ProcedureDocument[]> {
  return allPages((page) =>
    unwrap<Page<ProcedureDocument>>(
      api.GET('/procedures', { params: { query: { schoolId, academicYear, page, pageSize: PAGE } } }),
    ),
  );
}

export function listDecisions(
  api: Api,
  query: { schoolId: string; academicYear?: string; procedureId?: string; waitForPosition?: number },
): Promise<DecisionDocument[]> {
  return allPages((page) =>
    unwrap<Page<DecisionDocument>>(
      api.GET('/decisions', { params: { query: { ...query, page, pageSize: PAGE } } }),
    ),
  );
}

export function getProcedure(api: Api, id: string, waitForPosition?: number): Promise<ProcedureDocument> {
  return unwrap<ProcedureDocument>(
    api.GET('/procedures/{id}', {
      params: { path: { id }, query: waitForPosition ? { waitForPosition } : {} },
    }),
  );
}

export function auditOf(
  api: Api,
  axis: { procedureId: string } | { decision: string } | { meetingId: string },
  waitForPosition?: number,
): Promise<AuditEntry[]> {
  return allPages((page) =>
    unwrap<Page<AuditEntry>>(
      api.GET('/audit', {
        params: { query: { ...axis, page, pageSize: PAGE, ...(waitForPosition ? { waitForPosition } : {}) } },
      }),
    ),
  );
}

export interface KpiGroup {
  key: string;
  name?: string;
  counts: KpiCounts;
  shares: { executedOnTime: number; executedLate: number; open: number; overdue: number };
}

export function kpis(
  api: Api,
  groupBy: 'responsible' | 'direction' | 'month',
  schoolId: string,
  academicYear: string,
  waitForPosition?: number,
): Promise<KpiGroup[]> {
  return unwrap<{ groups: KpiGroup[] }>(
    api.GET('/kpis', {
      params: { query: { groupBy, schoolId, academicYear, ...(waitForPosition ? { waitForPosition } : {}) } },
    }),
  ).then((r) => r.groups);
}

export interface ProcedureAsOf {
  procedureId: string;
  at: string;
  revision: number;
  position: number;
  state: Exclude<ProcedureState, { status: 'none' }>;
}

export function planAsOf(
  api: Api,
  schoolId: string,
  academicYear: string,
  at: string,
  basis: 'recorded' | 'occurred' = 'recorded',
): Promise<{ at: string; procedures: ProcedureAsOf[] }> {
  return unwrap(
    api.GET('/schools/{schoolId}/plan/as-of', {
      params: { path: { schoolId }, query: { academicYear, at, basis } },
    }),
  );
}

export type ChainReport =
  | { procedureId: string; ok: true; events: number; headPosition: number; seal: string }
  | { procedureId: string; ok: false; reason: string; message: string; events: number; revision?: number };

export function chainOf(api: Api, id: string): Promise<ChainReport> {
  return unwrap(api.GET('/procedures/{id}/chain', { params: { path: { id } } }));
}

/** The log position of this tab's last command: reads after it wait until the read models have reached it. */
export function rememberPosition(client: QueryClient, schoolId: string | undefined, position: number): void {
  client.setQueryData(['position', schoolId], position);
}

/**
 * Screens read the signed-in school's data; the key starts with the school so a switch never shows another's.
 * `load` gets the position of this tab's last command, to read its own writes.
 */
export function useSchoolQuery<T>(
  key: unknown[],
  load: (api: Api, schoolId: string, waitForPosition?: number) => Promise<T>,
) {
  const { api, schoolId } = useSignedIn();
  const client = useQueryClient();
  return useQuery({
    queryKey: [schoolId, ...key],
    queryFn: () => load(api, schoolId!, client.getQueryData<number>(['position', schoolId])),
    enabled: !!schoolId,
  });
}

/**
 * The school's time zone, as its procedures carry it (a school's procedures share one zone): every time shown
 * and every «today» is the school's, whatever the browser's zone. Moscow until the school has a procedure.
 */
export function useSchoolTimeZone(): string {
  const zone = useSchoolQuery(['time-zone'], (api, schoolId) =>
    unwrap<Page<ProcedureDocument>>(
      api.GET('/procedures', { params: { query: { schoolId, pageSize: 1 } } }),
    ).then((p) => p.items[0]?.timeZone ?? DEFAULT_TIME_ZONE),
  );
  return zone.data ?? DEFAULT_TIME_ZONE;
}
