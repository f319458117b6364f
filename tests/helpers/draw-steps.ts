import { createHash } from 'node:crypto';
import { todayInChina } from '../../server/domain/calendar-date';
import { completeCreditCode, CREDIT_CODE_ALPHABET } from '../../server/domain/credit-code';
import { Role } from '../../server/domain/vocabulary';
import { createChildDepartment, createUserIn } from './factories';
import { closesIn, createTask, drawFixture, SCHEDULE, sleep } from './draw-fixture';
import { importFile, sheetBytes } from './imports';
import { HEADER_ROW, targetRows } from './target-rows';
import type { GqlResult, TestServer } from './test-server';

/**
 * Steps the draw tests share: running a draw through GraphQL as an operator and a witness would,
 * adding targets with the attributes the eligibility rules look at, and reading errors.
 */

export const DRAW_EVENTS = `subscription($id: ID!, $after: Int, $invite: String) { drawEvents(drawId: $id, afterSeq: $after, inviteToken: $invite) { drawId seq globalSeq type at payload } }`;
export const JURISDICTION_EVENTS = `subscription($after: Int) { jurisdictionDrawEvents(afterGlobalSeq: $after) { drawId seq globalSeq type at payload } }`;
export const DRAW_RECORD = `query($id: ID!, $invite: String) { drawRecord(id: $id, inviteToken: $invite) }`;

export type Fixture = Awaited<ReturnType<typeof drawFixture>>;
export interface DrawEventView { drawId: string; seq: number; globalSeq: number; type: string; at: string; payload: Record<string, any> }

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** draw-v1: commitment = H("draw-v1/commit\n" + secretHex). */
export const commitmentOf = (secretHex: string) => sha256(`draw-v1/commit\n${secretHex}`);

/** The first error's code, details and English message (undefined when the call succeeded). */
export function errorOf(res: GqlResult) {
  const e = res.errors?.[0];
  return e ? { code: e.extensions?.code as string, details: e.extensions?.details, message: e.message, messageEn: e.extensions?.messageEn as string } : undefined;
}
export const codeOf = (res: GqlResult) => errorOf(res)?.code;

/** Runs a GraphQL operation that must succeed and returns its data. */
export async function ok<T = any>(server: TestServer, query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
  const res = await server.gql<T>(query, variables, { token });
  if (res.errors || !res.data) throw new Error(`GraphQL failed: ${JSON.stringify(res.errors)}\n${query}`);
  return res.data;
}

/** The calendar year in China, and a task window inside it (the twice-a-year rule counts by year). */
export const thisYear = () => Number(todayInChina().slice(0, 4));
export const yearWindow = () => ({ windowStart: `${thisYear()}-01-01`, windowEnd: `${thisYear()}-12-31` });

let serial = 0;
/** A valid credit code for an individual business, distinct from the codes of `targetRows`. */
export function nextCreditCode(): string {
  let n = ++serial + (process.pid % 1000) * 10000, body = '';
  for (let k = 0; k < 6; k++) { body = CREDIT_CODE_ALPHABET[n % 31] + body; n = Math.floor(n / 31); }
  return completeCreditCode(`92140603MX${body}1`);
}

export interface TargetSpec {
  name?: string;
  status?: 'ACTIVE' | 'ABNORMAL_LIST' | 'DEREGISTERED' | 'REVOKED' | 'MOVED' | 'CLOSED';
  riskLevel?: 'LOW' | 'MEDIUM' | 'HIGH';
  complaintCount?: number;
  dishonest?: boolean;
  seriousViolation?: boolean;
  regionCode?: string;
}

/** Adds targets to the planner's directory one by one (individual businesses with credit codes); returns them in order. */
export async function addTargets(server: TestServer, token: string, specs: TargetSpec[]): Promise<{ id: string; creditCode: string; name: string }[]> {
  const out = [];
  for (const spec of specs) {
    const creditCode = nextCreditCode();
    const input = { creditCode, name: spec.name ?? `测试农资店${creditCode.slice(-6)}`, type: 'INDIVIDUAL_BUSINESS', regionCode: spec.regionCode ?? '140603', ...spec };
    const data = await ok(server, `mutation($input: TargetInput!) { createTarget(input: $input) { id creditCode name } }`, { input }, token);
    out.push(data.createTarget);
  }
  return out;
}

/** A catalog item of the planner's department: GENERAL with a cap, or KEY (no cap). */
export async function addItem(server: TestServer, token: string, kind: 'GENERAL' | 'KEY', capPercent = 50): Promise<string> {
  const code = `PL-${kind[0]}-${++serial}`;
  const input = kind === 'GENERAL'
    ? { code, name: '农药经营者经营行为的检查', categoryCode: 'PESTICIDES', kind, targetTypes: ['INDIVIDUAL_BUSINESS'], ratioMinPercent: 1, ratioMaxPercent: capPercent, frequencyPerYear: 2 }
    : { code, name: '兽药经营重点检查', categoryCode: 'PESTICIDES', kind, targetTypes: ['INDIVIDUAL_BUSINESS'], frequencyPerYear: 2 };
  const data = await ok(server, `mutation($input: InspectionItemInput!) { createInspectionItem(input: $input) { id } }`, { input }, token);
  return data.createInspectionItem.id;
}

/** The department's adopted annual plan for this year with one batch of the items; returns the batch id (for PLANNED tasks). */
export async function planBatch(server: TestServer, token: string, itemIds: string[]): Promise<string> {
  const year = thisYear();
  const data = await ok(server, `mutation($year: Int!, $input: PlanVersionInput!) { createAnnualPlan(year: $year, input: $input) { current { id revision batches { id } } } }`, {
    year,
    input: {
      title: `${year}年度抽查工作计划`, levelSplit: { provincePercent: 0, cityPercent: 0, countyPercent: 100 },
      batches: [{ name: '全年批次', itemIds, startDate: `${year}-01-01`, endDate: `${year}-12-31`, estimatedCount: 5 }],
    },
  }, token);
  const version = data.createAnnualPlan.current;
  await ok(server, `mutation($id: ID!, $r: Int!) { adoptPlanVersion(id: $id, expectedRevision: $r) { status } }`, { id: version.id, r: version.revision }, token);
  return version.batches[0].id;
}

/** A PLANNED task (from a batch of the plan) in this year's window. */
export function createPlannedTask(server: TestServer, token: string, itemIds: string[], batchId: string, segments: Record<string, unknown>[]) {
  return createTask(server, token, itemIds[0], segments, { kind: 'PLANNED', directedReason: null, planBatchId: batchId, itemIds, ...yearWindow() });
}

/** A county beside the fixture's (same city) with its own planner, operator, supervisor and a few targets. */
export async function siblingCounty(server: TestServer, f: Fixture, targets = 5) {
  const county = await createChildDepartment(server, f.root.token, f.city.id, '140602');
  const planner = await createUserIn(server, f.root.token, county.id, [Role.PLANNER]);
  const operator = await createUserIn(server, f.root.token, county.id, [Role.DRAW_OPERATOR]);
  const supervisor = await createUserIn(server, f.root.token, county.id, [Role.SUPERVISOR]);
  const imported = await importFile(server, planner.token, 'TARGETS', await sheetBytes('csv', [HEADER_ROW, ...targetRows(targets, '140602')]), { fileName: 'targets.csv' });
  if (imported.body.status !== 'SUCCEEDED') throw new Error(JSON.stringify(imported.body));
  const itemId = await addItem(server, planner.token, 'GENERAL', 100);
  return { county, planner, operator, supervisor, itemId };
}

export interface ScheduledDraw { id: string; status: string; commitment: string; segments: { label: string; poolSize: number; count: number; poolDigest: string; excludedCount: number }[] }

/** Schedules a draw of a task (entropy window closing in `closeMs`). */
export async function schedule(server: TestServer, token: string, taskId: string, input: { closeMs?: number; paceMs?: number; batchSize?: number; beaconSource?: string } = {}): Promise<ScheduledDraw> {
  const { closeMs = 1000, ...rest } = input;
  const data = await ok(server, SCHEDULE, { task: taskId, input: { entropyClosesAt: closesIn(closeMs), paceMs: 0, ...rest } }, token);
  return data.scheduleDraw;
}

export async function openDraw(server: TestServer, token: string, drawId: string) {
  return (await ok(server, `mutation($id: ID!) { openDraw(id: $id) { status } }`, { id: drawId }, token)).openDraw.status as string;
}

/** Invites a witness by link; returns the link's token. */
export async function inviteByLink(server: TestServer, token: string, drawId: string, name = '纪检组 王监督') {
  const data = await ok(server, `mutation($id: ID!, $name: String!) { inviteWitness(drawId: $id, input: { displayName: $name, organisation: "派驻纪检组", validHours: 2 }) { inviteToken witness { id } } }`, { id: drawId, name }, token);
  return data.inviteWitness.inviteToken as string;
}

export function contribute(server: TestServer, drawId: string, text: string, invite: string) {
  return server.gql(`mutation($id: ID!, $text: String!, $t: String) { contributeEntropy(drawId: $id, text: $text, inviteToken: $t) { ordinal text digest acceptedAt } }`, { id: drawId, text, t: invite });
}

export function reveal(server: TestServer, token: string, drawId: string, beacon?: string) {
  return server.gql(`mutation($id: ID!, $b: String) { revealDraw(id: $id, beacon: $b) { id status revealedAt completedAt } }`, { id: drawId, b: beacon ?? null }, { token });
}

/** Waits until the draw's entropy window has closed (as stored). */
export async function waitForWindow(server: TestServer, token: string, drawId: string) {
  const { draw } = await ok(server, `query($id: ID!) { draw(id: $id) { entropyClosesAt } }`, { id: drawId }, token);
  const wait = Date.parse(draw.entropyClosesAt) - Date.now() + 50;
  if (wait > 0) await sleep(wait);
}

/** Waits until a revealed draw has shown its last pick. */
export async function waitForCompletion(server: TestServer, token: string, drawId: string) {
  for (let i = 0; i < 200; i++) {
    const { draw } = await ok(server, `query($id: ID!) { draw(id: $id) { status completedAt } }`, { id: drawId }, token);
    if (draw.status !== 'DRAWING' && draw.status !== 'OPEN') return draw.status as string;
    await sleep(Math.max(50, Math.min(500, Date.parse(draw.completedAt ?? '') - Date.now() + 20 || 100)));
  }
  throw new Error(`draw ${drawId} did not complete`);
}

/** Opens a scheduled draw, waits for its window, reveals it and waits for the last pick. */
export async function runDraw(server: TestServer, token: string, drawId: string, options: { lock?: boolean } = {}) {
  await openDraw(server, token, drawId);
  await waitForWindow(server, token, drawId);
  const revealed = await reveal(server, token, drawId);
  if (revealed.errors) throw new Error(JSON.stringify(revealed.errors));
  const status = await waitForCompletion(server, token, drawId);
  if (options.lock) return (await ok(server, `mutation($id: ID!) { lockDraw(id: $id) { status } }`, { id: drawId }, token)).lockDraw.status as string;
  return status;
}

/** Every pick of a draw, in draw order, as public ids per segment position. */
export async function picksOf(server: TestServer, token: string, drawId: string): Promise<{ totalItems: number; bySegment: string[][] }> {
  const { draw } = await ok(server, `query($id: ID!) { draw(id: $id) { picks(page: { take: 500 }) { totalItems items { segmentPosition ordinal publicId } } } }`, { id: drawId }, token);
  const bySegment: string[][] = [];
  for (const p of draw.picks.items) (bySegment[p.segmentPosition] ??= []).push(p.publicId);
  return { totalItems: draw.picks.totalItems, bySegment };
}

export const eventsOf = <K extends string>(collected: { events: Record<K, DrawEventView>[] }, key: K) => collected.events.map((e) => e[key]);

/** Errors a subscription ended with, flattened (graphql-ws hands an array to `error`). */
export function subscriptionCodes(errors: unknown[]): string[] {
  return errors.flatMap((e) => (Array.isArray(e) ? e : [e])).map((e: any) => e?.extensions?.code ?? String(e?.message ?? e));
}
