import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { fileTooLarge } from '@vsoko/plan-import';
import { catchError, type Observable, throwError } from 'rxjs';
import { PlanParser } from './plan-parser';

/** Multer's own «file too large» in our words, with the configured limit. */
@Injectable()
export class UploadTooLargeInterceptor implements NestInterceptor {
  constructor(private readonly parser: PlanParser) {}

  intercept(_: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((e: unknown) =>
          throwError(() => (e instanceof PayloadTooLargeException ? fileTooLarge(this.parser.limits) : e)),
        ),
      );
  }
}

/**
 * The one `file` of a plan or template upload, buffered by multer within the limits of PlansModule's
 * MulterModule (bytes, fields, parts); the parsing itself happens in PlanParser's threads.
 */
export const PlanUpload = () =>
  applyDecorators(UseInterceptors(UploadTooLargeInterceptor, FileInterceptor('file')));
