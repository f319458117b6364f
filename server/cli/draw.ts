import fs from 'node:fs';
import { computeDrawSync, DrawInput, DrawInputError, DrawRecord, recordShapeProblems, verifyRecordSync } from '../domain/draw-v1';
import { nodeSha256 } from '../domain/draw-v1-node';
import { TeamRecord, teamRecordShapeProblem, verifyTeamRecord } from '../domain/team-record';

/**
 * `npm run --silent draw -- compute <input.json|->`: prints the draw-v1 result
 *   {commitment, seed, segments:[{label, poolSize, poolDigest, count, segmentSeed, picks}]} as one JSON line.
 * `npm run --silent draw -- verify <record.json|->`: recomputes a published record and prints
 *   "verified: …", or the first difference.
 * `npm run --silent draw -- verify-teams <teams.json|->`: recomputes every team draw of a published
 *   team record (docs/team-draw.md) and prints "verified: …", or the first difference.
 * Exit codes: 0 done / verified; 1 the record does not verify; 2 usage error, unreadable or malformed
 * file, or invalid draw input (problems on stderr).
 */

export interface CliIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = 'usage: draw compute <input.json|->\n       draw verify <record.json|->\n       draw verify-teams <teams.json|->\n';
/** Beyond this many problems a terminal is no help; the first ones show what is wrong. */
const MAX_PRINTED_PROBLEMS = 50;

class CliFailure extends Error {}

async function readJson(source: string, io: CliIo): Promise<unknown> {
  let text: string;
  try {
    text = source === '-' ? await io.readStdin() : await io.readFile(source);
  } catch (error) {
    throw new CliFailure(`cannot read ${source === '-' ? 'stdin' : source}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')); // tolerate a BOM from Windows editors
  } catch (error) {
    throw new CliFailure(`${source === '-' ? 'stdin' : source} is not valid JSON: ${(error as Error).message}`);
  }
}

function printProblems(io: CliIo, heading: string, problems: { path: string; code: string; message: string }[]): void {
  const lines = problems.slice(0, MAX_PRINTED_PROBLEMS).map((p) => `  ${p.path || '(input)'}: ${p.code} ${p.message}`);
  if (problems.length > MAX_PRINTED_PROBLEMS) lines.push(`  … and ${problems.length - MAX_PRINTED_PROBLEMS} more`);
  io.stderr(`${heading}\n${lines.join('\n')}\n`);
}

async function compute(source: string, io: CliIo): Promise<number> {
  const input = await readJson(source, io);
  try {
    // computeDrawSync validates (and sorts) once; validating first would sort every pool twice
    io.stdout(`${JSON.stringify(computeDrawSync(input as DrawInput, nodeSha256))}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof DrawInputError)) throw error;
    const { problems } = error;
    printProblems(io, `invalid draw-v1 input (${problems.length} problem${problems.length === 1 ? '' : 's'}):`, problems);
    return 2;
  }
}

async function verify(source: string, io: CliIo): Promise<number> {
  const record = await readJson(source, io);
  const shape = recordShapeProblems(record);
  if (shape.length) {
    printProblems(io, 'malformed draw record:', shape);
    return 2;
  }
  const drawRecord = record as DrawRecord;
  const outcome = verifyRecordSync(drawRecord, nodeSha256);
  if (outcome.ok) {
    const picks = drawRecord.segments.reduce((sum, s) => sum + s.picks.length, 0);
    io.stdout(`verified: ${drawRecord.segments.length} segment${drawRecord.segments.length === 1 ? '' : 's'}, ${picks} pick${picks === 1 ? '' : 's'}\n`);
    return 0;
  }
  const { path, expected, actual, code } = outcome.firstDifference;
  io.stdout(
    `NOT VERIFIED: first difference at ${path}${code ? ` (${code})` : ''}\n` +
      `  expected: ${JSON.stringify(expected)}\n` +
      `  actual:   ${JSON.stringify(actual)}\n`,
  );
  return 1;
}

async function verifyTeamsCommand(source: string, io: CliIo): Promise<number> {
  const record = await readJson(source, io);
  const shape = teamRecordShapeProblem(record);
  if (shape) {
    io.stderr(`malformed team record: ${shape}\n`);
    return 2;
  }
  const outcome = verifyTeamRecord(record as TeamRecord, nodeSha256);
  if (outcome.ok) {
    io.stdout(`verified: ${outcome.rounds} team draw${outcome.rounds === 1 ? '' : 's'}, ${outcome.teams} team${outcome.teams === 1 ? '' : 's'}, ${outcome.unstaffed} unstaffed, ${outcome.experts} expert${outcome.experts === 1 ? '' : 's'}\n`);
    return 0;
  }
  io.stdout(`NOT VERIFIED: first difference in rounds[${outcome.round}] (${outcome.label}): ${outcome.problem}\n`);
  return 1;
}

/** Runs the CLI and returns the exit code; io is injected so tests run it without a build or a process. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, source, ...rest] = argv;
  if ((command !== 'compute' && command !== 'verify' && command !== 'verify-teams') || source === undefined || rest.length > 0) {
    io.stderr(USAGE);
    return 2;
  }
  try {
    if (command === 'verify-teams') return await verifyTeamsCommand(source, io);
    return command === 'compute' ? await compute(source, io) : await verify(source, io);
  } catch (error) {
    if (error instanceof CliFailure) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

export function processIo(): CliIo {
  return {
    readFile: (path) => fs.promises.readFile(path, 'utf8'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

if (require.main === module) {
  // `draw compute x.json | head` closes the pipe early: that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}
