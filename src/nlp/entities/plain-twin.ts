/**
 * V8 runs a case-insensitive Unicode regex (`iu` flags) several times slower than the same
 * pattern without the `u` flag. For a pattern whose letters are all ASCII and that uses no
 * Unicode-only syntax (`\p{…}`, `\P{…}`, `\u{…}`), the two match exactly the same strings at
 * the same offsets in any text that holds neither
 * - U+017F (ſ) nor U+212A (K): the only characters Unicode case folding maps onto ASCII letters
 *   (so `/s/iu` matches "ſ" and `\w`, `\b` count them as word characters under `iu`), nor
 * - a surrogate (a character outside the Basic Multilingual Plane): without `u` a pattern reads
 *   such a character as two code units.
 * Such texts are rare in news; for them the Unicode pattern runs, so the result never changes.
 */

/** A pattern with its plain (non-`u`) twin, when it has one. */
export interface TwinPattern {
  /** The pattern as written. */
  readonly unicode: RegExp;
  /** The same source without the `u` flag, or the pattern itself when the twin could differ. */
  readonly plain: RegExp;
}

const UNICODE_ONLY_SYNTAX = /\\[pP]\{|\\u\{/;
const NON_ASCII_LETTER = /[^\u0000-\u007F]/;

/**
 * Pairs a pattern with its plain twin (see the module comment); a pattern with Unicode-only
 * syntax or non-ASCII characters that have case keeps itself as its twin.
 *
 * @example twinPattern(/\b(?:monday|tuesday)\b/giu).plain.flags // 'gi'
 */
export function twinPattern(unicode: RegExp): TwinPattern {
  if (!unicode.unicode || UNICODE_ONLY_SYNTAX.test(unicode.source)) return { unicode, plain: unicode };
  for (const ch of unicode.source) {
    if (NON_ASCII_LETTER.test(ch) && (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch))
      return { unicode, plain: unicode };
  }
  return { unicode, plain: new RegExp(unicode.source, unicode.flags.replace('u', '')) };
}

const NEEDS_UNICODE = /[\u017F\u212A\uD800-\uDFFF]/;

/**
 * Whether a text holds a character on which a pattern and its plain twin could differ (ſ, K,
 * or a surrogate).
 *
 * @example needsUnicode('On Sunday') // false
 * @example needsUnicode('On ſunday') // true
 */
export function needsUnicode(text: string): boolean {
  return NEEDS_UNICODE.test(text);
}
