import { Inject, Injectable } from '@nestjs/common';
import { protocolData, ruToday } from '@vsoko/documents';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { DocumentRenderer } from '../shared/document-renderer';
import { MeetingDecisions } from '../shared/meeting-decisions';
import { SchoolHeadings } from '../shared/school-headings';

/** GET /meetings/:id/protocol.docx — the протокол заседания from the meeting's record and its decisions. */
@Injectable()
export class MeetingProtocolDocument {
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
  ): Promise<{ bytes: Buffer; protocolNumber: number }> {
    const { meeting, decisions } = await this.source.load(meetingId, schools, wait);
    const data = protocolData({
      meeting,
      decisions,
      generatedOn: ruToday(this.clock.now(), meeting.timeZone),
      heading: await this.headings.of(meeting.schoolId),
    });
    const bytes = await this.renderer.renderFor(meeting.schoolId, 'meeting-protocol', data);
    return { bytes, protocolNumber: meeting.protocolNumber };
  }
}
