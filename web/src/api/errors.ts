/** An answer of the API that was not a success, with the server's own Russian message and stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  statusCode?: number;
  code?: string;
  message?: string | string[];
  details?: Record<string, unknown>;
}

/** The server's {statusCode, code, message} as an ApiError; a body of another shape still says what happened. */
export function toApiError(status: number, body: unknown): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  const message = Array.isArray(b.message) ? b.message.join('; ') : b.message;
  return new ApiError(
    status,
    b.code ?? `HTTP_${status}`,
    message ?? (status >= 500 ? 'Сервер не ответил; попробуйте ещё раз' : `Ошибка запроса (${status})`),
    b.details,
  );
}

/** Field-level messages of a 400 (details.fields: {"meeting.heldOn": ["дата в формате ГГГГ-ММ-ДД"]}). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields = error.details?.fields;
  if (typeof fields !== 'object' || fields === null) return {};
  return Object.fromEntries(
    Object.entries(fields as Record<string, unknown>).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.join('; ') : String(v),
    ]),
  );
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'Нет связи с сервером. Проверьте подключение и повторите.';
  return error instanceof Error ? error.message : String(error);
}
