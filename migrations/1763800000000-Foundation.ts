import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, dbl, id, int, str, text, time } from './helpers';

/** Regions, departments, people, the catalog, the two directories, history and imports. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    const table = async (name: string, columns: Table['columns'] | ReturnType<typeof id>[], indices: TableIndex[] = []) =>
      q.createTable(new Table({ name, columns: columns as never, indices }), true);
    const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

    await table('region', [
      { name: 'code', type: 'varchar', length: '9', isPrimary: true },
      str('name', 100), str('level', 16), str('parentCode', 9, true),
    ]);
    await table('region_neighbour', [
      { name: 'regionCode', type: 'varchar', length: '9', isPrimary: true },
      { name: 'neighbourCode', type: 'varchar', length: '9', isPrimary: true },
    ]);
    await table('department', [id(), str('name', 100), str('kind', 32), str('regionCode', 9), int('parentId', true), str('path', 255), time('createdAt')],
      [idx('IDX_department_path', ['path'])]);
    await table('user_account', [id(), str('username', 64), str('displayName', 100), int('departmentId'), str('roles', 255), str('passwordHash', 255), bool('active'), time('createdAt')],
      [idx('IDX_user_account_username', ['username'], true)]);
    await table('session', [id(), str('tokenHash', 64), int('userId'), time('expiresAt'), time('createdAt'), time('revokedAt', true)],
      [idx('IDX_session_tokenHash', ['tokenHash'], true)]);

    await table('item_category', [{ name: 'code', type: 'varchar', length: '32', isPrimary: true }, str('nameZh', 100), str('nameEn', 100), bool('builtIn')]);
    await table('inspection_item', [id(), int('departmentId'), str('code', 64), int('currentVersion'), bool('active'), time('updatedAt')],
      [idx('IDX_inspection_item_department_code', ['departmentId', 'code'], true)]);
    await table('inspection_item_version', [
      id(), int('itemId'), int('version'), str('name', 200), str('categoryCode', 32), str('kind', 16), str('targetTypes', 255),
      text('checkContent'), str('methods', 255), dbl('ratioMinPercent', true), dbl('ratioMaxPercent', true), int('frequencyPerYear'),
      str('responsibleUnit', 100), str('level', 16), text('legalBasis'), time('createdAt'), int('createdById', true),
    ], [idx('IDX_item_version_item_version', ['itemId', 'version'], true)]);
    await table('check_form', [id(), int('itemVersionId'), str('name', 200), text('checkPoints'), int('position')],
      [idx('IDX_check_form_itemVersionId', ['itemVersionId'])]);

    await table('target', [
      id(), int('departmentId'), str('naturalKey', 200), str('creditCode', 18, true), str('name', 200), str('type', 32), str('regionCode', 9),
      str('address', 300), str('status', 32), str('riskLevel', 16), str('creditClass', 1), int('complaintCount'), bool('dishonest'),
      bool('seriousViolation'), str('specialDirectories', 500), text('licences'), str('legalRepresentative', 100), str('phone', 50),
      int('version'), time('createdAt'), time('updatedAt'), int('createdByImportJobId', true),
    ], [
      idx('IDX_target_department_naturalKey', ['departmentId', 'naturalKey'], true),
      idx('IDX_target_department_region', ['departmentId', 'regionCode']),
      idx('IDX_target_creditCode', ['creditCode']),
    ]);
    await table('inspector', [
      id(), int('departmentId'), str('name', 100), str('certificateNumber', 64), str('certificateValidFrom', 10), str('certificateValidTo', 10),
      str('specialties', 500), str('regionCode', 9), str('phone', 50), bool('active'), int('version'), time('createdAt'), time('updatedAt'),
      int('createdByImportJobId', true),
    ], [idx('IDX_inspector_certificateNumber', ['certificateNumber'], true), idx('IDX_inspector_department_active', ['departmentId', 'active'])]);
    await table('expert', [
      id(), int('departmentId'), str('naturalKey', 250), str('name', 100), str('organisation', 150), str('specialty', 100), str('phone', 50),
      bool('active'), int('version'), time('createdAt'), time('updatedAt'), int('createdByImportJobId', true),
    ], [idx('IDX_expert_department_naturalKey', ['departmentId', 'naturalKey'], true)]);
    await table('conflict_of_interest', [id(), int('inspectorId'), int('targetId'), str('reason', 300), time('declaredAt'), int('declaredById', true)],
      [idx('IDX_conflict_inspector_target', ['inspectorId', 'targetId'], true), idx('IDX_conflict_target', ['targetId'])]);
    await table('change_record', [id(), str('entityType', 32), int('entityId'), str('action', 16), text('changes'), int('userId', true), int('importJobId', true), time('at')],
      [idx('IDX_change_record_entity', ['entityType', 'entityId'])]);

    await table('import_job', [
      id(), str('kind', 16), str('mode', 16), str('status', 24), int('departmentId'), int('userId'), str('fileName', 255, true),
      int('totalRows'), int('createdCount'), int('updatedCount'), int('unchangedCount'), int('errorCount'),
      str('failureCode', 40, true), str('failureMessage', 500, true), time('createdAt'), time('finishedAt', true),
    ], [idx('IDX_import_job_department_created', ['departmentId', 'createdAt'])]);
    await table('import_row_error', [id(), int('jobId'), int('rowNumber'), str('column', 100), str('value', 300), str('code', 40), str('messageZh', 500), str('messageEn', 500)],
      [idx('IDX_import_row_error_job_row', ['jobId', 'rowNumber'])]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['import_row_error', 'import_job', 'change_record', 'conflict_of_interest', 'expert', 'inspector', 'target',
      'check_form', 'inspection_item_version', 'inspection_item', 'item_category', 'session', 'user_account', 'department', 'region_neighbour', 'region']) {
      await q.dropTable(name, true);
    }
  }
}
