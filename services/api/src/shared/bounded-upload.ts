import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  mixin,
  type NestInterceptor,
  PayloadTooLargeException,
  type Type,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor, MulterModule } from '@nestjs/platform-express';
import type { VsokoConfig } from '@vsoko/config';
import { catchError, type Observable, throwError } from 'rxjs';
import { CONFIG } from '../infrastructure/tokens';

type UploadLimits = VsokoConfig['uploadLimits'];

/**
 * Multer's bounds for a module's uploads: one file of at most UPLOAD_MAX_BYTES, and the form's own text fields.
 * Expanded bytes and archive entries are bounded where the file is read, in the parsing threads.
 */
export function boundedUploads(form: { fields: number; fieldSize: number; parts: number }) {
  return MulterModule.registerAsync({
    inject: [CONFIG],
    useFactory: (config: VsokoConfig) => ({
      limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, ...form },
    }),
  });
}

/**
 * The one `file` of an upload, buffered by multer within its module's `boundedUploads`; multer's own «file too
 * large» is answered in our words by `tooLarge`, with the configured limits.
 */
export function BoundedUpload(tooLarge: (limits: UploadLimits) => Error) {
  return applyDecorators(UseInterceptors(tooLargeInterceptor(tooLarge), FileInterceptor('file')));
}

function tooLargeInterceptor(tooLarge: (limits: UploadLimits) => Error): Type<NestInterceptor> {
  @Injectable()
  class UploadTooLargeInterceptor implements NestInterceptor {
    constructor(@Inject(CONFIG) private readonly config: VsokoConfig) {}

    intercept(_: ExecutionContext, next: CallHandler): Observable<unknown> {
      return next
        .handle()
        .pipe(
          catchError((e: unknown) =>
            throwError(() =>
              e instanceof PayloadTooLargeException ? tooLarge(this.config.uploadLimits) : e,
            ),
          ),
        );
    }
  }
  return mixin(UploadTooLargeInterceptor);
}
