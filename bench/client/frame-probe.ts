import type { Page } from 'playwright-core';

/**
 * Frame times in the page: a requestAnimationFrame loop that stores each frame's start time, so a
 * long task (rendering a batch of picks, hashing) shows up as a long interval between two frames.
 * Browser code is passed as a string: the benches compile without the DOM's types.
 */
export const FRAME_PROBE_SCRIPT = `
  window.__frameStarts = [];
  const tick = (time) => { window.__frameStarts.push(time); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
`;

/** The page's clock (performance.now()), to bound a window of frames. */
export const pageNow = (page: Page): Promise<number> => page.evaluate('performance.now()') as Promise<number>;

/** Intervals between consecutive frames that began inside [from, to] on the page's clock. */
export async function frameIntervals(page: Page, from: number, to: number): Promise<number[]> {
  const starts = (await page.evaluate('window.__frameStarts')) as number[];
  const intervals: number[] = [];
  for (let i = 1; i < starts.length; i++) {
    if (starts[i] > from && starts[i - 1] <= to) intervals.push(starts[i] - starts[i - 1]);
  }
  return intervals;
}

/** The nearest-rank percentile (p in 0–100). */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
