/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, S, V, Z); the 18th is a check character over the first 17 (weights 3^i mod 31).
 * Pure: shared by the server, the importer, the demo generator and (later) the browser.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Alphabet position by character code, -1 outside the alphabet: an import checks a million codes. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CREDIT_CODE_ALPHABET.length; i++) VALUE[CREDIT_CODE_ALPHABET.charCodeAt(i)] = i;

/** The alphabet position of the character at index i, or -1 (also past the end of the text). */
function valueAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? VALUE[c] : -1;
}

export type CreditCodeProblem =
  | { kind: 'length'; length: number }
  | { kind: 'character'; position: number; character: string }
  | { kind: 'check'; expected: string; actual: string };

/** The check character that completes a 17-character prefix. */
export function creditCodeCheckCharacter(prefix17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = valueAt(prefix17, i);
    if (value < 0) throw new RangeError(`character ${prefix17[i]} at ${i + 1} is not in the credit-code alphabet`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a credit code is invalid, or null when it is valid. Lower case is not accepted: codes are printed in upper case. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return { kind: 'length', length: code.length };
  for (let i = 0; i < 18; i++) {
    if (valueAt(code, i) < 0) return { kind: 'character', position: i + 1, character: code[i] };
  }
  const expected = creditCodeCheckCharacter(code);
  if (expected !== code[17]) return { kind: 'check', expected, actual: code[17] };
  return null;
}

/** The problem in words, for an office worker (zh) and for logs and English users (en). */
export function describeCreditCodeProblem(problem: CreditCodeProblem): { zh: string; en: string } {
  switch (problem.kind) {
    case 'length':
      return { zh: `应为18位，实际为${problem.length}位`, en: `must be 18 characters, has ${problem.length}` };
    case 'character':
      return {
        zh: `第${problem.position}位“${problem.character}”不是合法字符（不使用 I、O、S、V、Z 和小写字母）`,
        en: `character ${problem.position} "${problem.character}" is not allowed (no I, O, S, V, Z or lower case)`,
      };
    case 'check':
      return { zh: `校验位应为“${problem.expected}”，实际为“${problem.actual}”`, en: `check character should be ${problem.expected}, is ${problem.actual}` };
  }
}

/** Completes a 17-character prefix into a valid code (demo data, tests). */
export function completeCreditCode(prefix17: string): string {
  return prefix17 + creditCodeCheckCharacter(prefix17);
}
