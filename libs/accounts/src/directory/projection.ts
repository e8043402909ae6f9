import {
  DISTRICT_EVENT_TYPES,
  type DistrictEvent,
  type Holding,
  PERSON_EVENT_TYPES,
  type PersonEvent,
} from '@vsoko/domain';
import { answersForOf, rolesOf } from '../policy';
import type { SchoolRole } from '../roles';
import type { DistrictDocument, SchoolDocument, StaffDocument, UserDocument } from '../store/documents';

/*
 * The directory as pure functions of the organisation's events: `(document | null, event) → document`. The
 * Mongo side (projector.ts) loads, applies, and skips what a document already folded (`_position`).
 */

export const ORGANISATION_EVENT_TYPES: readonly string[] = [...DISTRICT_EVENT_TYPES, ...PERSON_EVENT_TYPES];

export function isOrganisationEvent(type: string): boolean {
  return ORGANISATION_EVENT_TYPES.includes(type);
}

export function evolveDistrictDocument(
  doc: DistrictDocument | null,
  event: DistrictEvent,
  position: number,
): DistrictDocument | null {
  switch (event.type) {
    case 'DistrictRegistered':
      return {
        _id: event.data.districtId,
        name: event.data.name,
        schoolIds: doc?.schoolIds ?? [],
        _position: position,
      };
    case 'SchoolRegistered': {
      if (!doc) return null;
      const schoolIds = doc.schoolIds.includes(event.data.schoolId)
        ? doc.schoolIds
        : [...doc.schoolIds, event.data.schoolId];
      return { ...doc, schoolIds, _position: position };
    }
  }
}

export function schoolDocumentOf(
  event: Extract<DistrictEvent, { type: 'SchoolRegistered' }>,
  position: number,
): SchoolDocument {
  return {
    _id: event.data.schoolId,
    districtId: event.data.districtId,
    name: event.data.name,
    _position: position,
  };
}

export function evolveUserDocument(
  doc: UserDocument | null,
  event: PersonEvent,
  position: number,
): UserDocument | null {
  switch (event.type) {
    case 'PersonRegistered': {
      const { personId, fullName, email } = event.data;
      return withHoldings(
        { _id: personId, name: fullName, ...(email ? { email } : {}), memberships: [], inspects: [] },
        [],
        position,
      );
    }
    case 'PositionAssigned': {
      if (!doc) return null;
      const { personId: _person, ...holding } = event.data;
      const others = (doc.holdings ?? []).filter((h) => h.assignmentId !== holding.assignmentId);
      return withHoldings(doc, [...others, holding], position);
    }
    case 'PositionRemoved':
      if (!doc) return null;
      return withHoldings(
        doc,
        (doc.holdings ?? []).filter((h) => h.assignmentId !== event.data.assignmentId),
        position,
      );
    case 'AccountDeactivated':
      if (!doc) return null;
      return { ...doc, disabled: true, disabledReason: event.data.reason, _position: position };
    case 'AccountReactivated': {
      if (!doc) return null;
      const { disabledReason: _reason, ...rest } = doc;
      return { ...rest, disabled: false, _position: position };
    }
  }
}

/** Memberships, inspected and administered districts: all read off the positions held. */
function withHoldings(doc: UserDocument, holdings: Holding[], position: number): UserDocument {
  const schoolIds = [...new Set(holdings.flatMap((h) => (h.schoolId ? [h.schoolId] : [])))];
  const districtsOf = (position: Holding['position']) => [
    ...new Set(holdings.filter((h) => h.position === position && h.districtId).map((h) => h.districtId!)),
  ];
  const { passwordHash: _legacy, ...rest } = doc;
  return {
    ...rest,
    holdings,
    memberships: schoolIds.map((schoolId) => {
      const positions = holdings.filter((h) => h.schoolId === schoolId);
      return { schoolId, roles: rolesOf(positions) as SchoolRole[], positions };
    }),
    schoolsEver: [...new Set([...(doc.schoolsEver ?? []), ...schoolIds])],
    inspects: districtsOf('district-inspector'),
    administers: districtsOf('district-administrator'),
    _position: position,
  };
}

/** The notification worker's view: one document per school where the person works, none when switched off. */
export function staffDocumentsOf(user: UserDocument | null): StaffDocument[] {
  if (!user || user.disabled) return [];
  return user.memberships.map((m) => ({
    _id: `${m.schoolId}:${user._id}`,
    schoolId: m.schoolId,
    personId: user._id,
    name: user.name,
    roles: [...new Set([...m.roles, ...(m.positions ? answersForOf(m.positions) : m.roles)])],
    ...(m.positions ? { positions: [...new Set(m.positions.map((h) => h.position))] } : {}),
    ...(user.email ? { email: user.email } : {}),
    ...(user._position !== undefined ? { _position: user._position } : {}),
  }));
}
