import { DIRECTIONS, type Direction, type Responsible } from '@vsoko/domain';
import type { VsokoFields } from './occurrence';

/**
 * How a school marks a calendar event for vsoko (docs/adr/0005-calendar-integrations.md):
 * - the category «ВСОКО» (or VSOKO), or a tag in the summary: `[ВСОКО]`, `[VSOKO]`, `#всоко`, `#vsoko`;
 * - optional properties X-VSOKO-DIRECTION, X-VSOKO-RESPONSIBLE, X-VSOKO-RESPONSIBLE-ID, X-VSOKO-METHOD;
 * - or lines of the description: `направление: результаты`, `ответственный: Иванова И. И.`, `метод: …`,
 *   `показатель: …`, `объект: …`, `форма: …` (English keys direction/responsible/method/indicator/object/form too).
 * Properties win over description lines.
 */
export interface EventText {
  summary: string;
  categories: string[];
  description: string;
  /** X-VSOKO-* properties by upper-case name. */
  properties: Record<string, string>;
}

const CATEGORY = /^(всоко|vsoko)$/i;
const SUMMARY_TAG = /\[(?:всоко|vsoko)\]|#(?:всоко|vsoko)(?![\p{L}\p{N}_])/giu;

const LINE_KEYS: Record<string, keyof Omit<VsokoFields, 'title' | 'responsible'> | 'responsible'> = {
  направление: 'direction',
  direction: 'direction',
  ответственный: 'responsible',
  responsible: 'responsible',
  метод: 'method',
  method: 'method',
  показатель: 'indicator',
  indicator: 'indicator',
  объект: 'object',
  object: 'object',
  форма: 'resultForm',
  form: 'resultForm',
};

/** Russian words the plans use for each direction, matched by stem. */
const DIRECTION_STEMS: Array<[RegExp, Direction]> = [
  [/результат/i, 'results'],
  [/процесс/i, 'process'],
  [/услови/i, 'conditions'],
  [/удовлетвор/i, 'satisfaction'],
];

export function isMarked(text: EventText): boolean {
  if (text.categories.some((c) => CATEGORY.test(c.trim()))) return true;
  if (new RegExp(SUMMARY_TAG.source, 'iu').test(text.summary)) return true;
  return Object.keys(text.properties).some((name) => name.startsWith('X-VSOKO-'));
}

export function readConvention(text: EventText): VsokoFields | null {
  if (!isMarked(text)) return null;
  const lines = descriptionFields(text.description);
  const prop = (name: string) => text.properties[`X-VSOKO-${name}`]?.trim() || undefined;
  const direction = parseDirection(prop('DIRECTION') ?? lines.direction);
  const responsibleName = prop('RESPONSIBLE') ?? lines.responsible;
  const personId = prop('RESPONSIBLE-ID');
  const responsible: Responsible | undefined = responsibleName
    ? { name: responsibleName, ...(personId ? { personId } : {}) }
    : undefined;
  const fields: VsokoFields = {
    title: text.summary.replace(SUMMARY_TAG, '').replace(/\s+/g, ' ').trim(),
    ...(direction ? { direction } : {}),
    ...(responsible ? { responsible } : {}),
  };
  for (const key of ['method', 'indicator', 'object', 'resultForm'] as const) {
    const value = prop(key === 'resultForm' ? 'FORM' : key.toUpperCase()) ?? lines[key];
    if (value) fields[key] = value;
  }
  return fields;
}

export function parseDirection(value: string | undefined): Direction | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if ((DIRECTIONS as readonly string[]).includes(v)) return v as Direction;
  return DIRECTION_STEMS.find(([stem]) => stem.test(v))?.[1];
}

function descriptionFields(description: string): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const line of description.split(/\r?\n/)) {
    const m = /^\s*([\p{L}]+)\s*:\s*(.+?)\s*$/u.exec(line);
    const key = m && LINE_KEYS[m[1].toLowerCase()];
    if (key && m && out[key] === undefined) out[key] = m[2];
  }
  return out;
}
