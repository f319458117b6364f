import { format } from '../../client/src/i18n';
import { capOption, childrenOption, COLORS, coverageOption, Overview, ratioOption, tasksOption, visitsOption } from '../../client/src/pages/dashboard/chart-options';
import { dashboardMessages, Translate } from '../../client/src/pages/dashboard/messages';
import { regionLink } from '../../client/src/pages/dashboard/region-link';

const t: Translate = (key, values) => format(dashboardMessages.en[key], values);

const figures = { departments: 1, targets: 10, drawnTargets: 2, coveragePercent: 20, plansFiled: 0, plansMissing: 0, plansOverdue: 0, standingDraws: 1, tasks: 1, overdueTasks: 0, overdueVisits: 0, mergedVisits: 0, jointTasksLed: 0, segmentsAboveCap: 0, capBreaches: 0 };
const department = (id: string, name: string, targets: number, coveragePercent: number | null, belowMinimum: boolean) => ({
  department: { id, name }, targets, drawnTargets: 0, coveragePercent, minRatioPercent: 5, belowMinimum, planStatus: null, filingState: null, filingDeadline: null,
  tasks: 0, standingDraws: 0, overdueTasks: 0, overdueVisits: 0,
});

const overview: Overview = {
  year: 2026, asOf: '2026-11-23', region: { code: '140600', name: '朔州市', level: 'CITY' }, path: [{ code: '140000', name: '山西省' }, { code: '140600', name: '朔州市' }],
  totals: figures,
  departments: [department('1', '朔州市农业农村局', 0, null, false), department('2', '平鲁区农业农村局', 10, 20, false), department('3', '朔城区农业农村局', 50, 2, true)],
  ratioCompliance: { segments: 4, withinCap: 3, aboveCap: 0, withoutCap: 1 },
  yearlyCap: { targetsDrawn: 12, drawnOnce: 9, drawnTwice: 2, drawnMoreThanTwice: 1, exempt: 1, breaches: 0, breachList: [] },
  tasksByStage: [{ stage: 'PREPARING', count: 1 }, { stage: 'DRAWING', count: 2 }, { stage: 'IN_PROGRESS', count: 3 }, { stage: 'DONE', count: 4 }],
  visits: { total: 10, merged: 3, tasksInMerged: 7, visitsSaved: 4 },
  jointTasks: { led: 1, participating: 2, invitationsPending: 0 },
  overdue: { tasks: 1, visits: 2, planFilings: 0 },
  children: [{ region: { code: '140602', name: '朔城区' }, figures: { ...figures, coveragePercent: null } }, { region: { code: '140603', name: '平鲁区' }, figures: { ...figures, capBreaches: 1 } }],
};

const barData = (option: any) => option.series[0].data.map((d: any) => [d.name, d.value, d.itemStyle.color]);

describe('the dashboard charts', () => {
  it('coverage: departments with a directory, red below their minimum, with the minimum as a dashed line the axis reaches', () => {
    const option: any = coverageOption(overview, t);
    expect(barData(option)).toEqual([['平鲁区农业农村局', 20, COLORS.ok], ['朔城区农业农村局', 2, COLORS.bad]]);
    expect(option.series[0].markLine.data).toEqual([{ xAxis: 5 }]);
    expect(option.series[0].markLine.label.formatter).toBe('Minimum 5%');
    expect(option.xAxis.max).toBe(20);
  });

  it('ratio compliance: the non-empty slices, breaches in red', () => {
    const option: any = ratioOption(overview, t);
    expect(option.series[0].data.map((d: any) => [d.name, d.value])).toEqual([['Within cap', 3], ['No cap (KEY items)', 1]]);
    const breached: any = ratioOption({ ...overview, ratioCompliance: { segments: 1, withinCap: 0, aboveCap: 1, withoutCap: 0 } }, t);
    expect(breached.series[0].data).toEqual([{ name: 'Above cap', value: 1, itemStyle: { color: COLORS.bad } }]);
  });

  it('the yearly cap: once, twice, exempt, and the violations (zero) in red', () => {
    expect(barData(capOption(overview, t))).toEqual([
      ['Drawn once', 9, COLORS.ok], ['Drawn twice', 2, COLORS.info], ['More than twice (exempt)', 1, COLORS.warn], ['More than twice (violation)', 0, COLORS.bad],
    ]);
  });

  it('tasks by stage and merged visits', () => {
    expect(barData(tasksOption(overview, t)).map((d: any[]) => [d[0], d[1]])).toEqual([['Preparing', 1], ['Drawing', 2], ['In progress', 3], ['Done', 4]]);
    expect(barData(visitsOption(overview, t)).map((d: any[]) => d[1])).toEqual([10, 3, 7, 4]);
  });

  it('child regions: coverage per region, red where a rule was broken; links drill down and lead back up', () => {
    expect(barData(childrenOption(overview))).toEqual([['朔城区', 0, COLORS.info], ['平鲁区', 20, COLORS.bad]]);
    expect(regionLink(overview, '140603')).toBe('/dashboard?region=140603');
    expect(regionLink(overview, '140000')).toBe('/dashboard');
  });
});
