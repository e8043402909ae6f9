import type { RecordedEvent } from '@vsoko/event-store';
import { planTemplateLog, YEAR } from '../../test/plan-template-log';
import { InMemoryProjector } from '../in-memory-projector';
import { anyProjection } from '../projection';
import {
  DISTRICT_TEMPLATES_COLLECTION,
  PLAN_TEMPLATE_COLLECTION,
  type DistrictTemplatesDocument,
  type PlanTemplateDocument,
} from './plan-template-document';
import { planTemplateProjection } from './plan-template-projection';

const at = (minute: number) => new Date(Date.UTC(2030, 8, 1, 9, minute)).toISOString();

function projectAll(log: readonly RecordedEvent[], batchSize = log.length) {
  const projector = new InMemoryProjector([anyProjection(planTemplateProjection)]);
  for (let i = 0; i < log.length; i += batchSize) projector.apply(log.slice(i, i + batchSize));
  return {
    template: (id: string) =>
      projector.collections.get(PLAN_TEMPLATE_COLLECTION)!.get(id) as PlanTemplateDocument | undefined,
    district: (id: string) =>
      projector.collections.get(DISTRICT_TEMPLATES_COLLECTION)!.get(id) as
        DistrictTemplatesDocument | undefined,
    collections: projector.collections,
  };
}

describe('district plan templates and who adopted them', () => {
  const log = planTemplateLog();
  const projected = projectAll(log);

  it('given a template published and revised, then its document has both versions, who published each and when', () => {
    const vpr = projected.template('district-1:vpr')!;
    expect(vpr).toMatchObject({
      districtId: 'district-1',
      templateId: 'vpr',
      title: 'Мониторинг ВПР',
      academicYear: YEAR,
      version: 2,
      rows: 3,
      publishedAt: at(1),
      publishedBy: { id: 'inspector-1', name: 'Орлова Н. В.' },
      updatedAt: at(6),
    });
    expect(vpr.versions).toEqual([
      {
        version: 1,
        at: at(1),
        by: { id: 'inspector-1', name: 'Орлова Н. В.' },
        title: 'Мониторинг ВПР',
        rows: 3,
      },
      {
        version: 2,
        at: at(6),
        by: { id: 'admin-1', name: 'Белова И. С.' },
        title: 'Мониторинг ВПР',
        rows: 3,
        // Mathematics moved to May, Russian removed, biology added, history as it was.
        changes: { added: 1, rescheduled: 1, cancelled: 1, amended: 0, unchanged: 1 },
      },
    ]);
  });

  it('given schools adopting, then each stands at its version with the rows it took, since the day it took that version', () => {
    const vpr = projected.template('district-1:vpr')!;
    expect(vpr.adoptions).toEqual([
      {
        schoolId: 'school-1',
        version: 2,
        rows: 3,
        adoptedAt: at(8),
        adoptedBy: { id: 'director-school-1', name: 'Директор school-1' },
        firstAdoptedAt: at(3),
        timeZone: 'Asia/Yekaterinburg',
        position: 8,
      },
      {
        // A third row of version 1 taken later: still on version 1 since the day it first took it.
        schoolId: 'school-2',
        version: 1,
        rows: 3,
        adoptedAt: at(5),
        adoptedBy: { id: 'director-school-2', name: 'Директор school-2' },
        firstAdoptedAt: at(5),
        timeZone: 'Asia/Yekaterinburg',
        position: 5,
      },
    ]);
    expect(vpr.adoptedByVersion).toEqual([
      { version: 1, schools: 1 },
      { version: 2, schools: 1 },
    ]);
  });

  it("given a school's own plan approved, then no template changes, and another district's template stays its own", () => {
    expect(projected.collections.get(PLAN_TEMPLATE_COLLECTION)!.size).toBe(2);
    expect(projected.template('district-2:conditions')).toMatchObject({
      districtId: 'district-2',
      version: 1,
      adoptions: [expect.objectContaining({ schoolId: 'school-9', version: 1, rows: 1 })],
    });
  });

  it("then each district's list is one document: the templates' headers and the schools at each version", () => {
    expect(projected.district('district-1')).toEqual({
      _id: 'district-1',
      // School-2's third row of version 1 (position 10) moved no count.
      _position: 8,
      districtId: 'district-1',
      templates: [
        {
          templateId: 'vpr',
          title: 'Мониторинг ВПР',
          academicYear: YEAR,
          version: 2,
          rows: 3,
          publishedAt: at(1),
          publishedBy: { id: 'inspector-1', name: 'Орлова Н. В.' },
          updatedAt: at(6),
        },
      ],
      adopted: [
        { templateId: 'vpr', version: 1, schools: 1 },
        { templateId: 'vpr', version: 2, schools: 1 },
      ],
    });
    expect(projected.district('district-2')).toMatchObject({
      templates: [expect.objectContaining({ templateId: 'conditions', version: 1 })],
      adopted: [{ templateId: 'conditions', version: 1, schools: 1 }],
    });
  });

  it('given the log in batches of any size, then the same documents', () => {
    const whole = projected.collections;
    for (const size of [1, 2, 3, 7, 9]) {
      const batched = projectAll(log, size).collections;
      for (const collection of [PLAN_TEMPLATE_COLLECTION, DISTRICT_TEMPLATES_COLLECTION]) {
        expect(Object.fromEntries(batched.get(collection)!)).toEqual(
          Object.fromEntries(whole.get(collection)!),
        );
      }
    }
  });

  it('given a batch replayed after a crash, then nothing is counted twice', () => {
    const projector = new InMemoryProjector([anyProjection(planTemplateProjection)]);
    projector.apply(log.slice(0, 6));
    projector.apply(log.slice(2, 10));
    projector.apply(log.slice(0, log.length));
    expect(Object.fromEntries(projector.collections.get(DISTRICT_TEMPLATES_COLLECTION)!)).toEqual(
      Object.fromEntries(projected.collections.get(DISTRICT_TEMPLATES_COLLECTION)!),
    );
    expect(Object.fromEntries(projector.collections.get(PLAN_TEMPLATE_COLLECTION)!)).toEqual(
      Object.fromEntries(projected.collections.get(PLAN_TEMPLATE_COLLECTION)!),
    );
  });
});
