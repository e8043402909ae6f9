import type { RecordedEvent } from '@vsoko/event-store';

/** Every read-model document remembers the last log position folded into it, so replays change nothing. */
export interface ProjectedDocument {
  _id: string;
  _position: number;
}

/**
 * A read model as a pure function: which events it handles, which document an event touches, and how the
 * document changes. The Mongo adapter applies it; nothing here does I/O.
 */
export interface Projection<Doc extends ProjectedDocument> {
  collection: string;
  handles: readonly string[];
  documentId(event: RecordedEvent): string | null;
  evolve(doc: Doc | null, event: RecordedEvent): Doc | null;
}
