import fs from 'node:fs';
import readline from 'node:readline';
import { errorMessage } from '../../common/errors';
import type { FieldProblem } from '../../domain/field-problem';

export interface RowError { rowNumber: number; column: string; value: string; code: string; messageZh: string; messageEn: string }

/** One bad cell as the report shows it, cut to the report's column sizes. */
export function rowError(rowNumber: number, column: string, value: string, problem: Pick<FieldProblem, 'code' | 'params'>): RowError {
  return {
    rowNumber, column, value: value.slice(0, 300), code: problem.code,
    messageZh: errorMessage(problem.code, problem.params, 'zh').slice(0, 500), messageEn: errorMessage(problem.code, problem.params, 'en').slice(0, 500),
  };
}

/**
 * Collects the bad rows of an import without holding a million of them in memory: beyond a few
 * thousand they are spilled to a file and read back when the report is stored.
 */
export class ErrorSink {
  private buffer: RowError[] = [];
  private spilled = 0;
  count = 0;

  constructor(private readonly spillPath: string, private readonly keepInMemory = 5000) {}

  add(error: RowError): void {
    this.count++;
    this.buffer.push(error);
    if (this.buffer.length >= this.keepInMemory) this.spill();
  }

  private spill(): void {
    fs.appendFileSync(this.spillPath, this.buffer.map((e) => JSON.stringify(e)).join('\n') + '\n');
    this.spilled += this.buffer.length;
    this.buffer = [];
  }

  /** Every error, in the order they were found, in batches. */
  async *batches(size = 1000): AsyncGenerator<RowError[]> {
    if (this.spilled) {
      let batch: RowError[] = [];
      const lines = readline.createInterface({ input: fs.createReadStream(this.spillPath), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line) continue;
        batch.push(JSON.parse(line));
        if (batch.length >= size) { yield batch; batch = []; }
      }
      if (batch.length) yield batch;
    }
    for (let i = 0; i < this.buffer.length; i += size) yield this.buffer.slice(i, i + size);
  }

  dispose(): void {
    fs.rmSync(this.spillPath, { force: true });
  }
}
