import { assertNever, type CommandContext } from '../../shared';
import type { Authority } from '../authority';
import { fail, requireEmail, requireId, requireName } from '../fail';
import {
  assignmentIdOf,
  describeHolding,
  type Holding,
  isPosition,
  POSITION_INFO,
  type PositionDetail,
} from '../positions';
import type { PositionToAssign, PersonCommand } from './commands';
import type { PersonEvent } from './events';
import type { PersonRecord, PersonState } from './state';

const DETAIL_NAMES: Record<PositionDetail, string> = {
  association: 'методическое объединение',
  className: 'класс',
  subjects: 'предметы',
};

/** A person's account and positions (stream `personStreamName`). */
export function decidePerson(command: PersonCommand, state: PersonState, ctx: CommandContext): PersonEvent[] {
  switch (command.type) {
    case 'RegisterPerson': {
      const personId = requireId(command.data.personId, 'Логин');
      const fullName = requireName(command.data.fullName, 'ФИО');
      const email = command.data.email === undefined ? undefined : requireEmail(command.data.email);
      if (state.status !== 'unregistered') {
        if (state.fullName === fullName && (email === undefined || state.email === email)) return [];
        fail('PERSON_ALREADY_REGISTERED', `Логин ${personId} уже занят: ${state.fullName}`, { personId });
      }
      return [{ type: 'PersonRegistered', data: { personId, fullName, ...(email ? { email } : {}) } }];
    }
    case 'AssignPosition': {
      const person = requireActive(state, command.data.personId);
      const holding = requireHolding(command.data.holding);
      requireMayGrant(command.data.authority, holding);
      const held = person.holdings.find((h) => h.assignmentId === holding.assignmentId);
      if (held && sameHolding(held, holding)) return [];
      return [{ type: 'PositionAssigned', data: { personId: person.personId, ...holding } }];
    }
    case 'RemovePosition': {
      const person = requireRegistered(state, command.data.personId);
      const held = person.holdings.find((h) => h.assignmentId === command.data.assignmentId);
      if (!held) {
        fail(
          'ASSIGNMENT_NOT_FOUND',
          `${person.fullName} не занимает должность ${command.data.assignmentId}`,
          {
            assignmentId: command.data.assignmentId,
          },
        );
      }
      requireMayGrant(command.data.authority, held);
      const reason = command.data.reason?.trim();
      return [
        {
          type: 'PositionRemoved',
          data: { personId: person.personId, assignmentId: held.assignmentId, ...(reason ? { reason } : {}) },
        },
      ];
    }
    case 'DeactivateAccount': {
      const person = requireRegistered(state, command.data.personId);
      const reason = command.data.reason?.trim() ?? '';
      if (reason.length === 0 || reason.length > 500) {
        fail('REASON_REQUIRED', 'Укажите причину отключения учётной записи (до 500 символов)');
      }
      if (ctx.actor.id === person.personId) {
        fail('SELF_DEACTIVATION', 'Свою учётную запись отключить нельзя: это делает руководитель');
      }
      requireMayManage(command.data.authority, person);
      if (state.status === 'deactivated') return [];
      return [{ type: 'AccountDeactivated', data: { personId: person.personId, reason } }];
    }
    case 'ReactivateAccount': {
      const person = requireRegistered(state, command.data.personId);
      requireMayManage(command.data.authority, person);
      if (state.status === 'active') return [];
      return [{ type: 'AccountReactivated', data: { personId: person.personId } }];
    }
    default:
      return assertNever(command);
  }
}

function requireRegistered(state: PersonState, personId: string): PersonRecord {
  if (state.status === 'unregistered') {
    fail('PERSON_NOT_FOUND', `Учётная запись ${personId} не найдена`, { personId });
  }
  return state;
}

function requireActive(state: PersonState, personId: string): PersonRecord {
  const person = requireRegistered(state, personId);
  if (state.status === 'deactivated') {
    fail('ACCOUNT_DEACTIVATED', `Учётная запись ${person.fullName} отключена: сначала включите её`, {
      personId,
    });
  }
  return person;
}

function requireHolding(input: PositionToAssign): Holding {
  if (!input || !isPosition(input.position)) {
    fail('POSITION_UNKNOWN', `Неизвестная должность «${String(input?.position)}»`);
  }
  const info = POSITION_INFO[input.position];
  const place =
    info.scope === 'school'
      ? { schoolId: requireScope(input.schoolId, input.districtId, 'школу') }
      : { districtId: requireScope(input.districtId, input.schoolId, 'район') };
  const details: Omit<Holding, 'assignmentId' | 'position' | 'schoolId' | 'districtId'> = {};
  for (const detail of ['association', 'className', 'subjects'] as const) {
    const given = input[detail];
    if (given === undefined) continue;
    if (info.requires !== detail && !(input.position === 'teacher' && detail === 'subjects')) {
      fail(
        'POSITION_DETAIL_UNEXPECTED',
        `Для должности «${info.title}» ${DETAIL_NAMES[detail]} не указывается`,
      );
    }
  }
  if (input.position === 'teacher' && input.subjects !== undefined) {
    const subjects = [...new Set(input.subjects.map((s) => requireDetailText(s, 'предмет')))];
    if (subjects.length > 30) fail('POSITION_DETAIL_INVALID', 'Не больше 30 предметов');
    if (subjects.length > 0) details.subjects = subjects;
  }
  if (info.requires === 'association' || info.requires === 'className') {
    const value = input[info.requires];
    if (value === undefined || value.trim() === '') {
      fail(
        'POSITION_DETAIL_REQUIRED',
        `Для должности «${info.title}» укажите ${DETAIL_NAMES[info.requires]}`,
        {
          position: input.position,
        },
      );
    }
    details[info.requires] = requireDetailText(value, DETAIL_NAMES[info.requires]);
  }
  const holding = { position: input.position, ...place, ...details };
  return { assignmentId: assignmentIdOf(holding), ...holding };
}

function requireScope(id: string | undefined, other: string | undefined, what: string): string {
  if (other !== undefined || id === undefined) {
    fail(
      'POSITION_SCOPE_INVALID',
      what === 'школу'
        ? 'Для школьной должности укажите школу (и не район)'
        : 'Для должности района укажите район (и не школу)',
    );
  }
  return requireId(id, what === 'школу' ? 'Код школы' : 'Код района');
}

function requireDetailText(value: unknown, what: string): string {
  const text = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  if (text.length === 0 || text.length > 100)
    fail('POSITION_DETAIL_INVALID', `${what}: от 1 до 100 символов`);
  return text;
}

/** Same assignment (same place, position, class or association in any case) and the same subjects. */
function sameHolding(a: Holding, b: Holding): boolean {
  return a.assignmentId === b.assignmentId && (a.subjects ?? []).join('\n') === (b.subjects ?? []).join('\n');
}

/** A director staffs their own school (but appoints no director); a district administrator, their district. */
function requireMayGrant(authority: Authority, holding: Holding): void {
  switch (authority.kind) {
    case 'system':
      return;
    case 'district-administrator':
      if (holding.districtId !== undefined && holding.districtId !== authority.districtId) {
        fail('DISTRICT_MISMATCH', 'Должности другого района назначает его администратор', {
          districtId: holding.districtId,
        });
      }
      return;
    case 'director':
      if (holding.schoolId !== authority.schoolId) {
        fail('SCHOOL_MISMATCH', 'Директор назначает на должности только в своей школе', {
          schoolId: holding.schoolId ?? holding.districtId,
        });
      }
      if (holding.position === 'director') {
        fail('ACTOR_NOT_ALLOWED', 'Директора назначает и снимает администратор района');
      }
      return;
    default:
      return assertNever(authority);
  }
}

/** Switching an account off or on: a director only for someone who works at their school alone. */
function requireMayManage(authority: Authority, person: PersonRecord): void {
  if (authority.kind !== 'director') {
    for (const h of person.holdings) requireMayGrant(authority, h);
    return;
  }
  const elsewhere = person.holdings.filter((h) => h.schoolId !== authority.schoolId);
  if (elsewhere.length > 0) {
    fail(
      'PERSON_WORKS_ELSEWHERE',
      `${person.fullName} работает и в другом месте (${elsewhere.map(describeHolding).join('; ')}): снимите с должности в своей школе, а учётную запись отключит администратор района`,
      { personId: person.personId },
    );
  }
  if (person.holdings.some((h) => h.position === 'director')) {
    fail('ACTOR_NOT_ALLOWED', 'Учётную запись директора отключает администратор района');
  }
}
