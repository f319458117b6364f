import type { CreditClass, RiskLevel, SpecialDirectory, TargetFilter, TargetInput, TargetSort, TargetStatus, TargetType } from '../../../gql/graphql';

export interface TargetRecord {
  name: string;
  creditCode?: string | null;
  type: TargetType;
  regionCode: string;
  address: string;
  legalRepresentative: string;
  phone: string;
  status: TargetStatus;
  riskLevel: RiskLevel;
  creditClass: CreditClass;
  complaintCount: number;
  dishonest: boolean;
  seriousViolation: boolean;
  specialDirectories: readonly SpecialDirectory[];
  licences: readonly { kind: string; number: string; validTo?: string | null }[];
}

/** A target as the form holds it: the record's fields, with every number and optional text a string, so nothing typed is lost. */
export type TargetFormState = Omit<TargetRecord, 'creditCode' | 'complaintCount' | 'specialDirectories' | 'licences'> & {
  creditCode: string;
  complaintCount: string;
  specialDirectories: SpecialDirectory[];
  licences: { kind: string; number: string; validTo: string }[];
};

export const emptyTargetForm = (regionCode = ''): TargetFormState => ({
  name: '', creditCode: '', type: 'ENTERPRISE', regionCode, address: '', legalRepresentative: '', phone: '', status: 'ACTIVE',
  riskLevel: 'MEDIUM', creditClass: 'B', complaintCount: '0', dishonest: false, seriousViolation: false, specialDirectories: [], licences: [],
});

export const targetFormFromRecord = (t: TargetRecord): TargetFormState => ({
  name: t.name, creditCode: t.creditCode ?? '', type: t.type, regionCode: t.regionCode, address: t.address, legalRepresentative: t.legalRepresentative,
  phone: t.phone, status: t.status, riskLevel: t.riskLevel, creditClass: t.creditClass, complaintCount: String(t.complaintCount),
  dishonest: t.dishonest, seriousViolation: t.seriousViolation, specialDirectories: [...t.specialDirectories],
  licences: t.licences.map((l) => ({ kind: l.kind, number: l.number, validTo: l.validTo ?? '' })),
});

/**
 * The mutation input. Values are passed as typed (trimmed): the hub checks them by the same rules as
 * a spreadsheet row and explains what is wrong, so the form does not second-guess it.
 */
export function targetInputFromForm(f: TargetFormState): TargetInput {
  const complaints = Number(f.complaintCount);
  return {
    name: f.name.trim(), creditCode: f.creditCode.trim() || null, type: f.type, regionCode: f.regionCode.trim(), address: f.address.trim(),
    legalRepresentative: f.legalRepresentative.trim(), phone: f.phone.trim(), status: f.status, riskLevel: f.riskLevel, creditClass: f.creditClass,
    complaintCount: Number.isFinite(complaints) ? Math.trunc(complaints) : 0, dishonest: f.dishonest, seriousViolation: f.seriousViolation,
    specialDirectories: f.specialDirectories,
    licences: f.licences.filter((l) => l.kind.trim() || l.number.trim()).map((l) => ({ kind: l.kind.trim(), number: l.number.trim(), validTo: l.validTo.trim() || null })),
  };
}

/** What the target list is filtered and sorted by; '' means "any". */
export interface TargetListState {
  search: string;
  type: TargetType | '';
  status: TargetStatus | '';
  riskLevel: RiskLevel | '';
  creditClass: CreditClass | '';
  specialDirectory: SpecialDirectory | '';
  regionCode: string;
  departmentId: string;
  dishonest: '' | 'yes' | 'no';
  seriousViolation: '' | 'yes' | 'no';
  minComplaints: string;
  sort: TargetSort;
  descending: boolean;
}

export const initialTargetList: TargetListState = {
  search: '', type: '', status: '', riskLevel: '', creditClass: '', specialDirectory: '', regionCode: '', departmentId: '',
  dishonest: '', seriousViolation: '', minComplaints: '', sort: 'NAME', descending: false,
};

const yesNo = (v: '' | 'yes' | 'no'): boolean | undefined => (v === '' ? undefined : v === 'yes');

/** The TargetFilter of the list state; the same object is sent to the export, so both show the same rows. */
export function targetFilterOf(s: TargetListState): TargetFilter {
  const min = s.minComplaints.trim() === '' ? undefined : Number(s.minComplaints);
  const filter: TargetFilter = {
    search: s.search || undefined,
    types: s.type ? [s.type] : undefined,
    statuses: s.status ? [s.status] : undefined,
    riskLevels: s.riskLevel ? [s.riskLevel] : undefined,
    creditClasses: s.creditClass ? [s.creditClass] : undefined,
    specialDirectory: s.specialDirectory || undefined,
    regionCode: s.regionCode.trim() || undefined,
    departmentId: s.departmentId || undefined,
    dishonest: yesNo(s.dishonest),
    seriousViolation: yesNo(s.seriousViolation),
    minComplaints: min !== undefined && Number.isFinite(min) ? Math.trunc(min) : undefined,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as TargetFilter;
}
