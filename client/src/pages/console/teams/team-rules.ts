/** Pure helpers of the team section. */

export const isLockedStatus = (status: string): boolean => status === 'LOCKED' || status === 'ANNOUNCED';

/** The draws whose teams can be drawn (locked or announced), newest task first as listed. */
export function lockedDraws<T extends { id: string; name: string; draws: { id: string; status: string }[] }>(tasks: T[]): { drawId: string; status: string; task: T }[] {
  return tasks.flatMap((task) => task.draws.filter((draw) => isLockedStatus(draw.status)).map((draw) => ({ drawId: draw.id, status: draw.status, task })));
}

/** The neighbouring regions' departments the hub offers for cross-region matching (deduplicated). */
export function crossRegionDepartments(remedies: { kind: string; departments: { id: string; name: string }[] }[]): { id: string; name: string }[] {
  const seen = new Map<string, { id: string; name: string }>();
  for (const remedy of remedies) if (remedy.kind === 'CROSS_REGION') for (const d of remedy.departments) seen.set(d.id, d);
  return [...seen.values()];
}
