import type { PlanSource } from '../events';
import type { TemplateEvent, TemplateRow } from './events';

export interface TemplateVersion {
  version: number;
  source: PlanSource;
  rows: TemplateRow[];
}

export type TemplateState =
  | { status: 'none' }
  | {
      status: 'published';
      templateId: string;
      districtId: string;
      title: string;
      academicYear: string;
      /** Every version in order: a school may still be on an old one. */
      versions: TemplateVersion[];
    };

export const initialTemplateState: TemplateState = { status: 'none' };

export function evolveTemplate(state: TemplateState, event: TemplateEvent): TemplateState {
  const { templateId, districtId, title, academicYear, version, source, rows } = event.data;
  const versions = state.status === 'published' ? state.versions : [];
  return {
    status: 'published',
    templateId,
    districtId,
    title,
    academicYear,
    versions: [...versions, { version, source, rows }],
  };
}

export function latestVersion(state: TemplateState & { status: 'published' }): TemplateVersion {
  return state.versions[state.versions.length - 1];
}
