import type { Actor } from '../../shared';
import { contextAt, spec } from '../../testing';
import { decide } from '../decide';
import type {
  AdoptedDecision,
  AnalysisRecorded,
  DecisionCancelled,
  DecisionExecuted,
  DecisionOverdue,
  DecisionsAdopted,
  DiscussionRecorded,
  ProcedureCancelled,
  ProcedureClosed,
  ProcedureDecisionReassigned,
  ProcedureEvent,
  ProcedurePerformed,
  ProcedureScheduled,
  ResultsNotedWithoutDecision,
  StageOverdue,
} from '../events';
import { evolve } from '../evolve';
import { initialState } from '../state';
import type { ProcedureCommand } from '../commands';
import type { Responsible } from '../values';

/*
 * One procedure of a school in Yekaterinburg (UTC+5, no DST): the spring ВПР in the 4th grades, 2023/24,
 * discussed at the pedagogical council of 26.04.2024, with two decisions.
 */

export const procedureSpec = spec(decide, evolve, initialState);

export const SCHOOL = 'school-1';
export const ZONE = 'Asia/Yekaterinburg';
export const PROCEDURE = 'p-vpr-4';
/** 30.04.2024, 11:00 in Yekaterinburg: after every recorded fact, before every deadline. */
export const NOW = '2024-04-30T06:00:00.000Z';

export const actors = {
  director: { id: 'director-1', kind: 'user', role: 'director' },
  deputy: { id: 'deputy-1', kind: 'user', role: 'deputy' },
  /** The procedure's responsible, named by person id. */
  ivanova: { id: 'ivanova', kind: 'user', role: 'methodist' },
  /** Answers for decision d-lessons by person id. */
  petrov: { id: 'petrov', kind: 'user', role: 'teacher' },
  /** A teacher: answers for d-parents, which is given to the role «teacher». */
  sidorova: { id: 'sidorova', kind: 'user', role: 'teacher' },
  auditor: { id: 'auditor-1', kind: 'user', role: 'auditor' },
  system: { id: 'system', kind: 'system', name: 'vsoko' },
  calendar: { id: 'ical-feed', kind: 'integration' },
} satisfies Record<string, Actor>;

export const ctx = contextAt(NOW, SCHOOL);

export const scheduledData: ProcedureScheduled['data'] = {
  procedureId: PROCEDURE,
  schoolId: SCHOOL,
  academicYear: '2023/24',
  title: 'ВПР по математике, 4 классы',
  direction: 'results',
  method: 'Всероссийская проверочная работа',
  resultForm: 'Аналитическая справка',
  responsible: { personId: 'ivanova', role: 'methodist', name: 'Иванова И. И., руководитель ШМО' },
  window: { from: '2024-03-11', to: '2024-04-26' },
  timeZone: ZONE,
};

export const meeting = { level: 'pedagogical-council', heldOn: '2024-04-26', protocolNumber: '5' } as const;

export const lessons: AdoptedDecision = {
  decisionId: 'd-lessons',
  wording: 'Организовать дополнительные занятия для учащихся, показавших низкие результаты',
  deadline: '2024-05-31',
  responsible: { personId: 'petrov', name: 'Петров П. П., учитель математики' },
};

export const parents: AdoptedDecision = {
  decisionId: 'd-parents',
  wording: 'Провести разъяснительную работу с родителями обучающихся',
  deadline: '2024-05-15',
  responsible: { role: 'teacher', name: 'Классные руководители 4-х классов' },
};

export const events = {
  scheduled: (over: Partial<ProcedureScheduled['data']> = {}): ProcedureScheduled => ({
    type: 'ProcedureScheduled',
    data: { ...scheduledData, ...over },
  }),
  performed: (): ProcedurePerformed => ({
    type: 'ProcedurePerformed',
    data: {
      procedureId: PROCEDURE,
      performedOn: '2024-04-16',
      performedBy: { personId: 'ivanova', name: 'Иванова И. И.' },
      collected: ['52 работы учащихся 4 «А» и 4 «Б»'],
    },
  }),
  analysed: (): AnalysisRecorded => ({
    type: 'AnalysisRecorded',
    data: {
      procedureId: PROCEDURE,
      analysedOn: '2024-04-22',
      document: { title: 'Аналитическая справка по итогам ВПР в 4 классах' },
      findings: ['Низкие результаты по заданиям на решение текстовых задач'],
      figures: [{ indicator: 'Качество знаний', value: 62, unit: '%' }],
    },
  }),
  discussed: (): DiscussionRecorded => ({
    type: 'DiscussionRecorded',
    data: { procedureId: PROCEDURE, meeting },
  }),
  adopted: (
    decisions: AdoptedDecision[] = [lessons, parents],
    recordedOn = '2024-04-27',
  ): DecisionsAdopted => ({
    type: 'DecisionsAdopted',
    data: { procedureId: PROCEDURE, meeting, decisions, recordedOn },
  }),
  noted: (): ResultsNotedWithoutDecision => ({
    type: 'ResultsNotedWithoutDecision',
    data: { procedureId: PROCEDURE, meeting },
  }),
  executed: (decisionId: string, executedOn = '2024-04-29'): DecisionExecuted => ({
    type: 'DecisionExecuted',
    data: {
      procedureId: PROCEDURE,
      decisionId,
      executedOn,
      evidence: { description: 'Приказ № 41 от 29.04.2024' },
    },
  }),
  decisionCancelled: (decisionId: string): DecisionCancelled => ({
    type: 'DecisionCancelled',
    data: { procedureId: PROCEDURE, decisionId, reason: 'Решение утратило актуальность' },
  }),
  decisionOverdue: (decision: AdoptedDecision): DecisionOverdue => ({
    type: 'DecisionOverdue',
    data: {
      procedureId: PROCEDURE,
      decisionId: decision.decisionId,
      wording: decision.wording,
      deadline: decision.deadline,
      responsible: decision.responsible,
    },
  }),
  decisionReassigned: (
    decision: AdoptedDecision,
    responsible: Responsible = { personId: 'sokolova', role: 'teacher', name: 'Соколова Т. П.' },
  ): ProcedureDecisionReassigned => ({
    type: 'ProcedureDecisionReassigned',
    data: {
      procedureId: PROCEDURE,
      decisionId: decision.decisionId,
      previous: decision.responsible,
      responsible,
      reason: `${decision.responsible.name}: увольнение`,
    },
  }),
  stageOverdue: (dueDate = '2024-04-26'): StageOverdue => ({
    type: 'StageOverdue',
    data: { procedureId: PROCEDURE, stage: 'performance', dueDate, responsible: scheduledData.responsible },
  }),
  closed: (): ProcedureClosed => ({ type: 'ProcedureClosed', data: { procedureId: PROCEDURE } }),
  cancelled: (
    cancelledInStatus: ProcedureCancelled['data']['cancelledInStatus'] = 'scheduled',
  ): ProcedureCancelled => ({
    type: 'ProcedureCancelled',
    data: { procedureId: PROCEDURE, reason: 'Процедура исключена из плана', cancelledInStatus },
  }),
};

/** Histories that bring the procedure to each status. */
export const history = {
  none: [] as ProcedureEvent[],
  scheduled: [events.scheduled()],
  performed: [events.scheduled(), events.performed()],
  analysed: [events.scheduled(), events.performed(), events.analysed()],
  discussed: [events.scheduled(), events.performed(), events.analysed(), events.discussed()],
  followingUp: [
    events.scheduled(),
    events.performed(),
    events.analysed(),
    events.discussed(),
    events.adopted(),
  ],
  noted: [events.scheduled(), events.performed(), events.analysed(), events.discussed(), events.noted()],
  closed: [
    events.scheduled(),
    events.performed(),
    events.analysed(),
    events.discussed(),
    events.noted(),
    events.closed(),
  ],
  cancelled: [events.scheduled(), events.cancelled()],
};

/** One valid command of every kind people issue, for the procedure in the fitting status. */
export const userCommands = {
  reschedule: {
    type: 'RescheduleProcedure',
    data: { procedureId: PROCEDURE, window: { from: '2024-05-02', to: '2024-05-24' }, reason: 'Перенос' },
  },
  performed: {
    type: 'MarkProcedurePerformed',
    data: {
      procedureId: PROCEDURE,
      performedOn: '2024-04-16',
      performedBy: { personId: 'ivanova', name: 'Иванова И. И.' },
      collected: ['52 работы учащихся 4 «А» и 4 «Б»'],
    },
  },
  analysis: {
    type: 'RecordAnalysis',
    data: {
      procedureId: PROCEDURE,
      analysedOn: '2024-04-22',
      document: { title: 'Аналитическая справка по итогам ВПР в 4 классах' },
      findings: ['Низкие результаты по заданиям на решение текстовых задач'],
      figures: [{ indicator: 'Качество знаний', value: 62, unit: '%' }],
    },
  },
  discussion: { type: 'RecordDiscussion', data: { procedureId: PROCEDURE, meeting } },
  adopt: { type: 'AdoptDecisions', data: { procedureId: PROCEDURE, decisions: [lessons, parents] } },
  note: { type: 'NoteResultsWithoutDecision', data: { procedureId: PROCEDURE } },
  execute: {
    type: 'ExecuteDecision',
    data: {
      procedureId: PROCEDURE,
      decisionId: 'd-lessons',
      executedOn: '2024-04-29',
      evidence: { description: 'Приказ № 41 от 29.04.2024' },
    },
  },
  extend: {
    type: 'ExtendDecisionDeadline',
    data: {
      procedureId: PROCEDURE,
      decisionId: 'd-lessons',
      deadline: '2024-06-28',
      reason: 'Болезнь учителя',
    },
  },
  cancelDecision: {
    type: 'CancelDecision',
    data: { procedureId: PROCEDURE, decisionId: 'd-parents', reason: 'Решение утратило актуальность' },
  },
  recheck: {
    type: 'RequestRecheck',
    data: {
      procedureId: PROCEDURE,
      decisionId: 'd-lessons',
      childProcedureId: 'p-vpr-4-recheck',
      window: { from: '2024-05-20', to: '2024-05-31' },
    },
  },
  cancel: {
    type: 'CancelProcedure',
    data: { procedureId: PROCEDURE, reason: 'Процедура исключена из плана' },
  },
  close: { type: 'CloseProcedure', data: { procedureId: PROCEDURE } },
} satisfies Record<string, ProcedureCommand>;
