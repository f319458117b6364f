// ECharts is an ES module; the attribute lets the tests' CommonJS type-check read its types too.
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts' with { 'resolution-mode': 'import' };
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components' with { 'resolution-mode': 'import' };
import type { ComposeOption } from 'echarts/core' with { 'resolution-mode': 'import' };
import type { DashboardOverviewQuery } from '../../gql/graphql';
import type { Translate } from './messages';

/**
 * The dashboard's charts as ECharts options, built from the overview without touching ECharts
 * itself (types only), so the figures each chart shows can be checked without a canvas.
 */
export type ChartOption = ComposeOption<BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | MarkLineComponentOption>;
export type Overview = DashboardOverviewQuery['supervisionOverview'];

export const COLORS = { ok: '#1a7f37', bad: '#b3261e', warn: '#9a6700', info: '#0b57d0', muted: '#8c959f' } as const;

interface Bar { name: string; value: number; color?: string }

/** A plain bar chart of named counts (vertical, or horizontal for long category names). */
export function barOption(bars: readonly Bar[], options: { horizontal?: boolean; unit?: string; max?: number } = {}): ChartOption {
  const categories = bars.map((b) => b.name);
  const labelWidth = options.horizontal ? 170 : 90;
  const category = { type: 'category' as const, data: categories, axisLabel: { interval: 0, width: labelWidth, overflow: 'truncate' as const } };
  const value = { type: 'value' as const, minInterval: 1, ...(options.max ? { max: options.max } : {}), ...(options.unit ? { axisLabel: { formatter: `{value}${options.unit}` } } : {}) };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: options.horizontal ? labelWidth + 10 : 40, right: 32, top: 16, bottom: 32, containLabel: !options.horizontal },
    xAxis: options.horizontal ? value : category,
    yAxis: options.horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', barMaxWidth: 36, label: { show: true, position: options.horizontal ? 'right' : 'top' }, data: bars.map((b) => ({ value: b.value, name: b.name, itemStyle: { color: b.color ?? COLORS.info } })) }],
  };
}

/** Coverage of each department's directory, red below its minimum ratio, with the minimum as a line when it is the same for all. */
export function coverageOption(o: Overview, t: Translate): ChartOption {
  const rows = o.departments.filter((d) => d.targets > 0);
  const minimums = [...new Set(rows.map((d) => d.minRatioPercent))];
  // The axis always reaches past the minimum, so the line shows even before anything is drawn.
  const highest = Math.max(0, ...rows.map((d) => d.coveragePercent ?? 0), ...minimums.map((m) => m * 2));
  const option = barOption(
    rows.map((d) => ({ name: d.department.name, value: d.coveragePercent ?? 0, color: d.belowMinimum ? COLORS.bad : COLORS.ok })),
    { horizontal: true, unit: '%', max: Math.min(100, Math.ceil(highest)) || undefined },
  );
  const series = (option.series as BarSeriesOption[])[0];
  series.name = t('coverageSeries');
  if (minimums.length === 1) {
    series.markLine = { symbol: 'none', lineStyle: { type: 'dashed', color: COLORS.warn }, label: { position: 'end', formatter: t('minimumLine', { n: minimums[0] }) }, data: [{ xAxis: minimums[0] }] };
  }
  return option;
}

/** Draw segments within, above and without a GENERAL item's cap. */
export function ratioOption(o: Overview, t: Translate): ChartOption {
  const r = o.ratioCompliance;
  // Empty slices are left out: their labels would pile up on one point.
  const slices = [
    { name: t('withinCap'), value: r.withinCap, itemStyle: { color: COLORS.ok } },
    { name: t('aboveCap'), value: r.aboveCap, itemStyle: { color: COLORS.bad } },
    { name: t('withoutCap'), value: r.withoutCap, itemStyle: { color: COLORS.muted } },
  ].filter((s) => s.value > 0);
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], label: { formatter: '{b}\n{c}' }, data: slices }],
  };
}

/** Targets by how often they were drawn this year; violations in red (there should be none). */
export function capOption(o: Overview, t: Translate): ChartOption {
  const c = o.yearlyCap;
  return barOption([
    { name: t('drawnOnce'), value: c.drawnOnce, color: COLORS.ok },
    { name: t('drawnTwice'), value: c.drawnTwice, color: COLORS.info },
    { name: t('exempt'), value: c.exempt, color: COLORS.warn },
    { name: t('breaches'), value: c.breaches, color: COLORS.bad },
  ], { horizontal: true });
}

export function tasksOption(o: Overview, t: Translate): ChartOption {
  const color = { PREPARING: COLORS.muted, DRAWING: COLORS.warn, IN_PROGRESS: COLORS.info, DONE: COLORS.ok } as const;
  return barOption(o.tasksByStage.map((s) => ({ name: t(s.stage), value: s.count, color: color[s.stage] })));
}

export function visitsOption(o: Overview, t: Translate): ChartOption {
  const v = o.visits;
  return barOption([
    { name: t('visitsTotal'), value: v.total },
    { name: t('visitsMerged'), value: v.merged, color: COLORS.ok },
    { name: t('tasksInMerged'), value: v.tasksInMerged, color: COLORS.ok },
    { name: t('visitsSaved'), value: v.visitsSaved, color: COLORS.ok },
  ]);
}

export function jointOption(o: Overview, t: Translate): ChartOption {
  const j = o.jointTasks;
  return barOption([
    { name: t('jointLed'), value: j.led },
    { name: t('jointParticipating'), value: j.participating },
    { name: t('jointPending'), value: j.invitationsPending, color: COLORS.warn },
  ]);
}

export function overdueOption(o: Overview, t: Translate): ChartOption {
  const d = o.overdue;
  return barOption([
    { name: t('overdueTasks'), value: d.tasks, color: COLORS.bad },
    { name: t('overdueVisits'), value: d.visits, color: COLORS.bad },
    { name: t('overdueFilings'), value: d.planFilings, color: COLORS.bad },
  ]);
}

/** Coverage of each child region; a click on a bar drills down (its data index is the child's). */
export function childrenOption(o: Overview): ChartOption {
  return barOption(o.children.map((c) => ({ name: c.region.name, value: c.figures.coveragePercent ?? 0, color: c.figures.capBreaches || c.figures.segmentsAboveCap ? COLORS.bad : COLORS.info })), { unit: '%' });
}
