import type { CommandContext } from '../../shared';
import { spec } from '../../testing';
import type { Authority } from '../authority';
import { decideDistrict, evolveDistrict, initialDistrictState } from './decider';
import type { DistrictEvent } from './events';

const districtSpec = spec(decideDistrict, evolveDistrict, initialDistrictState);
const system: Authority = { kind: 'system' };
const admin: Authority = { kind: 'district-administrator', districtId: 'north' };
const ctx: CommandContext = {
  commandId: 'cmd-1',
  actor: { id: 'admin.north', kind: 'user' },
  issuedAt: '2026-08-20T06:00:00.000Z',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  schoolId: '',
  districtId: 'north',
};
const registered: DistrictEvent = {
  type: 'DistrictRegistered',
  data: { districtId: 'north', name: 'Северный район' },
};
const school1: DistrictEvent = {
  type: 'SchoolRegistered',
  data: { districtId: 'north', schoolId: 'school-1', name: 'МБОУ «СОШ № 1»' },
};
const registerSchool = (authority: Authority, name = 'МБОУ «СОШ № 1»', schoolId = 'school-1') => ({
  type: 'RegisterSchool' as const,
  data: { districtId: 'north', schoolId, name, authority },
});

describe('district: unregistered', () => {
  const given = districtSpec.given([]);

  it('is registered by the installation, the name tidied', () => {
    given
      .when(
        {
          type: 'RegisterDistrict',
          data: { districtId: 'north', name: ' Северный  район ', authority: system },
        },
        ctx,
      )
      .then([registered]);
  });

  it('is not registered by a district administrator', () => {
    given
      .when(
        { type: 'RegisterDistrict', data: { districtId: 'north', name: 'Северный', authority: admin } },
        ctx,
      )
      .thenThrows('ACTOR_NOT_ALLOWED');
  });

  it('refuses an id that cannot be a stream name or a header', () => {
    given
      .when(
        { type: 'RegisterDistrict', data: { districtId: 'Север Ный', name: 'Северный', authority: system } },
        ctx,
      )
      .thenThrows('ID_INVALID');
  });

  it('opens no school', () => {
    given.when(registerSchool(admin), ctx).thenThrows('DISTRICT_NOT_FOUND');
  });
});

describe('district: registered', () => {
  const given = districtSpec.given([registered]);

  it('registering again with the same name records nothing', () => {
    given
      .when(
        {
          type: 'RegisterDistrict',
          data: { districtId: 'north', name: 'Северный район', authority: system },
        },
        ctx,
      )
      .thenNothing();
  });

  it('registering again with another name is a conflict', () => {
    given
      .when(
        { type: 'RegisterDistrict', data: { districtId: 'north', name: 'Южный', authority: system } },
        ctx,
      )
      .thenThrows('DISTRICT_ALREADY_REGISTERED');
  });

  it('its administrator opens a school', () => {
    given.when(registerSchool(admin), ctx).then([school1]);
  });

  it('the administrator of another district opens none here', () => {
    given
      .when(registerSchool({ kind: 'district-administrator', districtId: 'south' }), ctx)
      .thenThrows('DISTRICT_MISMATCH');
  });

  it('a director opens no school', () => {
    given
      .when(registerSchool({ kind: 'director', schoolId: 'school-1' }), ctx)
      .thenThrows('ACTOR_NOT_ALLOWED');
  });

  it('refuses an empty school name', () => {
    given.when(registerSchool(admin, '   '), ctx).thenThrows('NAME_INVALID');
  });
});

describe('district: with a school', () => {
  const given = districtSpec.given([registered, school1]);

  it('opening the same school again records nothing (a repeated seed)', () => {
    given.when(registerSchool(admin), ctx).thenNothing();
  });

  it('the same id under another name is a conflict', () => {
    given.when(registerSchool(admin, 'Другая школа'), ctx).thenThrows('SCHOOL_ALREADY_REGISTERED');
  });

  it('opens a second school', () => {
    const state = given
      .when(registerSchool(admin, 'СОШ № 2', 'school-2'), ctx)
      .then([
        { type: 'SchoolRegistered', data: { districtId: 'north', schoolId: 'school-2', name: 'СОШ № 2' } },
      ]);
    expect(state.status === 'registered' && state.schools.map((s) => s.schoolId)).toEqual([
      'school-1',
      'school-2',
    ]);
  });
});
