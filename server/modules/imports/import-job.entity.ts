import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ErrorCode } from '../../common/errors';

export enum ImportKind { TARGETS = 'TARGETS', INSPECTORS = 'INSPECTORS', EXPERTS = 'EXPERTS', CATALOG_ITEMS = 'CATALOG_ITEMS' }
export enum ImportMode {
  /** Any bad row rejects the whole file; nothing is written. The default. */
  ALL_OR_NOTHING = 'ALL_OR_NOTHING',
  /** Good rows are written, bad rows are reported. */
  GOOD_ROWS = 'GOOD_ROWS',
}
export enum ImportStatus {
  WAITING_FOR_FILE = 'WAITING_FOR_FILE',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  PARTIALLY_SUCCEEDED = 'PARTIALLY_SUCCEEDED',
  REJECTED = 'REJECTED',
  FAILED = 'FAILED',
}
registerEnumType(ImportKind, { name: 'ImportKind' });
registerEnumType(ImportMode, { name: 'ImportMode' });
registerEnumType(ImportStatus, { name: 'ImportStatus' });

/** One import of one spreadsheet: its state, counts and (in ImportRowError) every bad row. */
@ObjectType({ description: '导入任务 — one spreadsheet import' })
@Entity('import_job')
@Index('IDX_import_job_department_created', ['departmentId', 'createdAt'])
export class ImportJob {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ImportKind)
  @Column({ type: 'varchar', length: 16 })
  kind: ImportKind;

  @Field(() => ImportMode)
  @Column({ type: 'varchar', length: 16 })
  mode: ImportMode;

  @Field(() => ImportStatus)
  @Column({ type: 'varchar', length: 24 })
  status: ImportStatus;

  @Column({ type: 'integer' })
  departmentId: number;

  @Column({ type: 'integer' })
  userId: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  @Field(() => Int) @Column({ type: 'integer' }) totalRows: number;
  @Field(() => Int) @Column({ type: 'integer' }) createdCount: number;
  @Field(() => Int) @Column({ type: 'integer' }) updatedCount: number;
  @Field(() => Int) @Column({ type: 'integer' }) unchangedCount: number;
  @Field(() => Int) @Column({ type: 'integer' }) errorCount: number;

  @Field(() => ErrorCode, { nullable: true, description: 'Why the file as a whole failed or was rejected' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  failureCode: ErrorCode | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  failureMessage: string | null;

  @Field()
  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}

/** One bad cell of an import: row, column, value and why. */
@ObjectType({ description: '导入错误行 — one rejected row of an import' })
@Entity('import_row_error')
@Index('IDX_import_row_error_job_row', ['jobId', 'rowNumber'])
export class ImportRowError {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  jobId: number;

  @Field(() => Int, { description: 'Row number as the spreadsheet shows it' })
  @Column({ type: 'integer' })
  rowNumber: number;

  @Field({ description: 'Column header as in the file' })
  @Column({ type: 'varchar', length: 100 })
  column: string;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  value: string;

  @Field(() => ErrorCode)
  @Column({ type: 'varchar', length: 40 })
  code: ErrorCode;

  @Field({ description: 'Why, in Chinese' })
  @Column({ type: 'varchar', length: 500 })
  messageZh: string;

  @Field({ description: 'Why, in English' })
  @Column({ type: 'varchar', length: 500 })
  messageEn: string;
}
