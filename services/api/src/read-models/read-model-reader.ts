import { Inject, Injectable } from '@nestjs/common';
import type { FindQuery, ProjectedDocument, ReadStore, SortSpec, Where } from '@vsoko/projections';
import { READ_STORE } from '../infrastructure/tokens';
import type { Page, PageQueryDto } from './page-query.dto';
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

  async page<T extends ProjectedDocument>(
    collection: string,
    where: Where,
    sort: SortSpec,
    query: PageQueryDto,
  ): Promise<Page<T>> {
    await this.waitFor(query);
    const [items, total] = await Promise.all([
      this.store.find<T>(collection, {
        where,
        sort,
        skip: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      }),
      this.store.count(collection, where),
    ]);
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  get<T extends ProjectedDocument>(collection: string, id: string): Promise<T | null> {
    return this.store.get<T>(collection, id);
  }

  find<T extends ProjectedDocument>(collection: string, query: FindQuery): Promise<T[]> {
    return this.store.find<T>(collection, query);
  }
}
