import { POSITION_INFO, SCHOOL_POSITIONS, type Holding } from '@vsoko/domain';

/** «Виноградова Вера Андреевна» → «Виноградова В. А.»; a name already short, or of one word, stays as written. */
export function shortName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  if (words.length < 2 || words.slice(1).some((w) => w.includes('.'))) return fullName.trim();
  return `${words[0]} ${words
    .slice(1, 3)
    .map((w) => `${w[0].toUpperCase()}.`)
    .join(' ')}`;
}

/**
 * Who signs a report they formed, as seed 002 ends: «Заместитель директора по УВР: Виноградова В. А.» — the most
 * senior position the person holds at the school (in the order positions are listed), then the short name.
 */
export function signatory(name: string | undefined, positions: readonly Holding[], schoolId: string): string {
  const person = name ? shortName(name) : '';
  const held = positions.filter((h) => h.schoolId === schoolId).map((h) => h.position);
  const senior = SCHOOL_POSITIONS.find((p) => held.includes(p));
  if (!senior) return person;
  const title = POSITION_INFO[senior].title;
  const capitalised = `${title[0].toUpperCase()}${title.slice(1)}`;
  return person ? `${capitalised}: ${person}` : capitalised;
}
