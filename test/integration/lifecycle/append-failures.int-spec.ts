import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import {
  academicYearBounds,
  academicYearOf,
  addDays,
  localDateOf,
  metadataFor,
  type Actor,
  type CommandContext,
  type ProcedureCommand,
} from '@vsoko/domain';
import { createEventStore, type EventStore } from '@vsoko/event-store';
import { procedureWorkflowId } from '@vsoko/workflows/procedure/definitions';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProcedureClient } from '../../../workflows/procedure/client';
import { createProcedureWorker } from '../../../services/worker/src/create-worker';
import { nextTestNamespace } from '../namespaces';

const TZ = 'Europe/Moscow';
const deputy: Actor = { id: 'ivanova', kind: 'user', role: 'deputy' };

/** The real event log, whose appends can be made to fail for a while, as an unreachable store would. */
function flakyStore(store: EventStore) {
  let downUntil = 0;
  let refused = 0;
  const flaky = new Proxy(store, {
    get(target, prop) {
      if (prop === 'append') {
        return (...args: Parameters<EventStore['append']>) => {
          if (Date.now() < downUntil) {
            refused++;
            return Promise.reject(new Error('event store unreachable (test outage)'));
          }
          return target.append(...args);
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { flaky, downFor: (ms: number) => (downUntil = Date.now() + ms), refused: () => refused };
}

/**
 * What a command's caller sees when the append of its events fails, on the real dev server and the real worker
 * (the append is a local activity of the update's workflow task since patch `append-local-activity`, an activity
 * task before it): an outage of the event log holds the command until the log is back and writes it once; an
 * append the log refuses (another writer got in) fails that command with the log's conflict, which the API
 * answers 409, and leaves the workflow running.
 */
describe('a command whose append fails (dev server)', () => {
  const namespace = nextTestNamespace();
  const dataDir = path.join(process.env.VSOKO_IT_DATA_DIR!, `append-${randomUUID().slice(0, 8)}`);
  let store: EventStore;
  let flaky: ReturnType<typeof flakyStore>;
  let connection: Connection;
  let native: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let procedures: ProcedureClient;

  beforeAll(async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    store = await createEventStore({ sqlitePath: path.join(dataDir, 'events.sqlite') });
    flaky = flakyStore(store);
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    native = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    worker = await createProcedureWorker({ connection: native, namespace, store: flaky.flaky });
    running = worker.run();
    procedures = new ProcedureClient(new Client({ connection, namespace }));
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await native?.close();
    await connection?.close();
    await store?.close();
  });

  const context = (): CommandContext => {
    const commandId = randomUUID();
    return {
      commandId,
      actor: deputy,
      issuedAt: new Date().toISOString(),
      correlationId: commandId,
      causationId: commandId,
      schoolId: 'school-1',
    };
  };
  const schedule = (id: string): ProcedureCommand => {
    const today = localDateOf(Date.now(), TZ);
    const end = academicYearBounds(academicYearOf(today))!.to;
    return {
      type: 'ScheduleProcedure',
      data: {
        procedureId: id,
        schoolId: 'school-1',
        academicYear: academicYearOf(today),
        title: `Контроль ${id}`,
        direction: 'process',
        responsible: { role: 'deputy', name: 'Иванова А. П.' },
        window: { from: today, to: addDays(today, 10) < end ? addDays(today, 10) : end },
        timeZone: TZ,
      },
    };
  };
  const performed = (id: string): ProcedureCommand => ({
    type: 'MarkProcedurePerformed',
    data: {
      procedureId: id,
      performedOn: localDateOf(Date.now(), TZ),
      performedBy: { name: 'Иванова А. П.' },
      collected: ['Протоколы посещения уроков'],
    },
  });

  it('holds the command through an outage of the event log longer than a workflow task, and writes it once', async () => {
    const id = `outage-${randomUUID().slice(0, 8)}`;
    await procedures.start(id, { command: schedule(id), context: context() });

    // Longer than the workflow task's 10-second timeout: the worker keeps the task alive while it retries.
    flaky.downFor(12_000);
    const envelope = { command: performed(id), context: context() };
    const outcome = await procedures.execute(id, envelope);

    expect(flaky.refused()).toBeGreaterThan(1);
    expect(outcome).toMatchObject({ revision: 1, eventTypes: ['ProcedurePerformed'] });
    // Sent again (a client that gave up waiting): the first outcome, nothing written twice.
    expect(await procedures.execute(id, envelope)).toEqual(outcome);
    const events = await store.readStream(`procedure-${id}`);
    expect(events.map((e) => e.type)).toEqual(['ProcedureScheduled', 'ProcedurePerformed']);
  }, 120_000);

  it("fails the command with the log's conflict when another writer got in, and the workflow goes on", async () => {
    const id = `conflict-${randomUUID().slice(0, 8)}`;
    await procedures.start(id, { command: schedule(id), context: context() });
    // Behind the workflow's back: the stream moves on without it.
    await store.append(
      `procedure-${id}`,
      [
        {
          id: randomUUID(),
          type: 'ProcedureNoted',
          data: { procedureId: id },
          metadata: metadataFor(context()),
        },
      ],
      0,
    );

    const failed = await procedures.execute(id, { command: performed(id), context: context() }).then(
      () => undefined,
      (e: unknown) => e,
    );

    // What the API answers 409 with: the log's own code, through the failure the activity reported.
    expect(failed).toMatchObject({ kind: 'conflict', code: 'WRONG_EXPECTED_REVISION' });
    const handle = new Client({ connection, namespace }).workflow.getHandle(procedureWorkflowId(id));
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await handle.terminate('test over');
  }, 120_000);
});
