import { requireText } from '../../procedure/rules';
import type { AgendaItem, AgendaSubject } from '../values';
import { fail } from './fail';

export function requireAgendaItem(item: AgendaItem | undefined, position: string): AgendaItem {
  const itemId = requireText(
    item?.itemId,
    'AGENDA_ITEM_ID_REQUIRED',
    `У вопроса повестки ${position} нет идентификатора`,
  );
  const title = requireText(
    item?.title,
    'AGENDA_ITEM_TITLE_REQUIRED',
    `Сформулируйте вопрос повестки ${position}`,
  );
  const subject = item?.subject === undefined ? undefined : requireSubject(item.subject, position);
  return { itemId, title, ...(subject ? { subject } : {}) };
}

function requireSubject(subject: AgendaSubject, position: string): AgendaSubject {
  if (subject.kind === 'procedure') {
    return {
      kind: 'procedure',
      procedureId: requireText(
        subject.procedureId,
        'AGENDA_SUBJECT_INVALID',
        `Вопрос ${position}: не указана процедура`,
      ),
    };
  }
  if (subject.kind === 'decision') {
    return {
      kind: 'decision',
      decisionId: requireText(
        subject.decisionId,
        'AGENDA_SUBJECT_INVALID',
        `Вопрос ${position}: не указано решение`,
      ),
    };
  }
  return fail('AGENDA_SUBJECT_INVALID', `Вопрос ${position}: рассматривается процедура или решение`);
}

/** An agenda is a list of distinct items. */
export function requireAgenda(value: AgendaItem[] | undefined): AgendaItem[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('AGENDA_INVALID', 'Повестка — список вопросов');
  const seen = new Set<string>();
  return value.map((raw, i) => {
    const item = requireAgendaItem(raw, `№${i + 1}`);
    if (seen.has(item.itemId)) {
      fail('AGENDA_ITEM_DUPLICATE', `Вопрос ${item.itemId} уже есть в повестке`, { itemId: item.itemId });
    }
    seen.add(item.itemId);
    return item;
  });
}

export function requireReason(value: unknown, action: string): string {
  return requireText(value, 'REASON_REQUIRED', `${action}: укажите причину`);
}
