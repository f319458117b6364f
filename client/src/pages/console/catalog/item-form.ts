import type { CheckMethod, InspectionItemInput, ItemKind, RegionLevel, TargetType } from '../../../gql/graphql';

export interface CheckPointState {
  point: string;
  method: string;
  criterion: string;
  followUp: string;
}

export interface CheckFormState {
  name: string;
  checkPoints: CheckPointState[];
}

/** An item's content as the form holds it; numbers stay text until sent, so nothing typed is lost. */
export interface ItemFormState {
  code: string;
  name: string;
  categoryCode: string;
  kind: ItemKind;
  targetTypes: TargetType[];
  checkContent: string;
  methods: CheckMethod[];
  ratioMinPercent: string;
  ratioMaxPercent: string;
  frequencyPerYear: string;
  responsibleUnit: string;
  level: RegionLevel;
  legalBasis: string;
  checkForms: CheckFormState[];
}

export interface ItemVersionRecord {
  name: string;
  categoryCode: string;
  kind: ItemKind;
  targetTypes: readonly TargetType[];
  checkContent: string;
  methods: readonly CheckMethod[];
  ratioMinPercent?: number | null;
  ratioMaxPercent?: number | null;
  frequencyPerYear: number;
  responsibleUnit: string;
  level: RegionLevel;
  legalBasis: string;
  checkForms: readonly { name: string; checkPoints: readonly CheckPointState[] }[];
}

export const emptyCheckPoint = (): CheckPointState => ({ point: '', method: '', criterion: '', followUp: '' });

export const emptyItemForm = (): ItemFormState => ({
  code: '', name: '', categoryCode: '', kind: 'GENERAL', targetTypes: [], checkContent: '', methods: [], ratioMinPercent: '5', ratioMaxPercent: '',
  frequencyPerYear: '2', responsibleUnit: '', level: 'COUNTY', legalBasis: '', checkForms: [],
});

const numberText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** A revision starts from the version in force. */
export const itemFormFromVersion = (code: string, v: ItemVersionRecord): ItemFormState => ({
  code, name: v.name, categoryCode: v.categoryCode, kind: v.kind, targetTypes: [...v.targetTypes], checkContent: v.checkContent, methods: [...v.methods],
  ratioMinPercent: numberText(v.ratioMinPercent), ratioMaxPercent: numberText(v.ratioMaxPercent), frequencyPerYear: String(v.frequencyPerYear),
  responsibleUnit: v.responsibleUnit, level: v.level, legalBasis: v.legalBasis,
  checkForms: v.checkForms.map((f) => ({ name: f.name, checkPoints: f.checkPoints.map((p) => ({ ...p })) })),
});

const optionalNumber = (text: string): number | null => {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
};

/**
 * The mutation input. A KEY item has no cap (Art. 8), so the cap is never sent for one, whatever
 * the field held before the kind was switched; the hub checks the rest and explains what is wrong.
 */
export function itemInputFromForm(f: ItemFormState): InspectionItemInput {
  return {
    code: f.code.trim(), name: f.name.trim(), categoryCode: f.categoryCode, kind: f.kind, targetTypes: f.targetTypes, checkContent: f.checkContent.trim(),
    methods: f.methods, ratioMinPercent: optionalNumber(f.ratioMinPercent), ratioMaxPercent: f.kind === 'KEY' ? null : optionalNumber(f.ratioMaxPercent),
    frequencyPerYear: Math.trunc(optionalNumber(f.frequencyPerYear) ?? 1), responsibleUnit: f.responsibleUnit.trim(), level: f.level, legalBasis: f.legalBasis.trim(),
    checkForms: f.checkForms
      .filter((form) => form.name.trim() || form.checkPoints.length)
      .map((form) => ({
        name: form.name.trim(),
        checkPoints: form.checkPoints
          .filter((p) => p.point.trim())
          .map((p) => ({ point: p.point.trim(), method: p.method.trim(), criterion: p.criterion.trim(), followUp: p.followUp.trim() })),
      })),
  };
}
