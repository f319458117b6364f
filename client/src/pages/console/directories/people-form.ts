import type { ExpertInput, InspectorFilter, InspectorInput } from '../../../gql/graphql';

/** An inspector as the form holds it. */
export interface InspectorFormState {
  name: string;
  certificateNumber: string;
  certificateValidFrom: string;
  certificateValidTo: string;
  phone: string;
  regionCode: string;
  specialties: string[];
}

export const emptyInspectorForm = (): InspectorFormState => ({
  name: '', certificateNumber: '', certificateValidFrom: '', certificateValidTo: '', phone: '', regionCode: '', specialties: [],
});

export const inspectorFormFromRecord = (r: InspectorFormState | (Omit<InspectorFormState, 'specialties'> & { specialties: readonly string[] })): InspectorFormState => ({
  name: r.name, certificateNumber: r.certificateNumber, certificateValidFrom: r.certificateValidFrom, certificateValidTo: r.certificateValidTo,
  phone: r.phone, regionCode: r.regionCode, specialties: [...r.specialties],
});

export const inspectorInputFromForm = (f: InspectorFormState): InspectorInput => ({
  name: f.name.trim(), certificateNumber: f.certificateNumber.trim(), certificateValidFrom: f.certificateValidFrom.trim(),
  certificateValidTo: f.certificateValidTo.trim(), phone: f.phone.trim(), regionCode: f.regionCode.trim(), specialties: f.specialties,
});

export interface InspectorListState {
  search: string;
  active: '' | 'yes' | 'no';
  certificateValidOn: string;
  regionCode: string;
  specialty: string;
  departmentId: string;
}

export const initialInspectorList: InspectorListState = { search: '', active: 'yes', certificateValidOn: '', regionCode: '', specialty: '', departmentId: '' };

export function inspectorFilterOf(s: InspectorListState): InspectorFilter {
  const filter: InspectorFilter = {
    search: s.search || undefined,
    active: s.active === '' ? undefined : s.active === 'yes',
    certificateValidOn: s.certificateValidOn || undefined,
    regionCode: s.regionCode.trim() || undefined,
    specialty: s.specialty || undefined,
    departmentId: s.departmentId || undefined,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as InspectorFilter;
}

export interface ExpertFormState {
  name: string;
  organisation: string;
  phone: string;
  specialty: string;
}

export const emptyExpertForm = (): ExpertFormState => ({ name: '', organisation: '', phone: '', specialty: '' });

export const expertInputFromForm = (f: ExpertFormState): ExpertInput => ({
  name: f.name.trim(), organisation: f.organisation.trim(), phone: f.phone.trim(), specialty: f.specialty.trim(),
});
