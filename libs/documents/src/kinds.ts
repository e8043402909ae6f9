/**
 * The documents vsoko writes as Word files, each from a `.docx` template with fields in braces (docxtemplater's
 * syntax: `{number}`, loops `{#decisions}…{/decisions}`). A school may replace any of them with its own template
 * that uses the same fields; the field list below is what such a template may use (and all it may use).
 */
export const DOCUMENT_KINDS = [
  'meeting-protocol',
  'meeting-order',
  'procedure-report',
  'decisions-report',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

export interface FieldInfo {
  /** What the field holds, in Russian, for the school's clerk who builds a template. */
  title: string;
  /** For a loop (`{#name}…{/name}`): the fields of one item. */
  item?: Record<string, string>;
}

export interface DocumentKindInfo {
  title: string;
  /** The committed default template: libs/documents/templates/<file>. */
  file: string;
  fields: Record<string, FieldInfo>;
}

const DECISION_ITEM = {
  number: 'номер решения («1»)',
  wording: 'формулировка решения',
  deadline: 'срок, как записан в протоколе («Октябрь-декабрь 2023г»), или дата',
  responsible: 'ответственные, как записаны',
};

const CORRECTION_ITEM = {
  on: 'дата исправления («05.09.2023»)',
  reason: 'причина исправления',
  what: 'что исправлено (««слушали»; решение 2: срок»)',
};

const COMMON = {
  school: { title: 'название школы из справочника района («МБОУ «Ильинская СОШ»»)' },
  district: { title: 'район, в котором школа (название из справочника), или пусто' },
  academicYear: { title: 'учебный год («2023/24»)' },
  generatedOn: { title: 'дата формирования документа («2 декабря 2026 г.»)' },
};

export const DOCUMENT_KIND_INFO: Record<DocumentKind, DocumentKindInfo> = {
  'meeting-protocol': {
    title: 'Протокол заседания',
    file: 'meeting-protocol.docx',
    fields: {
      ...COMMON,
      number: { title: 'номер протокола' },
      level: { title: 'заседание («Педагогический совет», «Заседание ШМО учителей начальных классов»)' },
      heading: { title: 'заголовок после «ПРОТОКОЛ № 1» («заседания педагогического совета»)' },
      date: { title: 'дата заседания («15 сентября 2023 г.», «август 2023 г.»)' },
      chair: { title: 'председатель' },
      secretary: { title: 'секретарь' },
      attendeesCount: { title: 'число присутствовавших' },
      attendeesText: { title: 'присутствовали, одной строкой через запятую' },
      attendees: { title: 'присутствовали, списком', item: { n: 'номер', name: 'ФИО', role: 'должность' } },
      agenda: { title: 'повестка', item: { n: 'номер вопроса', title: 'вопрос' } },
      items: {
        title: 'ход заседания по вопросам',
        item: {
          n: 'номер вопроса',
          title: 'вопрос',
          heard: 'СЛУШАЛИ',
          hasDecisions: 'есть ли решения по вопросу (для {#hasDecisions}РЕШИЛИ:{/hasDecisions})',
          decisions: 'РЕШИЛИ: решения по вопросу (как в decisions)',
        },
      },
      decisions: { title: 'все решения заседания по номерам', item: DECISION_ITEM },
      status: { title: 'состояние («проведено», «протокол подписан»)' },
      signedOn: { title: 'дата подписания протокола или пусто' },
      corrections: {
        title: 'исправления протокола («Исправлено …»), пусто если не исправлялся',
        item: CORRECTION_ITEM,
      },
    },
  },
  'meeting-order': {
    title: 'Приказ о выполнении решений заседания',
    file: 'meeting-order.docx',
    fields: {
      ...COMMON,
      level: { title: 'заседание, решения которого вводятся приказом' },
      levelGenitive: { title: 'заседание в родительном падеже («педагогического совета»)' },
      meetingDate: { title: 'дата заседания' },
      protocolNumber: { title: 'номер протокола' },
      decisions: { title: 'решения заседания по номерам', item: DECISION_ITEM },
      controlNumber: { title: 'номер пункта «Контроль за исполнением приказа…» (после решений)' },
      director: { title: 'директор (председатель заседания, если записан)' },
      acquainted: {
        title: 'с приказом ознакомлены: ответственные по решениям, названные поимённо',
        item: { name: 'фамилия и инициалы' },
      },
      corrections: {
        title: 'исправления протокола, меняющие приказ (дата, председатель, решения), пусто если их нет',
        item: CORRECTION_ITEM,
      },
    },
  },
  'procedure-report': {
    title: 'Аналитическая справка по оценочной процедуре',
    file: 'procedure-report.docx',
    fields: {
      ...COMMON,
      title: { title: 'процедура («ВПР по математике, 4 класс»)' },
      direction: { title: 'направление ВСОКО' },
      indicator: { title: 'показатель' },
      object: { title: 'объект оценки' },
      method: { title: 'метод (форма) оценки' },
      window: { title: 'сроки проведения по плану' },
      responsible: { title: 'ответственный' },
      performedOn: { title: 'когда проведена' },
      performedBy: { title: 'кто провёл' },
      collected: { title: 'собранные материалы одной строкой' },
      analysedOn: { title: 'дата анализа' },
      documentTitle: { title: 'документ с результатами анализа' },
      figures: {
        title: 'цифры',
        item: { n: 'номер', indicator: 'показатель', value: 'значение', unit: 'единица' },
      },
      findings: { title: 'выводы', item: { n: 'номер', text: 'вывод' } },
      discussedAt: {
        title:
          'где и когда рассмотрены результаты («Педагогический совет, 15 октября 2025 г., протокол № 1»)',
      },
      decisions: {
        title:
          'управленческие решения по процедуре (и принятые на заседаниях, где её результаты рассматривались)',
        item: DECISION_ITEM,
      },
      status: { title: 'этап процедуры («проанализирована»)' },
      predecessor: { title: 'та же процедура прошлого года (название и год) или пусто' },
    },
  },
  'decisions-report': {
    title: 'Анализ использования результатов оценочных процедур (отчёт школы)',
    file: 'decisions-report.docx',
    fields: {
      ...COMMON,
      rows: {
        title: 'раздел 1: заседания и их решения, строка за строкой',
        item: {
          n: '№ заседания (в первой строке заседания)',
          level: 'уровень',
          date: 'дата',
          decision: 'формулировка решения с номером',
          deadline: 'срок исполнения, как записан',
          responsible: 'ответственный',
          status: 'статус',
          executedOn: 'исполнено',
          effectiveness: 'эффективность',
        },
      },
      meetingsCount: { title: 'число заседаний' },
      decisionsCount: { title: 'число решений' },
      measures: {
        title: 'раздел 2: мероприятия по классам, предметам, учителям',
        item: {
          n: '№ (в первой строке)',
          year: 'учебный год («2023-2024», в первой строке)',
          measure: 'мероприятие с номером',
          classes: 'классы, как записаны («1-6»)',
          subjects: 'предметы',
          teachers: 'учителя (или ответственные)',
          adopted: 'где принято (заседание, протокол или приказ)',
          status: 'статус',
          executedOn: 'исполнено',
          effectiveness: 'эффективность',
        },
      },
      measuresCount: { title: 'число мероприятий раздела 2' },
      dynamics: {
        title: 'раздел 3: динамика показателей по процедурам и годам',
        item: {
          n: '№ линии динамики (в её первой строке)',
          indicator: 'показатель (в первой строке)',
          procedure: 'оценочная процедура',
          year: 'учебный год',
          analysedOn: 'дата анализа',
          value: 'значение («62,5»)',
          unit: 'единица («%»)',
          change: 'изменение к предыдущему значению («+3,5», «-2»)',
          document: 'итоговый документ',
        },
      },
      indicatorsCount: { title: 'число показателей раздела 3' },
      compiledBy: {
        title:
          'кто сформировал отчёт: должность в школе и фамилия с инициалами («Заместитель директора по УВР: Виноградова В. А.»)',
      },
    },
  },
};

/** Every top-level field and every loop's item field a template of this kind may name. */
export function allowedTags(kind: DocumentKind): { top: Set<string>; nested: Set<string> } {
  const top = new Set<string>();
  const nested = new Set<string>();
  for (const [name, info] of Object.entries(DOCUMENT_KIND_INFO[kind].fields)) {
    top.add(name);
    for (const inner of Object.keys(info.item ?? {})) nested.add(inner);
  }
  // Items of decisions inside the protocol's items: the decision's own fields.
  for (const inner of Object.keys(DECISION_ITEM)) nested.add(inner);
  return { top, nested };
}
