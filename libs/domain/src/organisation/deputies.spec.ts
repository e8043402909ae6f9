import { deputiesOverseeing } from './deputies';

describe('«their deputy» in an escalation chain is the deputy who oversees the responsible’s work', () => {
  it.each([
    ['a class teacher', ['class-teacher'], ['deputy-upbringing']],
    ['the social pedagogue', ['social-pedagogue'], ['deputy-upbringing']],
    ['a teacher', ['teacher'], ['deputy-academic']],
    ['the head of a methodical association', ['smo-head'], ['deputy-academic']],
    [
      'a teacher who is also a class teacher',
      ['teacher', 'class-teacher'],
      ['deputy-academic', 'deputy-upbringing'],
    ],
  ])('%s, named in person, answers to %j', (_who, positions, expected) => {
    expect(deputiesOverseeing({ role: 'teacher' }, positions)).toEqual(expected);
  });

  it('reads the plan role when the work is given to a role, not a person', () => {
    expect(deputiesOverseeing({ role: 'class-teacher' })).toEqual(['deputy-upbringing']);
    expect(deputiesOverseeing({ role: 'teacher' })).toEqual(['deputy-academic']);
  });

  it('has nobody between a deputy or the director and the director', () => {
    expect(deputiesOverseeing({ role: 'deputy' })).toEqual([]);
    expect(deputiesOverseeing({ role: 'teacher' }, ['deputy-upbringing'])).toEqual([]);
    expect(deputiesOverseeing({ role: 'director' })).toEqual([]);
  });

  it('sends work of an unknown role or a person without positions to the deputy for teaching', () => {
    expect(deputiesOverseeing({})).toEqual(['deputy-academic']);
    expect(deputiesOverseeing({ role: 'custodian' })).toEqual(['deputy-academic']);
  });
});
