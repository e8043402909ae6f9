import { type Holding, type Position, POSITION_INFO, POSITIONS } from '@vsoko/domain';
import type { Role } from './roles';

export interface PositionPolicy {
  /** What routes admit the holder as (`@Allow`, and the defaults: staff write, everyone reads). */
  role: Role;
  /**
   * The plan's responsible roles (libs/plan-import's staff directory codes) whose rows are the holder's own
   * work: a row given to «Классные руководители» is done by any class teacher of the school.
   */
  answersFor: readonly string[];
  /** Administration: a director staffs their school, a district administrator opens schools and appoints directors. */
  administers?: 'school' | 'district';
}

/**
 * THE policy table: everything a position permits. The five roles of old are what positions map onto;
 * `accounts moved from before positions` (migrate-legacy.ts) take the reverse way once.
 */
export const POSITION_POLICY: Readonly<Record<Position, PositionPolicy>> = {
  director: { role: 'director', answersFor: ['director', 'administration'], administers: 'school' },
  'deputy-academic': { role: 'deputy', answersFor: ['deputy', 'administration'] },
  'deputy-upbringing': { role: 'deputy', answersFor: ['deputy', 'administration'] },
  'deputy-facilities': { role: 'deputy', answersFor: ['deputy', 'administration'] },
  'deputy-safety': { role: 'deputy', answersFor: ['deputy', 'administration'] },
  methodist: { role: 'methodist', answersFor: ['methodist', 'methodical-council'] },
  'smo-head': { role: 'methodist', answersFor: ['smo-head', 'methodical-council'] },
  'class-teacher': { role: 'teacher', answersFor: ['class-teacher'] },
  teacher: { role: 'teacher', answersFor: ['teacher'] },
  psychologist: { role: 'teacher', answersFor: ['psychologist'] },
  'social-pedagogue': { role: 'teacher', answersFor: ['social-pedagogue'] },
  librarian: { role: 'teacher', answersFor: ['librarian'] },
  secretary: { role: 'teacher', answersFor: [] },
  auditor: { role: 'auditor', answersFor: [] },
  'district-administrator': { role: 'district-admin', answersFor: [], administers: 'district' },
  'district-inspector': { role: 'inspector', answersFor: [] },
};

/** The positions an old role became when accounts moved onto positions (a deputy: по УВР, the usual one). */
export const POSITION_OF_ROLE: Readonly<Record<Role, Position>> = {
  director: 'director',
  deputy: 'deputy-academic',
  methodist: 'methodist',
  teacher: 'teacher',
  auditor: 'auditor',
  inspector: 'district-inspector',
  'district-admin': 'district-administrator',
};

export function rolesOf(holdings: readonly Pick<Holding, 'position'>[]): Role[] {
  return [...new Set(holdings.map((h) => POSITION_POLICY[h.position].role))];
}

export function answersForOf(holdings: readonly Pick<Holding, 'position'>[]): string[] {
  return [...new Set(holdings.flatMap((h) => POSITION_POLICY[h.position].answersFor))];
}

/** The table as the API shows it (GET /positions): for the administration screens and the generated client. */
export function positionCatalogue() {
  return POSITIONS.map((position) => ({
    position,
    title: POSITION_INFO[position].title,
    scope: POSITION_INFO[position].scope,
    ...(POSITION_INFO[position].requires ? { requires: POSITION_INFO[position].requires } : {}),
    role: POSITION_POLICY[position].role,
    answersFor: [...POSITION_POLICY[position].answersFor],
    ...(POSITION_POLICY[position].administers ? { administers: POSITION_POLICY[position].administers } : {}),
  }));
}
