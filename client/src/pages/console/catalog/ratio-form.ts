import type { CreditClass, RatioPolicyInput, RiskLevel } from '../../../gql/graphql';

/** The ratio policy as the form holds it (numbers as text until sent). */
export interface RatioPolicyForm {
  minRatioPercent: string;
  minRoundsPerYear: string;
  riskFactors: Record<RiskLevel, string>;
  creditFactors: Record<CreditClass, string>;
  itemOverrides: { itemId: string; ratioPercent: string; roundsPerYear: string }[];
}

export interface RatioPolicyRecord {
  minRatioPercent: number;
  minRoundsPerYear: number;
  riskFactors: readonly { riskLevel: RiskLevel; factor: number }[];
  creditFactors: readonly { creditClass: CreditClass; factor: number }[];
  itemOverrides: readonly { itemId: string; ratioPercent?: number | null; roundsPerYear?: number | null }[];
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function ratioPolicyForm(p: RatioPolicyRecord): RatioPolicyForm {
  const risk = Object.fromEntries(p.riskFactors.map((f) => [f.riskLevel, String(f.factor)])) as Partial<Record<RiskLevel, string>>;
  const credit = Object.fromEntries(p.creditFactors.map((f) => [f.creditClass, String(f.factor)])) as Partial<Record<CreditClass, string>>;
  return {
    minRatioPercent: String(p.minRatioPercent),
    minRoundsPerYear: String(p.minRoundsPerYear),
    riskFactors: { LOW: risk.LOW ?? '', MEDIUM: risk.MEDIUM ?? '', HIGH: risk.HIGH ?? '' },
    creditFactors: { A: credit.A ?? '', B: credit.B ?? '', C: credit.C ?? '', D: credit.D ?? '' },
    itemOverrides: p.itemOverrides.map((o) => ({ itemId: o.itemId, ratioPercent: text(o.ratioPercent), roundsPerYear: text(o.roundsPerYear) })),
  };
}

const num = (s: string): number | null => (s.trim() === '' || !Number.isFinite(Number(s)) ? null : Number(s));

/** The input; a factor left empty keeps its default (the hub's rule), so only filled ones are sent. */
export function ratioPolicyInput(f: RatioPolicyForm): RatioPolicyInput {
  return {
    minRatioPercent: num(f.minRatioPercent) ?? 0,
    minRoundsPerYear: Math.trunc(num(f.minRoundsPerYear) ?? 0),
    riskFactors: (Object.entries(f.riskFactors) as [RiskLevel, string][]).filter(([, v]) => num(v) !== null).map(([riskLevel, v]) => ({ riskLevel, factor: num(v)! })),
    creditFactors: (Object.entries(f.creditFactors) as [CreditClass, string][]).filter(([, v]) => num(v) !== null).map(([creditClass, v]) => ({ creditClass, factor: num(v)! })),
    itemOverrides: f.itemOverrides
      .filter((o) => o.itemId)
      .map((o) => {
        const rounds = num(o.roundsPerYear);
        return { itemId: o.itemId, ratioPercent: num(o.ratioPercent), roundsPerYear: rounds === null ? null : Math.trunc(rounds) };
      }),
  };
}
