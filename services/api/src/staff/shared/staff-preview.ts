import type { Position } from '@vsoko/domain';

export type StaffRowStatus = 'new' | 'changes' | 'unchanged' | 'error';

export interface StaffPreviewPosition {
  position: Position;
  /** «классный руководитель 5А» */
  title: string;
  asWritten: string;
  className?: string;
  association?: string;
  subjects?: string[];
  assignmentId: string;
  /** Held already, to be assigned, or not assignable by the school's director (a director's own position). */
  status: 'held' | 'new' | 'skipped';
}

export interface StaffPreviewRow {
  rowNumber: number;
  location: string;
  fullName: string;
  email?: string;
  /** The person id: the login the person signs in with and the actor id of their events. */
  login?: string;
  status: StaffRowStatus;
  positions: StaffPreviewPosition[];
  warnings: string[];
  error?: string;
}

export interface StaffPreview {
  importId: string;
  schoolId: string;
  fileName: string;
  rows: StaffPreviewRow[];
  summary: Record<StaffRowStatus, number> & { people: number; positions: number; warnings: number };
}
