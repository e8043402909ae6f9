import type { Type } from '@nestjs/common';
import type { DecisionCommand } from '@vsoko/domain';
import { ReasonDto } from '../shared/dto/reason.dto';
import type { TableRoute } from '../shared/route-table';
import {
  CheckInDto,
  EffectivenessDto,
  EvidenceLinkDto,
  ReassignDecisionDto,
  RecordExecutionDto,
} from './dto/follow-up.dto';

/**
 * A command on an existing decision: `POST /decisions/:decisionId/<path>` with its body; the decision's use
 * case checks the school and runs it through the one command handler.
 */
export interface DecisionRoute<B = unknown> extends TableRoute {
  body: Type<B>;
  command(decisionId: string, body: B): DecisionCommand;
}

const route = <B>(r: DecisionRoute<B>) => r as DecisionRoute;

/** Every follow-up of a decision that is decided as sent (a new deadline and evidence files have their own). */
export const DECISION_ROUTES: readonly DecisionRoute[] = [
  route({
    name: 'reassign',
    path: 'decisions/:decisionId/reassignment',
    summary: 'Передать решение другому ответственному (с причиной)',
    body: ReassignDecisionDto,
    command: (decisionId, body) => ({
      type: 'ReassignDecision',
      data: { decisionId, executors: body.executors.toDomain(), reason: body.reason },
    }),
  }),
  route({
    name: 'link',
    path: 'decisions/:decisionId/evidence/links',
    summary: 'Приложить ссылку-подтверждение',
    body: EvidenceLinkDto,
    command: (decisionId, body) => ({
      type: 'AttachEvidence',
      data: {
        decisionId,
        evidenceId: body.evidenceId,
        ref: { kind: 'link', url: body.url },
        about: body.about,
        ...(body.description !== undefined ? { description: body.description } : {}),
      },
    }),
  }),
  route({
    name: 'execute',
    path: 'decisions/:decisionId/execution',
    summary: 'Отметить исполнение; решение с обязательным подтверждением — только с ним',
    body: RecordExecutionDto,
    command: (decisionId, body) => ({
      type: 'RecordDecisionExecution',
      data: {
        decisionId,
        executedOn: body.executedOn,
        ...(body.evidenceIds ? { evidenceIds: body.evidenceIds } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
      },
    }),
  }),
  route({
    name: 'checkIn',
    path: 'decisions/:decisionId/check-ins',
    summary: 'Отчитаться о ходе исполнения к контрольной точке',
    body: CheckInDto,
    command: (decisionId, body) => ({
      type: 'RecordCheckIn',
      data: { decisionId, dueOn: body.dueOn, note: body.note },
    }),
  }),
  route({
    name: 'effectiveness',
    path: 'decisions/:decisionId/effectiveness',
    summary:
      'Оценить эффективность; «неэффективно» возвращает вопрос на ближайшее заседание и назначает повторную проверку связанных процедур (срок — recheckWindow)',
    body: EffectivenessDto,
    command: (decisionId, body) => ({
      type: 'AssessEffectiveness',
      data: {
        decisionId,
        verdict: body.verdict,
        indicator: body.indicator,
        assessedOn: body.assessedOn,
        ...(body.note !== undefined ? { note: body.note } : {}),
        // The procedures to re-check are the use case's, from the log; only their window is the client's.
        ...(body.recheckWindow
          ? { recheck: { of: [], window: { from: body.recheckWindow.from, to: body.recheckWindow.to } } }
          : {}),
      },
    }),
  }),
  route({
    name: 'withdraw',
    path: 'decisions/:decisionId/withdrawal',
    summary: 'Отменить решение (с причиной)',
    body: ReasonDto,
    command: (decisionId, body) => ({ type: 'WithdrawDecision', data: { decisionId, reason: body.reason } }),
  }),
];
