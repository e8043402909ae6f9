import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../../web/src/api/schema';

/** Where the API is and who the CLI acts as: a session token (VSOKO_TOKEN), else the development stand-in headers. */
export interface ApiOptions {
  api: string;
  token?: string;
  actor?: string;
  role?: string;
}

/** The one HTTP client of the CLI: typed by the API's own OpenAPI document (web/src/api/schema.d.ts). */
export type CliApi = Client<paths>;

// The API's answers are plain JSON checked by the server; the CLI reads the few fields it prints.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export function cliApi(options: ApiOptions): CliApi {
  const api = createClient<paths>({ baseUrl: options.api });
  const headers = actorHeaders(options);
  api.use({
    onRequest({ request }) {
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
      return request;
    },
  });
  return api;
}

export function actorHeaders(options: ApiOptions): Record<string, string> {
  if (options.token) return { Authorization: `Bearer ${options.token}` };
  if (options.actor && options.role) return { 'X-Actor-Id': options.actor, 'X-Actor-Role': options.role };
  return {};
}

/** A refusal with the API's stable code and Russian message. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(`${code ?? status}: ${message}`);
  }
}

/** The answer's JSON, or the API's refusal thrown; `accept` lists refusals that count as an answer (e.g. 409). */
export async function answer(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  accept: number[] = [],
): Promise<Json> {
  const { data, error, response } = await call;
  if (response.ok || accept.includes(response.status)) return (data ?? error ?? {}) as Json;
  const refusal = (error ?? {}) as Json;
  throw new ApiRefusal(response.status, refusal.code, refusal.message ?? response.statusText);
}

/**
 * A multipart body as the CLI builds it. The OpenAPI document describes the form's fields (file as binary);
 * openapi-fetch sends a FormData as it is, with its boundary.
 */
export function multipart(form: FormData): never {
  return form as never;
}
