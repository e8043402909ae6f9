import {
  DIRECTION_TITLES,
  MEETING_LEVEL_TITLES,
  PROCEDURE_STATUS_TITLES,
  type ProcedureState,
} from '@vsoko/domain';
import { ruLongDate, ruPeriod } from '../ru-dates';
import type { SchoolHeading } from '../school-heading';
import { deadlineText, executorsText, type DecisionFacts, type DecisionLine } from './decision-lines';

export interface ProcedureReportData extends SchoolHeading {
  academicYear: string;
  generatedOn: string;
  title: string;
  direction: string;
  indicator: string;
  object: string;
  method: string;
  window: string;
  responsible: string;
  performedOn: string;
  performedBy: string;
  collected: string;
  analysedOn: string;
  documentTitle: string;
  figures: Array<{ n: number; indicator: string; value: string; unit: string }>;
  findings: Array<{ n: number; text: string }>;
  discussedAt: string;
  decisions: DecisionLine[];
  status: string;
  predecessor: string;
}

const NOT_YET = 'не указано';

/** «62,5» — a figure as a Russian document writes a number. */
export function ruNumber(value: number): string {
  return String(value).replace('.', ',');
}

/**
 * The skeleton of an аналитическая справка for one procedure: what the plan says (indicator, object, method,
 * window), what the log recorded (performance, the analysis's figures and findings, where the results were
 * discussed, decisions). Stages not reached yet leave their places marked, so the deputy sees what is still to be
 * written. The decisions are those recorded inside the procedure's own stream (before meetings had theirs), then
 * those adopted at meetings that name the procedure (`adopted`, in the order given), numbered through.
 */
export function procedureReportData(
  state: Exclude<ProcedureState, { status: 'none' }>,
  generatedOn: string,
  heading: SchoolHeading,
  adopted: readonly DecisionFacts[] = [],
): ProcedureReportData {
  const performance = 'performance' in state ? state.performance : undefined;
  const analysis = 'analysis' in state ? state.analysis : undefined;
  const followUp = 'followUp' in state ? state.followUp : undefined;
  const discussion = 'discussion' in state ? state.discussion : undefined;
  return {
    ...heading,
    academicYear: state.academicYear,
    generatedOn,
    title: state.title,
    direction: DIRECTION_TITLES[state.direction],
    indicator: state.indicator ?? NOT_YET,
    object: state.object ?? NOT_YET,
    method: state.method ?? NOT_YET,
    window: ruPeriod(state.window.from, state.window.to),
    responsible: state.responsible.name,
    performedOn: performance ? ruLongDate(performance.performedOn) : 'не проведена',
    performedBy: performance?.performedBy.name ?? '',
    collected: performance?.collected.join('; ') ?? '',
    analysedOn: analysis ? ruLongDate(analysis.analysedOn) : 'анализ не записан',
    documentTitle: analysis?.document.title ?? '',
    figures: (analysis?.figures ?? []).map((f, i) => ({
      n: i + 1,
      indicator: f.indicator,
      value: ruNumber(f.value),
      unit: f.unit ?? '',
    })),
    findings: (analysis?.findings ?? []).map((text, i) => ({ n: i + 1, text })),
    discussedAt: discussion
      ? `${MEETING_LEVEL_TITLES[discussion.level]}, ${discussion.dateAsWritten || ruLongDate(discussion.heldOn)}, протокол № ${discussion.protocolNumber}`
      : 'не рассматривались',
    decisions: [
      ...(followUp?.decisions ?? []).map((d) => ({
        wording: d.wording,
        deadline: `до ${ruLongDate(d.deadline)}`,
        responsible: d.responsible.name,
      })),
      ...adopted.map((d) => ({
        wording: d.wording,
        deadline: deadlineText(d.deadline),
        responsible: executorsText(d.executors),
      })),
    ].map((d, i) => ({ ...d, number: i + 1 })),
    status: PROCEDURE_STATUS_TITLES[state.status],
    predecessor: state.predecessor
      ? `${state.predecessor.title} (${state.predecessor.academicYear} учебный год)`
      : '',
  };
}
