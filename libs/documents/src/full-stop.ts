/*
 * A template ends a sentence after a field with its own full stop («Ответственный: {responsible}.»), and the value
 * may end with one already: a name's initials («Смирнова Е. В.»), a year («до 31 декабря 2026 г.»). Russian
 * writes one full stop there, never two; an ellipsis (three dots or more) is left as it is.
 */

const PARAGRAPH = /<w:p[ >][\s\S]*?<\/w:p>/g;
const TEXT = /(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g;

/** Word's XML (document, header or footer) with each doubled full stop of a paragraph's text made one. */
export function oneFullStop(xml: string): string {
  return xml.replace(PARAGRAPH, (paragraph) => {
    // The two dots may stand in two runs (a field styled apart from the text after it): the paragraph's text is
    // read whole, and the second dot is taken out of whichever run holds it.
    const texts = [...paragraph.matchAll(TEXT)].map((m) => m[2]);
    const whole = texts.join('');
    const drop = new Set<number>();
    for (const m of whole.matchAll(/(?<!\.)\.\.(?!\.)/g)) drop.add(m.index + 1);
    if (drop.size === 0) return paragraph;
    let start = 0;
    return paragraph.replace(TEXT, (_, open: string, text: string, close: string) => {
      let kept = '';
      for (let k = 0; k < text.length; k++) if (!drop.has(start + k)) kept += text[k];
      start += text.length;
      return `${open}${kept}${close}`;
    });
  });
}
