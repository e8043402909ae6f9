import { StreamableFile, type CallHandler, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import type { Request } from 'express';
import { firstValueFrom, of } from 'rxjs';
import { JsonListPage } from '../read-models/json-page';
import { attachPrincipal } from './principal-store';
import { TenantResponseInterceptor } from './tenant-response.interceptor';

function call(body: unknown, readableSchools: Principal['readableSchools'] | null) {
  const request = {} as Request;
  if (readableSchools)
    attachPrincipal(request, {
      kind: 'user',
      id: 'u',
      roles: [],
      allRoles: [],
      permissions: [],
      readableSchools,
      via: 'session',
    });
  const context = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }),
  } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of(body) };
  return firstValueFrom(new TenantResponseInterceptor().intercept(context, next));
}

/** What a JSON page answers: its bytes, sent as JSON. */
async function sent(answer: unknown): Promise<string> {
  expect(answer).toBeInstanceOf(StreamableFile);
  const file = answer as StreamableFile;
  expect(file.getHeaders().type).toBe('application/json; charset=utf-8');
  const chunks: Buffer[] = [];
  for await (const chunk of file.getStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const doc = (id: string, schoolId?: string) => ({
  _id: id,
  ...(schoolId ? { schoolId } : {}),
  title: `«${id}»`,
});
const page = (docs: ReturnType<typeof doc>[]) =>
  new JsonListPage(
    docs.map((d) => ({ json: Buffer.from(JSON.stringify(d)), schoolId: d.schoolId ?? null })),
    { page: 1, pageSize: 50, total: docs.length, nextCursor: null },
  );

describe('TenantResponseInterceptor', () => {
  it('answers a page of JSON text as the JSON an object page answers, keys in the same order', async () => {
    const docs = [doc('a', 'school-a'), doc('b')];
    const text = await sent(await call(page(docs), 'any'));
    expect(text).toBe(JSON.stringify({ items: docs, page: 1, pageSize: 50, total: 2, nextCursor: null }));
  });

  it('drops the items of schools the caller may not read from a page of text, as from objects', async () => {
    const docs = [doc('a', 'school-a'), doc('b', 'school-b'), doc('c')];
    const expected = { items: [docs[0], docs[2]], page: 1, pageSize: 50, total: 3, nextCursor: null };
    expect(JSON.parse(await sent(await call(page(docs), ['school-a'])))).toEqual(expected);
    const objects = { items: docs, page: 1, pageSize: 50, total: 3, nextCursor: null };
    expect(await call(objects, ['school-a'])).toEqual(expected);
  });

  it('answers the text of a page by cursor, and without a principal', async () => {
    const cursorPage = new JsonListPage([], { pageSize: 20, nextCursor: null });
    expect(await sent(await call(cursorPage, null))).toBe('{"items":[],"pageSize":20,"nextCursor":null}');
  });
});
