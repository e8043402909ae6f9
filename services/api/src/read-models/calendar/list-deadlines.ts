import { Injectable } from '@nestjs/common';
import { calendarProjection, type CalendarEntry, type Condition } from '@vsoko/projections';
import { withinSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { scopeFilter } from '../filters';
import type { JsonListPage } from '../json-page';
import { ReadModelReader } from '../read-model-reader';
import type { CalendarQueryDto } from './calendar-query.dto';

/** `GET /deadlines`: one page of the deadline calendar, upcoming or overdue, within the caller's schools. */
@Injectable()
export class ListDeadlines {
  constructor(private readonly reader: ReadModelReader) {}

  list(q: CalendarQueryDto, schools: SchoolScope): Promise<JsonListPage<CalendarEntry>> {
    const filter: Record<string, Condition> = { ...scopeFilter(q) };
    if (q.view === 'upcoming') filter.state = 'open';
    if (q.view === 'overdue') filter.state = 'overdue';
    if (q.from || q.to)
      filter.date = { ...(q.from ? { $gte: q.from } : {}), ...(q.to ? { $lte: q.to } : {}) };
    return this.reader.page<CalendarEntry>(
      calendarProjection.collection,
      withinSchools(filter, schools),
      { date: 1, _id: 1 },
      q,
    );
  }
}
