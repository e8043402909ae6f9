/** ГОСТ Р 52535.1-2006 / ICAO transliteration, as Russian passports and most school mail systems use it. */
const LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((c) => LATIN[c] ?? c).join('');
}

/** «Иванова Мария Петровна» → «ivanova.mp»; the first choice of a login, before collisions are looked at. */
export function loginOf(fullName: string): string {
  const [surname = '', ...names] = fullName.trim().split(/\s+/);
  const initials = names
    .map((n) =>
      transliterate(n)
        .replace(/[^a-z]/g, '')
        .charAt(0),
    )
    .join('');
  const base = transliterate(surname).replace(/[^a-z0-9-]/g, '') || 'staff';
  return (initials ? `${base}.${initials}` : base).slice(0, 60);
}

/** The n-th choice when earlier ones belong to other people: ivanova.mp, ivanova.mp2, ivanova.mp3 … */
export function loginCandidate(fullName: string, attempt: number): string {
  const first = loginOf(fullName);
  return attempt === 0 ? first : `${first}${attempt + 1}`;
}
