import { directionOfText, type Direction } from '@vsoko/domain';
import { monthOf } from '../deadlines/months';
import { normaliseText } from './columns';

/** «АВГУСТ», «Сентябрь» alone in a row: a month section of the plan. */
export function monthSection(text: string): number | undefined {
  const words = normaliseText(text).replace(/[.:]/g, '').split(' ');
  return words.length === 1 ? monthOf(words[0]) : undefined;
}

/** «КАЧЕСТВО УСЛОВИЙ ОБРАЗОВАТЕЛЬНОГО ПРОЦЕССА», «Механизмы управления качеством образовательных результатов». */
export function directionSection(text: string): Direction | undefined {
  const t = normaliseText(text);
  if (!/^(качество (образовательн|услови)|механизм|удовлетворенность потребител)/.test(t) || t.length > 120) {
    return undefined;
  }
  return directionOfText(t);
}
