/**
 * How a procedure's results are used, as its plan row says (ФОРМЫ ПРЕДСТАВЛЕНИЯ РЕЗУЛЬТАТОВ): most go to a meeting
 * (справка, протокол, выступление на педсовете), some only end in a document — «Информация на сайт»,
 * «Оформление документации», «Составление списка учащихся «группы риска»» (seed 000). Those close after the
 * analysis, without a meeting or a protocol.
 */
export const RESULT_USES = ['meeting', 'document'] as const;
export type ResultUse = (typeof RESULT_USES)[number];

export const RESULT_USE_TITLES: Record<ResultUse, string> = {
  meeting: 'обсуждается на заседании',
  document: 'итог — документ, без заседания',
};

/** A result form that names a meeting or its protocol always goes to one, whatever else it says. */
const MEETING_WORDS = /протокол|педсовет|совет|совещани|заседани|собрани|выступлени|обсужд/i;
/** Forms that are the document itself: information, the paperwork, a list. */
const DOCUMENT_WORDS = /^информаци|информация на сайт|на сайт|оформление документ|составление спис|^список/i;

/** What the plan row's result form says; a form we cannot read goes to a meeting, as before. */
export function resultUseOf(resultForm: string | undefined): ResultUse {
  const form = (resultForm ?? '').replace(/\s+/g, ' ').trim();
  if (form === '' || MEETING_WORDS.test(form)) return 'meeting';
  return DOCUMENT_WORDS.test(form) ? 'document' : 'meeting';
}
