import type { RecordedEvent } from '@vsoko/event-store';
import type { IndexDescription } from 'mongodb';
import type { ProjectionContext } from './context';
import type { AnyRollup, Rollup } from './rollup';

/** Every read-model document remembers the last log position folded into it, so replays change nothing. */
export interface ProjectedDocument {
  _id: string;
  _position: number;
}

/** The context an evolve step sees: the document it builds and the immutable facts of the procedure. */
export interface EvolveContext extends ProjectionContext {
  id: string;
}

/**
 * A read model as a pure function: which events it handles, which documents an event touches, and how each
 * document changes. The Mongo adapter applies it; nothing here does I/O.
 */
export interface Projection<Doc extends ProjectedDocument> {
  collection: string;
  handles: readonly string[];
  /** Ids of the documents the event changes; an event may touch several (DecisionsAdopted) or none. */
  documentIds(event: RecordedEvent, ctx: ProjectionContext): readonly string[];
  evolve(doc: Doc | null, event: RecordedEvent, ctx: EvolveContext): Doc | null;
  /**
   * Several events folded at once: exactly the document `evolve` would answer event by event (its `_position`
   * the last event that changed it), built once instead of once per event. Optional; the projector uses it for
   * a document's events of one batch (each above the document's `_position`, in log order) when no roll-up
   * listens to the steps between them.
   */
  evolveMany?(doc: Doc | null, events: readonly RecordedEvent[], ctx: EvolveContext): Doc | null;
  /** One index per query the API makes on this collection; created when the projector starts. */
  indexes: readonly IndexDescription[];
  /**
   * The name of the index (one of `indexes`) whose order the documents are stored in, for the query that reads
   * many documents together (a school's plan page): the SQLite store keys its table by that index's fields and
   * `_id`, so those documents lie side by side in the file. MongoDB clusters by `_id` only: there it is an
   * ordinary index.
   */
  cluster?: string;
  /**
   * Documents are written once and never change (one per event): the projector inserts them without reading
   * first, and a replayed insert is refused as a duplicate, which changes nothing.
   */
  immutable?: boolean;
  /** Fields that hold lists, matched by membership (`{personIds: 'x'}`: the list contains 'x'). */
  arrayFields?: readonly string[];
  /**
   * A smaller copy of each document, kept in a collection of its own for the queries (e.g. counts without the
   * list they are counted from). A pure function of the document: written with it, before it, so a replayed
   * batch that finds the document already written finds its summary written too.
   */
  summary?: { collection: string; of(doc: Doc): ProjectedDocument; indexes: readonly IndexDescription[] };
  /**
   * Pre-aggregated read models kept from this projection's documents, change by change (see `Rollup`): written
   * in the same batch, before the documents.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  rollups?: readonly Rollup<Doc, any>[];
}

/** What a store needs to know of a collection: its indexes and its list fields. */
export interface CollectionSpec {
  collection: string;
  indexes: readonly IndexDescription[];
  arrayFields?: readonly string[];
  /** The index the documents are stored in the order of (see `Projection.cluster`). */
  cluster?: string;
}

/** The collections a projection writes: its own, and its summary's. */
export function collectionsOf(projection: AnyProjection): CollectionSpec[] {
  const { collection, indexes, arrayFields, cluster, summary } = projection;
  return [
    { collection, indexes, arrayFields, ...(cluster ? { cluster } : {}) },
    ...(summary ? [summary] : []),
    ...rollupsOf(projection).map(({ collection, indexes }) => ({ collection, indexes })),
  ];
}

export function rollupsOf(projection: AnyProjection): readonly AnyRollup[] {
  return (projection.rollups ?? []) as readonly AnyRollup[];
}

// Projections are stored side by side whatever their document type; the projector works on the base type.
export type AnyProjection = Projection<ProjectedDocument>;

export function anyProjection<Doc extends ProjectedDocument>(projection: Projection<Doc>): AnyProjection {
  return projection as unknown as AnyProjection;
}
