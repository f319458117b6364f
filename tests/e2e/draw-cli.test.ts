import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTask, drawFixture } from '../helpers/draw-fixture';
import { addTargets, commitmentOf, contribute, DRAW_RECORD, inviteByLink, ok, openDraw, picksOf, reveal, schedule, waitForCompletion, waitForWindow } from '../helpers/draw-steps';
import { DRAW_CLI } from '../helpers/hub-process';
import { createTestServer, TestServer } from '../helpers/test-server';

/**
 * A completed draw checked the way an outsider would: download its published record through GraphQL
 * (`drawRecord`, public once announced), save it, and run the project's CLI
 * (`node dist/server/cli/draw.js`, built by `npm test`'s pretest step) on it:
 *   verify <record.json|->  exit 0 when every pick reproduces; 1 with the first difference; 2 for a malformed file
 *   compute <input.json|->  prints {commitment, seed, segments:[{label, poolSize, poolDigest, count, segmentSeed, picks}]}
 */
jest.setTimeout(60000);

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await createTestServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draw-cli-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DRAW_CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const save = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
};

/** A two-segment draw with witness entropy and a beacon, run to announcement; returns its public record. */
async function announcedRecord() {
  const f = await drawFixture(server, { targets: 30, capPercent: 100 });
  await addTargets(server, f.planner.token, [{ riskLevel: 'HIGH' }, { riskLevel: 'HIGH' }, { riskLevel: 'HIGH' }, { riskLevel: 'HIGH' }, { status: 'REVOKED', riskLevel: 'HIGH' }]);
  const taskId = await createTask(server, f.planner.token, f.itemId, [
    { label: 'objects/high-risk', filter: { riskLevels: ['HIGH'] }, fixedCount: 2 },
    { label: 'objects/individual', filter: { types: ['INDIVIDUAL_BUSINESS'] }, ratioPercent: 20 },
  ]);
  const draw = await schedule(server, f.operator.token, taskId, { closeMs: 1200, paceMs: 0, beaconSource: '中国福利彩票双色球 开奖号码（截止后首期）' });
  const invite = await inviteByLink(server, f.operator.token, draw.id);
  await openDraw(server, f.operator.token, draw.id);
  await contribute(server, draw.id, '纪检组见证 第一位', invite);
  await contribute(server, draw.id, '市场监管局见证 🎲 second', invite);
  await waitForWindow(server, f.operator.token, draw.id);
  expect((await reveal(server, f.operator.token, draw.id)).errors?.[0]?.extensions?.code).toBe('BEACON_REQUIRED');
  expect((await reveal(server, f.operator.token, draw.id, '03 08 14 21 27 30 + 11')).data.revealDraw.status).toBe('COMPLETED');
  await waitForCompletion(server, f.operator.token, draw.id);
  await ok(server, `mutation($id: ID!) { lockDraw(id: $id) { status } }`, { id: draw.id }, f.operator.token);
  const record = (await ok(server, DRAW_RECORD, { id: draw.id })).drawRecord; // public: no login
  const { bySegment } = await picksOf(server, f.operator.token, draw.id);
  return { record, draw, picks: bySegment };
}

test('the record of an announced draw verifies with the CLI; a tampered pick, a reordering or a changed entropy does not, and the CLI names the first difference', async () => {
  expect(fs.existsSync(DRAW_CLI)).toBe(true);
  const { record, draw, picks } = await announcedRecord();
  expect(record).toMatchObject({ protocol: 'draw-v1', drawId: draw.id, commitment: draw.commitment, status: 'ANNOUNCED', beacon: '03 08 14 21 27 30 + 11' });
  expect(record.segments.map((s: any) => [s.label, s.ids.length, s.count, s.picks])).toEqual([['objects/high-risk', 4, 2, picks[0]], ['objects/individual', 30, 6, picks[1]]]);
  expect(record.segments[0].excluded).toEqual([{ id: expect.any(String), reason: 'NOT_IN_BUSINESS' }]);

  const file = save('record.json', record);
  const verified = await cli(['verify', file]);
  expect(verified).toEqual({ code: 0, stdout: 'verified: 2 segments, 8 picks\n', stderr: '' });
  expect(await cli(['verify', '-'], JSON.stringify(record))).toMatchObject({ code: 0, stdout: 'verified: 2 segments, 8 picks\n' });

  // A pick swapped for someone from the pool who was not drawn.
  const notDrawn = record.segments[1].ids.find((id: string) => !record.segments[1].picks.includes(id));
  const swapped = structuredClone(record);
  swapped.segments[1].picks[3] = notDrawn;
  const tampered = await cli(['verify', save('tampered.json', swapped)]);
  expect(tampered.code).toBe(1);
  expect(tampered.stdout).toBe(`NOT VERIFIED: first difference at segments[1].picks[3]\n  expected: ${JSON.stringify(record.segments[1].picks[3])}\n  actual:   ${JSON.stringify(notDrawn)}\n`);

  // The same picks in another order: the order is part of the result.
  const reordered = structuredClone(record);
  reordered.segments[0].picks.reverse();
  const outOfOrder = await cli(['verify', save('reordered.json', reordered)]);
  expect([outOfOrder.code, outOfOrder.stdout.split('\n')[0]]).toEqual([1, 'NOT VERIFIED: first difference at segments[0].picks[0]']);

  // A witness's entropy changed after the fact: its digest no longer matches.
  const rewritten = structuredClone(record);
  rewritten.entropy[1].text = '改过的随机数';
  const changed = await cli(['verify', save('entropy.json', rewritten)]);
  expect([changed.code, changed.stdout.split('\n')[0]]).toEqual([1, 'NOT VERIFIED: first difference at entropy[1].digest']);

  // Not a record at all.
  expect((await cli(['verify', save('broken.json', '{"protocol": "draw-v1", ')])).code).toBe(2);
  expect((await cli(['verify', path.join(dir, 'missing.json')])).code).toBe(2);
  expect((await cli(['check', file])).code).toBe(2);
});

test('compute on an input built from the record (pools in any order) reproduces its commitment, seed and every pick', async () => {
  const { record } = await announcedRecord();
  const input = {
    secretHex: record.secretHex,
    entropy: record.entropy.map((e: any) => e.text),
    beacon: record.beacon,
    segments: record.segments.map((s: any) => ({ label: s.label, ids: [...s.ids].reverse(), count: s.count })),
  };
  const computed = await cli(['compute', save('input.json', input)]);
  expect(computed.code).toBe(0);
  expect(computed.stderr).toBe('');
  const result = JSON.parse(computed.stdout);
  expect(result).toEqual({
    commitment: record.commitment,
    seed: record.seed,
    segments: record.segments.map((s: any) => ({ label: s.label, poolSize: s.poolSize, poolDigest: s.poolDigest, count: s.count, segmentSeed: s.segmentSeed, picks: s.picks })),
  });
  expect(commitmentOf(input.secretHex)).toBe(result.commitment);
  expect(await cli(['compute', '-'], JSON.stringify(input))).toMatchObject({ code: 0, stdout: computed.stdout });

  // Another secret gives another draw; an invalid input is refused with the problem named.
  const other = JSON.parse((await cli(['compute', save('other.json', { ...input, secretHex: 'f'.repeat(64) })])).stdout);
  expect(other.commitment).not.toBe(record.commitment);
  expect(other.segments.map((s: any) => s.picks)).not.toEqual(record.segments.map((s: any) => s.picks));
  const invalid = await cli(['compute', save('invalid.json', { ...input, segments: [{ ...input.segments[0], count: input.segments[0].ids.length + 1 }] })]);
  expect(invalid.code).toBe(2);
  expect(invalid.stderr).toContain('segments[0].count: COUNT_OUT_OF_RANGE');
});
