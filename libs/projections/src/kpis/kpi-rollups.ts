import type { DecisionDocument } from '../decisions/decision-document';
import type { ProjectedDocument } from '../projection';
import type { Rollup } from '../rollup';
import {
  count,
  emptyCounts,
  type KpiCategory,
  type KpiCounts,
  type KpiEntry,
  type KpiRollupDocument,
} from './kpi-document';

/** A school year's KPIs: in all, per direction, per responsible, per month of the deadlines. */
export const KPI_COLLECTION = 'kpis';
/** A district year's KPIs: in all, per direction, per school, per month. */
export const DISTRICT_KPI_COLLECTION = 'kpis_districts';
/** One month of a school year (deadlines in that month): in all, per direction, per responsible. */
export const MONTH_KPI_COLLECTION = 'kpis_months';
/** One responsible person's decisions in a school year: in all, per direction, per month. */
export const RESPONSIBLE_KPI_COLLECTION = 'kpis_responsibles';

/** Where a decision counts for the KPIs: its status, an execution on time or late. */
export function kpiCategory(doc: DecisionDocument): KpiCategory {
  if (doc.status === 'executed') return doc.onTime === false ? 'executedLate' : 'executedOnTime';
  return doc.status;
}

type Breakdown = 'direction' | 'responsible' | 'school' | 'month';

function kpiRollup(spec: {
  collection: string;
  id(d: DecisionDocument): string | null;
  /** The fields of the roll-up document an entry counts in (its school, district, year…). */
  header(e: KpiEntry): Record<string, string | null>;
  by: readonly Breakdown[];
  indexes: Rollup<DecisionDocument, KpiEntry>['indexes'];
}): Rollup<DecisionDocument, KpiEntry> {
  return {
    collection: spec.collection,
    indexes: spec.indexes,
    entries(d) {
      const id = spec.id(d);
      if (id === null) return [];
      return [
        {
          id,
          category: kpiCategory(d),
          direction: d.direction,
          schoolId: d.schoolId,
          districtId: d.districtId,
          academicYear: d.academicYear,
          responsibleKey: d.responsibleKey,
          responsibleName: d.responsible.name,
          month: d.deadline.slice(0, 7),
        },
      ];
    },
    apply(stored, e, sign) {
      const doc = (stored ?? {
        _id: e.id,
        _position: 0,
        ...spec.header(e),
        counts: emptyCounts(),
        ...(spec.by.includes('direction') ? { byDirection: [] } : {}),
        ...(spec.by.includes('responsible') ? { byResponsible: [] } : {}),
        ...(spec.by.includes('school') ? { bySchool: [] } : {}),
        ...(spec.by.includes('month') ? { byMonth: [] } : {}),
      }) as KpiRollupDocument;
      count(doc.counts, e.category, sign);
      if (doc.byDirection) count(group(doc.byDirection, 'direction', e.direction).counts, e.category, sign);
      if (doc.byResponsible)
        count(
          group(doc.byResponsible, 'key', e.responsibleKey, { name: e.responsibleName }).counts,
          e.category,
          sign,
        );
      if (doc.bySchool) count(group(doc.bySchool, 'schoolId', e.schoolId).counts, e.category, sign);
      if (doc.byMonth) count(group(doc.byMonth, 'month', e.month).counts, e.category, sign);
      return doc as ProjectedDocument;
    },
  };
}

/** The entry of `list` whose `field` is `key`, added (in order of first appearance) when missing. */
export function group<K extends string, T extends { counts: KpiCounts } & Record<K, string>>(
  list: T[],
  field: K,
  key: string,
  extra: Record<string, string> = {},
): T {
  let found = list.find((g) => g[field] === key);
  if (!found) list.push((found = { [field]: key, ...extra, counts: emptyCounts() } as unknown as T));
  return found;
}

const schoolYear = (d: KpiEntry) => ({
  schoolId: d.schoolId,
  districtId: d.districtId,
  academicYear: d.academicYear,
});

/**
 * The KPI roll-ups, kept from the decision documents' changes: a school year (what `/kpis` reads for a school,
 * and its month chart), a district year (the inspector's dashboard in one read, whatever the district's size),
 * a month of a school year, and a responsible person's year.
 */
export const KPI_ROLLUPS: readonly Rollup<DecisionDocument, KpiEntry>[] = [
  kpiRollup({
    collection: KPI_COLLECTION,
    id: (d) => `${d.schoolId}:${d.academicYear}`,
    header: schoolYear,
    by: ['direction', 'responsible', 'month'],
    indexes: [
      { key: { academicYear: 1, districtId: 1 }, name: 'year_district' },
      { key: { academicYear: 1, schoolId: 1 }, name: 'year_school' },
    ],
  }),
  kpiRollup({
    collection: DISTRICT_KPI_COLLECTION,
    id: (d) => (d.districtId === null ? null : `${d.districtId}:${d.academicYear}`),
    header: (e) => ({ districtId: e.districtId, academicYear: e.academicYear }),
    by: ['direction', 'school', 'month'],
    indexes: [{ key: { academicYear: 1, districtId: 1 }, name: 'year_district' }],
  }),
  kpiRollup({
    collection: MONTH_KPI_COLLECTION,
    id: (d) => `${d.schoolId}:${d.academicYear}:${d.deadline.slice(0, 7)}`,
    header: (e) => ({ ...schoolYear(e), month: e.month }),
    by: ['direction', 'responsible'],
    indexes: [{ key: { schoolId: 1, academicYear: 1, month: 1 }, name: 'school_year_month' }],
  }),
  kpiRollup({
    collection: RESPONSIBLE_KPI_COLLECTION,
    id: (d) => `${d.schoolId}:${d.academicYear}:${d.responsibleKey}`,
    header: (e) => ({
      ...schoolYear(e),
      responsibleKey: e.responsibleKey,
      responsibleName: e.responsibleName,
    }),
    by: ['direction', 'month'],
    indexes: [
      { key: { schoolId: 1, academicYear: 1, responsibleKey: 1 }, name: 'school_year_responsible' },
      { key: { responsibleKey: 1, academicYear: 1 }, name: 'responsible_year' },
    ],
  }),
];
