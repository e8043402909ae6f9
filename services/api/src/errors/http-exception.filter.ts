import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { type ErrorKind, VsokoError } from '@vsoko/domain';
import type { Response } from 'express';

const STATUS: Record<ErrorKind, number> = {
  validation: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  'too-large': HttpStatus.PAYLOAD_TOO_LARGE,
};

/** Nest's own HTTP errors (unknown route, body too large, …) in our shape and in Russian. */
const NEST_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'Неверный запрос' },
  401: { code: 'UNAUTHORIZED', message: 'Требуется вход в систему' },
  403: { code: 'FORBIDDEN', message: 'Недостаточно прав' },
  404: { code: 'NOT_FOUND', message: 'Ресурс не найден' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Слишком большой запрос' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Неподдерживаемый формат данных' },
  429: { code: 'TOO_MANY_REQUESTS', message: 'Слишком много запросов, повторите позже' },
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** The one place where errors become HTTP answers: {statusCode, code, message, details}. */
@Catch()
export class VsokoExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', '1');
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof VsokoError) {
      return {
        statusCode: STATUS[exception.kind],
        code: exception.code,
        message: exception.message,
        details: exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const known = NEST_ERRORS[status] ?? { code: `HTTP_${status}`, message: 'Ошибка запроса' };
      return { statusCode: status, ...known };
    }
    const err = exception as { status?: number };
    // Other Express-level refusals carry a 4xx status of their own.
    if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      const known = NEST_ERRORS[err.status] ?? { code: `HTTP_${err.status}`, message: 'Ошибка запроса' };
      return { statusCode: err.status, ...known };
    }
    return {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Внутренняя ошибка сервера; попробуйте ещё раз позже',
    };
  }
}
