import type { PlanSource } from '../events';
import type { TemplateEvent, TemplateRow } from './events';
import type { PublishTemplate } from './publish';
import { evolveTemplate, initialTemplateState, type TemplateState } from './state';

/** Test-only builders for template specifications. */
export const templateRow = (key: string, from: string, to: string, title = `ВПР ${key}`): TemplateRow => ({
  rowKey: key,
  sourceRow: 1,
  title,
  direction: 'results',
  responsible: { role: 'deputy', name: 'Заместитель директора по УВР' },
  window: { from, to },
  occurrence: { index: 1, of: 1 },
});

export const templateSource: PlanSource = { fileName: 'vpr.xlsx', format: 'xlsx', sha256: 'ab', rows: 4 };

export const publishTemplate = (rows: TemplateRow[], extra: Partial<PublishTemplate['data']> = {}) =>
  ({
    type: 'PublishTemplate',
    data: {
      templateId: 'vpr',
      districtId: 'district-1',
      title: 'Мониторинг ВПР',
      academicYear: '2030/31',
      source: templateSource,
      rows,
      unscheduled: [],
      ...extra,
    },
  }) satisfies PublishTemplate;

export const templateOf = (events: TemplateEvent[]): TemplateState =>
  events.reduce(evolveTemplate, initialTemplateState);
