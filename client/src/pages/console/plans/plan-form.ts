import type { PlanVersionInput, SpecialDirectory, TargetType } from '../../../gql/graphql';

/** One batch as the form holds it; region codes are typed as a list separated by commas or spaces. */
export interface BatchForm {
  name: string;
  itemIds: string[];
  targetTypes: TargetType[];
  specialDirectories: SpecialDirectory[];
  regionCodes: string;
  startDate: string;
  endDate: string;
  estimatedCount: string;
}

export interface PlanContentForm {
  title: string;
  provincePercent: string;
  cityPercent: string;
  countyPercent: string;
  regionalWeights: { regionCode: string; weight: string }[];
  batches: BatchForm[];
}

export interface PlanVersionRecord {
  title: string;
  levelSplit: { provincePercent: number; cityPercent: number; countyPercent: number };
  regionalWeights: readonly { regionCode: string; weight: number }[];
  batches: readonly {
    name: string;
    items: readonly { id: string }[];
    targetTypes: readonly TargetType[];
    specialDirectories: readonly SpecialDirectory[];
    regionCodes: readonly string[];
    startDate: string;
    endDate: string;
    estimatedCount: number;
  }[];
}

export const emptyBatch = (year: number): BatchForm => ({
  name: '', itemIds: [], targetTypes: [], specialDirectories: [], regionCodes: '', startDate: `${year}-03-01`, endDate: `${year}-06-30`, estimatedCount: '',
});

/** A county bureau checks most itself: the default split leaves 100 % to the county (Art. 13 lets the user change it). */
export const emptyPlanForm = (title: string): PlanContentForm => ({
  title, provincePercent: '0', cityPercent: '0', countyPercent: '100', regionalWeights: [], batches: [],
});

export const planFormFromVersion = (v: PlanVersionRecord): PlanContentForm => ({
  title: v.title,
  provincePercent: String(v.levelSplit.provincePercent),
  cityPercent: String(v.levelSplit.cityPercent),
  countyPercent: String(v.levelSplit.countyPercent),
  regionalWeights: v.regionalWeights.map((w) => ({ regionCode: w.regionCode, weight: String(w.weight) })),
  batches: v.batches.map((b) => ({
    name: b.name, itemIds: b.items.map((i) => i.id), targetTypes: [...b.targetTypes], specialDirectories: [...b.specialDirectories],
    regionCodes: b.regionCodes.join(', '), startDate: b.startDate, endDate: b.endDate, estimatedCount: String(b.estimatedCount),
  })),
});

export const splitCodes = (text: string): string[] => text.split(/[\s,，、;；]+/).map((c) => c.trim()).filter(Boolean);

const num = (s: string): number => (s.trim() === '' || !Number.isFinite(Number(s)) ? 0 : Number(s));

/** The input; the hub checks the split adds up, the windows fall within the year, the regions are in scope. */
export function planInputFromForm(f: PlanContentForm): PlanVersionInput {
  return {
    title: f.title.trim(),
    levelSplit: { provincePercent: num(f.provincePercent), cityPercent: num(f.cityPercent), countyPercent: num(f.countyPercent) },
    regionalWeights: f.regionalWeights.filter((w) => w.regionCode.trim()).map((w) => ({ regionCode: w.regionCode.trim(), weight: num(w.weight) })),
    batches: f.batches.map((b) => ({
      name: b.name.trim(), itemIds: b.itemIds, targetTypes: b.targetTypes, specialDirectories: b.specialDirectories, regionCodes: splitCodes(b.regionCodes),
      startDate: b.startDate, endDate: b.endDate, estimatedCount: Math.trunc(num(b.estimatedCount)),
    })),
  };
}

/** Days from `today` to the deadline (both YYYY-MM-DD, calendar days; negative once it has passed). */
export function daysUntil(deadline: string, today: string): number {
  const day = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((day(deadline) - day(today)) / 86_400_000);
}

/** Today's date in China, where the filing deadlines are counted. */
export const todayInChina = (now: Date = new Date()): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
