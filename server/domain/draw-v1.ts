/**
 * draw-v1, the publicly verifiable draw protocol (/work/shared/specs/draw-protocol.md), implemented
 * exactly: commitment, seed, segment seeds, the random-word stream, randBelow with rejection and the
 * partial Fisher–Yates selection, plus input validation and a verifier for published records.
 *
 * Pure and portable: no I/O, no framework, no Node-only API — only TextEncoder, Uint8Array, DataView
 * and BigInt — so the browser can run the very same verification. SHA-256 is injected:
 * - a synchronous hash (node:crypto, see draw-v1-node.ts) keeps everything synchronous and fast;
 * - an asynchronous one (WebCrypto's `crypto.subtle.digest`) works through the async entry points.
 * Both run the same code: every computation is a generator that yields batches of hash inputs
 * (`HashSteps`), and a small runner feeds it digests, staying synchronous for as long as the hash does.
 */

export const PROTOCOL = 'draw-v1';
export const LABEL_PATTERN = /^[0-9A-Za-z._:/-]{1,128}$/;
export const ID_PATTERN = /^[0-9A-Za-z._:-]{1,64}$/;
export const SECRET_PATTERN = /^[0-9a-f]{64}$/;
export const MAX_ID_LENGTH = 64;
export const MAX_ENTROPY_CODE_POINTS = 256;

// ---------------------------------------------------------------------------------------------
// Types

/** Bytes we hand to the hash: backed by a plain ArrayBuffer, as WebCrypto's `digest` requires. */
export type Bytes = Uint8Array<ArrayBuffer>;
/** SHA-256 returning the 32-byte digest synchronously (node:crypto). */
export type Sha256Sync = (data: Bytes) => Uint8Array;
/** SHA-256 returning the digest or a promise of it (WebCrypto: `async (d) => new Uint8Array(await crypto.subtle.digest('SHA-256', d))`). */
export type Sha256 = (data: Bytes) => Uint8Array | PromiseLike<Uint8Array>;
/** What a function taking hash H returns: T for a synchronous hash, a promise for an asynchronous one. */
export type Hashed<H extends Sha256, T> = H extends Sha256Sync
  ? T
  : H extends (data: Bytes) => PromiseLike<Uint8Array>
    ? Promise<T>
    : T | Promise<T>;
/** The next unsigned 64-bit random word of a segment's stream. */
export type NextWord = () => bigint;

export interface DrawSegmentInput {
  label: string;
  ids: readonly string[];
  count: number;
}

export interface DrawInput {
  secretHex: string;
  entropy: readonly string[];
  beacon: string;
  segments: readonly DrawSegmentInput[];
}

export interface SegmentResult {
  label: string;
  poolSize: number;
  poolDigest: string;
  count: number;
  segmentSeed: string;
  picks: string[];
}

/** Exactly the `expected` shape of draw-v1-vectors.json (same key order, so JSON output matches too). */
export interface DrawResult {
  commitment: string;
  seed: string;
  segments: SegmentResult[];
}

export interface DrawRecordEntropy {
  text: string;
  digest: string;
  acceptedAt: string;
}

export interface ExcludedCandidate {
  id: string;
  reason: string;
}

export interface DrawRecordSegment {
  label: string;
  /** The full pool in canonical (sorted) order. */
  ids: string[];
  poolSize: number;
  poolDigest: string;
  count: number;
  segmentSeed: string;
  picks: string[];
  /** Candidates left out of the pool by the published rules; informational, must not be in `ids`. */
  excluded: ExcludedCandidate[];
}

/** The published record of a completed draw (spec: "The published record"). Timestamps are ISO 8601 strings. */
export interface DrawRecord {
  protocol: typeof PROTOCOL;
  drawId: string;
  commitment: string;
  secretHex: string;
  entropy: DrawRecordEntropy[];
  beacon: string;
  beaconSource: string;
  entropyClosesAt: string;
  scheduledAt: string;
  revealedAt: string;
  completedAt: string;
  seed: string;
  segments: DrawRecordSegment[];
}

/**
 * Stable problem codes. A field's own code covers every fault of that field (wrong type included);
 * BAD_INPUT is for the containers (input, entropy list, segment list, a segment, an id list) and
 * for record fields that only the record has.
 */
export type ProblemCode =
  | 'BAD_INPUT'
  | 'NO_SEGMENTS'
  | 'BAD_LABEL'
  | 'DUPLICATE_LABEL'
  | 'BAD_ID'
  | 'DUPLICATE_ID'
  | 'COUNT_OUT_OF_RANGE'
  | 'BAD_SECRET'
  | 'BAD_ENTROPY'
  | 'EMPTY_ENTROPY'
  | 'ENTROPY_TOO_LONG'
  | 'BAD_BEACON';

/** One thing wrong with a draw input; `path` is like `segments[1].ids[7]`. */
export interface DrawProblem {
  path: string;
  code: ProblemCode;
  message: string;
}

export class DrawInputError extends Error {
  constructor(readonly problems: DrawProblem[]) {
    super(`invalid draw-v1 input: ${problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`);
    this.name = 'DrawInputError';
  }
}

/** Where a record first disagrees with its recomputation; `code` is set when an input rule is broken. */
export interface Difference {
  path: string;
  expected: string | number | null;
  actual: string | number | null;
  code?: ProblemCode;
}

export type VerifyResult = { ok: true } | { ok: false; firstDifference: Difference };

// ---------------------------------------------------------------------------------------------
// Bytes, hex and the hash runner

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Up to this length an ASCII text is copied byte by byte: TextEncoder's call costs more than the copy. */
const SHORT_TEXT = 256;

/**
 * UTF-8 bytes of a string (lone surrogates become U+FFFD, which is why validation rejects them).
 * Short ASCII texts (block texts and segment labels, hashed tens of thousands of times per draw) are
 * copied directly: the same bytes.
 */
export function utf8(text: string): Bytes {
  if (text.length <= SHORT_TEXT) {
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 127) return encoder.encode(text) as Bytes;
      bytes[i] = code;
    }
    return bytes as Bytes;
  }
  return encoder.encode(text) as Bytes;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]];
  return out;
}

/**
 * A computation that needs SHA-256: it yields batches of inputs and is resumed with their digests
 * (same order). Batches let an async hash run in parallel; a sync one just loops.
 */
type HashSteps<T> = Generator<Bytes[], T, Uint8Array[]>;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/** Runs steps synchronously while the hash answers synchronously; switches to async on the first promise. */
function runSteps<T>(steps: HashSteps<T>, hash: Sha256): T | Promise<T> {
  let next = steps.next();
  while (!next.done) {
    const digests = next.value.map((data) => hash(data));
    if (digests.some(isThenable)) return finishAsync(steps, Promise.all(digests), hash);
    next = steps.next(digests as Uint8Array[]);
  }
  return next.value;
}

async function finishAsync<T>(steps: HashSteps<T>, pending: Promise<Uint8Array[]>, hash: Sha256): Promise<T> {
  let next = steps.next(await pending);
  while (!next.done) next = steps.next(await Promise.all(next.value.map((data) => hash(data))));
  return next.value;
}

function runStepsSync<T>(steps: HashSteps<T>, hash: Sha256Sync): T {
  const result = runSteps(steps, hash);
  if (isThenable(result)) throw new TypeError('the hash given to a synchronous draw-v1 function returned a promise');
  return result;
}

function* hexDigests(inputs: Bytes[]): HashSteps<string[]> {
  const digests = yield inputs;
  return digests.map(toHex);
}

// ---------------------------------------------------------------------------------------------
// Canonical pool
//
// Pools can hold a million ids, and on a server the cost of sorting them is memory access, not
// comparisons: every pass that reads strings in sorted (i.e. random heap) order costs ~100–200 ns
// per id. So a valid pool is copied once, in its given order, into one byte buffer of records
// `id + "\n"` behind the "draw-v1/pool\n" prefix, and sorted there by an MSD radix sort that moves
// the bytes themselves. The sorted buffer then *is* the pool digest's preimage, and picks are
// looked up through `origin` (sorted position → given index) without touching the other ids.

const POOL_PREFIX = 'draw-v1/pool\n';
const NEWLINE = 10;

// One flag per ASCII code: a table lookup is faster than the regex over a million ids.
const ID_CHARS = new Uint8Array(128);
for (const ch of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._:-') ID_CHARS[ch.charCodeAt(0)] = 1;

/** Same answer as ID_PATTERN.test(id). */
export function isValidId(id: unknown): id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c > 127 || ID_CHARS[c] === 0) return false;
  }
  return true;
}

/** A pool of valid ids as sorted byte records. */
interface PackedPool {
  size: number;
  /** The given ids, in the given order. */
  source: readonly string[];
  /** "draw-v1/pool\n" then each id followed by "\n" (the last "\n" is not part of the preimage). */
  bytes: Bytes;
  /** Where record k starts in `bytes`; starts[size] is bytes.length. */
  starts: Uint32Array;
  /** Index in `source` of the id at sorted position k. */
  origin: Uint32Array;
  /** Whether the ids were given in canonical order already (then origin is the identity). */
  givenSorted: boolean;
  /** Length of the prefix all ids share: the sort starts after it. */
  sharedPrefix: number;
  /** charsAt[(position << 7) | code] is 1 when some id has that character at that position. */
  charsAt: Uint8Array;
  /** Indices in `source` of equal ids, one group per repeated id (filled by sorting). */
  duplicateGroups: number[][];
}

/** Compares records at byte offsets a and b from depth d; "\n" ends a record and sorts below every id character. */
function compareRecords(bytes: Uint8Array, a: number, b: number, d: number): number {
  for (let p = d; ; p++) {
    const x = bytes[a + p];
    const y = bytes[b + p];
    if (x !== y) return x - y;
    if (x === NEWLINE) return 0;
  }
}

/** Copies valid ids into records, or returns null when some id is not a valid id (not even a string). */
function packPool(ids: readonly unknown[]): PackedPool | null {
  const size = ids.length;
  let total = POOL_PREFIX.length;
  for (let i = 0; i < size; i++) {
    const id = ids[i];
    if (typeof id !== 'string') return null;
    total += id.length + 1;
  }
  const bytes = new Uint8Array(total);
  for (let i = 0; i < POOL_PREFIX.length; i++) bytes[i] = POOL_PREFIX.charCodeAt(i);
  const starts = new Uint32Array(size + 1);
  let at = POOL_PREFIX.length;
  let givenSorted = true;
  let sharedPrefix = MAX_ID_LENGTH;
  const charsAt = new Uint8Array(MAX_ID_LENGTH << 7);
  for (let i = 0; i < size; i++) {
    const id = ids[i] as string;
    if (id.length === 0 || id.length > MAX_ID_LENGTH) return null;
    starts[i] = at;
    for (let k = 0; k < id.length; k++) {
      const c = id.charCodeAt(k);
      if (c > 127 || ID_CHARS[c] === 0) return null;
      charsAt[(k << 7) | c] = 1;
      bytes[at++] = c;
    }
    bytes[at++] = NEWLINE;
    if (givenSorted && i > 0) givenSorted = compareRecords(bytes, starts[i - 1], starts[i], 0) < 0;
    sharedPrefix = Math.min(sharedPrefix, commonLength(bytes, starts[0], starts[i], sharedPrefix));
  }
  starts[size] = at;
  const origin = new Uint32Array(size);
  for (let i = 0; i < size; i++) origin[i] = i;
  return { size, source: ids as readonly string[], bytes, starts, origin, givenSorted, sharedPrefix, charsAt, duplicateGroups: [] };
}

/** How many leading bytes records at a and b share (at most max, never counting the "\n"). */
function commonLength(bytes: Uint8Array, a: number, b: number, max: number): number {
  let p = 0;
  while (p < max && bytes[a + p] === bytes[b + p] && bytes[a + p] !== NEWLINE) p++;
  return p;
}

/**
 * Scratch space of one sort. A digit is several character positions at once, in mixed radix:
 * at each position the pool's own characters there are numbered from 1 in byte order (0 = the id
 * has ended). A county's credit codes then split 1,000,000 records on four positions in one pass
 * (2 × 3 × 31 × 31 buckets used), where a byte-per-pass sort would need four passes.
 */
interface SortWork {
  pool: PackedPool;
  bytes: Uint8Array;
  starts: Uint32Array;
  origin: Uint32Array;
  /** rank[(position << 7) | byte]: 1.. for the characters seen at that position, 0 for "\n". */
  rank: Uint8Array;
  /** radix[position]: characters seen at that position + 1 (for "ended"); 1 where no id reaches. */
  radix: Uint32Array;
  /** Digit of each record of the range being split, computed once in the counting pass. */
  digits: Uint32Array;
  /** Bucket tables per depth (a depth's table outlives its children's). */
  tables: Int32Array[];
  /** Record order of a small range. */
  order: Uint32Array;
}

/** Ranges this small are insertion-sorted. */
const SMALL_RANGE = 32;
/**
 * Buckets of one split: at most 65,536, and up to 32 per record, so that the second split of a
 * million ids mostly leaves single records (measured: bucket tables cost less than small sorts).
 */
const MAX_BUCKETS = 1 << 16;
const bucketLimit = (records: number): number => Math.min(MAX_BUCKETS, records * 32);

/** How many positions from depth d one split of `records` records takes, and its number of buckets. */
function digitWidth(work: SortWork, d: number, records: number): { width: number; buckets: number } {
  const { radix } = work;
  const limit = bucketLimit(records);
  let width = 1;
  let buckets = radix[d];
  while (d + width < MAX_ID_LENGTH && radix[d + width] > 1 && buckets * radix[d + width] <= limit) buckets *= radix[d + width++];
  return { width, buckets };
}

/** The digit of the record starting at `start`, over positions d .. d+width−1 (never reading past its "\n"). */
function digitOf(work: SortWork, start: number, d: number, width: number): number {
  const { rank, radix } = work;
  const bytes = work.pool.bytes;
  let digit = 0;
  let ended = false;
  for (let k = d; k < d + width; k++) {
    digit *= radix[k];
    if (ended) continue;
    const b = bytes[start + k];
    if (b === NEWLINE) ended = true;
    else digit += rank[(k << 7) | b];
  }
  return digit;
}

/** Sorts records [lo, hi), equal on their first d bytes, in place. */
function radixSortRecords(work: SortWork, lo: number, hi: number, d: number): void {
  const { pool, digits, radix } = work;
  const { starts } = pool;
  for (;;) {
    if (hi - lo <= SMALL_RANGE) return smallSortRecords(work, lo, hi, d);
    const { width, buckets } = digitWidth(work, d, hi - lo);
    const table = bucketTable(work, d, buckets);
    table.fill(0, 0, 2 * buckets);
    // table[c] = records with digit c, table[buckets + c] = their bytes
    for (let i = lo; i < hi; i++) {
      const c = digitOf(work, starts[i], d, width);
      digits[i] = c;
      table[c]++;
      table[buckets + c] += starts[i + 1] - starts[i];
    }
    // A digit whose last position is 0 belongs to records that ended inside it: they are all equal.
    const last = radix[d + width - 1];
    const c0 = digits[lo];
    if (table[c0] === hi - lo) {
      if (c0 % last === 0) return noteDuplicates(pool, lo, hi);
      d += width; // a shared part (region code, say): nothing to move, look further
      continue;
    }
    distribute(work, table, buckets, lo, hi);
    for (let c = 0, from = lo; c < buckets; c++) {
      const n = table[c];
      if (n > 1) {
        if (c % last === 0) noteDuplicates(pool, from, from + n);
        else radixSortRecords(work, from, from + n, d + width);
      }
      from += n;
    }
    return;
  }
}

/** Bucket tables of one depth: counts, byte sizes, next record slot, next byte offset. */
function bucketTable(work: SortWork, d: number, buckets: number): Int32Array {
  const table = work.tables[d];
  if (table && table.length >= 4 * buckets) return table;
  return (work.tables[d] = new Int32Array(4 * buckets));
}

/** Moves records [lo, hi) into buckets by their digit: sequential reads, one sequential writer per bucket. */
function distribute(work: SortWork, table: Int32Array, buckets: number, lo: number, hi: number): void {
  const { pool, digits, bytes: scratch, starts: scratchStarts, origin: scratchOrigin } = work;
  const { bytes, starts, origin } = pool;
  const nextSlot = 2 * buckets;
  const nextByte = 3 * buckets;
  let record = lo;
  let offset = starts[lo];
  for (let c = 0; c < buckets; c++) {
    table[nextSlot + c] = record;
    table[nextByte + c] = offset;
    record += table[c];
    offset += table[buckets + c];
  }
  for (let i = lo; i < hi; i++) {
    const from = starts[i];
    const end = starts[i + 1];
    const c = digits[i];
    const slot = table[nextSlot + c]++;
    let to = table[nextByte + c];
    table[nextByte + c] += end - from;
    scratchStarts[slot] = to;
    scratchOrigin[slot] = origin[i];
    for (let p = from; p < end; p++) scratch[to++] = bytes[p];
  }
  copyBack(work, lo, hi);
}

/** Copies records [lo, hi) back from the scratch space; small ranges by hand, as views would be garbage. */
function copyBack(work: SortWork, lo: number, hi: number): void {
  const { bytes, starts, origin } = work.pool;
  const from = starts[lo];
  const to = starts[hi];
  if (hi - lo > 64) {
    bytes.set(work.bytes.subarray(from, to), from);
    starts.set(work.starts.subarray(lo, hi), lo);
    origin.set(work.origin.subarray(lo, hi), lo);
    return;
  }
  for (let p = from; p < to; p++) bytes[p] = work.bytes[p];
  for (let i = lo; i < hi; i++) {
    starts[i] = work.starts[i];
    origin[i] = work.origin[i];
  }
}

/** Insertion sort of a few records (by index), then one move into place through the scratch space. */
function smallSortRecords(work: SortWork, lo: number, hi: number, d: number): void {
  const { pool } = work;
  const { bytes, starts, origin } = pool;
  const order = work.order;
  const n = hi - lo;
  for (let k = 0; k < n; k++) {
    const i = lo + k;
    let j = k;
    for (; j > 0 && compareRecords(bytes, starts[order[j - 1]], starts[i], d) > 0; j--) order[j] = order[j - 1];
    order[j] = i;
  }
  let to = starts[lo];
  for (let k = 0; k < n; k++) {
    const i = order[k];
    work.starts[lo + k] = to;
    work.origin[lo + k] = origin[i];
    for (let p = starts[i]; p < starts[i + 1]; p++) work.bytes[to++] = bytes[p];
  }
  copyBack(work, lo, hi);
  for (let k = lo + 1; k < hi; ) {
    let end = k;
    while (end < hi && compareRecords(bytes, starts[end - 1], starts[end], d) === 0) end++;
    if (end > k) noteDuplicates(pool, k - 1, end);
    k = end + 1;
  }
}

function noteDuplicates(pool: PackedPool, lo: number, hi: number): void {
  pool.duplicateGroups.push(Array.from(pool.origin.subarray(lo, hi)).sort((a, b) => a - b));
}

/** Sorts a packed pool into canonical order (a no-op when it was given sorted). */
function sortPool(pool: PackedPool): PackedPool {
  if (pool.givenSorted || pool.size < 2) return pool;
  const rank = new Uint8Array(MAX_ID_LENGTH << 7);
  const radix = new Uint32Array(MAX_ID_LENGTH + 1).fill(1);
  for (let k = 0; k < MAX_ID_LENGTH; k++) {
    for (let c = 0; c < 128; c++) if (pool.charsAt[(k << 7) | c]) rank[(k << 7) | c] = radix[k]++;
  }
  const work: SortWork = {
    pool,
    bytes: new Uint8Array(pool.bytes.length),
    starts: new Uint32Array(pool.size),
    origin: new Uint32Array(pool.size),
    rank,
    radix,
    digits: new Uint32Array(pool.size),
    tables: [],
    order: new Uint32Array(SMALL_RANGE),
  };
  radixSortRecords(work, 0, pool.size, pool.sharedPrefix);
  return pool;
}

/** The id at sorted position k. */
const idAt = (pool: PackedPool, k: number): string => pool.source[pool.origin[k]];

/** The pool digest's preimage: the record buffer without its last "\n". */
const packedPreimage = (pool: PackedPool): Bytes => (pool.size === 0 ? pool.bytes : pool.bytes.subarray(0, pool.bytes.length - 1));

function sortedIdsOf(pool: PackedPool): string[] {
  const ids = new Array<string>(pool.size);
  for (let k = 0; k < pool.size; k++) ids[k] = pool.source[pool.origin[k]];
  return ids;
}

/**
 * Spec step 1: a sorted copy ("ascending by byte value"; ids are ASCII, so plain string order —
 * never localeCompare). Lists with invalid ids are sorted too, by the engine's code-unit order.
 */
export function canonicalPool(ids: readonly string[]): string[] {
  const pool = packPool(ids);
  return pool ? sortedIdsOf(sortPool(pool)) : ids.slice().sort();
}

// ---------------------------------------------------------------------------------------------
// The strings that are hashed (spec steps 2–7), and their digests

/**
 * UTF-8 of `"draw-v1/pool\n" + join(sortedIds, "\n")` for any list of strings: invalid ids still
 * get the spec's digest, so a verifier can show what a record published.
 */
export function poolPreimage(sortedIds: readonly string[]): Bytes {
  const pool = packPool(sortedIds);
  return pool ? packedPreimage(pool) : utf8(POOL_PREFIX + sortedIds.join('\n'));
}

export const commitmentText = (secretHex: string): string => `draw-v1/commit\n${secretHex}`;

/** The segment part of the seed: `label:poolDigest:count`, comma-separated, in declared order. */
export const segmentListText = (segments: readonly { label: string; poolDigest: string; count: number }[]): string =>
  segments.map((s) => `${s.label}:${s.poolDigest}:${s.count}`).join(',');

export interface SeedParts {
  secretHex: string;
  /** H(e) of each entropy contribution, in accepted order. */
  entropyDigests: readonly string[];
  beacon: string;
  segments: readonly { label: string; poolDigest: string; count: number }[];
}

export const seedText = (parts: SeedParts): string =>
  `draw-v1/seed\n${parts.secretHex}\n${parts.entropyDigests.join(',')}\n${parts.beacon}\n${segmentListText(parts.segments)}`;

export const segmentSeedText = (seed: string, label: string): string => `draw-v1/segment\n${seed}\n${label}`;

/** Input of random block j of a segment: the ASCII string `segmentSeed + ":" + j`. */
export const blockText = (segmentSeed: string, j: number): string => `${segmentSeed}:${j}`;

function single<H extends Sha256>(input: Bytes, hash: H): Hashed<H, string> {
  const steps = (function* () {
    const [hex] = yield* hexDigests([input]);
    return hex;
  })();
  return runSteps(steps, hash) as Hashed<H, string>;
}

/** Spec step 2, of an already canonical pool. */
export const poolDigest = <H extends Sha256>(sortedIds: readonly string[], hash: H): Hashed<H, string> => single(poolPreimage(sortedIds), hash);
/** Spec step 3. */
export const commitment = <H extends Sha256>(secretHex: string, hash: H): Hashed<H, string> => single(utf8(commitmentText(secretHex)), hash);
/** H(e) of one entropy contribution (spec step 4). */
export const entropyDigest = <H extends Sha256>(text: string, hash: H): Hashed<H, string> => single(utf8(text), hash);
/** Spec step 6. */
export const drawSeed = <H extends Sha256>(parts: SeedParts, hash: H): Hashed<H, string> => single(utf8(seedText(parts)), hash);
/** Spec step 7. */
export const segmentSeed = <H extends Sha256>(seed: string, label: string, hash: H): Hashed<H, string> => single(utf8(segmentSeedText(seed, label)), hash);

// ---------------------------------------------------------------------------------------------
// Random words, randBelow, selection (spec steps 8–10)

const TWO_64 = 1n << 64n;

/** The four big-endian unsigned 64-bit words of one 32-byte block, in order. */
export function blockWords(digest: Uint8Array): bigint[] {
  if (digest.length !== 32) throw new RangeError(`a SHA-256 digest has 32 bytes, got ${digest.length}`);
  const view = new DataView(digest.buffer, digest.byteOffset, 32);
  return [view.getBigUint64(0), view.getBigUint64(8), view.getBigUint64(16), view.getBigUint64(24)];
}

/** A segment's word stream with a synchronous hash: blocks 0, 1, 2, … hashed on demand. For live reveals. */
export function wordStream(segmentSeedHex: string, hash: Sha256Sync): NextWord {
  let block = 0;
  let words: bigint[] = [];
  let k = 4;
  return () => {
    if (k === 4) {
      const digest = hash(utf8(blockText(segmentSeedHex, block++)));
      if (isThenable(digest)) throw new TypeError('wordStream needs a synchronous hash');
      words = blockWords(digest);
      k = 0;
    }
    return words[k++];
  };
}

/** A uniform integer in [0, m): limit = 2^64 − (2^64 mod m); words at or above the limit are discarded. */
export function randBelow(m: number, nextWord: NextWord): number {
  if (!Number.isSafeInteger(m) || m < 1) throw new RangeError(`randBelow needs an integer m >= 1, got ${m}`);
  const modulus = BigInt(m);
  const limit = TWO_64 - (TWO_64 % modulus);
  for (;;) {
    const word = nextWord();
    if (word < limit) return Number(word % modulus);
  }
}

/**
 * Partial Fisher–Yates over positions 0..size−1 of the canonical pool, yielding the picked positions
 * in reveal order. Every i consumes randBelow(size − i), the last one included (m = 1 still takes a
 * word), exactly as the spec says.
 */
export function* pickIndexSequence(size: number, count: number, nextWord: NextWord): Generator<number, void, undefined> {
  if (!Number.isSafeInteger(count) || count < 0 || count > size) throw new RangeError(`count ${count} is not in 0..${size}`);
  if (count === 0) return;
  const a = new Uint32Array(size);
  for (let k = 0; k < size; k++) a[k] = k;
  for (let i = 0; i < count; i++) {
    const j = i + randBelow(size - i, nextWord);
    const picked = a[j];
    a[j] = a[i];
    a[i] = picked;
    yield picked;
  }
}

/** The picks themselves, in reveal order, so a live draw can show them one at a time or in batches. */
export function* pickSequence(sortedIds: readonly string[], count: number, nextWord: NextWord): Generator<string, void, undefined> {
  for (const k of pickIndexSequence(sortedIds.length, count, nextWord)) yield sortedIds[k];
}

const OUT_OF_WORDS = Symbol('out of words');

/** The picks from a prefix of the word stream, or null when the prefix runs out (after rejections). */
function picksFromWords(pool: PackedPool, count: number, words: readonly bigint[]): string[] | null {
  let k = 0;
  const next: NextWord = () => {
    if (k === words.length) throw OUT_OF_WORDS;
    return words[k++];
  };
  try {
    return Array.from(pickIndexSequence(pool.size, count, next), (position) => idAt(pool, position));
  } catch (error) {
    if (error === OUT_OF_WORDS) return null;
    throw error;
  }
}

/**
 * A segment's picks as hash steps: hash the count/4 blocks needed when nothing is rejected in one
 * batch (parallel under WebCrypto), and in the rare case of rejections add a block and run again.
 */
function* picksSteps(pool: PackedPool, count: number, segmentSeedHex: string): HashSteps<string[]> {
  const words: bigint[] = [];
  for (let wanted = count; ; wanted = words.length + 1) {
    const have = words.length / 4;
    const need = Math.ceil(wanted / 4);
    if (need > have) {
      const inputs: Bytes[] = [];
      for (let j = have; j < need; j++) inputs.push(utf8(blockText(segmentSeedHex, j)));
      for (const digest of yield inputs) words.push(...blockWords(digest));
    }
    const picks = picksFromWords(pool, count, words);
    if (picks) return picks;
  }
}

// ---------------------------------------------------------------------------------------------
// Validation

/** A problem plus the offending value, which the verifier reports as `actual`. */
type FoundProblem = DrawProblem & { value: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** UTF-8 can only carry well-formed text: a lone surrogate would be hashed as U+FFFD. */
function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

function codePointCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++; // a high surrogate is counted with its low half
  }
  return n;
}

const quote = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value) : String(value));

function checkSecret(secretHex: unknown, found: FoundProblem[]): void {
  if (typeof secretHex !== 'string' || !SECRET_PATTERN.test(secretHex)) {
    found.push({ path: 'secretHex', code: 'BAD_SECRET', message: 'secretHex must be exactly 64 lowercase hex characters (32 bytes)', value: secretHex });
  }
}

/** Empty contributions are rejected: they add nothing and would only pad the record. */
function checkEntropy(entropy: unknown, found: FoundProblem[]): void {
  if (!Array.isArray(entropy)) {
    found.push({ path: 'entropy', code: 'BAD_INPUT', message: 'entropy must be a list of strings (empty when none)', value: entropy });
    return;
  }
  entropy.forEach((text: unknown, i) => {
    const path = `entropy[${i}]`;
    if (typeof text !== 'string') found.push({ path, code: 'BAD_ENTROPY', message: 'an entropy contribution must be a string', value: text });
    else if (text.length === 0) found.push({ path, code: 'EMPTY_ENTROPY', message: 'an entropy contribution must not be empty', value: text });
    else if (!isWellFormed(text)) found.push({ path, code: 'BAD_ENTROPY', message: 'an entropy contribution must be valid Unicode text (it has a lone surrogate)', value: text });
    else if (codePointCount(text) > MAX_ENTROPY_CODE_POINTS) {
      found.push({ path, code: 'ENTROPY_TOO_LONG', message: `an entropy contribution has at most ${MAX_ENTROPY_CODE_POINTS} characters, this one has ${codePointCount(text)}`, value: text });
    }
  });
}

function checkBeacon(beacon: unknown, found: FoundProblem[]): void {
  if (typeof beacon !== 'string') found.push({ path: 'beacon', code: 'BAD_BEACON', message: 'beacon must be a string (empty when none is used)', value: beacon });
  else if (!isWellFormed(beacon)) found.push({ path: 'beacon', code: 'BAD_BEACON', message: 'beacon must be valid Unicode text (it has a lone surrogate)', value: beacon });
}

function checkLabel(label: unknown, path: string, firstUse: Map<string, number>, index: number, found: FoundProblem[]): void {
  if (typeof label !== 'string' || !LABEL_PATTERN.test(label)) {
    found.push({ path, code: 'BAD_LABEL', message: `a label is 1 to 128 characters from 0-9 A-Z a-z . _ : / - (pattern ${LABEL_PATTERN.source})`, value: label });
    return;
  }
  const first = firstUse.get(label);
  if (first === undefined) firstUse.set(label, index);
  else found.push({ path, code: 'DUPLICATE_LABEL', message: `label ${quote(label)} is already used by segments[${first}]`, value: label });
}

/** Checks the ids and returns the canonical pool, or null when an id is invalid. */
function checkIds(ids: unknown, path: string, found: FoundProblem[]): PackedPool | null {
  if (!Array.isArray(ids)) {
    found.push({ path, code: 'BAD_INPUT', message: 'ids must be a list of strings', value: ids });
    return null;
  }
  const pool = packPool(ids);
  if (pool) {
    sortPool(pool);
    reportDuplicates(pool.duplicateGroups, pool.source, path, found);
    return pool;
  }
  ids.forEach((id: unknown, k) => {
    if (!isValidId(id)) found.push({ path: `${path}[${k}]`, code: 'BAD_ID', message: `an id is 1 to 64 characters from 0-9 A-Z a-z . _ : - (pattern ${ID_PATTERN.source})`, value: id });
  });
  // Duplicates are reported even beside bad ids, so one round of fixes is enough.
  if (ids.every((id) => typeof id === 'string')) reportDuplicates(duplicateGroupsOf(ids as string[]), ids as string[], path, found);
  return null;
}

/** Groups of indices of equal ids, for a pool that could not be packed (it has invalid ids). */
function duplicateGroupsOf(ids: readonly string[]): number[][] {
  const at = new Map<string, number[]>();
  ids.forEach((id, k) => {
    const group = at.get(id);
    if (group) group.push(k);
    else at.set(id, [k]);
  });
  return [...at.values()].filter((group) => group.length > 1);
}

/** A duplicate is an error naming it (never silently merged): reported at each repeat, pointing at the first, in index order. */
function reportDuplicates(groups: readonly number[][], ids: readonly string[], path: string, found: FoundProblem[]): void {
  const repeats = groups.flatMap(([first, ...rest]) => rest.map((k) => ({ k, first })));
  repeats.sort((x, y) => x.k - y.k);
  for (const { k, first } of repeats) {
    found.push({ path: `${path}[${k}]`, code: 'DUPLICATE_ID', message: `id ${quote(ids[k])} is already in the pool at index ${first}; a pool must not repeat an id`, value: ids[k] });
  }
}

function checkCount(count: unknown, poolSize: number | null, path: string, found: FoundProblem[]): void {
  const range = poolSize === null ? '0 to the pool size' : `0 to ${poolSize}`;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || (poolSize !== null && count > poolSize)) {
    found.push({ path, code: 'COUNT_OUT_OF_RANGE', message: `count must be an integer from ${range}`, value: count });
  }
}

interface Prepared {
  problems: FoundProblem[];
  /** Canonical pool of each segment (only meaningful when there are no problems). */
  pools: PackedPool[];
}

const EMPTY_POOL = (): PackedPool => packPool([])!;

/** Validates the input, packing and sorting each pool on the way, so computeDraw never sorts twice. */
function prepare(input: unknown): Prepared {
  const found: FoundProblem[] = [];
  const pools: PackedPool[] = [];
  if (!isRecord(input)) {
    found.push({ path: '', code: 'BAD_INPUT', message: 'a draw input is an object {secretHex, entropy, beacon, segments}', value: input });
    return { problems: found, pools };
  }
  checkSecret(input.secretHex, found);
  checkEntropy(input.entropy, found);
  checkBeacon(input.beacon, found);
  const segments = input.segments;
  if (!Array.isArray(segments)) {
    found.push({ path: 'segments', code: 'BAD_INPUT', message: 'segments must be a list of {label, ids, count}', value: segments });
    return { problems: found, pools };
  }
  if (segments.length === 0) found.push({ path: 'segments', code: 'NO_SEGMENTS', message: 'a draw has at least one segment', value: 0 });
  const labels = new Map<string, number>();
  segments.forEach((segment: unknown, i) => {
    const path = `segments[${i}]`;
    if (!isRecord(segment)) {
      found.push({ path, code: 'BAD_INPUT', message: 'a segment is an object {label, ids, count}', value: segment });
      pools.push(EMPTY_POOL());
      return;
    }
    checkLabel(segment.label, `${path}.label`, labels, i, found);
    const pool = checkIds(segment.ids, `${path}.ids`, found);
    checkCount(segment.count, pool ? pool.size : Array.isArray(segment.ids) ? segment.ids.length : null, `${path}.count`, found);
    pools.push(pool ?? EMPTY_POOL());
  });
  return { problems: found, pools };
}

const publicProblem = ({ path, code, message }: FoundProblem): DrawProblem => ({ path, code, message });

/**
 * Every problem of a draw input, in input order (secret, entropy, beacon, then each segment's label,
 * ids, count); empty when the input is valid. All problems are listed, however many: callers that
 * show them may cut the list.
 */
export function validateDrawInput(input: unknown): DrawProblem[] {
  return prepare(input).problems.map(publicProblem);
}

// ---------------------------------------------------------------------------------------------
// The whole draw

interface Computed {
  result: DrawResult;
  entropyDigests: string[];
}

function* drawSteps(input: DrawInput, pools: readonly PackedPool[]): HashSteps<Computed> {
  const first = yield* hexDigests([utf8(commitmentText(input.secretHex)), ...input.entropy.map(utf8), ...pools.map(packedPreimage)]);
  const commitmentHex = first[0];
  const entropyDigests = first.slice(1, 1 + input.entropy.length);
  const poolDigests = first.slice(1 + input.entropy.length);
  const declared = input.segments.map((s, i) => ({ label: s.label, poolDigest: poolDigests[i], count: s.count }));
  const [seed] = yield* hexDigests([utf8(seedText({ secretHex: input.secretHex, entropyDigests, beacon: input.beacon, segments: declared }))]);
  const segmentSeeds = yield* hexDigests(declared.map((s) => utf8(segmentSeedText(seed, s.label))));
  const segments: SegmentResult[] = [];
  for (let i = 0; i < declared.length; i++) {
    const { label, poolDigest: digest, count } = declared[i];
    const picks = yield* picksSteps(pools[i], count, segmentSeeds[i]);
    segments.push({ label, poolSize: pools[i].size, poolDigest: digest, count, segmentSeed: segmentSeeds[i], picks });
  }
  return { result: { commitment: commitmentHex, seed, segments }, entropyDigests };
}

function preparedOrThrow(input: DrawInput): PackedPool[] {
  const { problems, pools } = prepare(input);
  if (problems.length) throw new DrawInputError(problems.map(publicProblem));
  return pools;
}

/** The draw with a synchronous hash (the server). Throws DrawInputError on invalid input. */
export function computeDrawSync(input: DrawInput, hash: Sha256Sync): DrawResult {
  return runStepsSync(drawSteps(input, preparedOrThrow(input)), hash).result;
}

/** The draw with any hash, e.g. WebCrypto in the browser. Rejects with DrawInputError on invalid input. */
export async function computeDraw(input: DrawInput, hash: Sha256): Promise<DrawResult> {
  return (await runSteps(drawSteps(input, preparedOrThrow(input)), hash)).result;
}

// ---------------------------------------------------------------------------------------------
// Verifying a published record

const describeType = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value);

/**
 * Whether a parsed JSON value has the shape of a DrawRecord (types only, not the rules): a file
 * failing this is malformed rather than "not verified". Informational fields (drawId, beaconSource,
 * timestamps, acceptedAt, excluded) are checked only when present, so a bare record still verifies.
 */
export function recordShapeProblems(value: unknown): DrawProblem[] {
  const problems: DrawProblem[] = [];
  const check = (holder: Record<string, unknown>, key: string, path: string, type: 'string' | 'number' | 'list' | 'strings', optional = false): void => {
    const v = holder[key];
    if (v === undefined && optional) return;
    const ok = type === 'list' ? Array.isArray(v) : type === 'strings' ? Array.isArray(v) && v.every((x) => typeof x === 'string') : typeof v === type;
    if (!ok) problems.push({ path, code: 'BAD_INPUT', message: `${path} must be ${type === 'list' ? 'a list' : type === 'strings' ? 'a list of strings' : `a ${type}`}, is ${describeType(v)}` });
  };
  if (!isRecord(value)) return [{ path: '', code: 'BAD_INPUT', message: `a draw record is a JSON object, this is ${describeType(value)}` }];
  for (const key of ['protocol', 'commitment', 'secretHex', 'beacon', 'seed']) check(value, key, key, 'string');
  for (const key of ['drawId', 'beaconSource', 'entropyClosesAt', 'scheduledAt', 'revealedAt', 'completedAt']) check(value, key, key, 'string', true);
  check(value, 'entropy', 'entropy', 'list');
  check(value, 'segments', 'segments', 'list');
  if (Array.isArray(value.entropy)) {
    value.entropy.forEach((e: unknown, i) => {
      const path = `entropy[${i}]`;
      if (!isRecord(e)) {
        problems.push({ path, code: 'BAD_INPUT', message: `${path} must be an object {text, digest, acceptedAt}` });
        return;
      }
      check(e, 'text', `${path}.text`, 'string');
      check(e, 'digest', `${path}.digest`, 'string');
      check(e, 'acceptedAt', `${path}.acceptedAt`, 'string', true);
    });
  }
  if (Array.isArray(value.segments)) {
    value.segments.forEach((s: unknown, i) => {
      const path = `segments[${i}]`;
      if (!isRecord(s)) {
        problems.push({ path, code: 'BAD_INPUT', message: `${path} must be an object` });
        return;
      }
      for (const key of ['label', 'poolDigest', 'segmentSeed']) check(s, key, `${path}.${key}`, 'string');
      for (const key of ['poolSize', 'count']) check(s, key, `${path}.${key}`, 'number');
      for (const key of ['ids', 'picks']) check(s, key, `${path}.${key}`, 'strings');
      check(s, 'excluded', `${path}.excluded`, 'list', true);
      if (Array.isArray(s.excluded)) {
        s.excluded.forEach((x: unknown, k) => {
          if (!isRecord(x) || typeof x.id !== 'string') problems.push({ path: `${path}.excluded[${k}]`, code: 'BAD_INPUT', message: `${path}.excluded[${k}] must be an object {id, reason}` });
        });
      }
    });
  }
  return problems;
}

/** Paths of the input map onto the record, except an entropy contribution, which is `entropy[i].text` there. */
const recordPath = (inputPath: string): string => inputPath.replace(/^entropy\[(\d+)\]$/, 'entropy[$1].text');

function scalar(value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 200 ? `${json.slice(0, 200)}…` : json;
}

const differs = (path: string, expected: unknown, actual: unknown, code?: ProblemCode): VerifyResult => ({
  ok: false,
  firstDifference: { path, expected: scalar(expected), actual: scalar(actual), ...(code ? { code } : {}) },
});

/** The record's draw inputs, as the verifier recomputes from them. */
const recordInput = (record: DrawRecord): DrawInput => ({
  secretHex: record.secretHex,
  entropy: record.entropy.map((e) => e.text),
  beacon: record.beacon,
  segments: record.segments.map((s) => ({ label: s.label, ids: s.ids, count: s.count })),
});

/**
 * Checks, in this order, and reports the first disagreement: the shape; protocol; the input rules
 * (same codes as validateDrawInput, `expected` being the rule); each pool in canonical order;
 * commitment; each entropy digest; each segment's poolSize and poolDigest; seed; each segment's
 * segmentSeed, picks one by one, and number of picks; finally that no excluded id is in its pool.
 * A changed count changes the seed, so it shows up as `seed`.
 */
function* verifySteps(record: DrawRecord): HashSteps<VerifyResult> {
  const shape = recordShapeProblems(record)[0];
  if (shape) return differs(shape.path, shape.message, null, shape.code);
  if (record.protocol !== PROTOCOL) return differs('protocol', PROTOCOL, record.protocol);
  const input = recordInput(record);
  const { problems, pools } = prepare(input);
  if (problems.length) return differs(recordPath(problems[0].path), problems[0].message, problems[0].value, problems[0].code);
  for (let i = 0; i < pools.length; i++) {
    // The ids are unique by now, so they are canonical exactly when sorting moved none of them.
    const k = pools[i].origin.findIndex((from, at) => from !== at);
    if (k >= 0) return differs(`segments[${i}].ids[${k}]`, idAt(pools[i], k), record.segments[i].ids[k]);
  }
  const { result, entropyDigests } = yield* drawSteps(input, pools);
  if (result.commitment !== record.commitment) return differs('commitment', result.commitment, record.commitment);
  for (let i = 0; i < entropyDigests.length; i++) {
    if (entropyDigests[i] !== record.entropy[i].digest) return differs(`entropy[${i}].digest`, entropyDigests[i], record.entropy[i].digest);
  }
  for (let i = 0; i < result.segments.length; i++) {
    const [want, have] = [result.segments[i], record.segments[i]];
    if (want.poolSize !== have.poolSize) return differs(`segments[${i}].poolSize`, want.poolSize, have.poolSize);
    if (want.poolDigest !== have.poolDigest) return differs(`segments[${i}].poolDigest`, want.poolDigest, have.poolDigest);
  }
  if (result.seed !== record.seed) return differs('seed', result.seed, record.seed);
  for (let i = 0; i < result.segments.length; i++) {
    const [want, have] = [result.segments[i], record.segments[i]];
    if (want.segmentSeed !== have.segmentSeed) return differs(`segments[${i}].segmentSeed`, want.segmentSeed, have.segmentSeed);
    const k = want.picks.findIndex((id, at) => have.picks[at] !== id);
    if (k >= 0) return differs(`segments[${i}].picks[${k}]`, want.picks[k], have.picks[k]);
    if (have.picks.length !== want.picks.length) return differs(`segments[${i}].picks.length`, want.picks.length, have.picks.length);
  }
  return excludedDifference(record, pools) ?? { ok: true };
}

/** An excluded candidate must not also be in the pool: the record would contradict itself. */
function excludedDifference(record: DrawRecord, pools: readonly PackedPool[]): VerifyResult | null {
  for (let i = 0; i < pools.length; i++) {
    const excluded = record.segments[i].excluded ?? [];
    if (excluded.length === 0) continue;
    const pool = new Set(pools[i].source);
    const k = excluded.findIndex((x) => pool.has(x.id));
    if (k >= 0) return differs(`segments[${i}].excluded[${k}].id`, 'an id that is not in the pool', excluded[k].id);
  }
  return null;
}

/** Verifies a record with a synchronous hash (server, CLI). Never throws on a malformed record: reports it. */
export function verifyRecordSync(record: DrawRecord, hash: Sha256Sync): VerifyResult {
  return runStepsSync(verifySteps(record), hash);
}

/** Verifies a record with any hash, e.g. WebCrypto in the browser. */
export async function verifyRecord(record: DrawRecord, hash: Sha256): Promise<VerifyResult> {
  return runSteps(verifySteps(record), hash);
}

/** What a record holds beyond the draw's inputs and results: ids, sources, timestamps, exclusions. */
export interface RecordInfo {
  drawId: string;
  beaconSource: string;
  entropyClosesAt: string;
  scheduledAt: string;
  revealedAt: string;
  completedAt: string;
  /** When each entropy contribution was accepted, in order. */
  acceptedAt?: readonly string[];
  /** Excluded candidates of each segment, in declared order. */
  excluded?: readonly (readonly ExcludedCandidate[])[];
}

function* recordSteps(input: DrawInput, info: RecordInfo): HashSteps<DrawRecord> {
  const pools = preparedOrThrow(input);
  const { result, entropyDigests } = yield* drawSteps(input, pools);
  return {
    protocol: PROTOCOL,
    drawId: info.drawId,
    commitment: result.commitment,
    secretHex: input.secretHex,
    entropy: input.entropy.map((text, i) => ({ text, digest: entropyDigests[i], acceptedAt: info.acceptedAt?.[i] ?? '' })),
    beacon: input.beacon,
    beaconSource: info.beaconSource,
    entropyClosesAt: info.entropyClosesAt,
    scheduledAt: info.scheduledAt,
    revealedAt: info.revealedAt,
    completedAt: info.completedAt,
    seed: result.seed,
    segments: result.segments.map((s, i) => ({
      label: s.label,
      ids: sortedIdsOf(pools[i]),
      poolSize: s.poolSize,
      poolDigest: s.poolDigest,
      count: s.count,
      segmentSeed: s.segmentSeed,
      picks: s.picks,
      excluded: [...(info.excluded?.[i] ?? [])],
    })),
  };
}

/** Runs the draw and assembles its published record (the draw module, demo data, tests). Throws DrawInputError. */
export function buildRecordSync(input: DrawInput, info: RecordInfo, hash: Sha256Sync): DrawRecord {
  return runStepsSync(recordSteps(input, info), hash);
}

export async function buildRecord(input: DrawInput, info: RecordInfo, hash: Sha256): Promise<DrawRecord> {
  return runSteps(recordSteps(input, info), hash);
}
