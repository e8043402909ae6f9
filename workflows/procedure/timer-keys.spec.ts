import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  evolve,
  initialState,
  pendingTimers,
  type ProcedureEvent,
  type ProcedureState,
  type TimerKind,
} from '../../libs/domain/src';
import { policyOf, timerKey } from './timer-policy';

const dir = path.join(__dirname, 'histories');

interface Payload {
  data: string;
}
interface HistoryEvent {
  activityTaskScheduledEventAttributes?: { activityType: { name: string }; input: { payloads: Payload[] } };
  markerRecordedEventAttributes?: { markerName: string };
}
interface Append {
  streamName: string;
  events: ProcedureEvent[];
  context: { commandId: string; issuedAt: string };
}

const decode = (p: Payload) => JSON.parse(Buffer.from(p.data, 'base64').toString('utf8')) as unknown;

/** Every append a recorded run made, in order, as the workflow asked for it. */
function appendsOf(file: string): { appends: Append[]; chains: boolean } {
  const history = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { events: HistoryEvent[] };
  const appends = history.events
    .map((e) => e.activityTaskScheduledEventAttributes)
    .filter((a) => a?.activityType.name === 'appendEvents')
    .map((a) => decode(a!.input.payloads[0]) as Append);
  const chains = history.events.some((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch');
  return { appends, chains: chains && file.includes('.escalation-chains.') };
}

const TIMER_KINDS: Record<TimerKind, true> = {
  'stage-overdue': true,
  'decision-reminder': true,
  'decision-overdue': true,
  escalation: true,
  'preparation-reminder': true,
};
const TIMER_ID = new RegExp(`^timer:[^:]+:(${Object.keys(TIMER_KINDS).join('|')}):`);

/**
 * The timer builder against the runs recorded in `histories/`: before each append a timer made, the state folded
 * from the appends before it asks for exactly that timer first — same kind, same instant, same key, so the same
 * command id. A change of the builder that moved an instant or renamed a key fails here, though the replay of the
 * history itself (which checks commands, not their arguments) would pass.
 */
describe('recorded timers are the timers the current builder gives', () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  const fired = new Map<string, number>();

  it.each(files)('%s', (file) => {
    const { appends, chains } = appendsOf(file);
    let state: ProcedureState = initialState;
    let count = 0;
    for (const append of appends) {
      if (TIMER_ID.test(append.context.commandId)) {
        const procedureId = append.streamName.replace(/^procedure-/, '');
        const hasChase = 'chase' in state && state.chase !== undefined;
        const [next] = pendingTimers(state, policyOf(state, chains && hasChase));
        expect(next).toBeDefined();
        expect(`timer:${procedureId}:${timerKey(next)}`).toBe(append.context.commandId);
        expect(next.at <= append.context.issuedAt).toBe(true);
        count++;
      }
      state = append.events.reduce(evolve, state);
    }
    fired.set(file, count);
  });

  it('checked timers of both kinds of run: without a chase (reminders, lateness, one escalation) and along a chain', () => {
    expect(fired.get('lifecycle-closed.json')).toBeGreaterThanOrEqual(3);
    expect(fired.get('lifecycle-chain.escalation-chains.json')).toBeGreaterThanOrEqual(6);
  });
});
