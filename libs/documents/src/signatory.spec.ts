import type { Holding } from '@vsoko/domain';
import { shortName, signatory } from './signatory';

const at = (schoolId: string, position: Holding['position']): Holding => ({
  assignmentId: `${schoolId}:${position}`,
  position,
  schoolId,
});

describe('who signs the report', () => {
  it('writes a full name as surname and initials, and leaves a short one as it is', () => {
    expect(shortName('Виноградова Вера Андреевна')).toBe('Виноградова В. А.');
    expect(shortName('Виноградова В.А.')).toBe('Виноградова В.А.');
    expect(shortName('director-1')).toBe('director-1');
  });

  it("names the most senior position held at the report's school, as seed 002 ends", () => {
    const positions = [at('s1', 'teacher'), at('s1', 'deputy-academic'), at('s2', 'director')];
    expect(signatory('Виноградова Вера Андреевна', positions, 's1')).toBe(
      'Заместитель директора по УВР: Виноградова В. А.',
    );
    expect(signatory('Виноградова Вера Андреевна', positions, 's2')).toBe('Директор: Виноградова В. А.');
    // An inspector of the district holds no position at the school: the name alone.
    expect(signatory('Орлов Пётр Ильич', [], 's1')).toBe('Орлов П. И.');
  });
});
