/**
 * In whose name an administrative act is done, as the use case established it from the caller's positions:
 * the installation itself (`vsoko` CLI, the move of accounts from before positions), a district's administrator,
 * or a school's director. The decider then says which acts each may do; that the school lies in the district is
 * checked by the use case, which knows the directory.
 */
export type Authority =
  | { kind: 'system' }
  | { kind: 'district-administrator'; districtId: string }
  | { kind: 'director'; schoolId: string };

export const AUTHORITY_NAMES: Record<Authority['kind'], string> = {
  system: 'администратор установки',
  'district-administrator': 'администратор района',
  director: 'директор школы',
};
