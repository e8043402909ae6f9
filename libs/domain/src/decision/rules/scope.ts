import { optionalText } from '../../procedure/rules';
import type { ClassScope, DecisionScope } from '../values';
import { fail } from './fail';

const CLASS = /^(\d{1,2})\s*[-«"]?\s*([а-яё])?[»"]?$/i;

/**
 * «1-6» → 1 … 6, «3,4» → 3 and 4, «4А» → 4А, «1-4, 7Б» → 1 … 4 and 7Б: the classes a measure is for, as a
 * list; null when the text is not such a list (grades 1–11, a range in order).
 */
export function parseClasses(text: string): string[] | null {
  const parts = text
    .split(/[,;]|\s+и\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  const out: string[] = [];
  for (const part of parts) {
    const range = /^(\d{1,2})\s*[-–—]\s*(\d{1,2})$/.exec(part);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (a < 1 || b > 11 || a > b) return null;
      for (let g = a; g <= b; g++) out.push(String(g));
      continue;
    }
    const one = CLASS.exec(part);
    if (!one || Number(one[1]) < 1 || Number(one[1]) > 11) return null;
    out.push(`${Number(one[1])}${(one[2] ?? '').toUpperCase()}`);
  }
  return [...new Set(out)];
}

export function requireScope(value: DecisionScope | undefined): DecisionScope {
  if (value === undefined) return {};
  const classes = value.classes === undefined ? undefined : requireClasses(value.classes);
  const subjects = names(value.subjects, 'SUBJECTS_INVALID', 'Предметы — список названий');
  const teachers = names(value.teachers, 'TEACHERS_INVALID', 'Учителя — список имён или должностей');
  return {
    ...(classes ? { classes } : {}),
    ...(subjects ? { subjects } : {}),
    ...(teachers ? { teachers } : {}),
  };
}

function requireClasses(value: ClassScope): ClassScope {
  const asWritten = optionalText(value?.asWritten);
  const classes = asWritten === undefined ? null : parseClasses(asWritten);
  if (asWritten === undefined || classes === null) {
    fail(
      'CLASSES_INVALID',
      `Классы «${String(value?.asWritten ?? '')}» не распознаны: пишите «1-6», «3,4» или «4А»`,
    );
  }
  return { asWritten, classes };
}

function names(value: string[] | undefined, code: string, message: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(code, message);
  const list = value.map((v) => optionalText(v)).filter((v): v is string => v !== undefined);
  return list.length > 0 ? list : undefined;
}
