import { ColourTag, type TagColour } from '../format/StatusTag';
import type { DecisionRecord } from './meetings-model';

type Status = DecisionRecord['status'];

const NAMES: Record<Status, string> = {
  open: 'Исполняется',
  reopened: 'Неэффективно: снова в работе',
  executed: 'Исполнено',
  assessed: 'Эффективность оценена',
  withdrawn: 'Отменено',
};
const COLOURS: Record<Status, TagColour> = {
  open: 'blue',
  reopened: 'amber',
  executed: 'green',
  assessed: 'teal',
  withdrawn: 'grey',
};

/** A decision of a meeting: its state, and «Просрочено» while its deadline in force is missed. */
export function DecisionRecordTag({ status, overdue }: { status: Status; overdue?: boolean }) {
  if (overdue && (status === 'open' || status === 'reopened'))
    return <ColourTag colour="red">Просрочено</ColourTag>;
  return <ColourTag colour={COLOURS[status]}>{NAMES[status]}</ColourTag>;
}
