import { DEFAULT_DIRECTORY } from '@vsoko/plan-import';
import { POSITIONS } from '@vsoko/domain';
import { answersForOf, POSITION_OF_ROLE, POSITION_POLICY, rolesOf } from './policy';
import { ROLES } from './roles';

describe('the policy table', () => {
  it('gives every position exactly one access role', () => {
    for (const position of POSITIONS) expect(ROLES).toContain(POSITION_POLICY[position].role);
  });

  it('maps each role of old onto a position that gives the same role back', () => {
    for (const role of ROLES) expect(POSITION_POLICY[POSITION_OF_ROLE[role]].role).toBe(role);
  });

  it('lets someone hold every responsible role the plan import recognises, but two no school position covers', () => {
    const answered = new Set(answersForOf(POSITIONS.map((position) => ({ position }))));
    const unanswered = DEFAULT_DIRECTORY.roles.map((r) => r.code).filter((code) => !answered.has(code));
    // «Ответственный за сайт» and «Руководитель СП» are duties, not positions: the administration answers for them.
    expect(unanswered.sort()).toEqual(['preschool-head', 'site-editor']);
  });

  it('a class teacher answers for class teachers’ rows, a librarian only for the library’s', () => {
    expect(answersForOf([{ position: 'class-teacher' }])).toEqual(['class-teacher']);
    expect(answersForOf([{ position: 'librarian' }])).toEqual(['librarian']);
    expect(rolesOf([{ position: 'librarian' }, { position: 'class-teacher' }])).toEqual(['teacher']);
  });

  it('only a director and a district administrator administer', () => {
    const administering = POSITIONS.filter((p) => POSITION_POLICY[p].administers);
    expect(administering).toEqual(['director', 'district-administrator']);
  });

  it('read-only positions answer for nothing', () => {
    for (const p of ['auditor', 'district-inspector', 'district-administrator'] as const) {
      expect(POSITION_POLICY[p].answersFor).toEqual([]);
    }
  });
});
