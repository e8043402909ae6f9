/**
 * Positions as schools name them. A person holds any number of them, at several schools; the two district
 * positions are held for a whole district. What each position may do is decided in one policy table
 * (`libs/accounts/src/policy.ts`); here is only what a position is and what it must name.
 */
export const SCHOOL_POSITIONS = [
  'director',
  'deputy-academic',
  'deputy-upbringing',
  'deputy-facilities',
  'deputy-safety',
  'methodist',
  'smo-head',
  'class-teacher',
  'teacher',
  'psychologist',
  'social-pedagogue',
  'librarian',
  'secretary',
  'auditor',
] as const;

export const DISTRICT_POSITIONS = ['district-administrator', 'district-inspector'] as const;

export const POSITIONS = [...SCHOOL_POSITIONS, ...DISTRICT_POSITIONS] as const;

export type SchoolPosition = (typeof SCHOOL_POSITIONS)[number];
export type DistrictPosition = (typeof DISTRICT_POSITIONS)[number];
export type Position = (typeof POSITIONS)[number];

/** What a position must name besides the school: the association, the class or the subjects. */
export type PositionDetail = 'association' | 'className' | 'subjects';

export interface PositionInfo {
  /** As a school writes it in an order (приказ), lower case. */
  title: string;
  scope: 'school' | 'district';
  /** Required detail; «учитель» may name no subjects yet (accounts moved from before positions). */
  requires?: PositionDetail;
}

export const POSITION_INFO: Readonly<Record<Position, PositionInfo>> = {
  director: { title: 'директор', scope: 'school' },
  'deputy-academic': { title: 'заместитель директора по УВР', scope: 'school' },
  'deputy-upbringing': { title: 'заместитель директора по ВР', scope: 'school' },
  'deputy-facilities': { title: 'заместитель директора по АХЧ', scope: 'school' },
  'deputy-safety': { title: 'заместитель директора по безопасности', scope: 'school' },
  methodist: { title: 'методист', scope: 'school' },
  'smo-head': { title: 'руководитель ШМО', scope: 'school', requires: 'association' },
  'class-teacher': { title: 'классный руководитель', scope: 'school', requires: 'className' },
  teacher: { title: 'учитель', scope: 'school' },
  psychologist: { title: 'педагог-психолог', scope: 'school' },
  'social-pedagogue': { title: 'социальный педагог', scope: 'school' },
  librarian: { title: 'библиотекарь', scope: 'school' },
  secretary: { title: 'секретарь', scope: 'school' },
  auditor: { title: 'аудитор', scope: 'school' },
  'district-administrator': { title: 'администратор района', scope: 'district' },
  'district-inspector': { title: 'инспектор района', scope: 'district' },
};

export function isPosition(value: unknown): value is Position {
  return typeof value === 'string' && (POSITIONS as readonly string[]).includes(value);
}

/** One position held: at a school (or over a district), with what it names. */
export interface Holding {
  /** Stable within the person: `<school or district>:<position>[:<class or association>]`. */
  assignmentId: string;
  position: Position;
  schoolId?: string;
  districtId?: string;
  /** руководитель ШМО: of which association («ШМО учителей начальных классов»). */
  association?: string;
  /** классный руководитель: of which class («5А»). */
  className?: string;
  /** учитель: of which subjects. */
  subjects?: string[];
}

/** The same position at the same place for the same class or association is one assignment. */
export function assignmentIdOf(h: Omit<Holding, 'assignmentId'>): string {
  const place = h.schoolId ?? h.districtId ?? '';
  const detail = h.className ?? h.association;
  return [place, h.position, ...(detail ? [detail.toLowerCase().replace(/\s+/g, ' ')] : [])].join(':');
}

/** «классный руководитель 5А», «учитель (математика, физика)», «руководитель ШМО учителей начальных классов». */
export function describeHolding(h: Omit<Holding, 'assignmentId'>): string {
  const title = POSITION_INFO[h.position].title;
  if (h.className) return `${title} ${h.className}`;
  if (h.association) return `${title} (${h.association})`;
  if (h.subjects && h.subjects.length > 0) return `${title} (${h.subjects.join(', ')})`;
  return title;
}
