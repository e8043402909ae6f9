import { Inject, Injectable } from '@nestjs/common';
import {
  CALENDAR_SOURCES_COLLECTION,
  INTEGRATIONS_COLLECTION,
  type CalendarSourceDocument,
  type IntegrationDocument,
} from '@vsoko/calendar';
import { NotFound } from '@vsoko/domain';
import type { Db } from 'mongodb';
import { READ_DB } from '../../infrastructure/tokens';

@Injectable()
export class IntegrationRepository {
  constructor(@Inject(READ_DB) private readonly db: Db) {}

  get integrations() {
    return this.db.collection<IntegrationDocument>(INTEGRATIONS_COLLECTION);
  }

  get sources() {
    return this.db.collection<CalendarSourceDocument>(CALENDAR_SOURCES_COLLECTION);
  }

  /** With `schoolId`, another school's integration is as unknown as a missing one; so is a deleted one. */
  async integration(id: string, schoolId?: string): Promise<IntegrationDocument> {
    const doc = await this.integrations.findOne({ _id: id });
    if (!doc || doc.deletedAt !== undefined || (schoolId !== undefined && doc.schoolId !== schoolId))
      throw new NotFound('INTEGRATION_NOT_FOUND', `Интеграция ${id} не найдена`);
    return doc;
  }

  async source(id: string, schoolId?: string): Promise<CalendarSourceDocument> {
    const doc = await this.sources.findOne({ _id: id });
    if (!doc || (schoolId !== undefined && doc.schoolId !== schoolId))
      throw new NotFound('CALENDAR_FEED_NOT_FOUND', `Календарь ${id} не найден`);
    return doc;
  }
}
