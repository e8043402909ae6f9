import { Inject, Injectable } from '@nestjs/common';
import { ValidationFailed } from '@vsoko/domain';
import {
  valueAt,
  type FindQuery,
  type ProjectedDocument,
  type ReadStore,
  type Scalar,
  type SortSpec,
  type Where,
} from '@vsoko/projections';
import { READ_STORE } from '../infrastructure/tokens';
import type { ListPage, PageQueryDto } from './page-query.dto';
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
   * Either answer carries `nextCursor`.
   */
  async page<T extends ProjectedDocument>(
    collection: string,
    where: Where,
    sort: SortSpec,
    query: PageQueryDto,
  ): Promise<ListPage<T>> {
    await this.waitFor(query);
    // The id breaks ties, so that a cursor names one place in the order.
    const order: SortSpec = '_id' in sort ? sort : { ...sort, _id: 1 };
    const { pageSize } = query;
    if (query.cursor !== undefined) {
      const after = query.cursor === '' ? undefined : decodeCursor(query.cursor, order);
      const items = await this.store.find<T>(collection, {
        where,
        sort: order,
        limit: pageSize,
        ...(after ? { after } : {}),
      });
      return { items, pageSize, nextCursor: nextCursor(items, pageSize, order) };
    }
    const [items, total] = await Promise.all([
      this.store.find<T>(collection, {
        where,
        sort: order,
        skip: (query.page - 1) * pageSize,
        limit: pageSize,
      }),
      this.store.count(collection, where),
    ]);
    const last = (query.page - 1) * pageSize + items.length >= total;
    return {
      items,
      page: query.page,
      pageSize,
      total,
      nextCursor: last ? null : nextCursor(items, pageSize, order),
    };
  }

  get<T extends ProjectedDocument>(collection: string, id: string): Promise<T | null> {
    return this.store.get<T>(collection, id);
  }

  find<T extends ProjectedDocument>(collection: string, query: FindQuery): Promise<T[]> {
    return this.store.find<T>(collection, query);
  }
}

function nextCursor(items: readonly ProjectedDocument[], pageSize: number, order: SortSpec): string | null {
  if (items.length < pageSize || items.length === 0) return null;
  const lastItem = items[items.length - 1];
  return Buffer.from(JSON.stringify(Object.keys(order).map((f) => valueAt(lastItem, f)))).toString(
    'base64url',
  );
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
