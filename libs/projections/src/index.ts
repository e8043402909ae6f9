export * from './projection';
export * from './mongo-projector';
export * from './procedures/procedure-document';
export * from './procedures/procedure-projection';

import { procedureProjection } from './procedures/procedure-projection';
import type { ProjectedDocument, Projection } from './projection';

/** Every read model the projector maintains. */
export const ALL_PROJECTIONS: ReadonlyArray<Projection<ProjectedDocument>> = [
  procedureProjection as unknown as Projection<ProjectedDocument>,
];
