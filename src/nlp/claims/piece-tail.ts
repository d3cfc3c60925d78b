// The tail a claim piece loses: marks and one connective left at its end ("…, but", "… and —").

/** Connectives a piece may end with, in lower case. */
const TAIL_WORDS = ['but', 'and', 'while', 'although', 'whereas', 'as', 'that'];

const WHITE_SPACE = /\s/;

/** A mark before the connective: white space , ; : — – - */
function isMark(code: number): boolean {
  if (code < 128)
    return (
      code === 32 || (code >= 9 && code <= 13) || code === 44 || code === 59 || code === 58 || code === 45
    );
  return code === 0x2014 || code === 0x2013 || WHITE_SPACE.test(String.fromCharCode(code));
}

/** A mark after the connective: the same and "(". */
function isEndMark(code: number): boolean {
  return code === 40 || isMark(code);
}

/** A character of `\w` (without the `u` flag): ASCII letters, digits and "_". */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
  );
}

/** Whether `body` holds `word` (lower-case ASCII) at `at`, ASCII letters compared without case. */
function wordAt(body: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = body.charCodeAt(at + i);
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    if (lower !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Where the tail of a piece starts: the first offset from which the rest is marks, at most one
 * connective, and marks or "(" — what
 * `/[\s,;:—–-]*(?:\b(?:but|and|while|although|whereas|as|that))?[\s,;:—–(-]*$/i` matches, read
 * from the end instead of tried at every offset.
 *
 * @example tailStart('the bridge held, but') // 15
 */
export function tailStart(body: string): number {
  // Marks and "(" that end the piece.
  let end = body.length;
  while (end > 0 && isEndMark(body.charCodeAt(end - 1))) end--;
  let start = end;
  // A connective ending there, at a word boundary, with marks before it.
  for (const word of TAIL_WORDS) {
    const at = end - word.length;
    if (at < 0 || !wordAt(body, at, word) || (at > 0 && isWordChar(body.charCodeAt(at - 1)))) continue;
    let from = at;
    while (from > 0 && isMark(body.charCodeAt(from - 1))) from--;
    if (from < start) start = from;
  }
  return start;
}
