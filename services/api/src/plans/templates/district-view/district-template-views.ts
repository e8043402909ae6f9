import type { SchoolDocument } from '@vsoko/accounts';
import type { SchoolAdoption, VersionCount } from '@vsoko/projections';

/** Where the district's schools stand with one template: on its latest version, on an older one, not at all. */
export interface AdoptionCounts {
  schools: number;
  latest: number;
  older: number;
  notAdopted: number;
  byVersion: VersionCount[];
}

/**
 * Counts from the read model's schools per version; those that have not adopted are the district's schools (as
 * the directory has them now) less those that did.
 */
export function adoptionCounts(
  latestVersion: number,
  byVersion: readonly VersionCount[],
  schools: number,
): AdoptionCounts {
  const latest = byVersion.find((c) => c.version === latestVersion)?.schools ?? 0;
  const adopted = byVersion.reduce((n, c) => n + c.schools, 0);
  return {
    schools,
    latest,
    older: adopted - latest,
    notAdopted: Math.max(0, schools - adopted),
    byVersion: [...byVersion],
  };
}

export interface AdoptionView extends SchoolAdoption {
  name: string;
  /** The school stands at the template's latest version. */
  onLatest: boolean;
}

/** The schools that adopted, with their names, on the latest version first, then by name. */
export function adoptionViews(
  adoptions: readonly SchoolAdoption[],
  latestVersion: number,
  schools: ReadonlyMap<string, SchoolDocument>,
): AdoptionView[] {
  return adoptions
    .filter((a) => schools.has(a.schoolId))
    .map((a) => ({ ...a, name: schools.get(a.schoolId)!.name, onLatest: a.version === latestVersion }))
    .sort((a, b) => (a.onLatest === b.onLatest ? a.name.localeCompare(b.name, 'ru') : a.onLatest ? -1 : 1));
}
