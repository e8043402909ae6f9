import { Inject, Injectable } from '@nestjs/common';
import { orderData, ruToday } from '@vsoko/documents';
import { DomainRuleViolation } from '@vsoko/domain';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { DocumentRenderer } from '../shared/document-renderer';
import { MeetingDecisions } from '../shared/meeting-decisions';
import { SchoolHeadings } from '../shared/school-headings';

/**
 * GET /meetings/:id/order.docx — a приказ putting into force the decisions adopted at the meeting (withdrawn
 * ones left out), numbered as the protocol numbers them.
 */
@Injectable()
export class MeetingOrderDocument {
  constructor(
    private readonly source: MeetingDecisions,
    private readonly renderer: DocumentRenderer,
    private readonly headings: SchoolHeadings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async docx(
    meetingId: string,
    schools: SchoolScope,
    wait?: { waitForPosition?: number; timeoutMs: number },
  ): Promise<Buffer> {
    const { meeting, decisions } = await this.source.load(meetingId, schools, wait);
    const inForce = decisions.filter((d) => d.status !== 'withdrawn');
    if (inForce.length === 0) {
      throw new DomainRuleViolation(
        'MEETING_HAS_NO_DECISIONS',
        'На заседании не принято решений, которые можно ввести приказом',
      );
    }
    const data = orderData({
      meeting,
      decisions: inForce,
      generatedOn: ruToday(this.clock.now(), meeting.timeZone),
      heading: await this.headings.of(meeting.schoolId),
    });
    return this.renderer.renderFor(meeting.schoolId, 'meeting-order', data);
  }
}
