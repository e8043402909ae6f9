import { ApplicationFailure } from '@temporalio/common';
import { Mutex } from 'async-mutex';
import { decide, initialState, type ProcedureCommand, type ProcedureEvent } from '../../libs/domain/src';
import { actors, ctx, scheduledData, userCommands } from '../../libs/domain/src/procedure/testing/fixtures';
import type { AppendInput, AppendOutput } from './activities';
import { CommandRunner } from './command-runner';
import type { CommandEnvelope } from './definitions';

const schedule: ProcedureCommand = { type: 'ScheduleProcedure', data: scheduledData };
const performed = userCommands.performed as ProcedureCommand;
const envelope = (
  command: ProcedureCommand,
  commandId: string,
  expectedRevision?: number,
): CommandEnvelope => ({
  command,
  context: { ...ctx(actors.deputy), commandId },
  ...(expectedRevision === undefined ? {} : { expectedRevision }),
});

/** The append activity as the runner sees it: a log of calls, and a way to hold one back. */
function fakeLog() {
  const appended: AppendInput[] = [];
  let hold: Promise<void> | undefined;
  return {
    appended,
    holdNext(): () => void {
      let release!: () => void;
      hold = new Promise((r) => (release = r));
      return release;
    },
    async append(input: AppendInput): Promise<AppendOutput> {
      appended.push(input);
      const held = hold;
      hold = undefined;
      if (held) await held;
      return { revision: input.expectedRevision + input.events.length, position: 100 + appended.length };
    },
  };
}

function runnerWith(log = fakeLog()) {
  const recorded: Array<[string, number]> = [];
  const runner = new CommandRunner({
    streamName: 'procedure-p-vpr-4',
    lock: new Mutex(),
    append: (input) => log.append(input),
    recorded: (event: ProcedureEvent, revision) => recorded.push([event.type, revision]),
  });
  return { runner, log, recorded };
}

async function failureOf(work: () => unknown): Promise<{ type?: string; code?: string }> {
  try {
    await work();
  } catch (e) {
    expect(e).toBeInstanceOf(ApplicationFailure);
    const failure = e as ApplicationFailure;
    return { type: failure.type ?? undefined, code: (failure.details as [string])[0] };
  }
  throw new Error('expected a failure');
}

describe('CommandRunner', () => {
  describe('a procedure not yet scheduled', () => {
    it('appends what the decider decided at revision -1, folds it and reports each recorded event', async () => {
      const { runner, log, recorded } = runnerWith();

      const outcome = await runner.execute(envelope(schedule, 'c1'));

      expect(outcome).toEqual({ revision: 0, position: 101, eventTypes: ['ProcedureScheduled'] });
      expect(log.appended[0]).toMatchObject({ streamName: 'procedure-p-vpr-4', expectedRevision: -1 });
      expect(runner.state.status).toBe('scheduled');
      expect(recorded).toEqual([['ProcedureScheduled', 0]]);
    });

    it('refuses a stage command with the kind and code the decider gives, and appends nothing', async () => {
      const { runner, log } = runnerWith();
      const expected = (() => {
        try {
          decide(performed, initialState, ctx(actors.deputy));
        } catch (e) {
          return e as { kind: string; code: string };
        }
        throw new Error('the decider accepted it');
      })();

      expect(await failureOf(() => runner.execute(envelope(performed, 'c1')))).toEqual({
        type: `vsoko:${expected.kind}`,
        code: expected.code,
      });
      expect(await failureOf(() => runner.validate(envelope(performed, 'c1')))).toMatchObject({
        code: expected.code,
      });
      expect(log.appended).toEqual([]);
    });
  });

  describe('a scheduled procedure', () => {
    let setup: ReturnType<typeof runnerWith>;
    beforeEach(async () => {
      setup = runnerWith();
      await setup.runner.execute(envelope(schedule, 'c1'));
    });

    it('answers a repeated command id with its first outcome without appending again', async () => {
      const first = await setup.runner.execute(envelope(performed, 'c2'));
      const again = await setup.runner.execute(envelope(performed, 'c2'));

      expect(again).toEqual(first);
      expect(setup.log.appended).toHaveLength(2);
      expect(() => setup.runner.validate(envelope(performed, 'c2'))).not.toThrow();
    });

    it('refuses a command made against another revision with REVISION_MISMATCH', async () => {
      expect(await failureOf(() => setup.runner.execute(envelope(performed, 'c2', 5)))).toEqual({
        type: 'vsoko:conflict',
        code: 'REVISION_MISMATCH',
      });
      expect(await failureOf(() => setup.runner.validate(envelope(performed, 'c2', 5)))).toMatchObject({
        code: 'REVISION_MISMATCH',
      });
      expect(setup.log.appended).toHaveLength(1);
    });

    it('takes a command made against the current revision', async () => {
      const outcome = await setup.runner.execute(envelope(performed, 'c2', 0));

      expect(outcome).toMatchObject({ revision: 1, eventTypes: ['ProcedurePerformed'] });
    });

    it('runs one command at a time: one that waited and the rules now refuse is a concurrency conflict', async () => {
      const release = setup.log.holdNext();
      const first = setup.runner.execute(envelope(userCommands.cancel as ProcedureCommand, 'c2'));
      const second = setup.runner.execute(envelope(performed, 'c3'));
      await new Promise((settle) => setImmediate(settle));
      // The first is appending; the second waits for the lock and has appended nothing.
      expect(setup.log.appended).toHaveLength(2);

      release();

      expect(await first).toMatchObject({ revision: 1 });
      expect(await failureOf(() => second)).toEqual({
        type: 'vsoko:conflict',
        code: 'CONCURRENT_MODIFICATION',
      });
      expect(setup.log.appended).toHaveLength(2);
    });

    it('carries its state, revision and remembered outcomes into a new run', async () => {
      const first = await setup.runner.execute(envelope(performed, 'c2'));
      const next = new CommandRunner({
        streamName: 'procedure-p-vpr-4',
        carried: setup.runner.carry(),
        lock: new Mutex(),
        append: () => Promise.reject(new Error('must not append')),
        recorded: () => undefined,
      });

      expect(next.snapshot()).toEqual(setup.runner.snapshot());
      expect(await next.execute(envelope(performed, 'c2'))).toEqual(first);
    });
  });
});
