import type { Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

const ANSWERS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_HTTP_REQUEST', message: 'Запрос не является корректным HTTP-запросом' },
  408: { code: 'REQUEST_TIMEOUT', message: 'Запрос не был получен полностью вовремя' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Слишком большой запрос' },
  431: { code: 'HEADERS_TOO_LARGE', message: 'Заголовки запроса слишком велики' },
};

const STATUS_BY_ERROR: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
};

/**
 * Requests Node's HTTP parser refuses never reach Express; Node answers them with an empty body. This answers
 * them in the API's own shape, {statusCode, code, message}, in Russian.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = STATUS_BY_ERROR[error.code ?? ''] ?? 400;
    const body = JSON.stringify({ statusCode: status, ...ANSWERS[status] });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
