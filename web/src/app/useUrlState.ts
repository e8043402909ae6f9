import { useSearchParams } from 'react-router-dom';

/**
 * A screen's filters and choices kept in the address (a reload or a shared link shows the same view): `get` a
 * parameter, `set` one (an empty value removes it), `keep` only some and drop the rest.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const keep = (keys: readonly string[]) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams();
        for (const k of keys) if (prev.get(k)) next.set(k, prev.get(k)!);
        return next;
      },
      { replace: true },
    );
  return { params, get: (key: string) => params.get(key) ?? undefined, set, keep };
}
