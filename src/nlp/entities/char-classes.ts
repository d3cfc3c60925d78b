/**
 * The Unicode classes the entity patterns use (`\p{L}`, `\p{N}`, `\p{M}`, `\p{Lu}`), answered per
 * character for hand-written scanners: ASCII from a table made at load, other characters of the
 * Basic Multilingual Plane by the engine's own `\p{…}` patterns once each (remembered), characters
 * beyond it by the patterns every time (rare in news). The answers are the engine's, so a scanner
 * built on them finds what the `u` pattern it replaces finds, whatever Unicode version Node has.
 */

const LETTER = 1;
const NUMBER = 2;
const MARK = 4;
const UPPER = 8;
const KNOWN = 128;

const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_UPPER = /^\p{Lu}$/u;

/** The classes of one character (a code point), as the patterns answer. */
function classify(ch: string): number {
  return (
    KNOWN |
    (IS_LETTER.test(ch) ? LETTER : 0) |
    (IS_NUMBER.test(ch) ? NUMBER : 0) |
    (IS_MARK.test(ch) ? MARK : 0) |
    (IS_UPPER.test(ch) ? UPPER : 0)
  );
}

// One byte per BMP code unit; 0 until asked. A lone surrogate has none of the classes.
const BMP = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) BMP[code] = classify(String.fromCharCode(code));
BMP.fill(KNOWN, 0xd800, 0xe000);

/**
 * The class bits of the code point `code` (see the constants above).
 *
 * @example classesOf(0x41) & 8 // 8: "A" is an upper-case letter
 */
function classesOf(code: number): number {
  if (code > 0xffff) return classify(String.fromCodePoint(code));
  const known = BMP[code]!;
  if (known !== 0) return known;
  const bits = classify(String.fromCharCode(code));
  BMP[code] = bits;
  return bits;
}

/**
 * The code point at `i` (a lone surrogate reads as itself), or -1 past the end.
 *
 * @example codePointAt('a😀', 1) // 0x1F600
 */
export function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c)) return -1; // past the end
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return c;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000 : c;
}

/**
 * `\p{L}` or `\p{N}`: a letter or a number.
 *
 * @example isLetterOrNumber(0x39) // true ("9")
 */
export function isLetterOrNumber(code: number): boolean {
  if (code < 0x80)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return (classesOf(code) & (LETTER | NUMBER)) !== 0;
}

/**
 * `\p{L}`, `\p{N}` or `\p{M}`: a letter, a number or a mark.
 *
 * @example isLetterNumberOrMark(0x301) // true (a combining acute accent)
 */
export function isLetterNumberOrMark(code: number): boolean {
  if (code < 0x80)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return (classesOf(code) & (LETTER | NUMBER | MARK)) !== 0;
}

/**
 * `\p{L}`: a letter.
 *
 * @example isLetter(0xe9) // true ("é")
 */
export function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return (classesOf(code) & LETTER) !== 0;
}

/**
 * `\p{Lu}`: an upper-case letter.
 *
 * @example isUpperCaseLetter(0xc9) // true ("É")
 */
export function isUpperCaseLetter(code: number): boolean {
  if (code < 0x80) return code >= 65 && code <= 90;
  return (classesOf(code) & UPPER) !== 0;
}
