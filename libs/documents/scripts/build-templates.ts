/**
 * Builds the default Word templates in libs/documents/templates/ once; the .docx files are committed and are
 * what the system uses (this script is kept only to rebuild them after a change of layout). Each field sits in
 * one text run, so that docxtemplater sees `{number}` whole. Run:
 *   node infra/scripts/run-ts.js libs/documents/scripts/build-templates.ts
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

const FONT = 'Times New Roman';

type Run = string | { text: string; bold?: boolean; italics?: boolean };

function p(runs: Run | Run[], options: { center?: boolean; right?: boolean; bold?: boolean } = {}) {
  const children: ParagraphChild[] = (Array.isArray(runs) ? runs : [runs]).map((r) =>
    typeof r === 'string'
      ? new TextRun({ text: r, bold: options.bold ?? false })
      : new TextRun({ text: r.text, bold: r.bold ?? options.bold ?? false, italics: r.italics ?? false }),
  );
  return new Paragraph({
    children,
    alignment: options.center
      ? AlignmentType.CENTER
      : options.right
        ? AlignmentType.RIGHT
        : AlignmentType.LEFT,
    spacing: { after: 80 },
  });
}

const blank = () => p('');

/** Paragraphs docxtemplater repeats once per item of `name` (or shows when it is true): `{#name}` … `{/name}`. */
const loop = (name: string, ...body: Paragraph[]) => [p(`{#${name}}`), ...body, p(`{/${name}}`)];

/** The decisions as a numbered list, as protocols, orders and reports write them; `prefix` numbers them under an item. */
const decisionList = (prefix = '') =>
  loop('decisions', p(`${prefix}{number}. {wording} Срок: {deadline}. Ответственный: {responsible}.`));

function cell(text: string, bold = false, widthPct?: number) {
  return new TableCell({
    children: [p(text, { bold })],
    ...(widthPct ? { width: { size: widthPct, type: WidthType.PERCENTAGE } } : {}),
  });
}

/** A table whose second row repeats once per item: `{#loop}` opens in its first cell, `{/loop}` closes in its last. */
function loopTable(loop: string, columns: Array<{ header: string; field: string; width: number }>) {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const last = columns.length - 1;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((c) => cell(c.header, true, c.width)),
      }),
      new TableRow({
        children: columns.map((c, i) =>
          cell(`${i === 0 ? `{#${loop}}` : ''}{${c.field}}${i === last ? `{/${loop}}` : ''}`, false, c.width),
        ),
      }),
    ],
  });
}

function document(children: Array<Paragraph | Table>, landscape = false) {
  return new Document({
    creator: 'vsoko',
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          page: {
            size: landscape
              ? { orientation: 'landscape', width: 16838, height: 11906 }
              : { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1418, right: 850 },
          },
        },
        children,
      },
    ],
  });
}

const DECISION_COLUMNS = [
  { header: '№', field: 'number', width: 6 },
  { header: 'Решение', field: 'wording', width: 50 },
  { header: 'Срок', field: 'deadline', width: 18 },
  { header: 'Ответственный', field: 'responsible', width: 26 },
];

/** The heading of a school's paper: its district above, its name as registered. */
const heading = () => [p('{district}', { center: true }), p('{school}', { center: true, bold: true })];

/** A corrected paper ends with one note per correction; a paper never corrected has none (the loop is empty). */
const corrections = () => [
  ...loop('corrections', p([{ text: 'Исправлено {on}: {reason} ({what}).', italics: true }])),
];

const protocol = document([
  ...heading(),
  blank(),
  p('ПРОТОКОЛ № {number}', { center: true, bold: true }),
  p('{heading}', { center: true, bold: true }),
  p([{ text: 'от {date}' }], { center: true }),
  blank(),
  p([{ text: 'Председатель: ', bold: true }, '{chair}']),
  p([{ text: 'Секретарь: ', bold: true }, '{secretary}']),
  p([{ text: 'Присутствовали: ', bold: true }, '{attendeesCount} чел.: {attendeesText}']),
  blank(),
  p('ПОВЕСТКА ДНЯ:', { bold: true }),
  ...loop('agenda', p('{n}. {title}')),
  blank(),
  ...loop(
    'items',
    p([{ text: '{n}. СЛУШАЛИ: ', bold: true }, '{title}. {heard}']),
    ...loop('hasDecisions', p('РЕШИЛИ:', { bold: true })),
    ...decisionList('{n}.'),
  ),
  blank(),
  p('ПРИНЯТЫЕ РЕШЕНИЯ:', { bold: true }),
  loopTable('decisions', DECISION_COLUMNS),
  blank(),
  p('Председатель ______________ {chair}'),
  p('Секретарь ______________ {secretary}'),
  ...corrections(),
]);

const order = document([
  ...heading(),
  blank(),
  p('ПРИКАЗ', { center: true, bold: true }),
  p('{generatedOn}                                                                  № ______'),
  blank(),
  p('О выполнении решений {levelGenitive} от {meetingDate} (протокол № {protocolNumber})', {
    bold: true,
  }),
  blank(),
  p(
    'В соответствии с решениями {levelGenitive} от {meetingDate}, протокол № {protocolNumber}, в целях реализации внутренней системы оценки качества образования в {academicYear} учебном году',
  ),
  p('ПРИКАЗЫВАЮ:', { bold: true }),
  ...decisionList(),
  p('{controlNumber}. Контроль за исполнением приказа оставляю за собой.'),
  blank(),
  p('Директор ______________ {director}'),
  blank(),
  p('С приказом ознакомлены:'),
  ...loop('acquainted', p('______________ {name}')),
  ...corrections(),
]);

const report = document([
  ...heading(),
  blank(),
  p('АНАЛИТИЧЕСКАЯ СПРАВКА', { center: true, bold: true }),
  p('по итогам оценочной процедуры «{title}»', { center: true, bold: true }),
  p('{academicYear} учебный год', { center: true }),
  blank(),
  p([{ text: 'Направление ВСОКО: ', bold: true }, '{direction}']),
  p([{ text: 'Показатель: ', bold: true }, '{indicator}']),
  p([{ text: 'Объект оценки: ', bold: true }, '{object}']),
  p([{ text: 'Метод оценки: ', bold: true }, '{method}']),
  p([{ text: 'Сроки по плану: ', bold: true }, '{window}']),
  p([{ text: 'Ответственный: ', bold: true }, '{responsible}']),
  p([{ text: 'Проведена: ', bold: true }, '{performedOn} {performedBy}']),
  p([{ text: 'Собранные материалы: ', bold: true }, '{collected}']),
  p([{ text: 'Та же процедура в прошлом году: ', bold: true }, '{predecessor}']),
  blank(),
  p('1. Результаты', { bold: true }),
  loopTable('figures', [
    { header: '№', field: 'n', width: 8 },
    { header: 'Показатель', field: 'indicator', width: 62 },
    { header: 'Значение', field: 'value', width: 15 },
    { header: 'Ед.', field: 'unit', width: 15 },
  ]),
  blank(),
  p('2. Выводы', { bold: true }),
  ...loop('findings', p('{n}. {text}')),
  blank(),
  p('3. Управленческие решения', { bold: true }),
  p([{ text: 'Результаты рассмотрены: ', bold: true }, '{discussedAt}']),
  ...decisionList(),
  blank(),
  p('Дата анализа: {analysedOn}. Документ: {documentTitle}. Этап процедуры: {status}.'),
  p('Справку составил(а) ______________ {responsible}'),
]);

const decisionsReport = document(
  [
    p('Анализ', { center: true, bold: true }),
    p(
      'использования результатов оценочных процедур в рамках внутренней системы оценки качества образования (ВСОКО)',
      { center: true, bold: true },
    ),
    p('в {school}', { center: true, bold: true }),
    p('{academicYear} учебный год', { center: true }),
    blank(),
    p('1. Рассмотрение и обсуждение результатов оценочных процедур', { bold: true }),
    p('Заседаний: {meetingsCount}, решений: {decisionsCount}.'),
    loopTable('rows', [
      { header: '№', field: 'n', width: 4 },
      { header: 'Уровень', field: 'level', width: 13 },
      { header: 'Дата', field: 'date', width: 9 },
      { header: 'Формулировка принятого решения', field: 'decision', width: 28 },
      { header: 'Срок исполнения', field: 'deadline', width: 11 },
      { header: 'Ответственный', field: 'responsible', width: 13 },
      { header: 'Статус', field: 'status', width: 9 },
      { header: 'Исполнено', field: 'executedOn', width: 6 },
      { header: 'Эффективность', field: 'effectiveness', width: 7 },
    ]),
    blank(),
    p('2. Перечень мероприятий в целях изменения результатов оценочных процедур в рамках ВСОКО', {
      bold: true,
    }),
    p('Мероприятий: {measuresCount}.'),
    loopTable('measures', [
      { header: '№', field: 'n', width: 4 },
      { header: 'Учебный год', field: 'year', width: 8 },
      { header: 'Мероприятия, образовательные события и т.д.', field: 'measure', width: 28 },
      { header: 'Класс', field: 'classes', width: 6 },
      { header: 'Предмет', field: 'subjects', width: 12 },
      { header: 'Учитель', field: 'teachers', width: 12 },
      { header: 'Принято', field: 'adopted', width: 12 },
      { header: 'Статус', field: 'status', width: 8 },
      { header: 'Исполнено', field: 'executedOn', width: 5 },
      { header: 'Эффективность', field: 'effectiveness', width: 5 },
    ]),
    blank(),
    p('3. Отслеживание динамики результатов', { bold: true }),
    p('Показателей: {indicatorsCount}.'),
    loopTable('dynamics', [
      { header: '№', field: 'n', width: 4 },
      { header: 'Показатель', field: 'indicator', width: 20 },
      { header: 'Оценочная процедура', field: 'procedure', width: 24 },
      { header: 'Учебный год', field: 'year', width: 9 },
      { header: 'Дата анализа', field: 'analysedOn', width: 9 },
      { header: 'Значение', field: 'value', width: 8 },
      { header: 'Ед. изм.', field: 'unit', width: 6 },
      { header: 'Изменение', field: 'change', width: 8 },
      { header: 'Итоговый документ', field: 'document', width: 12 },
    ]),
    blank(),
    p('{compiledBy}'),
    p('Сформировано {generatedOn} по журналу событий ВСОКО.'),
  ],
  true,
);

async function main() {
  const dir = path.resolve(__dirname, '../templates');
  const files: Array<[string, Document]> = [
    ['meeting-protocol.docx', protocol],
    ['meeting-order.docx', order],
    ['procedure-report.docx', report],
    ['decisions-report.docx', decisionsReport],
  ];
  for (const [name, doc] of files) {
    writeFileSync(path.join(dir, name), await Packer.toBuffer(doc));
    console.log(`${name}`);
  }
}

void main();
