/*
 * A district's plan templates and where its schools stand with each, as GET /districts/:id/plan-templates and
 * GET /districts/:id/plan-templates/:templateId answer them (services/api/src/plans/templates/district-view).
 */

export interface PersonRef {
  id: string;
  name?: string;
}

export interface VersionCount {
  version: number;
  schools: number;
}

export interface AdoptionCounts {
  schools: number;
  latest: number;
  older: number;
  notAdopted: number;
  byVersion: VersionCount[];
}

export interface TemplateHeader {
  templateId: string;
  title: string;
  academicYear: string;
  version: number;
  rows: number;
  publishedAt: string;
  publishedBy: PersonRef;
  updatedAt: string;
  adoption: AdoptionCounts;
}

export interface DistrictTemplateList {
  districtId: string;
  name: string | null;
  schools: number;
  templates: TemplateHeader[];
}

export interface TemplatePublication {
  version: number;
  at: string;
  by: PersonRef;
  title: string;
  rows: number;
  changes?: { added: number; rescheduled: number; cancelled: number; amended: number; unchanged: number };
}

export interface SchoolAdoption {
  schoolId: string;
  name: string;
  version: number;
  rows: number;
  adoptedAt: string;
  adoptedBy: PersonRef;
  firstAdoptedAt: string;
  timeZone: string;
  onLatest: boolean;
}

export interface DistrictTemplate extends Omit<TemplateHeader, 'adoption'> {
  districtId: string;
  versions: TemplatePublication[];
  adoption: AdoptionCounts;
  adopted: SchoolAdoption[];
  notAdopted: { schoolId: string; name: string }[];
}

/** What the publisher gets back: the version recorded (or that nothing changed) and how the rows were read. */
export interface PublishResult {
  templateId: string;
  recorded: boolean;
  version: number;
  position?: number;
  rows: unknown[];
  warnings: unknown[];
}

/** «на последней версии — 12 из 30» */
export function latestText(a: AdoptionCounts): string {
  return `${a.latest} из ${a.schools}`;
}

/** «на прежних версиях — 3; не приняли — 15» (only the parts that are not zero); «все школы на последней версии». */
export function pendingText(a: AdoptionCounts): string {
  const parts: string[] = [];
  if (a.older > 0) parts.push(`на прежней версии ${a.older}`);
  if (a.notAdopted > 0) parts.push(`не приняли ${a.notAdopted}`);
  if (parts.length > 0) return parts.join('; ');
  return a.schools === 0 ? 'в районе нет школ' : 'все школы на последней версии';
}

/** «добавлено 1, перенесено 1, исключено 1» — what a version changed; «первая версия» for the first. */
export function changesText(p: TemplatePublication): string {
  if (!p.changes) return 'первая версия';
  const c = p.changes;
  const parts = [
    c.added ? `добавлено ${c.added}` : '',
    c.rescheduled ? `перенесено ${c.rescheduled}` : '',
    c.cancelled ? `исключено ${c.cancelled}` : '',
    c.amended ? `изменено ${c.amended}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'только название';
}

/** «3 из 4 строк»: the rows of its version a school took. */
export function rowsText(adoption: SchoolAdoption, versions: readonly TemplatePublication[]): string {
  const of = versions.find((v) => v.version === adoption.version)?.rows;
  return of === undefined || of === adoption.rows
    ? `все строки (${adoption.rows})`
    : `${adoption.rows} из ${of} ${plural(of, 'строки', 'строк', 'строк')}`;
}

/** Russian plural by the number: 1 строки, 2 строк, 5 строк («из 1 строки», «из 21 строки»). */
export function plural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/** A template id proposed from a title the publisher typed: Latin letters, digits and dashes, as ids are. */
export function templateIdFrom(title: string, academicYear: string): string {
  const map: Record<string, string> = {
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
    х: 'h',
    ц: 'c',
    ч: 'ch',
    ш: 'sh',
    щ: 'sch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
  };
  const latin = [...title.toLowerCase()].map((ch) => map[ch] ?? ch).join('');
  const slug = latin
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const year = academicYear.replace('/', '-');
  return slug ? `${slug}-${year}` : `template-${year}`;
}
