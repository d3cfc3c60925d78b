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
 *
 * A pattern with `\p{L}`, `\p{N}`, `\p{Lu}` or `\p{Ll}` has an ASCII twin besides: the same
 * source with those classes written as `[a-zA-Z]`, `[0-9]`, `[A-Z]`, `[a-z]`, without `u`. It
 * matches as the pattern does in a text that, besides the above, holds no letter, number or
 * mark outside ASCII (most news: its non-ASCII characters are quotes and dashes), because there
 * the two classes hold the same characters of the text — with or without `i`, as no other
 * character folds onto a letter or number (checked over every BMP character in a test).
 */

import { objectList } from '../../stage.js';
import { isLetterNumberOrMark } from './char-classes.js';

/** A pattern with its faster twins, when it has them. */
export interface TwinPattern {
  /** The pattern as written. */
  readonly unicode: RegExp;
  /** The same source without the `u` flag, or the pattern itself when the twin could differ. */
  readonly plain: RegExp;
  /** The pattern with its Unicode classes made ASCII, without `u`; else `plain`. */
  readonly ascii: RegExp;
}

const UNICODE_ONLY_SYNTAX = /\\[pP]\{|\\u\{/;
const NON_ASCII_LETTER = /[^\u0000-\u007F]/;

/** The ASCII characters of the Unicode classes an ASCII twin may replace. */
const ASCII_CLASSES: ReadonlyMap<string, string> = new Map([
  ['L', 'a-zA-Z'],
  ['N', '0-9'],
  ['Lu', 'A-Z'],
  ['Ll', 'a-z'],
]);

/**
 * Pairs a pattern with its plain and ASCII twins (see the module comment); a pattern whose
 * twins could differ from it keeps itself in their place.
 *
 * @example twinPattern(/\b(?:monday|tuesday)\b/giu).plain.flags // 'gi'
 * @example twinPattern(/(?<![\p{L}])war/giu).ascii.source // '(?<![a-zA-Z])war'
 */
export function twinPattern(unicode: RegExp): TwinPattern {
  if (!unicode.unicode) return { unicode, plain: unicode, ascii: unicode };
  for (const ch of unicode.source) {
    if (NON_ASCII_LETTER.test(ch) && (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch))
      return { unicode, plain: unicode, ascii: unicode };
  }
  const flags = unicode.flags.replace('u', '');
  if (!UNICODE_ONLY_SYNTAX.test(unicode.source)) {
    const plain = new RegExp(unicode.source, flags);
    return { unicode, plain, ascii: plain };
  }
  const source = asciiSource(unicode.source);
  return { unicode, plain: unicode, ascii: source === null ? unicode : new RegExp(source, flags) };
}

/**
 * The source with each `\p{…}` of `ASCII_CLASSES` written with its ASCII characters (inside a
 * class as a range, outside as a class), or null when it has other Unicode-only syntax.
 */
function asciiSource(source: string): string | null {
  let out = '';
  let inClass = false;
  for (let at = 0; at < source.length; at++) {
    const ch = source[at]!;
    if (ch === '\\') {
      const next = source[at + 1];
      if (next === 'p') {
        const close = source.indexOf('}', at);
        const ascii =
          source[at + 2] === '{' && close > 0 ? ASCII_CLASSES.get(source.slice(at + 3, close)) : undefined;
        if (ascii === undefined) return null;
        out += inClass ? ascii : `[${ascii}]`;
        at = close;
        continue;
      }
      if (next === 'P' || (next === 'u' && source[at + 2] === '{')) return null;
      out += source.slice(at, at + 2);
      at++;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    out += ch;
  }
  return out;
}

/** Which of a pattern's twins a text allows (see the module comment). */
export type TextKind = 'unicode' | 'plain' | 'ascii';

let lastText: string | null = null;
let lastKind: TextKind = 'unicode';

/**
 * Whether a text needs the patterns as written (it holds ſ, K or a surrogate), allows their
 * plain twins (it holds a letter, number or mark outside ASCII) or their ASCII twins. The text
 * last asked about is remembered.
 *
 * @example textKind('On Sunday') // 'ascii'
 * @example textKind('Café on Sunday') // 'plain'
 * @example textKind('On ſunday') // 'unicode'
 */
export function textKind(text: string): TextKind {
  if (text === lastText) return lastKind;
  let kind: TextKind = 'ascii';
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c < 0x80) continue;
    if (c === 0x17f || c === 0x212a || (c >= 0xd800 && c <= 0xdfff)) {
      kind = 'unicode';
      break;
    }
    if (kind === 'ascii' && isLetterNumberOrMark(c)) kind = 'plain';
  }
  lastText = text;
  lastKind = kind;
  return kind;
}

/**
 * The twin of a pattern a text of this kind allows.
 *
 * @example twinFor(twinPattern(/\bwar\b/giu), textKind('war')).flags // 'gi'
 */
export function twinFor(twin: TwinPattern, kind: TextKind): RegExp {
  return kind === 'ascii' ? twin.ascii : kind === 'plain' ? twin.plain : twin.unicode;
}

/**
 * Whether a text holds a character on which a pattern and its plain twin could differ (ſ, K,
 * or a surrogate).
 *
 * @example needsUnicode('On Sunday') // false
 * @example needsUnicode('On ſunday') // true
 */
export function needsUnicode(text: string): boolean {
  return textKind(text) === 'unicode';
}

/** A pattern that opens with a one-character look-behind, split into the two. */
export interface LookbehindSplit {
  /** The pattern without its opening look-behind (same flags). */
  readonly body: RegExp;
  /** The look-behind's character test, anchored (`^[…]$`), without `g`. */
  readonly behind: RegExp;
  /** `(?<!…)` rather than `(?<=…)`. */
  readonly negative: boolean;
}

const OPENING_LOOKBEHIND = /^\(\?<([!=])(\[(?:\\.|[^\\\]])*\]|\\.|[^\\()[\]{}|.*+?^$])\)/;

/**
 * Splits a pattern without `u` that opens with a look-behind of one character (a class, an
 * escaped or a plain character), or null. V8 scans such a pattern by testing the look-behind at
 * every offset; the body alone can skip ahead, and the look-behind is then tested once per match
 * (see {@link execWithLookbehind}). With `u` the look-behind reads a code point, not a code unit,
 * so those patterns are not split.
 *
 * @example splitLookbehind(/(?<=\()[LDFR]\d/g)?.body.source // '[LDFR]\\d'
 */
export function splitLookbehind(re: RegExp): LookbehindSplit | null {
  if (re.unicode || re.sticky) return null;
  const m = OPENING_LOOKBEHIND.exec(re.source);
  if (!m) return null;
  return {
    body: new RegExp(re.source.slice(m[0].length), re.flags),
    behind: new RegExp(`^${m[2]}$`, re.flags.replace('g', '')),
    negative: m[1] === '!',
  };
}

/**
 * Every match of the split pattern, as `text.matchAll(pattern)` finds them: the leftmost match
 * of the body whose look-behind holds, the search going on after it (or one character on, when
 * the look-behind fails there: the whole pattern cannot match at that offset, whatever the body
 * matched).
 *
 * @example execWithLookbehind(splitLookbehind(/(?<=\()L\d/g)!, 'L1 (L2)').map((m) => m.index) // [4]
 */
export function execWithLookbehind(split: LookbehindSplit, text: string): RegExpExecArray[] {
  const { body, behind, negative } = split;
  const out = objectList<RegExpExecArray>();
  body.lastIndex = 0;
  for (let m = body.exec(text); m !== null; m = body.exec(text)) {
    const at = m.index;
    const holds = at === 0 ? negative : behind.test(text[at - 1]!) !== negative;
    if (holds) {
      out.push(m);
      if (m[0] === '') body.lastIndex = at + 1;
    } else body.lastIndex = at + 1;
  }
  return out;
}
