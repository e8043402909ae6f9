import type { RecordedEvent } from '@vsoko/event-store';
import { contextFrom, factsOf, procedureIdOf, type ProcedureFacts } from './context';
import { eventsByDocument, foldDocument } from './fold';
import { collectionsOf, rollupsOf, type AnyProjection, type ProjectedDocument } from './projection';
import { RollupChanges } from './rollup';

/**
 * The same fold as the Projector, with every document in memory: projection specs use it, and a rebuild folds
 * the whole log here and then inserts the results, which FerretDB does ~25 times faster than updating in place.
 */
export class InMemoryProjector {
  readonly collections = new Map<string, Map<string, ProjectedDocument>>();
  private readonly facts = new Map<string, ProcedureFacts>();

  constructor(private readonly projections: readonly AnyProjection[]) {
    for (const { collection } of projections.flatMap(collectionsOf))
      if (!this.collections.has(collection)) this.collections.set(collection, new Map());
  }

  apply(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (event.type === 'ProcedureScheduled') this.facts.set(procedureIdOf(event) ?? '', factsOf(event));
    }
    const ctx = contextFrom(this.facts);
    for (const projection of this.projections) {
      const docs = this.collections.get(projection.collection)!;
      const rollups = rollupsOf(projection).map((r) => new RollupChanges(r));
      const onChange =
        rollups.length === 0
          ? undefined
          : (from: ProjectedDocument | null, to: ProjectedDocument | null, position: number) => {
              for (const rollup of rollups) rollup.record(from, to, position);
            };
      for (const [id, stream] of eventsByDocument(projection, events, ctx)) {
        const doc = foldDocument(projection, id, docs.get(id) ?? null, stream, ctx, onChange);
        const summaries = projection.summary && this.collections.get(projection.summary.collection)!;
        if (doc === null) {
          docs.delete(id);
          summaries?.delete(id);
        } else {
          docs.set(id, doc);
          summaries?.set(id, projection.summary!.of(doc));
        }
      }
      for (const rollup of rollups) {
        const rolled = this.collections.get(rollup.rollup.collection)!;
        for (const id of rollup.ids()) {
          const doc = rollup.fold(id, rolled.get(id) ?? null);
          if (doc) rolled.set(id, doc);
        }
      }
    }
  }
}
