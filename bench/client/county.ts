import { bulkInsert } from '../../server/db/bulk';
import { inTransaction } from '../../server/db/transaction';
import { completeCreditCode, CREDIT_CODE_ALPHABET } from '../../server/domain/credit-code';
import { DepartmentKind, Role, TargetStatus, TargetType } from '../../server/domain/vocabulary';
import { Target } from '../../server/modules/directory/target.entity';
import { createRootDepartment, insertUser } from '../../server/modules/org/org.service';
import { BenchHub, chinaYear, OPS } from './hub';

/**
 * A county bureau as large as the bench needs: its directory written in bulk (the import path's
 * multi-row writes, not one GraphQL call per target), an operator who plans and runs draws, a
 * supervisor for the dashboard, and a task whose single segment draws a fixed number of picks.
 */
export const PASSWORD = 'bench-pass-2026';
const TOWNSHIPS = ['井坪镇', '凤凰城镇', '陶村乡', '下木角乡', '白堂乡', '阻虎乡'];

function creditCode(i: number): string {
  let n = i, serial = '';
  for (let k = 0; k < 8; k++) { serial = CREDIT_CODE_ALPHABET[n % 31] + serial; n = Math.floor(n / 31); }
  return completeCreditCode(`92140603${serial}0`);
}

export interface BenchCounty { operatorToken: string; supervisor: { username: string; password: string }; taskId: string }

export async function benchCounty(hub: BenchHub, targets: number, picks: number): Promise<BenchCounty> {
  const { ds } = hub.app;
  const tx = { transaction: <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(ds, work) };
  const department = await createRootDepartment(tx, { name: '朔州市平鲁区农业农村局（基准）', kind: DepartmentKind.AGRICULTURE, regionCode: '140603' });
  const operator = await insertUser(tx, { username: 'bench.operator', displayName: '张鹏', departmentId: department.id, roles: [Role.PLANNER, Role.DRAW_OPERATOR], password: PASSWORD });
  await insertUser(tx, { username: 'bench.supervisor', displayName: '贾志宏', departmentId: department.id, roles: [Role.SUPERVISOR], password: PASSWORD });

  const now = new Date();
  await ds.transaction(async (em) => {
    const rows: Target[] = [];
    const flush = () => bulkInsert(em, Target, Object.keys(rows[0]) as (keyof Target & string)[], rows.splice(0));
    for (let i = 0; i < targets; i++) {
      rows.push(Object.assign(new Target(), {
        departmentId: department.id, naturalKey: creditCode(i), creditCode: creditCode(i), name: `平鲁区${TOWNSHIPS[i % TOWNSHIPS.length]}${String(i).padStart(5, '0')}号农资经营部`,
        type: TargetType.INDIVIDUAL_BUSINESS, regionCode: '140603', address: '', status: TargetStatus.ACTIVE, riskLevel: 'MEDIUM', creditClass: 'B',
        complaintCount: 0, dishonest: false, seriousViolation: false, specialDirectories: [], licences: [], legalRepresentative: '', phone: '',
        version: 1, createdAt: now, updatedAt: now, createdByImportJobId: null,
      }));
      if (rows.length === 5000) await flush();
    }
    if (rows.length) await flush();
  });

  const operatorToken = await hub.login(operator.username, PASSWORD);
  const item = await hub.gql('mutation($input: InspectionItemInput!) { createInspectionItem(input: $input) { id } }', {
    input: { code: 'BENCH-CLIENT-1', name: '农药经营者经营行为的检查', categoryCode: 'PESTICIDES', kind: 'GENERAL', targetTypes: ['INDIVIDUAL_BUSINESS'], ratioMinPercent: 1, ratioMaxPercent: 100, frequencyPerYear: 2 },
  }, operatorToken);
  const year = chinaYear();
  const task = await hub.gql(OPS.createTask, {
    input: {
      name: '农资经营主体专项抽查（基准）', kind: 'DIRECTED', directedReason: 'benchmark', itemIds: [item.createInspectionItem.id],
      windowStart: `${year}-01-01`, windowEnd: `${year}-12-31`,
      segments: [{ label: 'objects/individual', filter: { types: ['INDIVIDUAL_BUSINESS'] }, fixedCount: picks }],
    },
  }, operatorToken);
  return { operatorToken, supervisor: { username: 'bench.supervisor', password: PASSWORD }, taskId: task.createTask.id };
}
