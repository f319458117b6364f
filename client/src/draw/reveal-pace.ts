import { useEffect, useState } from 'react';

/**
 * A small draw watched live is shown one pick at a time, as a draw on a screen in the room would be:
 * the server sends picks in batches, and a batch of ten appearing at once is hard to follow. Large draws,
 * and draws replayed after the fact, are shown as fast as they arrive.
 */
export const SMALL_DRAW_PICKS = 60;
export const PICK_INTERVAL_MS = 300;

/** Whether to pace: a small draw whose reveal happened while this page was watching (after `liveFromSeq`). */
export function shouldPace(totalPicks: number, revealSeq: number | null, liveFromSeq: number | null): boolean {
  return totalPicks > 0 && totalPicks <= SMALL_DRAW_PICKS && revealSeq !== null && liveFromSeq !== null && revealSeq > liveFromSeq;
}

/** How many of the `received` picks to show now: all of them, or one more every PICK_INTERVAL_MS when pacing. */
export function usePacedCount(received: number, paced: boolean): number {
  const [shown, setShown] = useState(received);
  useEffect(() => {
    if (!paced || shown > received) {
      if (shown !== received) setShown(received);
      return;
    }
    if (shown === received) return;
    const timer = setTimeout(() => setShown((n) => Math.min(n + 1, received)), PICK_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [received, paced, shown]);
  return paced ? Math.min(shown, received) : received;
}
