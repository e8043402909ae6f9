import { defineQuery } from '@temporalio/workflow';
import type { CommandContext, Position } from '../../libs/domain/src';

/**
 * One run per approval of a staff list: `staff-import-<importId>`. Approving again while it runs finds the same
 * run; approving again after it ended starts a new run, whose steps find the work done and send no mail twice.
 */
export function staffImportWorkflowId(importId: string): string {
  return `staff-import-${importId}`;
}

/** A position of a row as the preview read it; skipped ones (a director's own) are not sent. */
export interface StaffPositionStep {
  assignmentId: string;
  position: Position;
  className?: string;
  association?: string;
  subjects?: string[];
}

/** One person of the approved list. */
export interface StaffRowStep {
  rowNumber: number;
  fullName: string;
  login: string;
  email?: string;
  positions: StaffPositionStep[];
}

export interface StaffImportInput {
  importId: string;
  schoolId: string;
  /** For the invitation's first line: «Школа «…» приглашает вас». */
  schoolName?: string;
  rows: StaffRowStep[];
  /** The approval's context: the director as actor, time, correlation; command ids derive from import and person. */
  context: CommandContext;
}

/** What one row's person commands did. */
export interface RowOutcome {
  login: string;
  registered: boolean;
  /** Positions newly assigned. */
  assigned: number;
  /** Events written (0 when everything held already). */
  events: number;
  position: number;
  failed?: { rowNumber: number; fullName: string; code: string; message: string };
}

/** What became of one person's invitation. */
export type InvitationOutcome =
  | { login: string; outcome: 'sent'; sentTo: string; position: number }
  /** An invitation went out before (this list, an earlier one, or the director by hand): none again. */
  | { login: string; outcome: 'already-invited' }
  /** The person has chosen a password already: nothing to invite to. */
  | { login: string; outcome: 'signed-up' }
  | { login: string; outcome: 'no-email' }
  | { login: string; outcome: 'failed'; code: string; message: string };

export interface StaffImportReport {
  importId: string;
  registered: number;
  assigned: number;
  /** Events written in all (people, positions, invitations): 0 when the same list was approved before. */
  events: number;
  position: number;
  failed: Array<{ rowNumber: number; fullName: string; code: string; message: string }>;
  /** Persons registered or given positions. */
  people: string[];
  invitations: {
    sent: string[];
    alreadyInvited: string[];
    signedUp: string[];
    noEmail: string[];
    failed: Array<{ login: string; code: string; message: string }>;
  };
}

export interface StaffImportProgress {
  /** Rows done (their person and, with an address, their invitation). */
  done: number;
  total: number;
  report: StaffImportReport;
}

export const staffImportProgressQuery = defineQuery<StaffImportProgress>('staffImportProgress');

export function emptyStaffReport(importId: string): StaffImportReport {
  return {
    importId,
    registered: 0,
    assigned: 0,
    events: 0,
    position: 0,
    failed: [],
    people: [],
    invitations: { sent: [], alreadyInvited: [], signedUp: [], noEmail: [], failed: [] },
  };
}

export function addRowOutcome(report: StaffImportReport, row: RowOutcome): void {
  if (row.failed) {
    report.failed.push(row.failed);
    return;
  }
  if (row.registered) report.registered++;
  report.assigned += row.assigned;
  report.events += row.events;
  report.position = Math.max(report.position, row.position);
  if (row.registered || row.assigned > 0) report.people.push(row.login);
}

export function addInvitationOutcome(report: StaffImportReport, invitation: InvitationOutcome): void {
  const { invitations } = report;
  switch (invitation.outcome) {
    case 'sent':
      invitations.sent.push(invitation.login);
      report.events++;
      report.position = Math.max(report.position, invitation.position);
      return;
    case 'already-invited':
      invitations.alreadyInvited.push(invitation.login);
      return;
    case 'signed-up':
      invitations.signedUp.push(invitation.login);
      return;
    case 'no-email':
      invitations.noEmail.push(invitation.login);
      return;
    case 'failed':
      invitations.failed.push({
        login: invitation.login,
        code: invitation.code,
        message: invitation.message,
      });
      return;
  }
}
