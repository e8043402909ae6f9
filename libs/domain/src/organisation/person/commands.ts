import type { Authority } from '../authority';
import type { Position } from '../positions';

export type RegisterPerson = {
  type: 'RegisterPerson';
  data: { personId: string; fullName: string; email?: string; authority: Authority };
};

export interface PositionToAssign {
  position: Position;
  schoolId?: string;
  districtId?: string;
  association?: string;
  className?: string;
  subjects?: string[];
}

export type AssignPosition = {
  type: 'AssignPosition';
  data: { personId: string; holding: PositionToAssign; authority: Authority };
};

export type RemovePosition = {
  type: 'RemovePosition';
  data: { personId: string; assignmentId: string; reason?: string; authority: Authority };
};

export type DeactivateAccount = {
  type: 'DeactivateAccount';
  data: { personId: string; reason: string; authority: Authority };
};

export type ReactivateAccount = {
  type: 'ReactivateAccount';
  data: { personId: string; authority: Authority };
};

export type PersonCommand =
  RegisterPerson | AssignPosition | RemovePosition | DeactivateAccount | ReactivateAccount;
