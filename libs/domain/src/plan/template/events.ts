import type { DomainEvent } from '../../shared';
import type { PlanChanges, PlannedProcedure, PlanSource, UnscheduledRow } from '../events';

/*
 * A district's plan template, in the stream `template-<districtId>-<templateId>`: the procedures every school of
 * the district is expected to run (ВПР, monitoring …). Each publication is a numbered version with all its rows,
 * so a school that adopted version 1 can be shown exactly what version 3 changes for it.
 */

/** One procedure of the template, the same for every school: a planned procedure without a school's id. */
export type TemplateRow = Omit<PlannedProcedure, 'procedureId' | 'templateId'>;

export interface TemplateFacts {
  templateId: string;
  districtId: string;
  title: string;
  academicYear: string;
  version: number;
  source: PlanSource;
  rows: TemplateRow[];
  unscheduled: UnscheduledRow[];
}

export type TemplatePublished = DomainEvent<'TemplatePublished', TemplateFacts>;

/** `changes` compares with the previous version, by row key (the ids in it are row keys). */
export type TemplateRevised = DomainEvent<'TemplateRevised', TemplateFacts & { changes: PlanChanges }>;

export type TemplateEvent = TemplatePublished | TemplateRevised;
