/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { LangProvider } from '../../client/src/i18n';
import { itemFormFromVersion, itemInputFromForm, emptyItemForm } from '../../client/src/pages/console/catalog/item-form';
import { ratioPolicyForm, ratioPolicyInput } from '../../client/src/pages/console/catalog/ratio-form';
import { emptyTargetForm, initialTargetList, targetFilterOf, targetInputFromForm } from '../../client/src/pages/console/directories/target-form';
import { daysUntil, planFormFromVersion, planInputFromForm, splitCodes, todayInChina } from '../../client/src/pages/console/plans/plan-form';
import { exportUrl, fileNameFromDisposition } from '../../client/src/pages/console/shared/files';
import { formatChangeValue } from '../../client/src/pages/console/shared/history-format';
import { ChangeRecordList } from '../../client/src/pages/console/shared/HistoryPanel';
import { csvReportUrl, importPercent } from '../../client/src/pages/console/shared/import-progress';
import { Pager } from '../../client/src/pages/console/shared/Pager';

describe('console form logic', () => {
  it('turns the target list state into the filter the list and the export share', () => {
    expect(targetFilterOf(initialTargetList)).toEqual({});
    const filter = targetFilterOf({ ...initialTargetList, search: '井坪', riskLevel: 'HIGH', specialDirectory: 'SEED_DEALER', dishonest: 'no', minComplaints: '2', regionCode: ' 140603 ' });
    expect(filter).toEqual({ search: '井坪', riskLevels: ['HIGH'], specialDirectory: 'SEED_DEALER', dishonest: false, minComplaints: 2, regionCode: '140603' });
    expect(exportUrl('targets', 'xlsx', filter)).toBe(`/files/exports/targets.xlsx?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    expect(exportUrl('experts', 'csv', { search: undefined, active: true })).toBe(`/files/exports/experts.csv?filter=${encodeURIComponent('{"active":true}')}`);
  });

  it('sends a target as typed, trimmed, without empty licences and with an empty credit code as none', () => {
    const input = targetInputFromForm({ ...emptyTargetForm('140603'), name: ' 平鲁区农资店 ', creditCode: '', complaintCount: '3', licences: [{ kind: '', number: ' ', validTo: '' }, { kind: '农药经营许可证', number: 'X1', validTo: '' }] });
    expect(input).toMatchObject({ name: '平鲁区农资店', creditCode: null, regionCode: '140603', complaintCount: 3, licences: [{ kind: '农药经营许可证', number: 'X1', validTo: null }] });
  });

  it('never sends a cap for a KEY item, and a revision starts from the version in force', () => {
    const general = { ...emptyItemForm(), code: 'PL-1', name: '检查', categoryCode: 'SEEDS', ratioMaxPercent: '20' };
    expect(itemInputFromForm(general)).toMatchObject({ kind: 'GENERAL', ratioMinPercent: 5, ratioMaxPercent: 20, frequencyPerYear: 2 });
    expect(itemInputFromForm({ ...general, kind: 'KEY' }).ratioMaxPercent).toBeNull();
    const form = itemFormFromVersion('PL-1', {
      name: '检查', categoryCode: 'SEEDS', kind: 'GENERAL', targetTypes: ['ENTERPRISE'], checkContent: '', methods: ['ON_SITE'], ratioMinPercent: 5, ratioMaxPercent: null,
      frequencyPerYear: 1, responsibleUnit: '', level: 'COUNTY', legalBasis: '', checkForms: [{ name: '表', checkPoints: [{ point: '要点', method: '查验', criterion: '标准', followUp: '处理' }, { point: ' ', method: '', criterion: '', followUp: '' }] }],
    });
    expect(form.ratioMaxPercent).toBe('');
    expect(itemInputFromForm(form).checkForms).toEqual([{ name: '表', checkPoints: [{ point: '要点', method: '查验', criterion: '标准', followUp: '处理' }] }]);
  });

  it('sends only the ratio factors that are filled in', () => {
    const form = ratioPolicyForm({ minRatioPercent: 5, minRoundsPerYear: 2, riskFactors: [{ riskLevel: 'LOW', factor: 0.5 }], creditFactors: [], itemOverrides: [{ itemId: '7', ratioPercent: 3, roundsPerYear: null }] });
    expect(ratioPolicyInput({ ...form, creditFactors: { ...form.creditFactors, D: '3' } })).toEqual({
      minRatioPercent: 5, minRoundsPerYear: 2, riskFactors: [{ riskLevel: 'LOW', factor: 0.5 }], creditFactors: [{ creditClass: 'D', factor: 3 }],
      itemOverrides: [{ itemId: '7', ratioPercent: 3, roundsPerYear: null }],
    });
  });

  it('round-trips a plan version through the form and counts days to the filing deadline', () => {
    const version = {
      title: '计划', levelSplit: { provincePercent: 10, cityPercent: 20, countyPercent: 70 }, regionalWeights: [{ regionCode: '140603100', weight: 3 }],
      batches: [{ name: '春季', items: [{ id: '1' }], targetTypes: ['ENTERPRISE' as const], specialDirectories: [], regionCodes: ['140603100', '140603101'], startDate: '2026-03-01', endDate: '2026-06-30', estimatedCount: 10 }],
    };
    const input = planInputFromForm(planFormFromVersion(version));
    expect(input).toEqual({
      title: '计划', levelSplit: version.levelSplit, regionalWeights: [{ regionCode: '140603100', weight: 3 }],
      batches: [{ name: '春季', itemIds: ['1'], targetTypes: ['ENTERPRISE'], specialDirectories: [], regionCodes: ['140603100', '140603101'], startDate: '2026-03-01', endDate: '2026-06-30', estimatedCount: 10 }],
    });
    expect(splitCodes('140603100，140603101、 140603102')).toEqual(['140603100', '140603101', '140603102']);
    expect(daysUntil('2026-03-16', '2026-03-01')).toBe(15);
    expect(daysUntil('2026-03-01', '2026-03-04')).toBe(-3);
    expect(todayInChina(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });

  it('reads the download name, the report in CSV, the progress and change values', () => {
    expect(fileNameFromDisposition(`attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent('导入错误报告-7.xlsx')}`, 'x')).toBe('导入错误报告-7.xlsx');
    expect(fileNameFromDisposition('attachment; filename="a.csv"', 'x')).toBe('a.csv');
    expect(fileNameFromDisposition(null, 'fallback.xlsx')).toBe('fallback.xlsx');
    expect(csvReportUrl('/files/imports/7/errors.xlsx')).toBe('/files/imports/7/errors.csv');
    expect([importPercent('starting', 0, undefined), importPercent('uploading', 0.5, undefined), importPercent('processing', 1, 'WRITING'), importPercent('finished', 1, undefined)]).toEqual([0, 25, 85, 100]);
    expect(formatChangeValue('"HIGH"', '是', '否')).toBe('HIGH');
    expect(formatChangeValue('["SEEDS","FEED"]', '是', '否')).toBe('SEEDS、FEED');
    expect(formatChangeValue('true', '是', '否')).toBe('是');
    expect(formatChangeValue(null, '是', '否')).toBe('—');
  });
});

describe('console shared components', () => {
  it('pages forward and back within the total', () => {
    const onChange = jest.fn();
    render(
      <LangProvider lang="zh">
        <Pager skip={20} take={20} total={45} onChange={onChange} />
      </LangProvider>,
    );
    expect(screen.getByText('第 21–40 条，共 45 条')).toBeTruthy();
    fireEvent.click(screen.getByText('下一页'));
    expect(onChange).toHaveBeenLastCalledWith(40, 20);
    fireEvent.click(screen.getByText('上一页'));
    expect(onChange).toHaveBeenLastCalledWith(0, 20);
  });

  it('lists who changed which field, with the form’s field names and the import that did it', () => {
    render(
      <LangProvider lang="zh">
        <ChangeRecordList
          fieldLabels={{ riskLevel: '风险等级' }}
          records={[{ id: '1', action: 'UPDATE', at: '2026-03-01T02:00:00Z', changedBy: '王晓燕', importJobId: '9', changes: [{ field: 'riskLevel', before: '"LOW"', after: '"HIGH"' }] }]}
        />
      </LangProvider>,
    );
    expect(screen.getByText('王晓燕')).toBeTruthy();
    expect(screen.getByText('（导入任务 9）')).toBeTruthy();
    expect(screen.getByText('风险等级').parentElement!.textContent).toBe('风险等级: LOW → HIGH');
  });
});
