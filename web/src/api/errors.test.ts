import { describe, expect, it } from 'vitest';
import { ApiError, describeError, fieldErrors, toApiError } from './errors';

describe('errors from the API reach the person as the server wrote them', () => {
  it('keeps the code and the Russian message', () => {
    const e = toApiError(422, {
      statusCode: 422,
      code: 'DECISIONS_UNRESOLVED',
      message: 'Нельзя закрыть процедуру: не все решения исполнены',
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('DECISIONS_UNRESOLVED');
    expect(describeError(e)).toBe('Нельзя закрыть процедуру: не все решения исполнены');
  });

  it('gives each field its messages', () => {
    const e = toApiError(400, {
      code: 'VALIDATION_FAILED',
      message: 'Неверные данные запроса: meeting.heldOn',
      details: { fields: { 'meeting.heldOn': ['дата в формате ГГГГ-ММ-ДД'] } },
    });
    expect(fieldErrors(e)).toEqual({ 'meeting.heldOn': 'дата в формате ГГГГ-ММ-ДД' });
  });

  it('says something useful when the body is not ours or the network is down', () => {
    expect(toApiError(502, '<html>').message).toBe('Сервер не ответил; попробуйте ещё раз');
    expect(describeError(new TypeError('Failed to fetch'))).toBe(
      'Нет связи с сервером. Проверьте подключение и повторите.',
    );
  });
});
