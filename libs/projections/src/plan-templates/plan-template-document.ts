import type { ProjectedDocument } from '../projection';
import type { RollupEntry } from '../rollup';

/** One template per district and id: `plan_templates`, `_id` = `<districtId>:<templateId>`. */
export const PLAN_TEMPLATE_COLLECTION = 'plan_templates';
/** One document per district listing its templates and how many schools stand at each version. */
export const DISTRICT_TEMPLATES_COLLECTION = 'plan_templates_districts';

/** Ids never contain `:` (services/api/src/shared/ids.ts), so the pair names one template. */
export function planTemplateDocumentId(districtId: string, templateId: string): string {
  return `${districtId}:${templateId}`;
}

export interface PersonRef {
  id: string;
  name?: string;
}

/** One published version of the template: when, by whom, how many rows, what changed from the one before. */
export interface TemplatePublication {
  version: number;
  at: string;
  by: PersonRef;
  title: string;
  rows: number;
  /** Counts of the difference to the previous version (absent for version 1). */
  changes?: { added: number; rescheduled: number; cancelled: number; amended: number; unchanged: number };
}

/** Where one school stands with the template: the version its plan holds and since when. */
export interface SchoolAdoption {
  schoolId: string;
  version: number;
  /** Rows of that version the school took into its plan (it may leave some out). */
  rows: number;
  /** When the school's plan took this version (its first approval at this version). */
  adoptedAt: string;
  adoptedBy: PersonRef;
  /** When the school first took any version of the template. */
  firstAdoptedAt: string;
  /** The zone the school's plan is scheduled in: dates are shown as the school's days. */
  timeZone: string;
  /** Log position of the approval that put the school at this version. */
  position: number;
}

export interface VersionCount {
  version: number;
  schools: number;
}

export interface PlanTemplateDocument extends ProjectedDocument {
  districtId: string;
  templateId: string;
  title: string;
  academicYear: string;
  /** The latest version and its row count. */
  version: number;
  rows: number;
  publishedAt: string;
  publishedBy: PersonRef;
  /** When the latest version was published (the first publication's time for version 1). */
  updatedAt: string;
  versions: TemplatePublication[];
  /** One entry per school that adopted the template, by school id. */
  adoptions: SchoolAdoption[];
  /** How many schools stand at each version, by version. */
  adoptedByVersion: VersionCount[];
}

/** What the district's list shows of one template: the header of its document. */
export interface TemplateSummary {
  templateId: string;
  title: string;
  academicYear: string;
  version: number;
  rows: number;
  publishedAt: string;
  publishedBy: PersonRef;
  updatedAt: string;
}

export interface DistrictTemplatesDocument extends ProjectedDocument {
  districtId: string;
  /** By first publication, then id. */
  templates: TemplateSummary[];
  /** Schools at each version of each template, by template and version. */
  adopted: Array<VersionCount & { templateId: string }>;
}

/** What a template document adds to its district's list: its summary, or the schools at one of its versions. */
export type DistrictTemplatesEntry = RollupEntry &
  (
    | {
        kind: 'template';
        templateId: string;
        title: string;
        academicYear: string;
        version: number;
        rows: number;
        publishedAt: string;
        publishedById: string;
        publishedByName: string | null;
        updatedAt: string;
      }
    | { kind: 'adopted'; templateId: string; version: number; schools: number }
  );
