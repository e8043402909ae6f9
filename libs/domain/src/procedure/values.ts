export const DIRECTIONS = ['results', 'process', 'conditions', 'satisfaction'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Russian names as the plans write them: «качество образовательных результатов» … */
export const DIRECTION_TITLES: Record<Direction, string> = {
  results: 'Качество образовательных результатов',
  process: 'Качество образовательного процесса',
  conditions: 'Качество условий реализации образовательных программ',
  satisfaction: 'Удовлетворённость потребителей',
};

/** A calendar window in the school's own days, inclusive on both ends (YYYY-MM-DD). */
export interface DateWindow {
  from: string;
  to: string;
}

/** Who answers for a piece of work: a role from the staff directory, a named person, or both. */
export interface Responsible {
  role?: string;
  personId?: string;
  name: string;
}
