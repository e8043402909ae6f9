import { describeHolding, type DistrictEvent, type PersonEvent } from '@vsoko/domain';

/** One Russian sentence per organisation event (districts, schools, people and their positions). */
export function describeOrganisationEvent(event: { type: string; data: unknown }): string | undefined {
  const e = event as DistrictEvent | PersonEvent;
  switch (e.type) {
    case 'DistrictRegistered':
      return `Зарегистрирован район «${e.data.name}» (${e.data.districtId})`;
    case 'SchoolRegistered':
      return `Открыта школа «${e.data.name}» (${e.data.schoolId})`;
    case 'PersonRegistered':
      return `Заведена учётная запись: ${e.data.fullName} (логин ${e.data.personId})`;
    case 'PositionAssigned': {
      const { personId: _person, assignmentId: _id, ...holding } = e.data;
      const where = holding.schoolId ? `, школа ${holding.schoolId}` : `, район ${holding.districtId ?? ''}`;
      return `${e.data.personId}: назначение — ${describeHolding(holding)}${where}`;
    }
    case 'PositionRemoved':
      return `${e.data.personId}: снят(а) с должности ${e.data.assignmentId}${e.data.reason ? `: ${e.data.reason}` : ''}`;
    case 'AccountDeactivated':
      return `Учётная запись ${e.data.personId} отключена: ${e.data.reason}`;
    case 'AccountReactivated':
      return `Учётная запись ${e.data.personId} снова включена`;
    default:
      return undefined;
  }
}
