import type { CommandContext } from '../../shared';
import { requireText, schoolToday } from '../../procedure/rules';
import type { CorrectDecisionWording } from '../commands';
import type { DecisionStreamEvent } from '../events';
import { existingDecision, requireAdministration } from '../rules';
import type { DecisionState } from '../state';

/**
 * The protocol's wording of a decision had a typo: the administration puts it right, saying why. A typo is one
 * at any stage, so an executed or withdrawn decision is corrected too; the same wording records nothing.
 */
export function correctDecisionWording(
  command: CorrectDecisionWording,
  state: DecisionState,
  ctx: CommandContext,
): DecisionStreamEvent[] {
  const { decisionId } = command.data;
  const current = existingDecision(state, decisionId, ctx);
  requireAdministration(ctx, 'Исправить формулировку решения');
  const wording = requireText(command.data.wording, 'DECISION_WORDING_REQUIRED', 'Сформулируйте решение');
  const reason = requireText(
    command.data.reason,
    'REASON_REQUIRED',
    'Исправить формулировку решения: укажите причину',
  );
  if (wording === current.wording) return [];
  return [
    {
      type: 'DecisionWordingCorrected',
      data: {
        decisionId,
        previous: current.wording,
        wording,
        reason,
        correctedOn: schoolToday(ctx, current.timeZone),
      },
    },
  ];
}
