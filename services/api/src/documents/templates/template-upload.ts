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
import { PayloadTooLarge } from '@vsoko/domain';
import { catchError, type Observable, throwError } from 'rxjs';
import { DocumentRenderer } from '../shared/document-renderer';

/** Multer's own «file too large» in our words, with the configured limit (UPLOAD_MAX_BYTES). */
@Injectable()
export class TemplateTooLargeInterceptor implements NestInterceptor {
  constructor(private readonly renderer: DocumentRenderer) {}

  intercept(_: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { maxBytes } = this.renderer.limits;
    return next
      .handle()
      .pipe(
        catchError((e: unknown) =>
          throwError(() =>
            e instanceof PayloadTooLargeException
              ? new PayloadTooLarge(
                  'UPLOAD_TOO_LARGE',
                  `Файл шаблона больше ${Math.round(maxBytes / 1024 / 1024)} МБ: уменьшите его (уберите картинки)`,
                  { maxBytes },
                )
              : e,
          ),
        ),
      );
  }
}

/** The one `file` of a template upload, buffered by multer within DocumentsModule's limits. */
export const TemplateUpload = () =>
  applyDecorators(UseInterceptors(TemplateTooLargeInterceptor, FileInterceptor('file')));
