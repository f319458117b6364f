// Edits of the repeated rows of a form (licences, weights, batches, check points) that leave the state untouched.

/** `list` with the element at `index` changed by `patch`. */
export const patchAt = <T>(list: readonly T[], index: number, patch: Partial<T>): T[] => list.map((x, i) => (i === index ? { ...x, ...patch } : x));

/** `list` without the element at `index`. */
export const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

/** Adds or removes one value of a multiple choice; an added value goes last, so a team picked by hand keeps the order of picking (the first one picked leads). */
export const toggleValue = <T>(values: readonly T[], value: T): T[] => (values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);
