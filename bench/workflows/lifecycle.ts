import { randomUUID } from 'node:crypto';
import {
  academicYearBounds,
  addDays,
  type Actor,
  type CommandContext,
  type ProcedureCommand,
} from '@vsoko/domain';
import type { CommandEnvelope } from '@vsoko/workflows/procedure/definitions';

export const SCHOOL = 'school-bench';

export interface LifecycleStep {
  command: ProcedureCommand;
  actor: Actor;
}
export const TIME_ZONE = 'Asia/Yekaterinburg';
/** Decisions adopted at the meeting, each then executed: the follow-up part of the life. */
export const DECISIONS = 2;

const deputy: Actor = { id: 'ivanova', kind: 'user', role: 'deputy', name: 'Иванова А. П.' };
const teacher: Actor = { id: 'petrova', kind: 'user', role: 'teacher', name: 'Петрова М. И.' };

/** Every command of one lifecycle records exactly one event. */
export const EVENT_TYPES = [
  'ProcedureScheduled',
  'ProcedurePerformed',
  'AnalysisRecorded',
  'DiscussionRecorded',
  'DecisionsAdopted',
  ...Array.from({ length: DECISIONS }, () => 'DecisionExecuted'),
  'ProcedureClosed',
] as const;
export const COMMANDS_PER_LIFECYCLE = EVENT_TYPES.length;

export function academicYearOf(date: string): string {
  const [y, m] = date.split('-').map(Number);
  const start = m >= 8 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * The whole life of one procedure, as its users would drive it on `today` (the school's date): every fact dated
 * today and every deadline a month ahead, so no timer falls due and nothing is notified during the run.
 */
export function lifecycleSteps(procedureId: string, today: string, tag: string): LifecycleStep[] {
  const academicYear = academicYearOf(today);
  const yearEnd = academicYearBounds(academicYear)!.to;
  const windowEnd = addDays(today, 20) < yearEnd ? addDays(today, 20) : yearEnd;
  const responsible = { role: 'teacher', personId: teacher.id, name: teacher.name! };
  const decisionIds = Array.from({ length: DECISIONS }, (_, i) => `d${i + 1}`);
  const steps: Array<[ProcedureCommand, Actor]> = [
    [
      {
        type: 'ScheduleProcedure',
        data: {
          procedureId,
          schoolId: SCHOOL,
          academicYear,
          title: `ВПР по математике, 4 класс [${tag}]`,
          direction: 'results',
          method: 'Всероссийская проверочная работа',
          responsible: { role: 'deputy', personId: deputy.id, name: deputy.name! },
          window: { from: today, to: windowEnd },
          timeZone: TIME_ZONE,
        },
      },
      deputy,
    ],
    [
      {
        type: 'MarkProcedurePerformed',
        data: {
          procedureId,
          performedOn: today,
          performedBy: { role: 'deputy', name: deputy.name! },
          collected: ['Работы 4А, 4Б'],
        },
      },
      deputy,
    ],
    [
      {
        type: 'RecordAnalysis',
        data: {
          procedureId,
          analysedOn: today,
          document: { title: 'Аналитическая справка по ВПР' },
          findings: ['Слабые вычислительные навыки'],
        },
      },
      deputy,
    ],
    [
      {
        type: 'RecordDiscussion',
        data: {
          procedureId,
          meeting: { level: 'pedagogical-council', heldOn: today, protocolNumber: '3' },
        },
      },
      deputy,
    ],
    [
      {
        type: 'AdoptDecisions',
        data: {
          procedureId,
          decisions: decisionIds.map((decisionId, i) => ({
            decisionId,
            wording: `Провести консультации для группы риска, этап ${i + 1}`,
            deadline: addDays(today, 30),
            responsible,
          })),
        },
      },
      deputy,
    ],
    ...decisionIds.map((decisionId): [ProcedureCommand, Actor] => [
      {
        type: 'ExecuteDecision',
        data: {
          procedureId,
          decisionId,
          executedOn: today,
          evidence: { description: 'Журнал консультаций' },
        },
      },
      teacher,
    ]),
    [{ type: 'CloseProcedure', data: { procedureId } }, deputy],
  ];
  return steps.map(([command, actor]) => ({ command, actor }));
}

/** The envelope of a step, issued now: built just before it is sent, as the API does. */
export function envelopeOf(step: LifecycleStep): CommandEnvelope {
  const commandId = randomUUID();
  const context: CommandContext = {
    commandId,
    actor: step.actor,
    issuedAt: new Date().toISOString(),
    correlationId: commandId,
    causationId: commandId,
    schoolId: SCHOOL,
  };
  return { command: step.command, context };
}
