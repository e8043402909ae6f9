import { Inject, Injectable } from '@nestjs/common';
import { ValidationFailed } from '@vsoko/domain';
import {
  type FindQuery,
  type JsonDocument,
  type ProjectedDocument,
  type ReadStore,
  type Scalar,
  type SortSpec,
  type Where,
} from '@vsoko/projections';
import { READ_STORE } from '../infrastructure/tokens';
import { JsonListPage, type JsonItem } from './json-page';
import type { PageQueryDto } from './page-query.dto';
import { ProjectionWaiter } from './projection-waiter';

/** The read models through the store the configuration names; one page at a time, after read-your-writes. */
@Injectable()
export class ReadModelReader {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async waitFor(query: Pick<PageQueryDto, 'waitForPosition' | 'timeoutMs'>): Promise<void> {
    if (query.waitForPosition !== undefined)
      await this.waiter.waitFor(query.waitForPosition, query.timeoutMs);
  }

  /**
   * One page of a list: by number with the list's total, or — given `cursor` — by keyset, right after the page
   * the cursor came from, without counting (the cost of a page then stays that of a page however long the list).
   * Either answer carries `nextCursor`. The documents stay the store's JSON text (`JsonListPage`).
   */
  async page<T extends ProjectedDocument>(
    collection: string,
    where: Where,
    sort: SortSpec,
    query: PageQueryDto,
  ): Promise<JsonListPage<T>> {
    await this.waitFor(query);
    // The id breaks ties, so that a cursor names one place in the order.
    const order: SortSpec = '_id' in sort ? sort : { ...sort, _id: 1 };
    // The school of each item, for the response's check, then the sort values, for the next page's cursor.
    const fields = ['schoolId', ...Object.keys(order)];
    const { pageSize } = query;
    if (query.cursor !== undefined) {
      const after = query.cursor === '' ? undefined : decodeCursor(query.cursor, order);
      const docs = await this.store.findJson(
        collection,
        { where, sort: order, limit: pageSize, ...(after ? { after } : {}) },
        fields,
      );
      return new JsonListPage<T>(items(docs), { pageSize, nextCursor: nextCursor(docs, pageSize) });
    }
    const [docs, total] = await Promise.all([
      this.store.findJson(
        collection,
        { where, sort: order, skip: (query.page - 1) * pageSize, limit: pageSize },
        fields,
      ),
      this.store.count(collection, where),
    ]);
    const last = (query.page - 1) * pageSize + docs.length >= total;
    return new JsonListPage<T>(items(docs), {
      page: query.page,
      pageSize,
      total,
      nextCursor: last ? null : nextCursor(docs, pageSize),
    });
  }

  get<T extends ProjectedDocument>(collection: string, id: string): Promise<T | null> {
    return this.store.get<T>(collection, id);
  }

  find<T extends ProjectedDocument>(collection: string, query: FindQuery): Promise<T[]> {
    return this.store.find<T>(collection, query);
  }

  /** `find`'s documents as the store's JSON text, with the named fields' values. */
  findJson(collection: string, query: FindQuery, fields: readonly string[]): Promise<JsonDocument[]> {
    return this.store.findJson(collection, query, fields);
  }
}

function items(docs: readonly JsonDocument[]): JsonItem[] {
  return docs.map((d) => ({
    json: d.json,
    schoolId: typeof d.values[0] === 'string' ? d.values[0] : null,
  }));
}

/** The cursor of the page after this one: the last document's sort values (`findJson`'s values after the school). */
function nextCursor(docs: readonly JsonDocument[], pageSize: number): string | null {
  if (docs.length < pageSize || docs.length === 0) return null;
  return Buffer.from(JSON.stringify(docs[docs.length - 1].values.slice(1))).toString('base64url');
}

/** The sort values a cursor carries; anything else (edited, from another list's order) is a 400. */
function decodeCursor(cursor: string, order: SortSpec): Scalar[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (!Array.isArray(values) || values.length !== Object.keys(order).length || !values.every(scalar))
    throw new ValidationFailed(
      'CURSOR_INVALID',
      'cursor: курсор не от этого списка; начните с пустого cursor',
    );
  return values as Scalar[];
}
