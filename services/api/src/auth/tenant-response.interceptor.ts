import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { canRead, type Principal } from '@vsoko/accounts';
import { NotFound } from '@vsoko/domain';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import { JsonBody, JsonListPage } from '../read-models/json-page';
import { principalOf } from './principal-store';

/**
 * Defence in depth for reads: whatever a handler returns, a document of a school the caller may not read
 * becomes 404 (its existence is not revealed) and such elements are dropped from lists (`[…]` or `{items: […]}`).
 * Query handlers should filter by school themselves; this catches the one that forgets. A list page of the
 * store's JSON text (`JsonListPage`) is checked by its items' schools alone and answered as that text; a body of
 * JSON text (`JsonBody`) was checked by its use case and is answered as it is.
 */
@Injectable()
export class TenantResponseInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      map((body: unknown) => {
        const principal = principalOf(request);
        const shown = principal ? visible(body, principal) : body;
        // Bytes go out as they are (an object would be stringified, a Buffer as `{type, data}`).
        if (shown instanceof JsonListPage) return json(shown.body());
        return shown instanceof JsonBody ? json(shown.json) : shown;
      }),
    );
  }
}

const json = (bytes: Buffer) => new StreamableFile(bytes, { type: 'application/json; charset=utf-8' });

function visible(body: unknown, principal: Principal): unknown {
  if (body instanceof JsonBody) return body;
  if (body instanceof JsonListPage)
    return body.filter((schoolId) => schoolId === null || canRead(principal, schoolId));
  if (Array.isArray(body)) return body.filter((item) => readable(item, principal));
  if (!body || typeof body !== 'object') return body;
  if (!readable(body, principal)) throw new NotFound('NOT_FOUND', 'Ресурс не найден');
  const items = (body as { items?: unknown }).items;
  if (Array.isArray(items)) return { ...body, items: items.filter((item) => readable(item, principal)) };
  return body;
}

function readable(item: unknown, principal: Principal): boolean {
  if (!item || typeof item !== 'object') return true;
  const schoolId = (item as { schoolId?: unknown }).schoolId;
  return typeof schoolId !== 'string' || canRead(principal, schoolId);
}
