/**
 * Ends a sentence after a text that may already end with a full stop (initials «Смирнова Е. В.», «г.»): one
 * full stop, never «В..».
 */
export function endSentence(text: string): string {
  return /[.!?…]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`;
}
