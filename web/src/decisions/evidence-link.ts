/**
 * Why an address cannot be evidence, or undefined: the domain keeps http(s) addresses only
 * (libs/domain/src/decision/rules/evidence.ts), so a `javascript:` or `file:` link never reaches a page as a link.
 */
export function evidenceLinkProblem(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return 'Вставьте адрес ссылки';
  if (text.length > 2000) return 'Ссылка — до 2000 символов';
  if (!/^https?:\/\/[^\s]+$/i.test(text)) return 'Ссылка на подтверждение — адрес http:// или https://';
  try {
    const url = new URL(text);
    if (!url.hostname) return 'В ссылке нет адреса сайта';
  } catch {
    return 'Это не адрес: проверьте ссылку';
  }
  return undefined;
}
