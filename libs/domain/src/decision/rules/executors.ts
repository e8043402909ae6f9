import { optionalText, requireResponsible } from '../../procedure/rules';
import type { Executors } from '../values';
import { fail } from './fail';

/** One lead, any number of distinct co-executors (people or roles), and the cell as written. */
export function requireExecutors(value: Executors | undefined): Executors {
  const lead = requireResponsible(value?.lead, 'RESPONSIBLE_REQUIRED', 'Укажите ответственного за решение');
  if (value?.coExecutors !== undefined && !Array.isArray(value.coExecutors)) {
    fail('CO_EXECUTORS_INVALID', 'Соисполнители — список людей или должностей');
  }
  const coExecutors = (value?.coExecutors ?? []).map((r, i) =>
    requireResponsible(r, 'CO_EXECUTORS_INVALID', `Соисполнитель №${i + 1}: укажите имя или должность`),
  );
  const asWritten = optionalText(value?.asWritten);
  return { lead, coExecutors, ...(asWritten !== undefined ? { asWritten } : {}) };
}
