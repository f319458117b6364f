/** A FieldChange value is JSON ("\"HIGH\"", "[\"SEEDS\"]", "true"); users read it as plain text. */
export function formatChangeValue(json: string | null | undefined, yes: string, no: string): string {
  if (json === null || json === undefined) return '—';
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  return plain(value, yes, no);
}

function plain(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) return value.length ? value.map((v) => plain(v, yes, no)).join('、') : '—';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([, v]) => plain(v, yes, no))
      .join(' ');
  }
  return String(value);
}
