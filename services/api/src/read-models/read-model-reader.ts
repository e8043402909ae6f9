import { Inject, Injectable } from '@nestjs/common';
import type { Db, Document, Filter, Sort } from 'mongodb';
import { READ_DB } from '../infrastructure/tokens';
import type { Page, PageQueryDto } from './page-query.dto';
import { ProjectionWaiter } from './projection-waiter';

/** One page of a read model, after waiting for the position the caller asked for. */
@Injectable()
export class ReadModelReader {
  constructor(
    @Inject(READ_DB) private readonly db: Db,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async waitFor(query: Pick<PageQueryDto, 'waitForPosition' | 'timeoutMs'>): Promise<void> {
    if (query.waitForPosition !== undefined)
      await this.waiter.waitFor(query.waitForPosition, query.timeoutMs);
  }

  async page<T extends Document>(
    collection: string,
    filter: Filter<T>,
    sort: Sort,
    query: PageQueryDto,
  ): Promise<Page<T>> {
    await this.waitFor(query);
    const c = this.db.collection<T>(collection);
    const [items, total] = await Promise.all([
      c
        .find(filter)
        .sort(sort)
        .skip((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .toArray(),
      c.countDocuments(filter),
    ]);
    return { items: items as unknown as T[], page: query.page, pageSize: query.pageSize, total };
  }

  collection<T extends Document>(name: string) {
    return this.db.collection<T>(name);
  }
}
