import type { Actor } from '../../shared';
import { contextAt, spec } from '../../testing';
import type { AdoptDecision, DecisionCommand } from '../commands';
import { decideDecision } from '../decide';
import type { DecisionAdopted, DecisionStreamEvent, EvidenceAttached } from '../events';
import { evolveDecision } from '../evolve';
import { initialDecisionState } from '../state';
import type { Deadline } from '../values';

/*
 * Seed 002, meeting 1: the pedagogical council of «Август 2023» at a school in Yekaterinburg (UTC+5) adopts
 * «1. Доработать и включить в Программу развития школы ВСОКО…», due «Октябрь-декабрь 2023г», lead: the deputy
 * for teaching (УВР), co-executors: the heads of the methodical associations.
 */

export const decisionSpec = spec(decideDecision, evolveDecision, initialDecisionState);

export const SCHOOL = 'school-1';
export const ZONE = 'Asia/Yekaterinburg';
export const DECISION = 'd-programme';
/** 15.09.2023, 11:00 in Yekaterinburg. */
export const NOW = '2023-09-15T06:00:00.000Z';

export const actors = {
  director: { id: 'director-1', kind: 'user', role: 'director' },
  /** The lead, by person id. */
  vinogradova: { id: 'vinogradova', kind: 'user', role: 'deputy' },
  /** A head of a methodical association: a co-executor by role. */
  shmo: { id: 'kozlova', kind: 'user', role: 'association-head' },
  teacher: { id: 'petrov', kind: 'user', role: 'teacher' },
  system: { id: 'system', kind: 'system', name: 'vsoko' },
} satisfies Record<string, Actor>;

export const ctx = contextAt(NOW, SCHOOL);

export const months: Deadline = {
  asWritten: 'Октябрь-декабрь 2023г',
  parsed: { kind: 'months', from: '2023-10', to: '2023-12', due: '2023-12-31' },
};

/** «В течение года» at the August council: due at the end of the 4th term, checked at the end of the others. */
export const wholeYear: Deadline = {
  asWritten: 'В течение года',
  parsed: {
    kind: 'year',
    academicYear: '2023/24',
    due: '2024-05-31',
    checkIns: ['2023-10-31', '2023-12-31', '2024-03-31'],
  },
};

export const standing: Deadline = {
  asWritten: 'Постоянно по мере поступления',
  parsed: { kind: 'standing', every: 'month', from: '2023-09-15' },
};

export const adopted: DecisionAdopted['data'] = {
  decisionId: DECISION,
  schoolId: SCHOOL,
  academicYear: '2023/24',
  number: 1,
  wording:
    'Доработать и включить в Программу развития школы внутришкольную систему оценки качества образования с методикой оценки качества образования.',
  adoptedBy: {
    kind: 'meeting',
    meetingId: 'm-ped-aug',
    level: 'pedagogical-council',
    date: { precision: 'month', month: '2023-08' },
    protocolNumber: 1,
  },
  procedureIds: [],
  executors: {
    lead: { personId: 'vinogradova', role: 'deputy', name: 'Виноградова В. А., зам. директора по УВР' },
    coExecutors: [{ role: 'association-head', name: 'Руководители ШМО' }],
    asWritten: 'Зам.директора по УВР, руководители ШМО',
  },
  scope: {},
  deadline: months,
  evidenceRequired: false,
  timeZone: ZONE,
  recordedOn: '2023-09-15',
};

export const evidenceAttached = (evidenceId = 'e-order', about = '2023-12-20'): EvidenceAttached => ({
  type: 'EvidenceAttached',
  data: {
    decisionId: DECISION,
    evidenceId,
    ref: {
      kind: 'file',
      sha256: 'a'.repeat(64),
      fileName: 'prikaz-112.pdf',
      mediaType: 'application/pdf',
      size: 120_000,
    },
    about,
    attachedOn: '2023-12-21',
  },
});

export const events = {
  adopted: (over: Partial<DecisionAdopted['data']> = {}): DecisionStreamEvent => ({
    type: 'DecisionAdopted',
    data: { ...adopted, ...over },
  }),
  executed: (executedOn = '2023-12-20', evidenceIds: string[] = []): DecisionStreamEvent => ({
    type: 'DecisionExecutionRecorded',
    data: { decisionId: DECISION, executedOn, evidenceIds },
  }),
  missed: (): DecisionStreamEvent => ({
    type: 'DecisionDeadlineMissed',
    data: {
      decisionId: DECISION,
      due: '2023-12-31',
      wording: adopted.wording,
      responsible: adopted.executors.lead,
    },
  }),
  notEffective: (): DecisionStreamEvent => ({
    type: 'EffectivenessAssessed',
    data: {
      decisionId: DECISION,
      verdict: 'not-effective',
      indicator: 'Доля процедур с аналитической справкой: 40 %',
      assessedOn: '2024-01-20',
    },
  }),
  withdrawn: (): DecisionStreamEvent => ({
    type: 'DecisionWithdrawn',
    data: { decisionId: DECISION, reason: 'Программа развития утверждена в другой редакции' },
  }),
};

export const history = {
  none: [] as DecisionStreamEvent[],
  open: [events.adopted()],
  executed: [events.adopted(), events.executed()],
  reopened: [events.adopted(), events.executed(), events.notEffective()],
  withdrawn: [events.adopted(), events.withdrawn()],
};

export function adopt(over: Partial<AdoptDecision['data']> = {}): DecisionCommand {
  const { recordedOn: _r, ...data } = adopted;
  return { type: 'AdoptDecision', data: { ...data, ...over } };
}
