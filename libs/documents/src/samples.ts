import type { DocumentKind } from './kinds';

const decision = {
  number: 1,
  wording: 'Провести повторную диагностику по математике в 4А классе',
  deadline: 'Октябрь-декабрь 2023г',
  responsible: 'Руководители ШМО, учителя-предметники',
};

const common = { school: 'Школа', academicYear: '2023/24', generatedOn: '1 сентября 2023 г.' };

/** Data of every field, for rendering a school's template once before it is accepted. */
export const SAMPLE_DATA: Record<DocumentKind, object> = {
  'meeting-protocol': {
    ...common,
    number: 1,
    level: 'Педагогический совет',
    date: '30 августа 2023 г.',
    chair: 'Иванова А. П.',
    secretary: 'Петрова Н. С.',
    attendeesCount: 2,
    attendeesText: 'Иванова А. П., Петрова Н. С.',
    attendees: [
      { n: 1, name: 'Иванова А. П.', role: 'директор' },
      { n: 2, name: 'Петрова Н. С.', role: 'заместитель директора' },
    ],
    agenda: [{ n: 1, title: 'Итоги ВПР' }],
    items: [{ n: 1, title: 'Итоги ВПР', heard: 'Петрову Н. С.', decisions: [decision] }],
    decisions: [decision],
    status: 'проведено',
    signedOn: '',
  },
  'meeting-order': {
    ...common,
    level: 'Педагогический совет',
    levelGenitive: 'педагогического совета',
    meetingDate: '30 августа 2023 г.',
    protocolNumber: 1,
    decisions: [decision],
    controlNumber: 2,
    director: 'Иванова А. П.',
  },
  'procedure-report': {
    ...common,
    title: 'ВПР по математике, 4 класс',
    direction: 'Качество образовательных результатов',
    indicator: 'Качество знаний',
    object: 'Обучающиеся 4 классов',
    method: 'Всероссийская проверочная работа',
    window: '01.04.2024 — 30.04.2024',
    responsible: 'Петрова Н. С.',
    performedOn: '15 апреля 2024 г.',
    performedBy: 'Петрова Н. С.',
    collected: 'Работы обучающихся',
    analysedOn: '25 апреля 2024 г.',
    documentTitle: 'Аналитическая справка',
    figures: [{ n: 1, indicator: 'Качество знаний', value: '62,5', unit: '%' }],
    findings: [{ n: 1, text: 'Результаты подтверждают отметки' }],
    decisions: [decision],
    status: 'результаты проанализированы',
    predecessor: '',
  },
  'decisions-report': {
    ...common,
    meetingsCount: 1,
    decisionsCount: 1,
    rows: [
      {
        n: '1',
        level: 'Педагогический совет',
        date: 'Август 2023',
        decision: `1. ${decision.wording}`,
        deadline: decision.deadline,
        responsible: decision.responsible,
        status: 'на исполнении',
        executedOn: '',
        effectiveness: '',
      },
    ],
  },
};
