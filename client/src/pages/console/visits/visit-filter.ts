import type { VisitFilter, VisitStatus } from '../../../gql/graphql';

/** The list's filter as typed, and as the `visits` query takes it (empty fields are no restriction). */
export interface VisitFilterDraft {
  merged: '' | 'true' | 'false';
  statuses: string[];
  publicId: string;
  windowFrom: string;
  windowTo: string;
}

export const emptyVisitFilter: VisitFilterDraft = { merged: '', statuses: [], publicId: '', windowFrom: '', windowTo: '' };

export function visitFilterInput(draft: VisitFilterDraft): VisitFilter {
  const filter: VisitFilter = {};
  if (draft.merged) filter.merged = draft.merged === 'true';
  if (draft.statuses.length) filter.statuses = draft.statuses as VisitStatus[];
  if (draft.publicId.trim()) filter.publicId = draft.publicId.trim();
  if (draft.windowFrom) filter.windowFrom = draft.windowFrom;
  if (draft.windowTo) filter.windowTo = draft.windowTo;
  return filter;
}

/** A manual merge sends this visit and the chosen ones, each with the version as read. */
export function mergeArguments(visit: { id: string; version: number }, others: { id: string; version: number }[], chosen: string[]) {
  const picked = others.filter((v) => chosen.includes(v.id));
  return { visitIds: [visit.id, ...picked.map((v) => v.id)], expectedVersions: [visit.version, ...picked.map((v) => v.version)] };
}
