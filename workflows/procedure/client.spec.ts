import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, RetryState } from '@temporalio/common';
import { Conflict, DomainRuleViolation, NotFound, Unavailable } from '../../libs/domain/src';
import { procedureError } from './client';
import { FAILURE_PREFIX } from './definitions';

const refusal = (kind: string, code: string, details: unknown = null) =>
  ApplicationFailure.create({
    type: FAILURE_PREFIX + kind,
    message: 'Сначала процедуру нужно провести',
    details: [code, details],
    nonRetryable: true,
  });

describe('a failed call to a procedure workflow, told as our error', () => {
  it('keeps the kind, code, message and details of a refusal that crossed Temporal', () => {
    const error = procedureError(
      new WorkflowUpdateFailedError('update failed', refusal('rule', 'STAGE_ORDER', { stage: 'performed' })),
      'p-1',
    );

    expect(error).toBeInstanceOf(DomainRuleViolation);
    expect(error).toMatchObject({
      code: 'STAGE_ORDER',
      message: 'Сначала процедуру нужно провести',
      details: { stage: 'performed' },
    });
  });

  it('is a conflict when the workflow reports one', () => {
    const error = procedureError(
      new WorkflowUpdateFailedError('x', refusal('conflict', 'REVISION_MISMATCH')),
      'p-1',
    );

    expect(error).toBeInstanceOf(Conflict);
    expect(error).toMatchObject({ code: 'REVISION_MISMATCH' });
  });

  it("is the log's conflict when the append activity was refused, whether it ran as a task or locally", () => {
    const refused = () => refusal('conflict', 'WRONG_EXPECTED_REVISION');
    const asTask = new ActivityFailure(
      'Activity task failed',
      'appendEvents',
      '5',
      RetryState.NON_RETRYABLE_FAILURE,
      'worker-1',
      refused(),
    );

    for (const cause of [asTask, refused()]) {
      const error = procedureError(new WorkflowUpdateFailedError('x', cause), 'p-1');
      expect(error).toBeInstanceOf(Conflict);
      expect(error).toMatchObject({ code: 'WRONG_EXPECTED_REVISION' });
    }
  });

  it('is PROCEDURE_NOT_FOUND when no workflow runs for the procedure', () => {
    const error = procedureError(new WorkflowNotFoundError('not found', 'procedure-p-1', undefined), 'p-1');

    expect(error).toBeInstanceOf(NotFound);
    expect(error).toMatchObject({ code: 'PROCEDURE_NOT_FOUND', message: 'Процедура p-1 не найдена' });
  });

  it('is COMMAND_TIMEOUT (unavailable) when the answer did not come in time', () => {
    const error = procedureError(new WorkflowUpdateRPCTimeoutOrCancelledError('timeout'), 'p-1');

    expect(error).toBeInstanceOf(Unavailable);
    expect(error).toMatchObject({ code: 'COMMAND_TIMEOUT' });
  });

  it('leaves a failure that is not ours as it is', () => {
    const foreign = ApplicationFailure.create({ type: 'SomethingElse', message: 'boom' });
    const plain = new Error('network down');

    expect(procedureError(new WorkflowUpdateFailedError('x', foreign), 'p-1')).toBe(foreign);
    expect(procedureError(plain, 'p-1')).toBe(plain);
  });
});
