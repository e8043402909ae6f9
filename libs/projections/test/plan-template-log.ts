import {
  decideAdoption,
  decideTemplate,
  evolvePlan,
  evolveTemplate,
  initialPlanState,
  initialTemplateState,
  planStreamName,
  templateStreamName,
  type AdoptionCommand,
  type DomainEvent,
  type EventMetadata,
  type PlanState,
  type TemplateRow,
  type TemplateState,
} from '@vsoko/domain';
import type { RecordedEvent } from '@vsoko/event-store';
import { publishTemplate, templateRow } from '../../domain/src/plan/template/testing';

export const YEAR = '2030/31';
const math = templateRow('r-math', '2031-04-01', '2031-04-30');
const russian = templateRow('r-russian', '2031-04-01', '2031-04-30');
const history = templateRow('r-history', '2031-03-01', '2031-03-31');
const biology = templateRow('r-biology', '2031-03-01', '2031-03-31');
const mathInMay = { ...math, window: { from: '2031-05-01', to: '2031-05-31' } };

const INSPECTOR = { id: 'inspector-1', kind: 'user', role: 'inspector', name: 'Орлова Н. В.' } as const;
const ADMIN = { id: 'admin-1', kind: 'user', role: 'district-admin', name: 'Белова И. С.' } as const;
const director = (schoolId: string) =>
  ({ id: `director-${schoolId}`, kind: 'user', role: 'director', name: `Директор ${schoolId}` }) as const;

/**
 * A district's templates as the API records them, decided by the domain's own deciders: what the template read
 * model is specified against. Events are a minute apart from 1 September 2030, 09:00 UTC.
 *
 * district-1 publishes «Мониторинг ВПР» (vpr, 3 rows); school-1 takes all of it, school-2 two rows; the
 * administrator publishes version 2; school-1 moves to it, school-2 takes one more row of version 1; school-3's
 * own plan names no template. district-2 publishes «Оценка условий» (conditions), which school-9 takes.
 */
export function planTemplateLog(): RecordedEvent[] {
  const log: RecordedEvent[] = [];
  const templates = new Map<string, TemplateState>();
  const plans = new Map<string, PlanState>();
  const revisions = new Map<string, number>();

  const record = (streamName: string, events: DomainEvent[], metadata: Partial<EventMetadata>) => {
    for (const event of events) {
      const revision = (revisions.get(streamName) ?? -1) + 1;
      revisions.set(streamName, revision);
      const position = log.length + 1;
      const at = new Date(Date.UTC(2030, 8, 1, 9) + position * 60_000).toISOString();
      log.push({
        id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
        streamName,
        revision,
        position,
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: {
          actor: INSPECTOR,
          occurredAt: at,
          correlationId: `corr-${position}`,
          causationId: `cause-${position}`,
          schoolId: '',
          ...metadata,
        },
        recordedAt: at,
      });
    }
  };

  const publish = (
    districtId: string,
    templateId: string,
    title: string,
    rows: TemplateRow[],
    actor: EventMetadata['actor'] = INSPECTOR,
  ) => {
    const stream = templateStreamName(districtId, templateId);
    const state = templates.get(stream) ?? initialTemplateState;
    const events = decideTemplate(publishTemplate(rows, { districtId, templateId, title }), state);
    templates.set(stream, events.reduce(evolveTemplate, state));
    record(stream, events, { actor, districtId });
  };

  const adopt = (districtId: string, command: AdoptionCommand) => {
    const { schoolId, templateId } = command.data;
    const stream = planStreamName(schoolId, YEAR);
    const state = plans.get(stream) ?? initialPlanState;
    const events = decideAdoption(command, state, {
      template: templates.get(templateStreamName(districtId, templateId))!,
      planId: stream,
      importId: `imp-${log.length}`,
      procedureIdOf: (rowKey) => `pl-${schoolId}-${templateId}-${rowKey}`,
    });
    plans.set(stream, events.reduce(evolvePlan, state));
    record(stream, events, { actor: director(schoolId), schoolId, timeZone: 'Asia/Yekaterinburg' });
  };

  publish('district-1', 'vpr', 'Мониторинг ВПР', [math, russian, history]);
  adopt('district-1', { type: 'AdoptTemplate', data: { schoolId: 'school-1', templateId: 'vpr' } });
  adopt('district-1', {
    type: 'AdoptTemplate',
    data: { schoolId: 'school-2', templateId: 'vpr', rows: ['r-math', 'r-history'] },
  });
  publish('district-1', 'vpr', 'Мониторинг ВПР', [mathInMay, history, biology], ADMIN);
  adopt('district-1', {
    type: 'AcceptTemplateRevision',
    data: { schoolId: 'school-1', templateId: 'vpr' },
  });
  adopt('district-1', {
    type: 'AdoptTemplate',
    data: { schoolId: 'school-2', templateId: 'vpr', version: 1, rows: ['r-math', 'r-history', 'r-russian'] },
  });
  record(
    planStreamName('school-3', YEAR),
    [
      {
        type: 'PlanApproved',
        data: {
          planId: planStreamName('school-3', YEAR),
          importId: 'imp-own',
          procedures: [],
          changes: { added: [], rescheduled: [], cancelled: [], amended: [], unchanged: 0 },
        },
      },
    ],
    { actor: director('school-3'), schoolId: 'school-3' },
  );
  publish('district-2', 'conditions', 'Оценка условий', [biology]);
  adopt('district-2', {
    type: 'AdoptTemplate',
    data: { schoolId: 'school-9', templateId: 'conditions' },
  });
  return log;
}
