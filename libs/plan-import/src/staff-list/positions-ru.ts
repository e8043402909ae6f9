import type { Position } from '@vsoko/domain';
import { normaliseSubject, splitSubjects } from './subjects';

/** One position as a staff list names it, read into the organisation's terms. */
export interface ParsedPosition {
  position: Position;
  association?: string;
  className?: string;
  subjects?: string[];
  /** The words it was read from, for the preview. */
  asWritten: string;
}

export interface PositionReading {
  positions: ParsedPosition[];
  warnings: string[];
}

const DEPUTY_AREAS: Array<[RegExp, Position]> = [
  [/^(увр|ур|учебн[а-я]*(\s+и\s+|-)?воспитательн[а-я]*|учебн[а-я]*)/, 'deputy-academic'],
  [/^(вр|воспитательн[а-я]*)/, 'deputy-upbringing'],
  [/^(ахч|ахр|ахд|административно-хозяйственн[а-я]*|хозяйственн[а-я]*)/, 'deputy-facilities'],
  [/^(безопасност[а-я]*|об|кб|комплексн[а-я]*\s+безопасност[а-я]*)/, 'deputy-safety'],
];

/** Where each position begins in a cell: several may share one cell («учитель математики, кл. рук. 5А»). */
const STARTS: Array<[RegExp, Position | 'deputy']> = [
  [/зам(?:еститель|\.)?\s*(?:директора|дир\.?)/, 'deputy'],
  [/(?<!зам(?:еститель|\.)?\s*)директор/, 'director'],
  [/руководител[а-я]*\s+(?:ш?мо|методическ[а-я]*\s+объединени[а-я]*)|рук\.\s*ш?мо/, 'smo-head'],
  [/классн[а-я]*\s+руководител[а-я]*|кл\.\s*рук\.?/, 'class-teacher'],
  [/педагог[а-я]*[-\s]+психолог[а-я]*|(?<!-)психолог/, 'psychologist'],
  [/социальн[а-я]*\s+педагог[а-я]*|соц\.\s*педагог/, 'social-pedagogue'],
  [/(?:педагог[а-я]*[-\s]+)?библиотекар[а-я]*/, 'librarian'],
  [/секретар[а-я]*/, 'secretary'],
  [/методист[а-я]*/, 'methodist'],
  [/учител[а-я]*(?:-предметник[а-я]*)?/, 'teacher'],
];

const CLASS = /(\d{1,2})\s*[-«"]?\s*([а-яa-z])?["»]?/i;

/** «5А», «5 «А»», «10-б» → «5А»; «11» stays «11». */
export function normaliseClass(text: string): string | undefined {
  const m = CLASS.exec(text);
  if (!m) return undefined;
  const grade = Number(m[1]);
  if (grade < 1 || grade > 11) return undefined;
  return `${grade}${(m[2] ?? '').toUpperCase()}`;
}

/**
 * The positions in a «Должность» cell, read as schools write them: «учитель математики, физики»,
 * «классный руководитель 5А», «зам. директора по УВР», «руководитель ШМО учителей начальных классов»,
 * several in one cell separated by «;», a line break or a comma before the next position's name.
 */
export function readPositions(text: string): PositionReading {
  const warnings: string[] = [];
  const lower = text.toLowerCase().replace(/ё/g, 'е');
  const starts: Array<{ at: number; kind: Position | 'deputy'; length: number }> = [];
  for (const [re, kind] of STARTS) {
    const global = new RegExp(re.source, 'g');
    for (const m of lower.matchAll(global)) {
      const at = m.index ?? 0;
      // «педагог-библиотекарь» is one position, not «педагог» and then something else.
      if (starts.some((s) => at >= s.at && at < s.at + s.length)) continue;
      starts.push({ at, kind, length: m[0].length });
    }
  }
  starts.sort((a, b) => a.at - b.at);
  // «руководитель ШМО учителей начальных классов»: the teachers named right after ШМО are its association.
  for (let i = starts.length - 1; i > 0; i--) {
    const before = starts[i - 1];
    const between = lower.slice(before.at + before.length, starts[i].at);
    if (before.kind === 'smo-head' && starts[i].kind === 'teacher' && /^\s*$/.test(between)) {
      before.length = starts[i].at - before.at;
      starts.splice(i, 1);
    }
  }
  const positions: ParsedPosition[] = [];
  starts.forEach((start, i) => {
    const end = starts[i + 1]?.at ?? lower.length;
    const asWritten = text
      .slice(start.at, end)
      .replace(/[\s,;.]+$/, '')
      .trim();
    const rest = lower
      .slice(start.at + start.length, end)
      .replace(/\([^)]*\)/g, ' ')
      .replace(/^[\s.,:]+|[\s,;.]+$/g, '');
    const read = readOne(start.kind, rest, asWritten, warnings);
    if (read) positions.push(read);
  });
  if (positions.length === 0 && text.trim() !== '') {
    warnings.push(`Должность «${text.trim()}» не распознана: укажите её вручную`);
  }
  return { positions, warnings };
}

function readOne(
  kind: Position | 'deputy',
  rest: string,
  asWritten: string,
  warnings: string[],
): ParsedPosition | undefined {
  switch (kind) {
    case 'deputy': {
      const area = rest.replace(/^по\s+/, '');
      const found = DEPUTY_AREAS.find(([re]) => re.test(area));
      if (!found) {
        warnings.push(
          `«${asWritten}»: не понятно, по какому направлению заместитель (УВР, ВР, АХЧ, безопасность) — назначен по УВР`,
        );
        return { position: 'deputy-academic', asWritten };
      }
      return { position: found[1], asWritten };
    }
    case 'class-teacher': {
      const className = normaliseClass(rest);
      return className ? { position: kind, className, asWritten } : { position: kind, asWritten };
    }
    case 'smo-head': {
      const association = rest.trim();
      if (association === '') return { position: kind, asWritten };
      return {
        position: kind,
        association: association.startsWith('шмо') ? association : `ШМО ${association}`,
        asWritten,
      };
    }
    case 'teacher': {
      const subjects = splitSubjects(rest).map((s) => {
        const { subject, known } = normaliseSubject(s);
        if (!known) warnings.push(`Предмет «${s}» не из списка известных: записан как есть`);
        return subject;
      });
      return subjects.length > 0 ? { position: kind, subjects, asWritten } : { position: kind, asWritten };
    }
    default:
      return { position: kind, asWritten };
  }
}
