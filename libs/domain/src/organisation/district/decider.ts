import { assertNever, type Decider } from '../../shared';
import { fail, requireId, requireName } from '../fail';
import type { DistrictCommand } from './commands';
import type { DistrictEvent } from './events';

export type DistrictState =
  | { status: 'unregistered' }
  | { status: 'registered'; districtId: string; name: string; schools: { schoolId: string; name: string }[] };

export const initialDistrictState: DistrictState = { status: 'unregistered' };

/** A district and the schools opened in it (stream `districtStreamName`). */
export function decideDistrict(command: DistrictCommand, state: DistrictState): DistrictEvent[] {
  switch (command.type) {
    case 'RegisterDistrict': {
      const { authority } = command.data;
      if (authority.kind !== 'system') {
        fail('ACTOR_NOT_ALLOWED', 'Район регистрирует администратор установки, а не пользователь системы');
      }
      const districtId = requireId(command.data.districtId, 'Код района');
      const name = requireName(command.data.name, 'Название района');
      if (state.status === 'registered') {
        if (state.name === name) return [];
        fail('DISTRICT_ALREADY_REGISTERED', `Район ${districtId} уже зарегистрирован как «${state.name}»`, {
          districtId,
        });
      }
      return [{ type: 'DistrictRegistered', data: { districtId, name } }];
    }
    case 'RegisterSchool': {
      const { authority } = command.data;
      if (state.status !== 'registered') {
        fail('DISTRICT_NOT_FOUND', `Район ${command.data.districtId} не зарегистрирован`, {
          districtId: command.data.districtId,
        });
      }
      if (authority.kind === 'director') {
        fail('ACTOR_NOT_ALLOWED', 'Школу открывает администратор района');
      }
      if (authority.kind === 'district-administrator' && authority.districtId !== state.districtId) {
        fail('DISTRICT_MISMATCH', 'Открывать школы можно только в своём районе', {
          districtId: state.districtId,
        });
      }
      const schoolId = requireId(command.data.schoolId, 'Код школы');
      const name = requireName(command.data.name, 'Название школы');
      const known = state.schools.find((s) => s.schoolId === schoolId);
      if (known) {
        if (known.name === name) return [];
        fail('SCHOOL_ALREADY_REGISTERED', `Школа ${schoolId} уже открыта как «${known.name}»`, { schoolId });
      }
      return [{ type: 'SchoolRegistered', data: { districtId: state.districtId, schoolId, name } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolveDistrict(state: DistrictState, event: DistrictEvent): DistrictState {
  switch (event.type) {
    case 'DistrictRegistered':
      return { status: 'registered', districtId: event.data.districtId, name: event.data.name, schools: [] };
    case 'SchoolRegistered':
      if (state.status !== 'registered') return state;
      return {
        ...state,
        schools: [...state.schools, { schoolId: event.data.schoolId, name: event.data.name }],
      };
    default:
      return assertNever(event);
  }
}

export const districtDecider: Decider<DistrictCommand, DistrictEvent, DistrictState> = {
  decide: decideDistrict,
  evolve: evolveDistrict,
  initialState: initialDistrictState,
};
