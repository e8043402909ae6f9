import type { Deadline, Executors } from '@vsoko/domain';
import { ruLongDate } from '../ru-dates';

/** One decision as a protocol, an order or a report lists it. */
export interface DecisionLine {
  number: number;
  wording: string;
  deadline: string;
  responsible: string;
}

/** The facts of a decision a document needs: what the log's DecisionAdopted (and later changes) say. */
export interface DecisionFacts {
  number: number;
  wording: string;
  deadline: Deadline;
  executors: Executors;
}

/** The deadline as the protocol wrote it; a deadline entered as a date is written as one. */
export function deadlineText(deadline: Deadline): string {
  if (deadline.asWritten !== undefined && deadline.asWritten.trim() !== '') return deadline.asWritten;
  const parsed = deadline.parsed;
  switch (parsed.kind) {
    case 'date':
    case 'months':
    case 'year':
      return `до ${ruLongDate(parsed.due)}`;
    case 'standing':
      return 'постоянно';
    case 'none':
      return 'без срока';
  }
}

/** The responsible as written, or the lead and co-executors by name. */
export function executorsText(executors: Executors): string {
  if (executors.asWritten !== undefined && executors.asWritten.trim() !== '') return executors.asWritten;
  return [executors.lead, ...executors.coExecutors].map((r) => r.name).join(', ');
}

export function decisionLines(decisions: readonly DecisionFacts[]): DecisionLine[] {
  return [...decisions]
    .sort((a, b) => a.number - b.number)
    .map((d) => ({
      number: d.number,
      wording: d.wording,
      deadline: deadlineText(d.deadline),
      responsible: executorsText(d.executors),
    }));
}
