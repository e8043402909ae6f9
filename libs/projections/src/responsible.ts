import type { Responsible } from '@vsoko/domain';

/** One string to filter by: the person when named, else the role, else the name as typed in the plan. */
export function responsibleKey(responsible: Responsible): string {
  return responsible.personId ?? responsible.role ?? responsible.name;
}
