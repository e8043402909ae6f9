import { formatDate } from '../format/dates';

/**
 * The stored Russian summary of an event as people read it on screen: dates in words («2 декабря 2026», not
 * «02.12.2026») and a decision named by its wording instead of its internal id («Решение d1 исполнено» →
 * «Решение «Провести педсовет» исполнено»). The summaries stay as recorded; only the screen words them.
 */
export function readableSummary(
  entry: { summary: string; data: unknown; decisionKeys?: string[] },
  wordings: ReadonlyMap<string, string>,
): string {
  const data = entry.data as { decisionId?: unknown; decisions?: unknown } | null;
  let text = entry.summary.replace(/\b(\d{2})\.(\d{2})\.(\d{4})\b/g, (_, d: string, m: string, y: string) =>
    formatDate(`${y}-${m}-${d}`),
  );
  const decisionId = typeof data?.decisionId === 'string' ? data.decisionId : undefined;
  if (decisionId) {
    const wording =
      (entry.decisionKeys ?? []).map((k) => wordings.get(k)).find((w): w is string => !!w) ??
      wordings.get(decisionId);
    text = named(text, decisionId, wording);
  }
  // A protocol's correction lists the decisions it touched (`decisions[].decisionId`).
  for (const d of Array.isArray(data?.decisions) ? (data.decisions as unknown[]) : []) {
    const id = (d as { decisionId?: unknown } | null)?.decisionId;
    if (typeof id === 'string') text = named(text, id, wordings.get(id));
  }
  return text;
}

/**
 * «решение <id>» as «решение «<wording>»», or as «решение» alone when the wording is not known or the sentence
 * quotes it already («Принято решение на заседании: «…»»).
 */
function named(text: string, decisionId: string, wording: string | undefined): string {
  const id = decisionId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const quote = wording && !text.includes(`«${wording}»`) ? ` «${wording}»` : '';
  return text.replace(
    new RegExp(`(решени[еюя]) ${id}(?=[\\s:,]|$)`, 'gi'),
    (_, word: string) => `${word}${quote}`,
  );
}
