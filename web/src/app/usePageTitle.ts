import { useEffect } from 'react';

/** The browser tab and screen readers announce which screen is open. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ВСОКО`;
  }, [title]);
}
