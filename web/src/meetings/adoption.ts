import { useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Api } from '../api/client';
import type { Outcome } from './meetings-api';
import type { DecisionDraft, Deadline } from './meetings-model';

/** One decision written at the meeting, sent after the meeting is marked held. */
export interface PendingDecision {
  itemId: string;
  decisionId: string;
  number: number;
  draft: DecisionDraft;
  /** The staff member the responsible's name is, when it is one: she then sees the decision as her own work and
   * may act on it (the rules know a person by id, not by a name). */
  leadPersonId?: string;
  /** Kept across retries: a second send of the same decision records nothing twice. */
  key: string;
}

export interface AdoptionResult {
  decision: PendingDecision;
  /** How the server read the deadline as written, and what it was unsure about. */
  deadline?: Deadline;
  warnings?: string[];
  error?: unknown;
  position?: number;
}

/** Whose a typed name is: the one active staff member of exactly that full name (spaces and case aside). */
export function personIdOf(
  staff: ReadonlyArray<{ personId: string; fullName: string }>,
  name: string,
): string | undefined {
  const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru');
  const matches = staff.filter((p) => key(p.fullName) === key(name));
  return matches.length === 1 ? matches[0].personId : undefined;
}

export function adoptDecision(api: Api, meetingId: string, d: PendingDecision): Promise<Outcome> {
  return unwrap<Outcome>(
    api.POST('/meetings/{meetingId}/decisions', {
      params: { path: { meetingId } },
      headers: { 'Idempotency-Key': d.key },
      body: {
        id: d.decisionId,
        number: d.number,
        wording: d.draft.wording.trim(),
        executors: {
          lead: { name: d.draft.lead.trim(), ...(d.leadPersonId ? { personId: d.leadPersonId } : {}) },
        },
        deadline: { asWritten: d.draft.deadline?.trim() ?? '' },
        ...(d.draft.evidenceRequired ? { evidenceRequired: true } : {}),
      },
    }),
  );
}

/** Each decision in turn; a refusal of one does not stop the others, and is kept for a retry. */
export async function adoptAll(
  api: Api,
  meetingId: string,
  decisions: readonly PendingDecision[],
): Promise<AdoptionResult[]> {
  const results: AdoptionResult[] = [];
  for (const decision of decisions) {
    try {
      const outcome = await adoptDecision(api, meetingId, decision);
      results.push({
        decision,
        deadline: outcome.deadline,
        warnings: outcome.warnings ?? [],
        position: outcome.position,
      });
    } catch (error) {
      results.push({ decision, error });
    }
  }
  return results;
}

const key = (meetingId: string) => ['adopted-at', meetingId];

/** What this tab last sent for a meeting's decisions: shown beside the protocol until the page is left. */
export function useAdoptionResults(meetingId: string) {
  const client = useQueryClient();
  const { data } = useQuery<AdoptionResult[]>({
    queryKey: key(meetingId),
    queryFn: () => [],
    enabled: false,
    staleTime: Infinity,
  });
  return {
    results: data ?? [],
    keep: (results: AdoptionResult[]) => client.setQueryData(key(meetingId), results),
  };
}
