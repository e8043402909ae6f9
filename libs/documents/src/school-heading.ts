/** What a document's heading names: the school, and the district above it where a heading has that line. */
export interface SchoolHeading {
  /** «МБОУ «Ильинская СОШ»». */
  school: string;
  /** «Ильинский муниципальный район», or empty. */
  district: string;
}

/**
 * The heading from the organisation's directory (the names the district registered). A school the directory does
 * not know (an installation from before the organisation's events) is written by its id, which still names it
 * unambiguously; a district it does not know leaves its line empty rather than print an id nobody reads.
 */
export function schoolHeading(
  schoolId: string,
  found: { school?: { name: string } | null; district?: { name: string } | null } = {},
): SchoolHeading {
  const school = found.school?.name.trim() || schoolId;
  const district = found.district?.name.trim() ?? '';
  return { school, district };
}
