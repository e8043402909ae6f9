/** A role of the school's staff and the ways plans write it (regular expressions, matched at a word start). */
export interface StaffRole {
  code: string;
  title: string;
  patterns: string[];
}

export interface StaffDirectory {
  roles: StaffRole[];
}

/** Abbreviations of a deputy's area: «по УВР, ВР, АХЧ». */
const AREAS = '(?:\\s+по\\s+[А-ЯЁA-Z]{1,4}(?:\\s*,\\s*[А-ЯЁA-Z]{1,4}(?!\\p{L}))*)?';

/** The roles every school has; a school's JSON file may add roles or more patterns for these. */
export const DEFAULT_DIRECTORY: StaffDirectory = {
  roles: [
    { code: 'director', title: 'Директор', patterns: ['директор(?:а)?(?:\\s+школы)?'] },
    {
      code: 'deputy',
      title: 'Заместитель директора',
      patterns: [`зам(?:естител[а-я]*|\\.)\\s*(?:директора|дир\\.?)${AREAS}`],
    },
    { code: 'methodist', title: 'Методист', patterns: ['методист[а-я]*', 'методическая\\s+служба'] },
    {
      code: 'methodical-council',
      title: 'Методический совет',
      patterns: ['(?:председатель\\s+)?мс(?:\\s+школы)?(?!\\p{L})', 'методическ[а-я]+\\s+совет[а-я]*'],
    },
    {
      code: 'smo-head',
      title: 'Руководитель ШМО',
      patterns: ['руководител[а-я]*\\s+(?:ш?мо|методических\\s+объединений)(?!\\p{L})', 'ш?мо(?!\\p{L})'],
    },
    {
      code: 'class-teacher',
      title: 'Классный руководитель',
      patterns: ['классн[а-я]*\\s+руководител[а-я]*'],
    },
    {
      code: 'teacher',
      title: 'Учитель',
      patterns: ['учител[а-я]*(?:-предметник[а-я]*)?', 'педагог[а-я]*(?:\\s+школы)?'],
    },
    { code: 'administration', title: 'Администрация', patterns: ['администраци[а-я]*(?:\\s+школы)?'] },
    { code: 'librarian', title: 'Библиотекарь', patterns: ['библиотекар[а-я]*'] },
    { code: 'site-editor', title: 'Ответственный за сайт', patterns: ['ответственн[а-я]*\\s+за\\s+сайт'] },
    { code: 'preschool-head', title: 'Руководитель СП', patterns: ['руководител[а-я]*\\s+сп(?!\\p{L})'] },
    { code: 'psychologist', title: 'Педагог-психолог', patterns: ['(?:педагог-)?психолог[а-я]*'] },
    { code: 'social-pedagogue', title: 'Социальный педагог', patterns: ['социальн[а-я]*\\s+педагог[а-я]*'] },
  ],
};

/** A school's file adds roles, or patterns to a role with the same code, before the defaults are tried. */
export function extendDirectory(base: StaffDirectory, extra: StaffDirectory | undefined): StaffDirectory {
  if (!extra) return base;
  const byCode = new Map(base.roles.map((r) => [r.code, { ...r, patterns: [...r.patterns] }]));
  for (const role of extra.roles) {
    const known = byCode.get(role.code);
    if (known) known.patterns.unshift(...role.patterns);
    else byCode.set(role.code, { ...role });
  }
  const added = extra.roles.filter((r) => !base.roles.some((b) => b.code === r.code)).map((r) => r.code);
  const order = [...added, ...base.roles.map((r) => r.code)];
  return { roles: order.map((code) => byCode.get(code)!) };
}
