import { attribute, startTags } from './xlsx-xml';

/**
 * Built-in number formats that show a calendar date: 14–17 and 22 everywhere, plus the ids that
 * Chinese Excel and WPS use for 2023年1月5日-style dates (27–31, 36, 50–54, 57, 58). The built-in
 * time-of-day formats (18–21, 32–35, 45–47) are left as numbers: a time is not a date.
 */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

/** For each cell style index (the `s` attribute of <c>), whether its number format is a date. */
export function dateStyles(stylesXml: string): boolean[] {
  const customFormats = new Map<number, string>();
  for (const tag of startTags(stylesXml, 'numFmt')) {
    customFormats.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '');
  }
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml)?.[0] ?? '';
  return startTags(cellXfs, 'xf').map((tag) => {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    const custom = customFormats.get(id);
    return custom === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(custom);
  });
}

/** A custom format is a date when, outside literals and [..] sections, it has a year, day or month part. */
export function isDateFormat(formatCode: string): boolean {
  const firstSection = formatCode
    .replace(/"[^"]*"|\\.|\[[^\]]*\]|[_*]./g, '')
    .split(';')[0]
    .toLowerCase();
  // "m" also means minutes, as in h:mm or mm:ss; only count it as a month when no hour or second is shown.
  return /[yd]/.test(firstSection) || (firstSection.includes('m') && !/[hs]/.test(firstSection));
}

const MS_PER_DAY = 86_400_000;
/** Days from each epoch's day zero to 1970-01-01. The 1900 system counts a fictional 1900-02-29 (serial 60). */
const DAYS_1900_BEFORE_LEAP_BUG = 25_568;
const DAYS_1900 = 25_569;
const DAYS_1904 = 24_107;
/** Serial of 9999-12-31, Excel's last date; larger numbers are not dates even in a date-styled cell. */
const MAX_SERIAL = 2_958_465;

/** A serial date number as YYYY-MM-DD, dropping any time of day; null if it is not a valid date. */
export function serialToDate(serial: number, date1904: boolean): string | null {
  if (!(serial >= 0 && serial <= MAX_SERIAL)) return null;
  // Round to the millisecond first, as Excel does, so 45000.99999999999 is still the next day.
  const day = Math.floor(Math.round(serial * MS_PER_DAY) / MS_PER_DAY);
  const offset = date1904 ? DAYS_1904 : day < 61 ? DAYS_1900_BEFORE_LEAP_BUG : DAYS_1900;
  return civilDate(day - offset);
}

/** Days since 1970-01-01 to YYYY-MM-DD (Hinnant's algorithm: no Date object per cell). */
function civilDate(daysSinceEpoch: number): string {
  const z = daysSinceEpoch + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * A stored number as Excel's General format shows it: at most 15 significant digits, so that binary
 * noise (0.30000000000000004) disappears. Values already in that form (nearly all) are returned as is.
 */
export function formatNumber(raw: string): string {
  if (isShortDecimal(raw)) return raw;
  const value = Number(raw);
  if (!Number.isFinite(value)) return raw;
  return String(Number(value.toPrecision(15)));
}

/** True for -?digits(.digits)? with at most 15 digits, no leading zero and no trailing fraction zero. */
function isShortDecimal(s: string): boolean {
  let i = s.charCodeAt(0) === 0x2d ? 1 : 0;
  const first = i;
  let digitCount = 0;
  let point = -1;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digitCount++;
    else if (c === 0x2e && point === -1) point = i;
    else return false;
  }
  if (digitCount === 0 || digitCount > 15 || point === first || point === s.length - 1) return false;
  if (s.charCodeAt(first) === 0x30 && s.length > first + 1 && point !== first + 1) return false;
  return point === -1 || s.charCodeAt(s.length - 1) !== 0x30;
}
