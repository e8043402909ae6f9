/**
 * Each integration test file runs its workflows in a Temporal namespace of its own, so timers and activities
 * left running by one file can never reach another file's event log. The dev server creates them at launch.
 */
export const TEST_NAMESPACES = Array.from({ length: 40 }, (_, i) => `it-${i + 1}`);

/** The next unused namespace of this run (files run in band, in one process, so the counter is shared). */
export function nextTestNamespace(): string {
  const used = Number(process.env.VSOKO_IT_NAMESPACES_USED ?? '0');
  process.env.VSOKO_IT_NAMESPACES_USED = String(used + 1);
  return TEST_NAMESPACES[used % TEST_NAMESPACES.length];
}
