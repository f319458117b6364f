/** The inspector's live notices: how many visits the latest assignment events concern. */
export interface AssignmentNotice {
  lastSeq: number;
  visits: number;
  types: string[];
}

export function addAssignment(notice: AssignmentNotice | undefined, event: { globalSeq: number; type: string; visitCount: number }): AssignmentNotice {
  if (notice && event.globalSeq <= notice.lastSeq) return notice;
  return {
    lastSeq: event.globalSeq,
    visits: (notice?.visits ?? 0) + event.visitCount,
    types: notice?.types.includes(event.type) ? notice.types : [...(notice?.types ?? []), event.type],
  };
}

