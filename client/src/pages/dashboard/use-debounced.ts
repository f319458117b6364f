import { useEffect, useMemo, useRef } from 'react';

/**
 * A call that runs once `ms` after the last of a burst of requests: a draw reveals hundreds of
 * events, the page re-reads its figures once.
 */
export function useDebounced(run: () => void, ms: number): () => void {
  const latest = useRef(run);
  latest.current = run;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return useMemo(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        latest.current();
      }, ms);
    },
    [ms],
  );
}
