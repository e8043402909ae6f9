/** Types of postgres.js for the TypeScript dev stack. */
export function ensurePostgres(): string;
export function findPostgresBin(): string | undefined;
export function postgresWanted(env?: NodeJS.ProcessEnv): boolean;
