import type { DecisionDocument } from '../decisions/decision-document';
import type { ProjectedDocument } from '../projection';
import type { Rollup } from '../rollup';
import type { ReadStore, Where } from '../store/read-store';
import { count, emptyCounts, kpiEntry, type KpiCounts, type KpiEntry } from './kpi-document';
import { grouped, sharesOf, type KpiGroup, type KpiGrouping } from './kpi-groups';

/** A district year's KPIs: in all, and the answers of `GET /kpis` by school, direction and month. */
export const DISTRICT_KPI_COLLECTION = 'kpis_districts';

/** The groupings a district year keeps as `GET /kpis` answers them, each under its own name. */
export const DISTRICT_ANSWERS = ['school', 'direction', 'month'] as const;
export type DistrictAnswer = (typeof DISTRICT_ANSWERS)[number];

/**
 * A district year's KPIs (`kpis_districts`, `_id` = `<districtId>:<academicYear>`), kept in the shape `GET /kpis`
 * answers (issue 18): each grouping's groups sorted by key with their shares, so that the inspector's answer is
 * the stored text handed on, not ~100 KB parsed, regrouped and stringified at 1,000 schools. `schools` lets the
 * caller's schools be checked without reading the groups.
 */
export interface DistrictKpi extends ProjectedDocument {
  districtId: string;
  academicYear: string;
  counts: KpiCounts;
  /** The schools counted, sorted. */
  schools: string[];
  school: KpiGroup[];
  direction: KpiGroup[];
  month: KpiGroup[];
}

/** The fields of a district year besides its answers: what is read to check the caller's schools. */
export type DistrictKpiHeader = Omit<DistrictKpi, DistrictAnswer>;

const order = new Intl.Collator();

/**
 * Counts one decision under `key` in `groups`, kept sorted as `grouped` sorts (`localeCompare`, which is this
 * collator's order), a group added where its key falls; the group's shares follow its counts.
 */
function countIn(groups: KpiGroup[], key: string, entry: KpiEntry, sign: 1 | -1): void {
  let low = 0;
  let high = groups.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (order.compare(groups[mid].key, key) < 0) low = mid + 1;
    else high = mid;
  }
  let group = groups[low];
  if (group?.key !== key) {
    group = { key, counts: emptyCounts(), shares: sharesOf(emptyCounts()) };
    groups.splice(low, 0, group);
  }
  count(group.counts, entry.category, sign);
  group.shares = sharesOf(group.counts);
}

function addSchool(schools: string[], schoolId: string): void {
  let low = 0;
  let high = schools.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (schools[mid] < schoolId) low = mid + 1;
    else high = mid;
  }
  if (schools[low] !== schoolId) schools.splice(low, 0, schoolId);
}

/** The district year's roll-up, kept from the decision documents' changes (none for a school of no district). */
export const DISTRICT_KPIS: Rollup<DecisionDocument, KpiEntry> = {
  collection: DISTRICT_KPI_COLLECTION,
  indexes: [{ key: { academicYear: 1, districtId: 1 }, name: 'year_district' }],
  entries: (d) => (d.districtId === null ? [] : [kpiEntry(`${d.districtId}:${d.academicYear}`, d)]),
  apply(stored, e, sign) {
    const doc = (stored ?? {
      _id: e.id,
      _position: 0,
      districtId: e.districtId!,
      academicYear: e.academicYear,
      counts: emptyCounts(),
      schools: [],
      school: [],
      direction: [],
      month: [],
    }) as DistrictKpi;
    count(doc.counts, e.category, sign);
    addSchool(doc.schools, e.schoolId);
    countIn(doc.school, e.schoolId, e, sign);
    countIn(doc.direction, e.direction, e, sign);
    countIn(doc.month, e.month, e, sign);
    return doc;
  },
};

/** What a district year answers (every grouping but by responsible): the same groups as `groupKpis`. */
export const DISTRICT_GROUPINGS: ReadonlySet<KpiGrouping> = new Set([
  ...DISTRICT_ANSWERS,
  'district',
  'year',
]);

/**
 * The groups of district years: kept as they are for one, summed for several (the years of a district). By
 * district or year the headers suffice (an answer not read counts as none).
 */
export function groupDistrictKpis(
  docs: readonly (DistrictKpiHeader & Partial<Pick<DistrictKpi, DistrictAnswer>>)[],
  groupBy: KpiGrouping,
): KpiGroup[] {
  if (!DISTRICT_GROUPINGS.has(groupBy)) throw new Error(`district KPIs are not kept by ${groupBy}`);
  return grouped((add) => {
    for (const doc of docs) {
      if (groupBy === 'district') add(doc.districtId, doc.counts);
      else if (groupBy === 'year') add(doc.academicYear, doc.counts);
      else for (const g of doc[groupBy as DistrictAnswer] ?? []) add(g.key, g.counts);
    }
  });
}

/** The JSON text of `field`'s value in `json`, up to the field after it (`next`) or the document's end. */
function valueText(json: Buffer, field: string, next: string | null): Buffer | null {
  const open = Buffer.from(`"${field}":`);
  const from = json.indexOf(open);
  if (from < 0) return null;
  const to = next === null ? json.length - 1 : json.indexOf(`,"${next}":`, from);
  return to < 0 ? null : json.subarray(from + open.length, to);
}

/**
 * From a district year's stored JSON text, without parsing its groups: its schools, and the body of `GET /kpis`
 * by `answer` (`{"groupBy":…,"groups":[…]}`); null when the text is not laid out as `DISTRICT_KPIS` writes it.
 * The fields follow one another in the order the roll-up makes them (`schools`, then each answer of
 * `DISTRICT_ANSWERS`); school ids, directions and months hold no quote, so a field's name occurs once.
 */
export function districtAnswerJson(
  json: Buffer,
  answer: DistrictAnswer,
): { schools: string[]; body: Buffer } | null {
  const at = DISTRICT_ANSWERS.indexOf(answer);
  const schools = valueText(json, 'schools', DISTRICT_ANSWERS[0]);
  const groups = valueText(json, answer, DISTRICT_ANSWERS[at + 1] ?? null);
  if (!schools || !groups || groups[0] !== 0x5b || groups[groups.length - 1] !== 0x5d) return null;
  let ids: unknown;
  try {
    ids = JSON.parse(schools.toString());
  } catch {
    return null;
  }
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return null;
  const body = Buffer.concat([Buffer.from(`{"groupBy":"${answer}","groups":`), groups, Buffer.from('}')]);
  return { schools: ids as string[], body };
}

/**
 * A district's KPIs as `GET /kpis` answers them, or null when `readable` refuses a school they count. For one
 * district year and a grouping it keeps, one read of its stored text: the schools checked and the groups handed
 * on as the response's body (`json`), nothing parsed but the school list; otherwise the groups.
 */
export async function districtKpis(
  store: Pick<ReadStore, 'find' | 'findJson'>,
  where: Where,
  groupBy: KpiGrouping,
  readable: (schoolId: string) => boolean,
): Promise<{ json: Buffer } | { groups: KpiGroup[] } | null> {
  const answer = DISTRICT_ANSWERS.find((a) => a === groupBy);
  if (answer) {
    const texts = await store.findJson(DISTRICT_KPI_COLLECTION, { where }, []);
    const one = texts.length === 1 ? districtAnswerJson(texts[0].json, answer) : null;
    if (one) return one.schools.every(readable) ? { json: one.body } : null;
    if (texts.length === 0) return { groups: [] };
  }
  const docs = await store.find<DistrictKpi>(DISTRICT_KPI_COLLECTION, {
    where,
    ...(answer ? {} : { exclude: DISTRICT_ANSWERS }),
  });
  if (!docs.every((d) => d.schools.every(readable))) return null;
  return { groups: groupDistrictKpis(docs, groupBy) };
}
