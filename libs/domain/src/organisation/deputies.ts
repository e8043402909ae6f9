import type { Responsible } from '../procedure/values';
import type { Position } from './positions';

export const DEPUTY_POSITIONS = [
  'deputy-academic',
  'deputy-upbringing',
  'deputy-facilities',
  'deputy-safety',
] as const satisfies readonly Position[];
export type DeputyPosition = (typeof DEPUTY_POSITIONS)[number];

/**
 * Whose deputy oversees whose work, by the responsible's position (or, for a plan row given to a role, the plan
 * role's code): class teachers, the social pedagogue and the psychologist answer to the deputy for upbringing
 * (по ВР); teachers, heads of methodical associations, methodists and the librarian to the deputy for teaching
 * (по УВР). `null`: the responsible is the administration itself (a deputy, the director), so nobody stands
 * between them and the director.
 */
const OVERSEEN_BY: Readonly<Record<string, DeputyPosition | null>> = {
  'class-teacher': 'deputy-upbringing',
  'social-pedagogue': 'deputy-upbringing',
  psychologist: 'deputy-upbringing',
  teacher: 'deputy-academic',
  'smo-head': 'deputy-academic',
  methodist: 'deputy-academic',
  'methodical-council': 'deputy-academic',
  librarian: 'deputy-academic',
  secretary: 'deputy-academic',
  'site-editor': 'deputy-academic',
  'preschool-head': 'deputy-academic',
  'deputy-academic': null,
  'deputy-upbringing': null,
  'deputy-facilities': null,
  'deputy-safety': null,
  deputy: null,
  administration: null,
  director: null,
};

/**
 * The escalation step «their deputy» (issue 15): the deputy positions to look for, in order, for the work of
 * `responsible` — from the positions the person holds at the school when the work names a person, else from the
 * plan role it was given to. An empty list means the responsible is a deputy or the director: the step goes to
 * the director. Work of an unknown role goes to the deputy for teaching, the one every school has.
 */
export function deputiesOverseeing(
  responsible: Pick<Responsible, 'role'>,
  heldPositions: readonly string[] = [],
): DeputyPosition[] {
  const codes = heldPositions.length > 0 ? heldPositions : responsible.role ? [responsible.role] : [];
  const known = codes.filter((c) => c in OVERSEEN_BY);
  if (known.length > 0 && known.some((c) => OVERSEEN_BY[c] === null)) return [];
  const found = [...new Set(known.map((c) => OVERSEEN_BY[c]!))];
  return found.length > 0 ? found : ['deputy-academic'];
}
