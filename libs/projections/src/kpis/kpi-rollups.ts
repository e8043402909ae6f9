import type { DecisionDocument } from '../decisions/decision-document';
import type { ProjectedDocument } from '../projection';
import type { Rollup } from '../rollup';
import { DISTRICT_KPIS } from './district-kpis';
import {
  count,
  emptyCounts,
  kpiEntry,
  type KpiCounts,
  type KpiEntry,
  type KpiRollupDocument,
} from './kpi-document';

/** A school year's KPIs: in all, per direction, per responsible, per month of the deadlines. */
export const KPI_COLLECTION = 'kpis';
/** One month of a school year (deadlines in that month): in all, per direction, per responsible. */
export const MONTH_KPI_COLLECTION = 'kpis_months';
/** One responsible person's decisions in a school year: in all, per direction, per month. */
export const RESPONSIBLE_KPI_COLLECTION = 'kpis_responsibles';

type Breakdown = 'direction' | 'responsible' | 'month';

function kpiRollup(spec: {
  collection: string;
  id(d: DecisionDocument): string;
  /** The fields of the roll-up document an entry counts in (its school, district, year…). */
  header(e: KpiEntry): Record<string, string | null>;
  by: readonly Breakdown[];
  indexes: Rollup<DecisionDocument, KpiEntry>['indexes'];
}): Rollup<DecisionDocument, KpiEntry> {
  return {
    collection: spec.collection,
    indexes: spec.indexes,
    entries(d) {
      return [kpiEntry(spec.id(d), d)];
    },
    apply(stored, e, sign) {
      const doc = (stored ?? {
        _id: e.id,
        _position: 0,
        ...spec.header(e),
        counts: emptyCounts(),
        ...(spec.by.includes('direction') ? { byDirection: [] } : {}),
        ...(spec.by.includes('responsible') ? { byResponsible: [] } : {}),
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
  DISTRICT_KPIS,
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
