import { Client, Connection } from '@temporalio/client';
import {
  academicYearBounds,
  academicYearOf,
  addDays,
  localDateOf,
  type Actor,
  type CommandContext,
  type ProcedureCommand,
} from '@vsoko/domain';
import { createEventStore, type EventStore } from '@vsoko/event-store';
import { procedureWorkflowId } from '@vsoko/workflows/procedure/definitions';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../../infra/dev-stack/paths';
import { ProcedureClient } from '../../../workflows/procedure/client';
import { nextTestNamespace } from '../namespaces';

const PROCEDURES = 24;
const TZ = 'Europe/Moscow';
const deputy: Actor = { id: 'ivanova', kind: 'user', role: 'deputy' };
const root = projectRoot();

/** The real worker service as a separate process, so it can be killed like a crashed production worker. */
function startWorker(env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const out = fs.openSync(log, 'a');
  return spawn(
    process.execPath,
    [path.join(root, 'infra/scripts/run-ts.js'), 'services/worker/src/main.ts'],
    {
      cwd: root,
      env,
      stdio: ['ignore', out, out],
    },
  );
}

describe('a worker killed with SIGKILL in the middle of lifecycles', () => {
  const namespace = nextTestNamespace();
  const dataDir = path.join(process.env.VSOKO_IT_DATA_DIR!, `crash-${randomUUID().slice(0, 8)}`);
  const log = path.join(dataDir, 'worker.log');
  const env = {
    ...process.env,
    TEMPORAL_NAMESPACE: namespace,
    VSOKO_DATA_DIR: dataDir,
    MONGODB_DB: `vsoko_crash_${randomUUID().slice(0, 8)}`,
  };
  let store: EventStore;
  let connection: Connection;
  let procedures: ProcedureClient;
  let client: Client;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    store = await createEventStore({ sqlitePath: path.join(dataDir, 'events.sqlite') });
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    client = new Client({ connection, namespace });
    procedures = new ProcedureClient(client);
  });

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await connection?.close();
    await store?.close();
  });

  it('loses no event and writes none twice; every procedure completes after a restart', async () => {
    const today = localDateOf(Date.now(), TZ);
    const year = academicYearOf(today);
    const end = academicYearBounds(year)!.to;
    const later = (days: number) => (addDays(today, days) < end ? addDays(today, days) : end);

    // Each step's command id is fixed, so a client retry after a failed call is the same command.
    const context = (procedureId: string, step: number): CommandContext => {
      const commandId = createHash('sha256').update(`${procedureId}:${step}`).digest('hex').slice(0, 32);
      return {
        commandId,
        actor: deputy,
        issuedAt: new Date().toISOString(),
        correlationId: procedureId,
        causationId: commandId,
        schoolId: 'school-1',
      };
    };
    const lifecycle = (id: string): ProcedureCommand[] => [
      {
        type: 'ScheduleProcedure',
        data: {
          procedureId: id,
          schoolId: 'school-1',
          academicYear: year,
          title: `Контроль ${id}`,
          direction: 'process',
          responsible: { role: 'deputy', name: 'Иванова А. П.' },
          window: { from: today, to: later(10) },
          timeZone: TZ,
        },
      },
      {
        type: 'MarkProcedurePerformed',
        data: {
          procedureId: id,
          performedOn: today,
          performedBy: { name: 'Иванова А. П.' },
          collected: ['Протоколы посещения уроков'],
        },
      },
      {
        type: 'RecordAnalysis',
        data: { procedureId: id, analysedOn: today, document: { title: 'Справка' }, findings: ['Норма'] },
      },
      {
        type: 'RecordDiscussion',
        data: { procedureId: id, meeting: { level: 'director-meeting', heldOn: today, protocolNumber: '7' } },
      },
      {
        type: 'AdoptDecisions',
        data: {
          procedureId: id,
          decisions: [
            {
              decisionId: 'd1',
              wording: 'Провести семинар',
              deadline: later(20),
              responsible: { role: 'deputy', name: 'Иванова А. П.' },
            },
          ],
        },
      },
      {
        type: 'ExecuteDecision',
        data: {
          procedureId: id,
          decisionId: 'd1',
          executedOn: today,
          evidence: { description: 'Семинар проведён' },
        },
      },
      { type: 'CloseProcedure', data: { procedureId: id } },
    ];

    const send = async (id: string, step: number, command: ProcedureCommand) => {
      for (let attempt = 1; ; attempt++) {
        try {
          const envelope = { command, context: context(id, step) };
          return step === 0 ? await procedures.start(id, envelope) : await procedures.execute(id, envelope);
        } catch (e) {
          // A call cut off by the crash is retried with the same command id; refusals would be real failures.
          if ((e as { kind?: string }).kind || attempt > 20) throw e;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    };

    worker = startWorker(env, log);
    const ids = Array.from({ length: PROCEDURES }, (_, i) => `crash-${i}-${randomUUID().slice(0, 6)}`);
    const drivers = ids.map(async (id) => {
      const commands = lifecycle(id);
      for (let step = 0; step < commands.length; step++) await send(id, step, commands[step]);
    });

    // Kill it once a third of the events are in the log: lifecycles are then at every stage.
    const total = PROCEDURES * 7;
    const t0 = Date.now();
    while ((await store.headPosition()) < total / 3) {
      if (Date.now() - t0 > 90_000)
        throw new Error(`worker made no progress; log: ${fs.readFileSync(log, 'utf8').slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const atKill = await store.headPosition();
    worker.kill('SIGKILL');
    await new Promise((r) => worker!.once('exit', r));
    worker = startWorker(env, log);

    await Promise.all(drivers);
    expect(atKill).toBeLessThan(total);

    for (const id of ids) {
      const events = await store.readStream(`procedure-${id}`);
      expect(events.map((e) => e.type)).toEqual([
        'ProcedureScheduled',
        'ProcedurePerformed',
        'AnalysisRecorded',
        'DiscussionRecorded',
        'DecisionsAdopted',
        'DecisionExecuted',
        'ProcedureClosed',
      ]);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      const result = await client.workflow.getHandle(procedureWorkflowId(id)).result();
      expect(result.status).toBe('closed');
    }
    expect(await store.headPosition()).toBe(total);
  }, 240_000);
});
