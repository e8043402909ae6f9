import { HttpException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ValidationFailed } from '@vsoko/domain';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { screenJson } from './screen-json';

export interface JsonBodyLimits {
  maxBytes: number;
  maxDepth: number;
}

/**
 * Parses JSON bodies (body-parser, `maxBytes` at most) and screens them (screenJson) before any guard, pipe
 * or handler sees them. The parser's refusals become our own errors here: Nest would turn a parse failure into
 * a bare 400 BAD_REQUEST before the exception filter could tell it apart.
 */
export function useJsonBody(app: NestExpressApplication, limits: JsonBodyLimits): void {
  app.useBodyParser('json', { limit: limits.maxBytes });
  app.use(parserRefusal);
  app.use(screen(limits.maxDepth));
}

const parserRefusal: ErrorRequestHandler = (error: unknown, _req, _res, next) => {
  const { type, status } = error as { type?: string; status?: number };
  if (type === 'entity.parse.failed') {
    return next(new ValidationFailed('MALFORMED_JSON', 'Тело запроса не является корректным JSON'));
  }
  next(typeof status === 'number' && status >= 400 && status < 500 ? new HttpException('', status) : error);
};

const screen =
  (maxDepth: number): RequestHandler =>
  (req, _res, next) => {
    try {
      screenJson(req.body, maxDepth);
      next();
    } catch (refused) {
      next(refused);
    }
  };
