import fs from 'node:fs';
import path from 'node:path';
import { CliIo, main } from '../../server/cli/draw';
import {
  blockText,
  blockWords,
  buildRecord,
  buildRecordSync,
  Bytes,
  canonicalPool,
  commitment,
  computeDraw,
  computeDrawSync,
  DrawInput,
  DrawInputError,
  DrawRecord,
  DrawResult,
  drawSeed,
  entropyDigest,
  ID_PATTERN,
  isValidId,
  pickSequence,
  poolDigest,
  randBelow,
  RecordInfo,
  Sha256,
  Sha256Sync,
  segmentSeed,
  toHex,
  utf8,
  validateDrawInput,
  verifyRecord,
  verifyRecordSync,
  wordStream,
} from '../../server/domain/draw-v1';
import { computeDrawNode, nodeSha256, nodeWordStream, verifyRecordNode } from '../../server/domain/draw-v1-node';

interface Vector {
  name: string;
  input: DrawInput;
  expected: DrawResult;
}

const FIXTURE = path.resolve(__dirname, '../fixtures/draw-v1-vectors.json');
// CI clones the repository next to shared/ (<dir>/main and <dir>/shared).
const SHARED = process.env.DRAW_VECTORS ?? path.resolve(__dirname, '../../../shared/specs/draw-v1-vectors.json');
const vectors: Vector[] = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')).vectors;
const vectorNamed = (name: string): Vector => vectors.find((v) => v.name === name)!;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** Stand-ins for the browser: WebCrypto itself (Node has it), and a promise around node:crypto. */
const webCryptoSha256: Sha256 = async (data) => new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', data));
const promisedSha256 = (data: Bytes): Promise<Uint8Array> => Promise.resolve(nodeSha256(data));

const INFO: RecordInfo = {
  drawId: 'draw-2021-07-26-001',
  beaconSource: '',
  entropyClosesAt: '2021-07-26T09:40:00+08:00',
  scheduledAt: '2021-07-25T16:00:00+08:00',
  revealedAt: '2021-07-26T09:41:00+08:00',
  completedAt: '2021-07-26T09:41:05+08:00',
  acceptedAt: ['2021-07-26T09:30:12+08:00', '2021-07-26T09:31:40+08:00'],
};

describe('the test vectors', () => {
  test('the fixture is a copy of the shared vectors file', () => {
    if (!fs.existsSync(SHARED)) return; // shared/ is not checked out next to the repository
    expect(fs.readFileSync(FIXTURE, 'utf8')).toBe(fs.readFileSync(SHARED, 'utf8'));
  });

  test('cover the cases we rely on', () => {
    expect(vectors.map((v) => v.name)).toEqual(['two-segments-with-witness-entropy', 'thousand-pool-with-beacon', 'edges-zero-all-single']);
  });

  describe.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    test('are valid input', () => {
      expect(validateDrawInput(vector.input)).toEqual([]);
    });

    test('computeDrawSync reproduces the expected result byte for byte', () => {
      const result = computeDrawSync(vector.input, nodeSha256);
      expect(result).toEqual(vector.expected);
      expect(JSON.stringify(result)).toBe(JSON.stringify(vector.expected));
      expect(computeDrawNode(vector.input)).toEqual(vector.expected);
    });

    test('computeDraw with WebCrypto and with a promised hash reproduces it too', async () => {
      expect(await computeDraw(vector.input, webCryptoSha256)).toEqual(vector.expected);
      expect(await computeDraw(vector.input, promisedSha256)).toEqual(vector.expected);
      expect(await computeDraw(vector.input, nodeSha256)).toEqual(vector.expected);
    });

    test('the building blocks give the same values, synchronously and asynchronously', async () => {
      const { input, expected } = vector;
      expect(commitment(input.secretHex, nodeSha256)).toBe(expected.commitment);
      expect(await commitment(input.secretHex, webCryptoSha256)).toBe(expected.commitment);
      const entropyDigests = input.entropy.map((e) => entropyDigest(e, nodeSha256));
      const parts = { secretHex: input.secretHex, entropyDigests, beacon: input.beacon, segments: expected.segments };
      expect(drawSeed(parts, nodeSha256)).toBe(expected.seed);
      expect(await drawSeed(parts, promisedSha256)).toBe(expected.seed);
      input.segments.forEach((segment, i) => {
        const want = expected.segments[i];
        const sorted = canonicalPool(segment.ids);
        expect(sorted).toHaveLength(want.poolSize);
        expect(poolDigest(sorted, nodeSha256)).toBe(want.poolDigest);
        expect(segmentSeed(expected.seed, segment.label, nodeSha256)).toBe(want.segmentSeed);
      });
    });

    test('pickSequence over the streamed words reveals the same picks in the same order', () => {
      vector.input.segments.forEach((segment, i) => {
        const want = vector.expected.segments[i];
        const picks = [...pickSequence(canonicalPool(segment.ids), segment.count, nodeWordStream(want.segmentSeed))];
        expect(picks).toEqual(want.picks);
      });
    });
  });

  test('a large random draw matches a naive implementation written straight from the spec', () => {
    const H = (text: string) => toHex(nodeSha256(utf8(text)));
    function naiveDraw(input: DrawInput): DrawResult {
      const pools = input.segments.map((s) => [...s.ids].sort());
      const digests = pools.map((sorted) => H(`draw-v1/pool\n${sorted.join('\n')}`));
      const entropyList = input.entropy.map(H).join(',');
      const segmentList = input.segments.map((s, i) => `${s.label}:${digests[i]}:${s.count}`).join(',');
      const seed = H(`draw-v1/seed\n${input.secretHex}\n${entropyList}\n${input.beacon}\n${segmentList}`);
      const segments = input.segments.map((s, i) => {
        const segmentSeedHex = H(`draw-v1/segment\n${seed}\n${s.label}`);
        const words: bigint[] = [];
        let blockIndex = 0;
        const next = () => {
          if (!words.length) {
            const block = nodeSha256(utf8(`${segmentSeedHex}:${blockIndex++}`));
            for (let k = 0; k < 4; k++) words.push(BigInt(`0x${toHex(block.subarray(8 * k, 8 * k + 8))}`));
          }
          return words.shift()!;
        };
        const a = [...pools[i]];
        const picks: string[] = [];
        for (let k = 0; k < s.count; k++) {
          const m = BigInt(a.length - k);
          const limit = 2n ** 64n - (2n ** 64n % m);
          let w = next();
          while (w >= limit) w = next();
          const j = k + Number(w % m);
          [a[k], a[j]] = [a[j], a[k]];
          picks.push(a[k]);
        }
        return { label: s.label, poolSize: a.length, poolDigest: digests[i], count: s.count, segmentSeed: segmentSeedHex, picks };
      });
      return { commitment: H(`draw-v1/commit\n${input.secretHex}`), seed, segments };
    }
    let x = 99;
    const random = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const alphabet = '-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
    const ids = new Set<string>();
    while (ids.size < 30_000) {
      let id = ['a', 'ab', '9114', 'x.y:'][Math.floor(random() * 4)];
      for (let k = Math.floor(random() * random() * 20); k > 0; k--) id += alphabet[Math.floor(random() * (random() < 0.5 ? 3 : alphabet.length))];
      ids.add(id);
    }
    const all = [...ids];
    const input: DrawInput = {
      secretHex: '0f'.repeat(32),
      entropy: ['纪检组 😀', 'b'],
      beacon: 'lottery:2021-07-25',
      segments: [
        { label: 'objects/a', ids: all.slice(0, 20_000), count: 1_500 },
        { label: 'inspectors/b', ids: all.slice(20_000), count: 10_000 },
      ],
    };
    expect(computeDrawSync(input, nodeSha256)).toEqual(naiveDraw(input));
  });

  test('the result does not depend on the order the pool is given in', () => {
    const { input, expected } = vectorNamed('thousand-pool-with-beacon');
    const shuffled = { ...input, segments: [{ ...input.segments[0], ids: [...input.segments[0].ids].reverse() }] };
    expect(computeDrawSync(shuffled, nodeSha256)).toEqual(expected);
  });
});

describe('canonicalPool', () => {
  /** Deterministic pseudo-random strings, with long shared prefixes like credit codes of one county. */
  function randomIds(n: number, seed: number, alphabet: string, prefixes: string[]): string[] {
    let x = seed;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    return Array.from({ length: n }, () => {
      let s = prefixes[next() % prefixes.length];
      const length = next() % 12;
      for (let k = 0; k < length; k++) s += alphabet[next() % alphabet.length];
      return s;
    });
  }

  const FULL_ALPHABET = '-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
  const cases: [string, string[]][] = [
    ['credit codes', randomIds(20_000, 1, '0123456789ABCDEFGHJKLMNPQRTUWXY', ['91140603', '92140603', '9114060'])],
    ['ids from every allowed character', randomIds(30_000, 4, FULL_ALPHABET, ['a', 'Z', '-', 'zz'])],
    ['short ids over two letters: prefixes of each other, many duplicates', randomIds(50_000, 2, 'ab', ['a', 'b', 'ab'])],
    ['ids that are all the same', Array(40).fill('same')],
    ['mixed ids with empty strings (not valid ids)', randomIds(5_000, 2, 'aZ0.:_-', ['', 'a', 'aa', 'Z'])],
    ['non-ASCII (not valid ids, still sorted by code unit)', randomIds(3_000, 3, 'a€é😀Z', ['', 'x', '€'])],
    ['a small list', ['b', 'a', 'c', 'a']],
    ['an empty list', []],
  ];

  test.each(cases)('sorts %s exactly like the default string order', (_name, ids) => {
    expect(canonicalPool(ids)).toEqual(ids.slice().sort());
    const sorted = ids.slice().sort();
    expect(canonicalPool(sorted)).toEqual(sorted);
  });

  test.each(cases.slice(0, 4))('finds every duplicate among %s, at the right indices', (_name, ids) => {
    const firstAt = new Map<string, number>();
    const expected: [string, string][] = [];
    ids.forEach((id, k) => {
      if (firstAt.has(id)) expected.push([`segments[0].ids[${k}]`, `${JSON.stringify(id)} is already in the pool at index ${firstAt.get(id)};`]);
      else firstAt.set(id, k);
    });
    const input = { secretHex: 'ab'.repeat(32), entropy: [], beacon: '', segments: [{ label: 'pool', ids, count: 0 }] };
    const problems = validateDrawInput(input);
    expect(problems.every((p) => p.code === 'DUPLICATE_ID')).toBe(true);
    expect(problems.map((p) => [p.path, p.message.replace(/^id /, '').replace(/ a pool must not repeat an id$/, '')])).toEqual(expected);
  });

  test('the pool digest of a large shuffled pool is that of the sorted, newline-joined ids', () => {
    const ids = [...new Set(cases[1][1])];
    const sorted = ids.slice().sort();
    const digest = toHex(nodeSha256(utf8(`draw-v1/pool\n${sorted.join('\n')}`)));
    expect(poolDigest(sorted, nodeSha256)).toBe(digest);
    const result = computeDrawSync({ secretHex: 'ab'.repeat(32), entropy: [], beacon: '', segments: [{ label: 'pool', ids, count: 3 }] }, nodeSha256);
    expect(result.segments[0].poolDigest).toBe(digest);
    expect(result.segments[0].poolSize).toBe(ids.length);
  });

  test('returns a copy and leaves its argument alone', () => {
    const ids = ['b', 'a'];
    const sorted = canonicalPool(ids);
    expect(sorted).toEqual(['a', 'b']);
    expect(ids).toEqual(['b', 'a']);
    const alreadySorted = ['a', 'b'];
    expect(canonicalPool(alreadySorted)).not.toBe(alreadySorted);
  });

  test('uses byte order, not the locale: upper case before lower case, digits first', () => {
    expect(canonicalPool(['b', 'B', 'a', 'A', '9', '-', '_', ':'])).toEqual(['-', '9', ':', 'A', 'B', '_', 'a', 'b']);
  });

  test('isValidId agrees with ID_PATTERN', () => {
    const samples = ['', 'a', 'A.b_c:d-e', 'a/b', 'a b', 'é', 'x'.repeat(64), 'x'.repeat(65), '91140603GHR62DC3D5', '\n', 'a\n'];
    for (const s of samples) expect([s, isValidId(s)]).toEqual([s, ID_PATTERN.test(s)]);
    expect(isValidId(42)).toBe(false);
  });
});

describe('randBelow', () => {
  const TOP = (1n << 64n) - 1n;
  const words = (...values: bigint[]) => {
    const queue = [...values];
    const next = jest.fn(() => {
      if (!queue.length) throw new Error('no more words');
      return queue.shift()!;
    });
    return next;
  };

  test('takes one word and reduces it mod m when it is below the limit', () => {
    const next = words(7n, 99n);
    expect(randBelow(5, next)).toBe(2);
    expect(next).toHaveBeenCalledTimes(1);
  });

  test('discards words at or above 2^64 − (2^64 mod m) and takes the next', () => {
    // 2^64 mod 6 = 4, so the limit is 2^64 − 4: the four largest words are rejected.
    const next = words(TOP, TOP - 3n, TOP - 4n);
    expect(randBelow(6, next)).toBe(Number((TOP - 4n) % 6n));
    expect(next).toHaveBeenCalledTimes(3);
  });

  test('rejects nothing when m divides 2^64, and m = 1 still consumes a word', () => {
    const next = words(TOP, 0n);
    expect(randBelow(8, next)).toBe(7);
    expect(randBelow(1, next)).toBe(0);
    expect(next).toHaveBeenCalledTimes(2);
  });

  test('refuses m < 1 and non-integers', () => {
    expect(() => randBelow(0, words(1n))).toThrow(RangeError);
    expect(() => randBelow(2.5, words(1n))).toThrow(RangeError);
  });

  test('utf8 gives TextEncoder’s bytes for short and long, ASCII and other texts', () => {
    const encoder = new TextEncoder();
    const texts = ['', 'ab'.repeat(32) + ':17', '平鲁区', 'x\ud800y', '😀', 'a'.repeat(256), 'a'.repeat(255) + 'é', 'é' + 'a'.repeat(300), 'z'.repeat(5000)];
    for (const text of texts) expect(Buffer.from(utf8(text)).equals(Buffer.from(encoder.encode(text)))).toBe(true);
  });

  test('blockWords reads four big-endian 64-bit words', () => {
    const digest = new Uint8Array(32);
    digest[7] = 1; // word 0 = 1
    digest[8] = 0x80; // word 1 = 2^63
    digest.fill(0xff, 24); // word 3 = 2^64 − 1
    expect(blockWords(digest)).toEqual([1n, 1n << 63n, 0n, TOP]);
  });

  test('the stream hashes "segmentSeed:j" for blocks 0, 1, 2, …', () => {
    const seed = 'ab'.repeat(32);
    const next = wordStream(seed, nodeSha256);
    const expected = [0, 1, 2].flatMap((j) => blockWords(nodeSha256(utf8(`${seed}:${j}`))));
    expect(Array.from({ length: 12 }, next)).toEqual(expected);
    expect(blockText(seed, 10)).toBe(`${seed}:10`);
  });

  /** SHA-256, except block 0 of every segment, which is all ones: its four words are rejected for any m that is not a power of two. */
  const rejectingBlockZero: Sha256Sync = (data) => {
    const text = new TextDecoder().decode(data);
    return /^[0-9a-f]{64}:0$/.test(text) ? new Uint8Array(32).fill(0xff) : nodeSha256(data);
  };

  test('a draw whose first block is all rejected goes on to the next block, sync and async', async () => {
    const input: DrawInput = { secretHex: 'cd'.repeat(32), entropy: [], beacon: '', segments: [{ label: 'objects', ids: ['a', 'b', 'c', 'd', 'e'], count: 3 }] };
    const result = computeDrawSync(input, rejectingBlockZero);
    const seed = result.segments[0].segmentSeed;
    const block1 = blockWords(nodeSha256(utf8(`${seed}:1`)));
    // With block 0 rejected, the picks come from block 1's words, m = 5, 4, 3.
    const a = ['a', 'b', 'c', 'd', 'e'];
    const expected = [5, 4, 3].map((m, i) => {
      const j = i + Number(block1[i] % BigInt(m));
      [a[i], a[j]] = [a[j], a[i]];
      return a[i];
    });
    expect(result.segments[0].picks).toEqual(expected);
    expect([...pickSequence(['a', 'b', 'c', 'd', 'e'], 3, wordStream(seed, rejectingBlockZero))]).toEqual(expected);
    expect(await computeDraw(input, async (d) => rejectingBlockZero(d))).toEqual(result);
  });

  test('pickSequence refuses a count outside 0..pool size', () => {
    expect(() => [...pickSequence(['a'], 2, words())]).toThrow(RangeError);
  });
});

describe('validateDrawInput', () => {
  const valid = (): DrawInput => clone(vectorNamed('two-segments-with-witness-entropy').input);
  const codes = (input: unknown) => validateDrawInput(input).map((p) => [p.path, p.code]);

  test('accepts the vectors and an empty pool with count 0', () => {
    expect(validateDrawInput(valid())).toEqual([]);
    expect(validateDrawInput({ ...valid(), segments: [{ label: 'empty', ids: [], count: 0 }] })).toEqual([]);
  });

  test('BAD_SECRET: not exactly 64 lowercase hex characters', () => {
    for (const secretHex of ['AB'.repeat(32), 'ab'.repeat(31), 'ab'.repeat(33), 'zz'.repeat(32), 42]) {
      expect(codes({ ...valid(), secretHex })).toEqual([['secretHex', 'BAD_SECRET']]);
    }
  });

  test('EMPTY_ENTROPY, ENTROPY_TOO_LONG (counted in code points) and BAD_ENTROPY', () => {
    expect(codes({ ...valid(), entropy: ['ok', ''] })).toEqual([['entropy[1]', 'EMPTY_ENTROPY']]);
    expect(codes({ ...valid(), entropy: ['纪'.repeat(256), '😀'.repeat(256)] })).toEqual([]);
    expect(codes({ ...valid(), entropy: ['x'.repeat(257), '😀'.repeat(257)] })).toEqual([
      ['entropy[0]', 'ENTROPY_TOO_LONG'],
      ['entropy[1]', 'ENTROPY_TOO_LONG'],
    ]);
    expect(codes({ ...valid(), entropy: ['lone \ud800 surrogate', 7] })).toEqual([
      ['entropy[0]', 'BAD_ENTROPY'],
      ['entropy[1]', 'BAD_ENTROPY'],
    ]);
    expect(codes({ ...valid(), entropy: 'not a list' })).toEqual([['entropy', 'BAD_INPUT']]);
  });

  test('BAD_BEACON: not a string', () => {
    expect(codes({ ...valid(), beacon: null })).toEqual([['beacon', 'BAD_BEACON']]);
  });

  test('NO_SEGMENTS', () => {
    expect(codes({ ...valid(), segments: [] })).toEqual([['segments', 'NO_SEGMENTS']]);
    expect(codes({ ...valid(), segments: undefined })).toEqual([['segments', 'BAD_INPUT']]);
  });

  test('BAD_LABEL and DUPLICATE_LABEL', () => {
    const input = valid();
    input.segments[0].label = 'has space';
    expect(codes(input)).toEqual([['segments[0].label', 'BAD_LABEL']]);
    input.segments[0].label = 'x'.repeat(129);
    expect(codes(input)).toEqual([['segments[0].label', 'BAD_LABEL']]);
    input.segments[0].label = 'inspectors/pool:A-1.x_y';
    expect(codes(input)).toEqual([]);
    input.segments[1].label = input.segments[0].label;
    const problems = validateDrawInput(input);
    expect(problems.map((p) => [p.path, p.code])).toEqual([['segments[1].label', 'DUPLICATE_LABEL']]);
    expect(problems[0].message).toContain('segments[0]');
  });

  test('BAD_ID for each bad id, with its index', () => {
    const input = valid();
    (input.segments[0].ids as unknown[]).splice(2, 0, 'has/slash', '', 'x'.repeat(65), 12);
    expect(codes(input)).toEqual([
      ['segments[0].ids[2]', 'BAD_ID'],
      ['segments[0].ids[3]', 'BAD_ID'],
      ['segments[0].ids[4]', 'BAD_ID'],
      ['segments[0].ids[5]', 'BAD_ID'],
    ]);
  });

  test('DUPLICATE_ID is an error naming the duplicate, never silently merged', () => {
    const input = valid();
    const ids = input.segments[1].ids as string[];
    ids.push(ids[3], ids[0], ids[3]);
    const problems = validateDrawInput(input);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['segments[1].ids[7]', 'DUPLICATE_ID'],
      ['segments[1].ids[8]', 'DUPLICATE_ID'],
      ['segments[1].ids[9]', 'DUPLICATE_ID'],
    ]);
    expect(problems[0].message).toContain(ids[3]);
    expect(problems[0].message).toContain('index 3');
    expect(() => computeDrawSync(input, nodeSha256)).toThrow(DrawInputError);
  });

  test('COUNT_OUT_OF_RANGE: negative, above the pool size, not an integer, not a number', () => {
    for (const count of [-1, 11, 2.5, '3', null]) {
      const input = valid();
      (input.segments[0] as { count: unknown }).count = count;
      expect(codes(input)).toEqual([['segments[0].count', 'COUNT_OUT_OF_RANGE']]);
    }
  });

  test('BAD_INPUT for containers of the wrong type', () => {
    expect(codes(null)).toEqual([['', 'BAD_INPUT']]);
    expect(codes({ ...valid(), segments: ['x', { label: 'a', ids: 'abc', count: 0 }] })).toEqual([
      ['segments[0]', 'BAD_INPUT'],
      ['segments[1].ids', 'BAD_INPUT'],
    ]);
  });

  test('computeDraw rejects invalid input with the problems attached', async () => {
    const input = { ...valid(), secretHex: 'nope' };
    await expect(computeDraw(input, webCryptoSha256)).rejects.toMatchObject({ problems: [{ path: 'secretHex', code: 'BAD_SECRET' }] });
  });
});

describe('verifyRecord', () => {
  const vector = vectorNamed('two-segments-with-witness-entropy');
  const goodRecord = (): DrawRecord =>
    buildRecordSync(vector.input, { ...INFO, excluded: [[{ id: '91140603ZZZZZZZZZZ', reason: '本年度已检查两次' }], []] }, nodeSha256);
  const differenceOf = (record: DrawRecord) => {
    const outcome = verifyRecordSync(record, nodeSha256);
    return outcome.ok ? null : outcome.firstDifference;
  };

  test('a record built from a vector holds the expected values and verifies, sync and async', async () => {
    const record = goodRecord();
    expect(record.commitment).toBe(vector.expected.commitment);
    expect(record.seed).toBe(vector.expected.seed);
    expect(record.segments.map((s) => s.picks)).toEqual(vector.expected.segments.map((s) => s.picks));
    expect(record.segments[0].ids).toEqual(canonicalPool(vector.input.segments[0].ids));
    expect(record.entropy[0]).toEqual({ text: vector.input.entropy[0], digest: entropyDigest(vector.input.entropy[0], nodeSha256), acceptedAt: INFO.acceptedAt![0] });
    expect(verifyRecordSync(record, nodeSha256)).toEqual({ ok: true });
    expect(verifyRecordNode(record)).toEqual({ ok: true });
    expect(await verifyRecord(record, webCryptoSha256)).toEqual({ ok: true });
    expect(await buildRecord(vector.input, INFO, webCryptoSha256)).toEqual(buildRecordSync(vector.input, INFO, nodeSha256));
  });

  test('every vector verifies as a record', () => {
    for (const v of vectors) expect(verifyRecordNode(buildRecordSync(v.input, { ...INFO, acceptedAt: [] }, nodeSha256))).toEqual({ ok: true });
  });

  test('a tampered pick is reported at that pick', async () => {
    const record = goodRecord();
    const original = record.segments[0].picks[1];
    record.segments[0].picks[1] = record.segments[0].ids.find((id) => !record.segments[0].picks.includes(id))!;
    const expected = { path: 'segments[0].picks[1]', expected: original, actual: record.segments[0].picks[1] };
    expect(differenceOf(record)).toEqual(expected);
    expect(await verifyRecord(record, webCryptoSha256)).toEqual({ ok: false, firstDifference: expected });
  });

  test('swapped picks, a missing pick and an extra pick are reported', () => {
    const swapped = goodRecord();
    swapped.segments[1].picks.reverse();
    expect(differenceOf(swapped)).toMatchObject({ path: 'segments[1].picks[0]', expected: vector.expected.segments[1].picks[0] });
    const short = goodRecord();
    short.segments[0].picks.pop();
    expect(differenceOf(short)).toEqual({ path: 'segments[0].picks[2]', expected: vector.expected.segments[0].picks[2], actual: null });
    const long = goodRecord();
    long.segments[0].picks.push('91140603ZZZZZZZZZZ');
    expect(differenceOf(long)).toEqual({ path: 'segments[0].picks.length', expected: 3, actual: 4 });
  });

  test('a changed id in a pool shows as a different pool digest (or an order break)', () => {
    const record = goodRecord();
    const recomputed = canonicalPool(['0', ...record.segments[0].ids.slice(1)]);
    record.segments[0].ids[0] = '0'; // still sorted, so the digest is what differs
    expect(differenceOf(record)).toEqual({ path: 'segments[0].poolDigest', expected: poolDigest(recomputed, nodeSha256), actual: vector.expected.segments[0].poolDigest });
    const unsorted = goodRecord();
    unsorted.segments[1].ids[0] = 'zzz';
    expect(differenceOf(unsorted)).toEqual({ path: 'segments[1].ids[0]', expected: unsorted.segments[1].ids[1], actual: 'zzz' });
  });

  test('a duplicate or malformed id in a pool breaks the input rules', () => {
    const record = goodRecord();
    record.segments[0].ids[1] = record.segments[0].ids[0];
    expect(differenceOf(record)).toMatchObject({ path: 'segments[0].ids[1]', code: 'DUPLICATE_ID', actual: record.segments[0].ids[0] });
    const bad = goodRecord();
    bad.segments[0].ids[4] = 'not an id';
    expect(differenceOf(bad)).toMatchObject({ path: 'segments[0].ids[4]', code: 'BAD_ID', actual: 'not an id' });
  });

  test('a different secret does not match the commitment', () => {
    const record = goodRecord();
    record.secretHex = `0${record.secretHex.slice(1)}`;
    expect(differenceOf(record)).toEqual({ path: 'commitment', expected: commitment(record.secretHex, nodeSha256), actual: vector.expected.commitment });
  });

  test('a changed entropy text does not match its digest; a changed digest neither', () => {
    const record = goodRecord();
    const digest = record.entropy[1].digest;
    record.entropy[1].text = 'witness-2: 7f3b';
    expect(differenceOf(record)).toEqual({ path: 'entropy[1].digest', expected: entropyDigest('witness-2: 7f3b', nodeSha256), actual: digest });
    const other = goodRecord();
    other.entropy[0].digest = '0'.repeat(64);
    expect(differenceOf(other)).toEqual({ path: 'entropy[0].digest', expected: entropyDigest(vector.input.entropy[0], nodeSha256), actual: '0'.repeat(64) });
    const empty = goodRecord();
    empty.entropy[0].text = '';
    expect(differenceOf(empty)).toMatchObject({ path: 'entropy[0].text', code: 'EMPTY_ENTROPY', actual: '' });
  });

  test('a changed count changes the seed; an impossible count breaks the rules', () => {
    const record = goodRecord();
    record.segments[0].count = 4;
    const segments = vector.expected.segments.map((s, i) => (i === 0 ? { ...s, count: 4 } : s));
    const entropyDigests = vector.input.entropy.map((e) => entropyDigest(e, nodeSha256));
    const seed = drawSeed({ secretHex: record.secretHex, entropyDigests, beacon: '', segments }, nodeSha256);
    expect(differenceOf(record)).toEqual({ path: 'seed', expected: seed, actual: vector.expected.seed });
    const impossible = goodRecord();
    impossible.segments[1].count = 8;
    expect(differenceOf(impossible)).toMatchObject({ path: 'segments[1].count', code: 'COUNT_OUT_OF_RANGE', actual: 8 });
  });

  test('poolSize, seed, segmentSeed, protocol and excluded ids are checked', () => {
    const size = goodRecord();
    size.segments[1].poolSize = 8;
    expect(differenceOf(size)).toEqual({ path: 'segments[1].poolSize', expected: 7, actual: 8 });
    const seed = goodRecord();
    seed.seed = 'f'.repeat(64);
    expect(differenceOf(seed)).toEqual({ path: 'seed', expected: vector.expected.seed, actual: 'f'.repeat(64) });
    const segmentSeedChanged = goodRecord();
    segmentSeedChanged.segments[1].segmentSeed = 'e'.repeat(64);
    expect(differenceOf(segmentSeedChanged)).toEqual({ path: 'segments[1].segmentSeed', expected: vector.expected.segments[1].segmentSeed, actual: 'e'.repeat(64) });
    const protocol = goodRecord();
    (protocol as { protocol: string }).protocol = 'draw-v2';
    expect(differenceOf(protocol)).toEqual({ path: 'protocol', expected: 'draw-v1', actual: 'draw-v2' });
    const excluded = goodRecord();
    excluded.segments[0].excluded.push({ id: excluded.segments[0].ids[5], reason: '注销' });
    expect(differenceOf(excluded)).toEqual({ path: 'segments[0].excluded[1].id', expected: 'an id that is not in the pool', actual: excluded.segments[0].ids[5] });
  });

  test('a malformed record is reported, not thrown', () => {
    const record = goodRecord() as unknown as Record<string, unknown>;
    delete record.segments;
    expect(differenceOf(record as unknown as DrawRecord)).toMatchObject({ path: 'segments', code: 'BAD_INPUT' });
  });
});

describe('the draw CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'draw-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function fakeIo(stdin = ''): CliIo & { out: string; err: string } {
    const io = {
      out: '',
      err: '',
      readFile: (file: string) => fs.promises.readFile(file, 'utf8'),
      readStdin: async () => stdin,
      stdout: (text: string) => {
        io.out += text;
      },
      stderr: (text: string) => {
        io.err += text;
      },
    };
    return io;
  }
  const write = (name: string, value: unknown): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 1));
    return file;
  };
  const record = () => buildRecordSync(vectorNamed('two-segments-with-witness-entropy').input, INFO, nodeSha256);

  test.each(vectors.map((v) => [v.name, v] as const))('compute %s prints the expected result as one JSON line', async (name, vector) => {
    const io = fakeIo();
    expect(await main(['compute', write(`${name}.json`, vector.input)], io)).toBe(0);
    expect(io.out).toBe(`${JSON.stringify(vector.expected)}\n`);
    expect(io.err).toBe('');
  });

  test('compute reads stdin for -', async () => {
    const vector = vectors[0];
    const io = fakeIo(JSON.stringify(vector.input));
    expect(await main(['compute', '-'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual(vector.expected);
  });

  test('compute exits 2 with the problems on stderr for invalid input', async () => {
    const input = clone(vectors[0].input);
    input.segments[0].ids = [...input.segments[0].ids, input.segments[0].ids[0]];
    const io = fakeIo();
    expect(await main(['compute', write('dup.json', input)], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toContain('segments[0].ids[10]: DUPLICATE_ID');
  });

  test('unreadable files, bad JSON and bad usage exit 2', async () => {
    for (const argv of [['compute', path.join(dir, 'missing.json')], ['verify', write('bad.json', '{"protocol": ')], ['compute'], ['frobnicate', 'x.json'], []]) {
      const io = fakeIo();
      expect(await main(argv, io)).toBe(2);
      expect(io.err).not.toBe('');
    }
  });

  test('verify exits 0 on a good record', async () => {
    const io = fakeIo();
    expect(await main(['verify', write('good.json', record())], io)).toBe(0);
    expect(io.out).toBe('verified: 2 segments, 5 picks\n');
    const stdin = fakeIo(JSON.stringify(record()));
    expect(await main(['verify', '-'], stdin)).toBe(0);
  });

  test('verify exits 1 with the first difference on a tampered record', async () => {
    const tampered = record();
    tampered.segments[1].picks[1] = tampered.segments[1].picks[0];
    const io = fakeIo();
    expect(await main(['verify', write('tampered.json', tampered)], io)).toBe(1);
    expect(io.out).toContain('segments[1].picks[1]');
    expect(io.out).toContain(`expected: "${vectors[0].expected.segments[1].picks[1]}"`);
    expect(io.out).toContain(`actual:   "${tampered.segments[1].picks[0]}"`);
  });

  test('verify exits 2 on a malformed record', async () => {
    const malformed = record() as unknown as Record<string, unknown>;
    malformed.segments = 'none';
    const io = fakeIo();
    expect(await main(['verify', write('malformed.json', malformed)], io)).toBe(2);
    expect(io.err).toContain('segments must be a list');
  });
});

test('nodeSha256 is SHA-256 (so the fake-hash tests above compare against the real thing)', () => {
  expect(toHex(nodeSha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
