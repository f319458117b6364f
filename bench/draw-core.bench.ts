import { performance } from 'node:perf_hooks';
import { canonicalPool, computeDraw, computeDrawSync, DrawInput, poolPreimage, validateDrawInput } from '../server/domain/draw-v1';
import { nodeSha256 } from '../server/domain/draw-v1-node';

/**
 * `node dist/bench/draw-core.bench.js [totalIds] [totalPicks] [runs]` (after `npm run build`):
 * a draw-v1 draw of 50,000 picks from 6 pools totalling 1,000,000 credit-code-like ids in random
 * order, with node:crypto — validation, canonical sort, digests and picks, i.e. computeDrawSync.
 * Prints one JSON line: median and best wall and CPU time of the runs, and a few related figures.
 * Target: well under 0.5 s.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const SHARES = [0.35, 0.25, 0.15, 0.12, 0.08, 0.05];

function makeInput(totalIds: number, totalPicks: number): DrawInput {
  let x = 0x2545f491;
  const random = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const ids = new Set<string>();
  while (ids.size < totalIds) {
    let id = `91${['140603', '140602', '140621'][Math.floor(random() * 3)]}`;
    for (let k = 0; k < 10; k++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
    ids.add(id);
  }
  // Through JSON, as a real request body arrives: flat strings, not the ropes built above.
  const all: string[] = JSON.parse(JSON.stringify([...ids]));
  let at = 0;
  const segments = SHARES.map((share, i) => {
    const size = i === SHARES.length - 1 ? totalIds - at : Math.round(totalIds * share);
    const pool = all.slice(at, (at += size));
    return { label: `objects/segment-${i}`, ids: pool, count: Math.round(totalPicks * share) };
  });
  return { secretHex: 'ab'.repeat(32), entropy: ['纪检组见证', 'witness-2: 7f3a'], beacon: '', segments };
}

/** Wall time and this process's CPU time (user + system) of one call: on a shared machine the wall time also counts other people's work. */
function measure<T>(run: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const brief = (m: { wallMs: number; cpuMs: number }) => ({ wallMs: Math.round(m.wallMs), cpuMs: Math.round(m.cpuMs) });
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (ms: number) => Math.round(ms);

async function main() {
  const [totalIds = 1_000_000, totalPicks = 50_000, runs = 7] = process.argv.slice(2).map(Number);
  const input = makeInput(totalIds, totalPicks);
  const picks = input.segments.reduce((sum, s) => sum + s.count, 0);

  computeDrawSync(input, nodeSha256); // warm-up: the figures are for a server that has drawn before
  const validate = measure(() => validateDrawInput(input)); // packs and sorts every pool
  // Pools already in canonical order, as read from a database or a published record (through JSON, so laid out in that order).
  const given = input.segments.map((s) => ({ ...s, ids: JSON.parse(JSON.stringify(canonicalPool(s.ids))) as string[] }));
  const presorted = measure(() => computeDrawSync({ ...input, segments: given }, nodeSha256));
  const digestOfSorted = measure(() => given.map((s) => nodeSha256(poolPreimage(s.ids))));

  const timings = Array.from({ length: runs }, () => measure(() => computeDrawSync(input, nodeSha256)));
  const asyncRun = performance.now();
  await computeDraw(input, async (d) => new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', d)));
  const webCryptoMs = performance.now() - asyncRun;

  console.log(
    JSON.stringify({
      ids: totalIds,
      segments: input.segments.length,
      picks,
      computeDrawSync: {
        runs,
        wallMs: { median: round(median(timings.map((t) => t.wallMs))), best: round(Math.min(...timings.map((t) => t.wallMs))) },
        cpuMs: { median: round(median(timings.map((t) => t.cpuMs))), best: round(Math.min(...timings.map((t) => t.cpuMs))) },
      },
      validateDrawInput: brief(validate),
      computeDrawSyncOfPresortedPools: brief(presorted),
      poolDigestsOfSortedLists: brief(digestOfSorted),
      computeDrawWithWebCryptoWallMs: round(webCryptoMs),
      loadAverage: (await import('node:os')).loadavg().map((l) => Math.round(l * 100) / 100),
      cpus: (await import('node:os')).cpus().length,
      node: process.version,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
