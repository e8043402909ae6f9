// The dev stack's choices of embedded servers; infra/dev-stack reads these too (jest's globalSetup has no
// @vsoko aliases, so it imports this file by path), keep it free of dependencies.

/** Where the embedded read models live (`npm start`, tests): FerretDB on SQLite files, or on an embedded PostgreSQL. */
export const READ_BACKENDS = ['ferretdb-sqlite', 'ferretdb-pg'] as const;
