// The dev stack's choices of embedded servers; infra/dev-stack reads these too (jest's globalSetup has no
// @vsoko aliases, so it imports this file by path), keep it free of dependencies.

/** Where the embedded read models live (`npm start`, tests): FerretDB on SQLite files, or on an embedded PostgreSQL. */
export const READ_BACKENDS = ['ferretdb-sqlite', 'ferretdb-pg'] as const;

/**
 * Where the projector writes the read models and the API reads them: an SQLite file in the data folder (the
 * embedded default, ADR 0008), or the MongoDB of MONGODB_URL (production; FerretDB in development).
 */
export const READ_MODEL_STORES = ['sqlite', 'mongodb'] as const;

/** The embedded workflow engine: the Temporal CLI's dev server (SQLite), or the Temporal server on PostgreSQL. */
export const TEMPORAL_BACKENDS = ['dev', 'postgres'] as const;
