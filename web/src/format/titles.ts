import type { DecisionStatus, ProcedureStage } from '../api/domain';

export const STAGE_NAMES: Record<ProcedureStage, string> = {
  scheduled: 'Запланирована',
  performed: 'Проведена',
  analysed: 'Проанализирована',
  discussed: 'Обсуждена',
  'following-up': 'Исполнение решений',
  closed: 'Закрыта',
  cancelled: 'Отменена',
};

export const DECISION_STATUS_NAMES: Record<DecisionStatus, string> = {
  open: 'Исполняется',
  overdue: 'Просрочено',
  executed: 'Исполнено',
  cancelled: 'Отменено',
};

export const ROLE_TITLES: Record<string, string> = {
  director: 'директор',
  deputy: 'заместитель директора',
  methodist: 'методист',
  teacher: 'учитель',
  auditor: 'аудитор',
  inspector: 'инспектор района',
};

/** Months of the cyclogram, as the plans write them: August is preparation, June ends the year. */
export const PLAN_MONTHS = [
  { month: 8, title: 'Август' },
  { month: 9, title: 'Сентябрь' },
  { month: 10, title: 'Октябрь' },
  { month: 11, title: 'Ноябрь' },
  { month: 12, title: 'Декабрь' },
  { month: 1, title: 'Январь' },
  { month: 2, title: 'Февраль' },
  { month: 3, title: 'Март' },
  { month: 4, title: 'Апрель' },
  { month: 5, title: 'Май' },
  { month: 6, title: 'Июнь' },
] as const;
