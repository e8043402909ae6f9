import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { SqliteEventStore } from './src/sqlite/sqlite-event-store';
const metadata = {
  actor: { id: 'user-7', kind: 'user' as const, role: 'заместитель директора', name: 'Иванова А. П.' },
  occurredAt: '2025-10-01T09:00:00.000Z',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  schoolId: 'school-0042',
};
async function main() {
  for (let r = 0; r < 3; r++) {
    rmSync('/tmp/es-iter/prof', { recursive: true, force: true });
    const store = new SqliteEventStore({ path: '/tmp/es-iter/prof/e.sqlite' });
    const evs = Array.from({ length: 40000 }, (_, i) => ({
      id: randomUUID(),
      type: 'DecisionRecorded',
      data: {
        decisionId: randomUUID(),
        text: 'Провести методический семинар по результатам диагностической работы по математике',
        responsible: { id: 'user-12', name: 'Петров С. В.' },
        deadline: '2025-11-15',
        n: i,
      },
      metadata,
    }));
    const s = process.hrtime.bigint();
    const rev = new Map<string, number>();
    for (let i = 0; i < evs.length; i += 100) {
      const st = `procedure-${(i / 100) % 100}`;
      const res = await store.append(st, evs.slice(i, i + 100), rev.get(st) ?? 'no_stream');
      rev.set(st, res.nextExpectedRevision);
    }
    console.log((Number(process.hrtime.bigint() - s) / 1e3 / evs.length).toFixed(2), 'µs/event');
    await store.close();
  }
}
void main();
