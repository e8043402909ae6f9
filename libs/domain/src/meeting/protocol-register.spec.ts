import { protocolRegisterStreamName } from '../streams';
import { spec } from '../testing';
import {
  decideProtocolNumber,
  evolveProtocolRegister,
  initialProtocolRegister,
  protocolNumberOf,
  type AssignProtocolNumber,
  type ProtocolNumberAssigned,
} from './protocol-register';
import { actors, ctx } from './testing/fixtures';

const key = { schoolId: 'school-1', level: 'pedagogical-council', academicYear: '2023/24' } as const;
const assign = (meetingId: string): AssignProtocolNumber => ({
  type: 'AssignProtocolNumber',
  data: { ...key, meetingId },
});
const assigned = (meetingId: string, number: number): ProtocolNumberAssigned => ({
  type: 'ProtocolNumberAssigned',
  data: { ...key, meetingId, number },
});
const register = spec(decideProtocolNumber, evolveProtocolRegister, initialProtocolRegister);

describe('a school’s protocol register for one level and year', () => {
  it('numbers the first meeting 1 and each next one the next number, without gaps', () => {
    register
      .given([])
      .when(assign('m-aug'), ctx(actors.director))
      .then([assigned('m-aug', 1)]);
    register
      .given([assigned('m-aug', 1), assigned('m-feb', 2)])
      .when(assign('m-may'), ctx(actors.director))
      .then([assigned('m-may', 3)]);
  });

  it('gives a meeting asked again the number it already has, recording nothing', () => {
    const given = [assigned('m-aug', 1), assigned('m-feb', 2)];
    register.given(given).when(assign('m-aug'), ctx(actors.director)).thenNothing();
    expect(protocolNumberOf(given.reduce(evolveProtocolRegister, initialProtocolRegister), 'm-aug')).toBe(1);
  });

  it('belongs to its school', () => {
    register
      .given([])
      .when(assign('m-aug'), ctx(actors.director, undefined, 'school-2'))
      .thenThrows('SCHOOL_MISMATCH');
  });

  it('has one stream per school, level and year, with a name the event store accepts', () => {
    expect(protocolRegisterStreamName(key)).toBe('protocols-school-1-pedagogical-council-2023-24');
    expect(protocolRegisterStreamName({ ...key, level: 'methodical-council' })).not.toBe(
      protocolRegisterStreamName(key),
    );
  });
});
