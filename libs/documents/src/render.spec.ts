import { defaultTemplate } from './default-templates';
import { DOCUMENT_KINDS } from './kinds';
import { acquaintedWith, correctionNotes, protocolHeading } from './data/meeting';
import { checkTemplate, fieldsOf, renderDocx } from './render';
import { SAMPLE_DATA } from './samples';
import { docxText, templateOf } from './testing/docx-text';

describe('Word templates', () => {
  it.each(DOCUMENT_KINDS)('the committed %s template names only its own fields and renders', (kind) => {
    const fields = checkTemplate(kind, defaultTemplate(kind), SAMPLE_DATA[kind]);
    expect(fields.length).toBeGreaterThan(3);
  });

  it('fills the protocol: number, level, attendees, numbered decisions with deadline as written', async () => {
    const bytes = renderDocx(defaultTemplate('meeting-protocol'), SAMPLE_DATA['meeting-protocol']);
    const text = await docxText(bytes);
    expect(text).toContain('ПРОТОКОЛ № 1\nзаседания педагогического совета\nот 30 августа 2023 г.');
    expect(text).toContain('от 30 августа 2023 г.');
    expect(text).toContain('Присутствовали: 2 чел.: Иванова А. П., Петрова Н. С.');
    expect(text).toContain('1. Итоги ВПР');
    expect(text).toMatch(
      /1\. СЛУШАЛИ: Итоги ВПР\. Петрову Н\. С\.\nРЕШИЛИ:\n1\.1\. Провести повторную диагностику по математике в 4А классе Срок: Октябрь-декабрь 2023г\. Ответственный: Руководители ШМО, учителя-предметники\./,
    );
    expect(text).not.toMatch(/[{}]/);
  });

  it('writes one full stop after initials or «г.» that end a sentence: in the protocol and in the приказ', async () => {
    const decision = {
      number: 1,
      wording: 'Провести повторную диагностику по математике.',
      deadline: 'до 31 декабря 2026 г.',
      responsible: 'Смирнова Е. В.',
    };
    const protocol = await docxText(
      renderDocx(defaultTemplate('meeting-protocol'), {
        ...SAMPLE_DATA['meeting-protocol'],
        items: [
          { n: 1, title: 'Итоги ВПР', heard: 'Смирнову Е. В.', hasDecisions: true, decisions: [decision] },
        ],
        decisions: [decision],
      }),
    );
    expect(protocol).toContain(
      '1.1. Провести повторную диагностику по математике. Срок: до 31 декабря 2026 г. Ответственный: Смирнова Е. В.\n',
    );
    const order = await docxText(
      renderDocx(defaultTemplate('meeting-order'), {
        ...SAMPLE_DATA['meeting-order'],
        decisions: [decision],
      }),
    );
    expect(order).toContain(
      '1. Провести повторную диагностику по математике. Срок: до 31 декабря 2026 г. Ответственный: Смирнова Е. В.\n',
    );
    for (const text of [protocol, order]) expect(text).not.toMatch(/(?<!\.)\.\.(?!\.)/);
  });

  it('a corrected protocol and order end with «Исправлено …»; a paper never corrected has no such note', async () => {
    const protocol = await docxText(
      renderDocx(defaultTemplate('meeting-protocol'), SAMPLE_DATA['meeting-protocol']),
    );
    expect(protocol).toMatch(
      /Секретарь _+ Петрова Н\. С\.\nИсправлено 05\.09\.2023: Опечатка в сроке \(решение 1: срок\)\.$/,
    );
    const order = await docxText(renderDocx(defaultTemplate('meeting-order'), SAMPLE_DATA['meeting-order']));
    expect(order).toMatch(/Исправлено 05\.09\.2023: Опечатка в сроке \(решение 1: срок\)\.$/);
    const clean = await docxText(
      renderDocx(defaultTemplate('meeting-protocol'), {
        ...SAMPLE_DATA['meeting-protocol'],
        corrections: [],
      }),
    );
    expect(clean).not.toContain('Исправлено');
    expect(clean).toMatch(/Секретарь _+ Петрова Н\. С\.$/);
  });

  it('says of each correction when, why and what: the record’s fields and the decisions by number', () => {
    const decisions = [{ decisionId: 'd-7', number: 2 }] as never;
    const corrections = [
      { fields: ['participants', 'minutes'], reason: 'Опечатки', correctedOn: '2023-09-05' },
      {
        fields: [],
        reason: 'Срок записан неверно',
        correctedOn: '2023-09-06',
        decisions: [{ decisionId: 'd-7', fields: ['wording', 'deadline'] as const }],
      },
      { fields: ['date'], reason: 'Старое исправление' },
    ];
    expect(correctionNotes(corrections as never, decisions)).toEqual([
      { on: '05.09.2023', reason: 'Опечатки', what: 'присутствовали; «слушали»' },
      { on: '06.09.2023', reason: 'Срок записан неверно', what: 'решение 2: формулировка, срок' },
      { on: 'без даты', reason: 'Старое исправление', what: 'дата заседания' },
    ]);
  });

  it('a question with no decision is heard without «РЕШИЛИ»; a ШМО is named with its association', async () => {
    const data = {
      ...SAMPLE_DATA['meeting-protocol'],
      heading: protocolHeading({ level: 'subject-association', association: 'учителей начальных классов' }),
      items: [
        { n: 1, title: 'Итоги ВПР', heard: 'Петрову Н. С.', hasDecisions: false, decisions: [] },
        { n: 2, title: 'Разное', heard: 'Иванову А. П.', hasDecisions: false, decisions: [] },
      ],
    };
    const text = await docxText(renderDocx(defaultTemplate('meeting-protocol'), data));
    expect(text).toContain('ПРОТОКОЛ № 1\nзаседания ШМО учителей начальных классов\n');
    expect(text).toContain(
      '1. СЛУШАЛИ: Итоги ВПР. Петрову Н. С.\n2. СЛУШАЛИ: Разное. Иванову А. П.\nПРИНЯТЫЕ РЕШЕНИЯ:',
    );
    expect(text).not.toContain('РЕШИЛИ:');
  });

  it('the order lists the named people it makes responsible under «С приказом ознакомлены», once each', async () => {
    const executors = (lead: object, ...co: object[]) => ({ lead, coExecutors: co });
    const acquainted = acquaintedWith([
      {
        executors: executors(
          { personId: 'p1', name: 'Петрова Наталья Сергеевна' },
          { name: 'Учителя-предметники' },
        ),
      },
      {
        executors: executors(
          { role: 'Руководители ШМО', name: 'Руководители ШМО' },
          { personId: 'p2', name: 'Орлова Е. В.' },
        ),
      },
      { executors: executors({ personId: 'p1', name: 'Петрова Наталья Сергеевна' }) },
    ] as never);
    expect(acquainted).toEqual([{ name: 'Петрова Н. С.' }, { name: 'Орлова Е. В.' }]);
    const text = await docxText(
      renderDocx(defaultTemplate('meeting-order'), {
        ...SAMPLE_DATA['meeting-order'],
        acquainted,
        corrections: [],
      }),
    );
    expect(text).toMatch(/С приказом ознакомлены:\n_+ Петрова Н\. С\.\n_+ Орлова Е\. В\.$/);
  });

  it("a school's own template with the same fields gives the school's layout", async () => {
    const own = await templateOf([
      'МБОУ «Ильинская СОШ»',
      'ВЫПИСКА ИЗ ПРОТОКОЛА {level} № {number} от {date}',
      '{#decisions}',
      'Пункт {number} — {wording} (до: {deadline}; исп.: {responsible})',
      '{/decisions}',
    ]);
    expect(checkTemplate('meeting-protocol', own, SAMPLE_DATA['meeting-protocol'])).toEqual([
      'date',
      'decisions',
      'level',
      'number',
    ]);
    const text = await docxText(renderDocx(own, SAMPLE_DATA['meeting-protocol']));
    expect(text.split('\n')).toEqual([
      'МБОУ «Ильинская СОШ»',
      'ВЫПИСКА ИЗ ПРОТОКОЛА Педагогический совет № 1 от 30 августа 2023 г.',
      'Пункт 1 — Провести повторную диагностику по математике в 4А классе (до: Октябрь-декабрь 2023г; исп.: Руководители ШМО, учителя-предметники)',
    ]);
  });

  it('refuses a template with a field the document does not have, naming it', async () => {
    const own = await templateOf(['ПРОТОКОЛ № {nomer} от {date}']);
    expect(() => checkTemplate('meeting-protocol', own, SAMPLE_DATA['meeting-protocol'])).toThrow(
      expect.objectContaining({
        code: 'TEMPLATE_FIELD_UNKNOWN',
        message: expect.stringContaining('{nomer}'),
      }),
    );
  });

  it('refuses a template whose field markup is broken, and a file that is not Word', async () => {
    const broken = await templateOf(['ПРОТОКОЛ № {number от {date}']);
    expect(() => fieldsOf(broken)).toThrow(expect.objectContaining({ code: 'TEMPLATE_INVALID' }));
    expect(() => fieldsOf(Buffer.from('просто текст'))).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_INVALID' }),
    );
    const noFields = await templateOf(['Протокол']);
    expect(() => checkTemplate('meeting-protocol', noFields, {})).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_INVALID' }),
    );
  });
});
