/**
 * The academic year a plan's heading names: «на 2025/26 учебный год», «2025-2026», «2025–2026 уч. год»,
 * «2025 / 2026 учебного года». The two years must follow each other; a pair next to «учебный год» (or «уч. г.»)
 * wins over one without, so «план 2025-2026 … итоги 2024-2025 учебного года» is not misread either way.
 */
export function academicYearInHeading(lines: string[]): { academicYear: string; text: string } | undefined {
  const found: Array<{ academicYear: string; text: string; named: boolean }> = [];
  for (const line of lines) {
    const text = line.replace(/\s+/g, ' ').trim();
    for (const m of text.matchAll(YEAR_PAIR)) {
      const first = Number(m[1]);
      const second = m[2].length === 4 ? Number(m[2]) : Math.floor(first / 100) * 100 + Number(m[2]);
      if (second !== first + 1 && !(m[2].length === 2 && first % 100 === 99 && Number(m[2]) === 0)) continue;
      const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 24).toLowerCase();
      found.push({
        academicYear: `${first}/${String(first + 1).slice(2)}`,
        text,
        named: /^\s*(г\.?\s*)?(уч\.?|учебн)/.test(after),
      });
    }
  }
  const best = found.find((f) => f.named) ?? found[0];
  return best && { academicYear: best.academicYear, text: best.text };
}

const YEAR_PAIR = /(?<!\d)((?:19|20)\d{2})\s*(?:\/|-|–|—)\s*(\d{4}|\d{2})(?!\d)/g;
