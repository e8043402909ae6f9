import { useQueries } from '@tanstack/react-query';
import { useSignedIn } from '../auth/SessionContext';
import { districtSchools } from './queries';

/**
 * The names of the schools of the districts the signed-in person inspects or administers, by school id: what the
 * top bar shows instead of the ids. Empty for school staff (no district to ask), and while the lists load.
 */
export function useSchoolNames(): ReadonlyMap<string, string> {
  const { api, session } = useSignedIn();
  const districts = [...new Set([...(session.user.inspects ?? []), ...(session.user.administers ?? [])])];
  return useQueries({
    queries: districts.map((districtId) => ({
      // Under the district's key: opening a school there (OpenSchool) refreshes the names too.
      queryKey: ['district', districtId, 'schools'],
      queryFn: () => districtSchools(api, districtId),
      staleTime: 5 * 60_000,
    })),
    combine: (results) =>
      new Map(results.flatMap((r) => (r.data?.schools ?? []).map((s) => [s.schoolId, s.name] as const))),
  });
}
