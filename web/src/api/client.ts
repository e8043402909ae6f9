import createClient, { type Client } from 'openapi-fetch';
import { toApiError } from './errors';
import type { paths } from './schema';

export type Api = Client<paths>;

export interface ApiContext {
  token(): string | undefined;
  schoolId(): string | undefined;
  /** The server no longer accepts the session: it expired or was revoked. */
  onUnauthorized(): void;
}

/** The client generated from the API's OpenAPI document, with the session's headers on every request. */
export function createApi(context: ApiContext, baseUrl = window.location.origin): Api {
  const api = createClient<paths>({ baseUrl });
  api.use({
    onRequest({ request }) {
      const token = context.token();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      const school = context.schoolId();
      if (school && !request.headers.has('X-School-Id')) request.headers.set('X-School-Id', school);
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401 && !new URL(request.url).pathname.startsWith('/auth/login')) {
        context.onUnauthorized();
      }
      return response;
    },
  });
  return api;
}

/** openapi-fetch answers {data, error, response}; screens want the data or a thrown ApiError. */
export async function unwrap<T>(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error);
  return data as T;
}
