import type { Client } from '@temporalio/client';
import type { EventStore } from '@vsoko/event-store';
import { procedureStreamName } from '@vsoko/domain';
import { procedureWorkflowId } from '@vsoko/workflows/procedure/definitions';
import { COMMANDS_PER_LIFECYCLE, EVENT_TYPES } from './lifecycle';
import { runPool } from './pool';

const COMPLETION_WAIT_MS = 30_000;

/**
 * What the run must have left behind, or its figures mean nothing: every procedure's workflow completed
 * `closed` with exactly the lifecycle's events in its stream, the log holds nothing else, and every trivial
 * workflow counted all its updates. Returns the log's head position; throws with the first problems found.
 */
export async function verifyRun(
  client: Client,
  store: EventStore,
  procedureIds: string[],
  trivialIds: string[],
): Promise<number> {
  const problems: string[] = [];
  const expected = EVENT_TYPES.join(',');
  await runPool(procedureIds.length, 32, async (i) => {
    const id = procedureIds[i];
    const types = (await store.readStream(procedureStreamName(id))).map((e) => e.type).join(',');
    if (types !== expected) problems.push(`${id}: события ${types || 'нет'}, ожидались ${expected}`);
    const state = await completed<{ status: string }>(client, procedureWorkflowId(id));
    if (state?.status !== 'closed') {
      problems.push(`${id}: workflow ${state ? `завершился в статусе ${state.status}` : 'не завершился'}`);
    }
  });
  await runPool(trivialIds.length, 32, async (i) => {
    const count = await completed<number>(client, trivialIds[i]);
    if (count !== COMMANDS_PER_LIFECYCLE) problems.push(`${trivialIds[i]}: ${count} обновлений`);
  });
  const head = await store.headPosition();
  const events = procedureIds.length * EVENT_TYPES.length;
  if (head !== events) problems.push(`в журнале ${head} событий, ожидалось ${events}`);
  if (problems.length > 0) {
    throw new Error(`прогон неверен (${problems.length}):\n${problems.slice(0, 20).join('\n')}`);
  }
  return head;
}

/** The workflow's result, or undefined if it has not completed within a few seconds of its last command. */
async function completed<T>(client: Client, workflowId: string): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>(
    (resolve) => (timer = setTimeout(() => resolve(undefined), COMPLETION_WAIT_MS)),
  );
  try {
    return await Promise.race([client.workflow.getHandle(workflowId).result() as Promise<T>, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
