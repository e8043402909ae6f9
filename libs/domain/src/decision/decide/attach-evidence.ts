import type { CommandContext } from '../../shared';
import { optionalText, requirePastFact, requireText, schoolToday } from '../../procedure/rules';
import type { AttachEvidence } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { decisionStep, fail, requireEvidenceRef, requireExecutorOrAdministration } from '../rules';
import type { DecisionState } from '../state';

/**
 * Proof of the work: a stored file (by its hash) or a link, with the day it is about. It may come after the
 * execution was recorded too, but never replaces what is already attached.
 */
export function attachEvidence(
  command: AttachEvidence,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const { decisionId } = command.data;
  const current = decisionStep(
    state,
    decisionId,
    ctx,
    ['open', 'reopened', 'executed'],
    'Приложить подтверждение',
  );
  requireExecutorOrAdministration(ctx, current.executors, 'Приложить подтверждение');
  const evidenceId = requireText(
    command.data.evidenceId,
    'EVIDENCE_ID_REQUIRED',
    'У подтверждения нет идентификатора',
  );
  if (current.evidence.some((e) => e.evidenceId === evidenceId)) {
    fail('EVIDENCE_ID_DUPLICATE', `Подтверждение ${evidenceId} уже приложено`, { evidenceId });
  }
  const today = schoolToday(ctx, current.timeZone);
  const about = requirePastFact(command.data.about, 'Дата документа-подтверждения', today);
  const description = optionalText(command.data.description);
  return [
    {
      type: 'EvidenceAttached',
      data: {
        decisionId,
        evidenceId,
        ref: requireEvidenceRef(command.data.ref),
        about,
        attachedOn: today,
        ...(description !== undefined ? { description } : {}),
      },
    },
  ];
}
