import type { RecordedEvent } from '@vsoko/event-store';
import type { ProjectionContext } from './context';
import type { AnyProjection, EvolveContext, ProjectedDocument } from './projection';

/** The ids of the documents a batch touches, each with its events in log order. */
export function eventsByDocument(
  projection: AnyProjection,
  events: readonly RecordedEvent[],
  ctx: ProjectionContext,
): Map<string, RecordedEvent[]> {
  const byId = new Map<string, RecordedEvent[]>();
  const handles = handledBy(projection);
  for (const event of events) {
    if (!handles.has(event.type)) continue;
    for (const id of projection.documentIds(event, ctx)) {
      const stream = byId.get(id);
      if (stream) stream.push(event);
      else byId.set(id, [event]);
    }
  }
  return byId;
}

/**
 * Folds one document's events into it. An event at or below the document's `_position` was folded already (a
 * replayed batch) and is skipped; a change stamps the document with the event's position. `onChange` hears each
 * step that changed the document (the roll-ups count them).
 */
export function foldDocument(
  projection: AnyProjection,
  id: string,
  before: ProjectedDocument | null,
  events: readonly RecordedEvent[],
  ctx: ProjectionContext,
  onChange?: (before: ProjectedDocument | null, after: ProjectedDocument | null, position: number) => void,
): ProjectedDocument | null {
  let doc = before;
  // Not `{ ...ctx, id }`: a key added after a spread takes V8's slow path, once per document.
  const evolveCtx: EvolveContext = Object.assign({}, ctx, { id });
  if (!onChange && projection.evolveMany) {
    // Positions rise through the events and a step moves `_position` only up to its own event's: the events
    // past the stored document's position are exactly those the step-by-step loop below would fold.
    const fresh = before ? events.filter((e) => e.position > before._position) : events;
    return fresh.length === 0 ? before : projection.evolveMany(before, fresh, evolveCtx);
  }
  for (const event of events) {
    if (doc && event.position <= doc._position) continue;
    const previous = doc;
    const next = projection.evolve(doc, event, evolveCtx);
    // A document the step built for this event carries its position already: no second copy of it.
    doc =
      next === null || next === doc || next._position === event.position
        ? next
        : { ...next, _position: event.position };
    if (onChange && doc !== previous) onChange(previous, doc, event.position);
  }
  return doc;
}

const HANDLED = new WeakMap<AnyProjection, ReadonlySet<string>>();

/** The event types a projection handles, as a set (looked up once per event and projection). */
function handledBy(projection: AnyProjection): ReadonlySet<string> {
  let set = HANDLED.get(projection);
  if (!set) HANDLED.set(projection, (set = new Set(projection.handles)));
  return set;
}
