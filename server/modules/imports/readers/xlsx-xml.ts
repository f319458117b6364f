/**
 * Just enough XML for SpreadsheetML. Large parts are scanned with indexOf over a Latin-1 view of the
 * bytes (one character per byte, so offsets match and markup, which is ASCII, is found as is) and
 * only cell values are decoded as UTF-8. That is several times faster than decoding whole chunks or
 * running a general XML parser, and the parts we read have a fixed, simple shape.
 */
import { detach } from './sheet-row';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML entities and OOXML's _xHHHH_ escapes (how Excel stores control characters such as CR). */
export function decodeXml(s: string): string {
  if (s.indexOf('&') !== -1) s = s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, decodeEntity);
  // _x005F_ escapes a literal underscore, so a single left-to-right pass is exact.
  if (s.indexOf('_x') !== -1) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

function decodeEntity(match: string, entity: string): string {
  if (entity.charCodeAt(0) !== 0x23) return NAMED_ENTITIES[entity];
  const code = entity.charCodeAt(1) === 0x78 ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

/** The namespace prefix ("x:" or "") that a part uses for its root element, e.g. <x:worksheet>. */
export function elementPrefix(text: string, rootName: string): string {
  const match = new RegExp(`<([A-Za-z_][\\w.-]*:)?${rootName}[\\s>/]`).exec(text);
  return match?.[1] ?? '';
}

/** Tag names used while scanning one part, with its namespace prefix applied. */
export class Tags {
  readonly open: string;
  readonly close: string;
  constructor(prefix: string, name: string) {
    this.open = `<${prefix}${name}`;
    this.close = `</${prefix}${name}>`;
  }
}

/** True when text[at] ends an element name: the name matched whole, not as the start of a longer one. */
export function endsName(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 0x20 || c === 0x3e || c === 0x2f || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * The text value of bytes[from, to): UTF-8 decoded, entities and escapes resolved, trimmed, and not
 * sharing memory with the chunk. `text` is the Latin-1 view of `bytes`. Plain ASCII values (codes,
 * numbers, dates) are cut from it directly, several times faster than decoding them.
 */
export function textValue(bytes: Buffer, text: string, from: number, to: number): string {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // Non-ASCII needs UTF-8 decoding; & and _ may start an entity or an _xHHHH_ escape.
    if (c >= 0x80 || c === 0x26 || c === 0x5f) return decodeXml(decodeUtf8(bytes, from, to)).trim();
  }
  return detach(text.slice(from, to).trim());
}

/** Longest value decoded by hand; longer ones are rare enough to leave to Buffer. */
const MAX_HAND_DECODED = 1024;
const codeUnits: number[] = [];

/**
 * UTF-8 decoding of a short value. Buffer#toString costs about 200 ns per short Chinese value (most
 * of it call overhead), which adds up to seconds over a million rows; this loop takes a third less.
 * It covers 1- to 3-byte sequences, the whole Basic Multilingual Plane; 4-byte sequences (rare CJK
 * extension characters, emoji) and malformed input go to Buffer, which handles them exactly.
 */
function decodeUtf8(bytes: Buffer, from: number, to: number): string {
  if (to - from > MAX_HAND_DECODED) return bytes.toString('utf8', from, to);
  codeUnits.length = 0;
  for (let i = from; i < to; ) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      codeUnits.push(b0);
      i++;
    } else if (b0 >= 0xe0 && b0 < 0xf0 && i + 2 < to) {
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      const code = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      // Continuation bytes must be 10xxxxxx; overlong forms and surrogates are malformed.
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) {
        return bytes.toString('utf8', from, to);
      }
      codeUnits.push(code);
      i += 3;
    } else if (b0 >= 0xc2 && b0 < 0xe0 && i + 1 < to && (bytes[i + 1] & 0xc0) === 0x80) {
      codeUnits.push(((b0 & 0x1f) << 6) | (bytes[i + 1] & 0x3f));
      i += 2;
    } else {
      return bytes.toString('utf8', from, to);
    }
  }
  return String.fromCharCode.apply(null, codeUnits);
}

/**
 * Concatenates the <t> runs in [from, to), which is how both rich-text shared strings
 * (<r><t>..</t></r>...) and inline strings store their value. Phonetic runs (<rPh>) are skipped:
 * they annotate the text rather than belong to it. `text` is the Latin-1 view of `bytes`.
 */
export function collectText(bytes: Buffer, text: string, from: number, to: number, t: Tags, phonetic: Tags): string {
  let out = '';
  let i = from;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt === -1 || lt >= to) return decodeXml(out).trim();
    if (text.startsWith(t.open, lt) && endsName(text, lt + t.open.length)) {
      const gt = text.indexOf('>', lt);
      if (gt === -1 || gt >= to) return decodeXml(out).trim();
      if (text.charCodeAt(gt - 1) === 0x2f) {
        i = gt + 1;
        continue;
      }
      const close = text.indexOf(t.close, gt);
      if (close === -1 || close >= to) return decodeXml(out).trim();
      out += decodeUtf8(bytes, gt + 1, close);
      i = close + t.close.length;
    } else if (text.startsWith(phonetic.open, lt) && endsName(text, lt + phonetic.open.length)) {
      const close = text.indexOf(phonetic.close, lt);
      if (close === -1 || close >= to) return decodeXml(out).trim();
      i = close + phonetic.close.length;
    } else {
      i = lt + 1;
    }
  }
}

/** Attribute value from a small, whole tag string (metadata parts only, not the hot path). */
export function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`).exec(tag);
  return match === null ? undefined : decodeXml(match[2]);
}

/** Every start tag of an element (any namespace prefix), for the small metadata parts. */
export function startTags(text: string, name: string): string[] {
  return text.match(new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*>`, 'g')) ?? [];
}
