import { MEETING_LEVELS } from '../../procedure/values';
import { actors, commands, ctx, events, history, meetingSpec, planned } from '../testing/fixtures';

describe('none', () => {
  const given = meetingSpec.given(history.none);

  it('plans a meeting with its level, date, chair, secretary and agenda', () => {
    given.when(commands.plan(), ctx(actors.deputy)).then([events.planned()]);
  });

  it.each(MEETING_LEVELS.filter((l) => l !== 'subject-association'))('accepts the level %s', (level) => {
    given.when(commands.plan({ level }), ctx(actors.director)).then([events.planned({ level })]);
  });

  it('needs the association of a заседание ШМО', () => {
    given
      .when(commands.plan({ level: 'subject-association' }), ctx(actors.director))
      .thenThrows('ASSOCIATION_REQUIRED');
    const association = 'учителей начальных классов';
    given
      .when(commands.plan({ level: 'subject-association', association }), ctx(actors.director))
      .then([events.planned({ level: 'subject-association', association })]);
  });

  it('takes a month when that is all the paper says, or no date at all', () => {
    const month = { precision: 'month', month: '2023-08' } as const;
    given.when(commands.plan({ date: month }), ctx(actors.director)).then([events.planned({ date: month })]);
    const unknown = { precision: 'unknown' } as const;
    given
      .when(commands.plan({ date: unknown }), ctx(actors.director))
      .then([events.planned({ date: unknown })]);
  });

  it('keeps the school’s own name of the meeting beside its level', () => {
    const title = 'Общешкольное родительское собрание';
    given
      .when(commands.plan({ level: 'parent-meeting', title }), ctx(actors.director))
      .then([events.planned({ level: 'parent-meeting', title })]);
  });

  it('refuses a date outside the academic year, or malformed', () => {
    given
      .when(commands.plan({ date: { precision: 'day', date: '2024-08-30' } }), ctx(actors.director))
      .thenThrows('MEETING_DATE_OUTSIDE_YEAR');
    given
      .when(commands.plan({ date: { precision: 'month', month: '2023-13' } }), ctx(actors.director))
      .thenThrows('MEETING_DATE_INVALID');
  });

  it('refuses an unknown level, a typo in the time zone, a repeated agenda item', () => {
    given
      .when(commands.plan({ level: 'council' as never }), ctx(actors.director))
      .thenThrows('MEETING_LEVEL_UNKNOWN');
    given
      .when(commands.plan({ timeZone: 'Asia/Ekaterinburg' }), ctx(actors.director))
      .thenThrows('TIME_ZONE_INVALID');
    const twice = [planned.agenda[0], planned.agenda[0]];
    given.when(commands.plan({ agenda: twice }), ctx(actors.director)).thenThrows('AGENDA_ITEM_DUPLICATE');
  });

  it('is planned by the administration of the same school only', () => {
    given.when(commands.plan(), ctx(actors.teacher)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(commands.plan(), ctx(actors.director, undefined, 'school-2')).thenThrows('SCHOOL_MISMATCH');
  });
});

describe('planned', () => {
  it('is not planned twice', () => {
    meetingSpec
      .given(history.planned)
      .when(commands.plan(), ctx(actors.director))
      .thenThrows('MEETING_ALREADY_PLANNED');
  });
});
