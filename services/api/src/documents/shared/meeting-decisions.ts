import { Injectable } from '@nestjs/common';
import type { RecordedMeeting } from '@vsoko/documents';
import { decisionDecider, decisionStreamName, DomainRuleViolation, type DecisionState } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { decisionRecordProjection, type DecisionRecordDocument } from '@vsoko/projections';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import { MeetingUseCases } from '../../meetings/use-cases/meeting-use-cases';
import { ReadModelReader } from '../../read-models/read-model-reader';

export type AdoptedDecision = Exclude<DecisionState, { status: 'none' }>;

/**
 * A held meeting and the decisions adopted at it, from the log: the meeting's stream, and each decision's own
 * stream. The read model only says which decisions name the meeting (the minutes name the others); every
 * decision loaded must belong to the meeting's school and to the meeting.
 */
@Injectable()
export class MeetingDecisions {
  constructor(
    private readonly meetings: MeetingUseCases,
    private readonly reader: ReadModelReader,
    private readonly handler: DeciderHandler,
  ) {}

  async load(
    meetingId: string,
    schools: SchoolScope,
    wait: { waitForPosition?: number; timeoutMs: number } = { timeoutMs: 5_000 },
  ): Promise<{ meeting: RecordedMeeting; decisions: AdoptedDecision[] }> {
    await this.reader.waitFor(wait);
    const meeting = await this.meetings.get(meetingId, schools);
    if (meeting.status !== 'held' && meeting.status !== 'signed') {
      throw new DomainRuleViolation(
        'MEETING_NOT_HELD',
        'Протокол и приказ формируются по проведённому заседанию: отметьте заседание проведённым',
      );
    }
    const listed = await this.reader.find<DecisionRecordDocument>(decisionRecordProjection.collection, {
      where: { meetingId, schoolId: meeting.schoolId },
    });
    const ids = new Set([
      ...meeting.record.minutes.flatMap((m) => m.decisionIds),
      ...listed.map((d) => d._id),
    ]);
    const decisions: AdoptedDecision[] = [];
    for (const id of ids) {
      const { state } = await this.handler.load(decisionStreamName(id), decisionDecider);
      if (state.status === 'none' || state.schoolId !== meeting.schoolId) continue;
      if (state.adoptedBy.kind !== 'meeting' || state.adoptedBy.meetingId !== meetingId) continue;
      decisions.push(state);
    }
    decisions.sort((a, b) => a.number - b.number);
    return { meeting, decisions };
  }
}
