import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { dbl, id, int, str, text, time } from './helpers';

/** Annual plans with their versions, batches (and the items in them), filings, and the departments' ratio policies. */
export class Plans1763800000002 implements MigrationInterface {
  name = 'Plans1763800000002';

  async up(q: QueryRunner): Promise<void> {
    const table = (name: string, columns: unknown[], indices: TableIndex[] = []) => q.createTable(new Table({ name, columns: columns as never, indices }), true);
    const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

    await table('annual_plan', [id(), int('departmentId'), int('year'), int('currentVersion'), time('createdAt'), time('updatedAt')],
      [idx('IDX_annual_plan_department_year', ['departmentId', 'year'], true)]);
    await table('plan_version', [
      id(), int('planId'), int('version'), str('title', 200), str('status', 16), int('revision'),
      dbl('provincePercent'), dbl('cityPercent'), dbl('countyPercent'), text('regionalWeights'), str('adjustmentReason', 500),
      str('adoptedOn', 10, true), str('documentNumber', 100, true), int('adoptedById', true), time('adoptedAt', true),
      time('createdAt'), int('createdById', true), time('updatedAt'),
    ], [idx('IDX_plan_version_plan_version', ['planId', 'version'], true)]);
    await table('plan_batch', [
      id(), int('planVersionId'), int('position'), str('name', 200), str('targetTypes', 255), str('specialDirectories', 500), text('regionCodes'),
      str('startDate', 10), str('endDate', 10), int('estimatedCount'),
    ], [idx('IDX_plan_batch_version_position', ['planVersionId', 'position'], true)]);
    await table('plan_batch_item', [id(), int('planVersionId'), int('batchId'), int('itemId')], [
      idx('IDX_plan_batch_item_batch_item', ['batchId', 'itemId'], true),
      idx('IDX_plan_batch_item_version_item', ['planVersionId', 'itemId']),
    ]);
    await table('plan_filing', [
      id(), int('planVersionId'), str('recipient', 32), int('recipientDepartmentId', true), str('recipientName', 100), str('filedOn', 10),
      str('documentNumber', 100, true), time('filedAt'), int('filedById'),
    ], [idx('IDX_plan_filing_version_recipient', ['planVersionId', 'recipient'], true)]);
    await table('ratio_policy', [
      id(), int('departmentId'), dbl('minRatioPercent'), int('minRoundsPerYear'), text('riskFactors'), text('creditFactors'), text('itemOverrides'),
      int('version'), time('updatedAt'), int('updatedById', true),
    ], [idx('IDX_ratio_policy_department', ['departmentId'], true)]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['ratio_policy', 'plan_filing', 'plan_batch_item', 'plan_batch', 'plan_version', 'annual_plan']) {
      await q.dropTable(name, true);
    }
  }
}
