import type { Executors, Responsible } from '@vsoko/domain';
import type { StaffDirectory } from '../staff/directory';
import { matchResponsible } from '../staff/match-responsible';

/**
 * «Зам.директора по УВР, руководители ШМО, кл.руководители» → the first role recognised leads, the others
 * co-execute; words no role explains co-execute under their own name. The cell is kept as written. Null for a
 * blank cell.
 */
export function executorsFromText(text: string, directory: StaffDirectory): Executors | null {
  const match = matchResponsible(text, directory);
  if (match.text === '') return null;
  const title = (code: string) => directory.roles.find((r) => r.code === code)?.title ?? code;
  const people: Responsible[] = [
    ...match.roles.map((role) => ({ role, name: title(role) })),
    ...match.unknown.map((name) => ({ name })),
  ];
  const [lead, ...coExecutors] = people.length > 0 ? people : [{ name: match.text }];
  return { lead, coExecutors, asWritten: match.text };
}
