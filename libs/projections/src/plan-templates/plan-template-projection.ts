import {
  DEFAULT_TIME_ZONE,
  templateStreamName,
  type Actor,
  type PlanApproved,
  type TemplateEvent,
  type TemplateRevised,
} from '@vsoko/domain';
import type { RecordedEvent } from '@vsoko/event-store';
import type { ProjectedDocument, Projection } from '../projection';
import type { Rollup } from '../rollup';
import {
  DISTRICT_TEMPLATES_COLLECTION,
  PLAN_TEMPLATE_COLLECTION,
  planTemplateDocumentId,
  type DistrictTemplatesDocument,
  type DistrictTemplatesEntry,
  type PersonRef,
  type PlanTemplateDocument,
  type SchoolAdoption,
  type TemplatePublication,
  type VersionCount,
} from './plan-template-document';

const TEMPLATE_EVENTS = ['TemplatePublished', 'TemplateRevised'] as const;

/*
 * District plan templates and the schools that took them, for the district's inspectors and administrators.
 * A template's publications come from its own stream (`template-<district>-<id>`); a school's adoption is the
 * `PlanApproved` of its plan that names the template (`data.template`), so both streams fold into one document
 * per template. The district's list is a roll-up of those documents: each template's header and, per version,
 * how many schools stand there — one read whatever the district's size.
 */

const personOf = (actor: Actor | undefined): PersonRef =>
  actor ? { id: actor.id, ...(actor.name ? { name: actor.name } : {}) } : { id: 'unknown' };

const occurredAt = (event: RecordedEvent): string =>
  typeof event.metadata.occurredAt === 'string' && event.metadata.occurredAt !== ''
    ? event.metadata.occurredAt
    : event.recordedAt;

function countsOf(changes: TemplateRevised['data']['changes']): TemplatePublication['changes'] {
  return {
    added: changes.added.length,
    rescheduled: changes.rescheduled.length,
    cancelled: changes.cancelled.length,
    amended: changes.amended.length,
    unchanged: changes.unchanged,
  };
}

function published(doc: PlanTemplateDocument | null, event: RecordedEvent): PlanTemplateDocument {
  const e = event as unknown as TemplateEvent;
  const at = occurredAt(event);
  const by = personOf(event.metadata.actor);
  const publication: TemplatePublication = {
    version: e.data.version,
    at,
    by,
    title: e.data.title,
    rows: e.data.rows.length,
    ...(e.type === 'TemplateRevised' ? { changes: countsOf(e.data.changes) } : {}),
  };
  return {
    _id: planTemplateDocumentId(e.data.districtId, e.data.templateId),
    _position: event.position,
    districtId: e.data.districtId,
    templateId: e.data.templateId,
    title: e.data.title,
    academicYear: e.data.academicYear,
    version: e.data.version,
    rows: e.data.rows.length,
    publishedAt: doc?.publishedAt ?? at,
    publishedBy: doc?.publishedBy ?? by,
    updatedAt: at,
    versions: [...(doc?.versions ?? []).filter((v) => v.version !== e.data.version), publication],
    adoptions: doc?.adoptions ?? [],
    adoptedByVersion: doc?.adoptedByVersion ?? [],
  };
}

function adopted(doc: PlanTemplateDocument, event: RecordedEvent): PlanTemplateDocument {
  const { template } = (event as unknown as PlanApproved).data;
  const schoolId = event.metadata.schoolId;
  if (!template || typeof schoolId !== 'string' || schoolId === '') return doc;
  const at = occurredAt(event);
  const index = doc.adoptions.findIndex((a) => a.schoolId === schoolId);
  const before = index >= 0 ? doc.adoptions[index] : undefined;
  const sameVersion = before?.version === template.version;
  const adoption: SchoolAdoption = {
    schoolId,
    version: template.version,
    rows: template.rowKeys.length,
    // Taking more or fewer rows of the same version keeps the day the school took that version.
    adoptedAt: sameVersion ? before.adoptedAt : at,
    adoptedBy: sameVersion ? before.adoptedBy : personOf(event.metadata.actor),
    firstAdoptedAt: before?.firstAdoptedAt ?? at,
    timeZone:
      typeof event.metadata.timeZone === 'string' && event.metadata.timeZone !== ''
        ? event.metadata.timeZone
        : DEFAULT_TIME_ZONE,
    position: sameVersion ? before.position : event.position,
  };
  const adoptions =
    index >= 0
      ? doc.adoptions.map((a, i) => (i === index ? adoption : a))
      : insertSorted(doc.adoptions, adoption);
  let adoptedByVersion = doc.adoptedByVersion;
  if (before) adoptedByVersion = addSchools(adoptedByVersion, before.version, -1);
  adoptedByVersion = addSchools(adoptedByVersion, adoption.version, 1);
  return { ...doc, _position: event.position, adoptions, adoptedByVersion };
}

function insertSorted(list: readonly SchoolAdoption[], item: SchoolAdoption): SchoolAdoption[] {
  const at = list.findIndex((a) => a.schoolId > item.schoolId);
  return at < 0 ? [...list, item] : [...list.slice(0, at), item, ...list.slice(at)];
}

function addSchools(counts: readonly VersionCount[], version: number, n: number): VersionCount[] {
  const found = counts.some((c) => c.version === version);
  const next = found
    ? counts.map((c) => (c.version === version ? { version, schools: c.schools + n } : c))
    : [...counts, { version, schools: n }];
  return next.filter((c) => c.schools !== 0).sort((a, b) => a.version - b.version);
}

/** Code-unit order: the same on every machine, whatever its locale. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The district's list of templates and how many schools stand at each version. */
export const districtTemplatesRollup: Rollup<PlanTemplateDocument, DistrictTemplatesEntry> = {
  collection: DISTRICT_TEMPLATES_COLLECTION,
  indexes: [],
  entries(doc) {
    return [
      {
        id: doc.districtId,
        kind: 'template',
        templateId: doc.templateId,
        title: doc.title,
        academicYear: doc.academicYear,
        version: doc.version,
        rows: doc.rows,
        publishedAt: doc.publishedAt,
        publishedById: doc.publishedBy.id,
        publishedByName: doc.publishedBy.name ?? null,
        updatedAt: doc.updatedAt,
      },
      ...doc.adoptedByVersion.map((c): DistrictTemplatesEntry => ({
        id: doc.districtId,
        kind: 'adopted',
        templateId: doc.templateId,
        version: c.version,
        schools: c.schools,
      })),
    ];
  },
  apply(stored, entry, sign) {
    const doc = (stored ?? {
      _id: entry.id,
      _position: 0,
      districtId: entry.id,
      templates: [],
      adopted: [],
    }) as DistrictTemplatesDocument;
    if (entry.kind === 'template') {
      doc.templates = doc.templates.filter((t) => t.templateId !== entry.templateId);
      if (sign === 1) {
        const { publishedById, publishedByName, kind: _kind, id: _id, ...summary } = entry;
        doc.templates.push({
          ...summary,
          publishedBy: { id: publishedById, ...(publishedByName ? { name: publishedByName } : {}) },
        });
        doc.templates.sort(
          (a, b) => compare(a.publishedAt, b.publishedAt) || compare(a.templateId, b.templateId),
        );
      }
    } else {
      const i = doc.adopted.findIndex(
        (a) => a.templateId === entry.templateId && a.version === entry.version,
      );
      const schools = (i >= 0 ? doc.adopted[i].schools : 0) + sign * entry.schools;
      if (i >= 0) doc.adopted.splice(i, 1);
      if (schools !== 0) doc.adopted.push({ templateId: entry.templateId, version: entry.version, schools });
      doc.adopted.sort((a, b) => compare(a.templateId, b.templateId) || a.version - b.version);
    }
    return doc as ProjectedDocument;
  },
};

export const planTemplateProjection: Projection<PlanTemplateDocument> = {
  collection: PLAN_TEMPLATE_COLLECTION,
  handles: [...TEMPLATE_EVENTS, 'PlanApproved'],
  documentIds(event) {
    if (event.type === 'PlanApproved') {
      const template = (event.data as PlanApproved['data']).template;
      return template ? [planTemplateDocumentId(template.districtId, template.templateId)] : [];
    }
    const { districtId, templateId } = event.data as TemplateEvent['data'];
    return event.streamName === templateStreamName(districtId, templateId)
      ? [planTemplateDocumentId(districtId, templateId)]
      : [];
  },
  evolve(doc, event) {
    if (event.type === 'PlanApproved') return doc ? adopted(doc, event) : doc;
    return published(doc, event);
  },
  // Read by id only: the template's document, and the district's list from the roll-up.
  indexes: [],
  rollups: [districtTemplatesRollup],
};
