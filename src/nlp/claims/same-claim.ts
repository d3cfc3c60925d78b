import { isNumberWordStart, parseNumberWords } from '../quantities/number-words.js';

/** A claim reduced for comparison: its content words (crudely stemmed) and its numbers. */
export interface ClaimKey {
  readonly words: ReadonlySet<string>;
  readonly numbers: ReadonlySet<number>;
}

// Number words come from the quantities reader; repetition adverbs and bare scale nouns, which
// it reads only with a determiner ("a dozen"), are added here.
const REPEATS: ReadonlyMap<string, number> = new Map([
  ['once', 1],
  ['twice', 2],
  ['thrice', 3],
  ['dozen', 12],
  ['hundred', 100],
]);

function spelledNumber(word: string): number | undefined {
  const repeats = REPEATS.get(word);
  if (repeats !== undefined) return repeats;
  const head = word.split('-')[0] ?? word;
  if (!isNumberWordStart(head) || /^(?:a|an|several|half|tens)$/.test(head)) return undefined;
  return parseNumberWords(word, 0)?.value;
}
const STOP = new Set(
  'a an the of in on at to for from by with and or but as is are was were be been being has have had this that these those it its their there since than into over under about after before during his her they he she we which who what when where while also not no do does did will would could can may might'.split(
    ' ',
  ),
);

function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, '').replace(/e$/, '');
}

/**
 * Reduces a claim's text for comparison: "twelve times" and "12 times" give the same number.
 *
 * @example claimKey('The base was targeted twelve times').numbers // Set {12}
 */
export function claimKey(text: string): ClaimKey {
  const words = new Set<string>();
  const numbers = new Set<number>();
  const add = (part: number | string | null) => {
    if (typeof part === 'number') numbers.add(part);
    else if (part !== null) words.add(part);
  };
  if (!asciiPieces(text)) {
    for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}.,-]+/u)) add(partOf(raw));
    return { words, numbers };
  }
  // Letters, digits, ".", "," and "-" make the pieces; every other character here separates them
  // and lower-cases to itself, so each piece is read as it stands (remembered as written).
  let from = -1;
  for (let i = 0; i <= text.length; i++) {
    const inPiece = i < text.length && PIECE_CHAR[text.charCodeAt(i)] === 1;
    if (inPiece) {
      if (from < 0) from = i;
      continue;
    }
    if (from < 0) continue;
    const raw = text.slice(from, i);
    from = -1;
    let part = AS_WRITTEN.get(raw);
    if (part === undefined) {
      part = partOf(raw.toLowerCase());
      if (AS_WRITTEN.size >= MAX_KEY_PARTS) AS_WRITTEN.clear();
      AS_WRITTEN.set(raw, part);
    }
    add(part);
  }
  return { words, numbers };
}

/** What a lower-cased piece adds to a key, remembered. */
function partOf(raw: string): number | string | null {
  let part = KEY_PARTS.get(raw);
  if (part === undefined) {
    part = keyPart(raw);
    if (KEY_PARTS.size >= MAX_KEY_PARTS) KEY_PARTS.clear();
    KEY_PARTS.set(raw, part);
  }
  return part;
}

/** ASCII characters that belong to a piece: letters, digits, ".", "," and "-". */
const PIECE_CHAR = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (/[\p{L}\p{N}.,-]/u.test(String.fromCharCode(c))) table[c] = 1;
  return table;
})();

/**
 * Whether a text splits into pieces by {@link PIECE_CHAR} as the lower-cased text splits by
 * `[^\p{L}\p{N}.,-]+`: true when every character beyond ASCII is a separator that lower-cases
 * to itself (quotation marks, dashes, spaces); a letter or a number beyond ASCII takes the general way.
 */
function asciiPieces(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) continue;
    let plain = PLAIN_SEPARATOR.get(code);
    if (plain === undefined) {
      const ch = text[i]!;
      plain = !(code >= 0xd800 && code <= 0xdfff) && !/[\p{L}\p{N}]/u.test(ch) && ch.toLowerCase() === ch;
      PLAIN_SEPARATOR.set(code, plain);
    }
    if (!plain) return false;
  }
  return true;
}

const PLAIN_SEPARATOR = new Map<number, boolean>();

/** What one lower-cased piece of a claim adds to its key: a number, a stemmed word, or nothing. */
function keyPart(raw: string): number | string | null {
  const w = raw.replace(/^[.,-]+|[.,-]+$/g, '');
  if (!w) return null;
  if (/^\d[\d,]*(?:\.\d+)?$/.test(w)) return Number(w.replace(/,/g, ''));
  const spelled = spelledNumber(w);
  if (spelled !== undefined) return spelled;
  if (STOP.has(w) || w.length < 2) return null;
  return stem(w);
}

// Claims repeat their words: each piece is read once and remembered (bounded tables, emptied when
// full), by its lower-cased form and by the form written in the text.
const KEY_PARTS = new Map<string, number | string | null>();
const AS_WRITTEN = new Map<string, number | string | null>();
const MAX_KEY_PARTS = 50_000;

/**
 * Whether two claim keys state the same thing: the same numbers (when either has any) and
 * at least half of the shorter one's content words shared.
 *
 * @example sameClaim(claimKey('hit twelve times since 7 October'), claimKey('targeted 12 times since 7 October')) // true
 */
export function sameClaim(a: ClaimKey, b: ClaimKey): boolean {
  if (a.numbers.size > 0 || b.numbers.size > 0) {
    const shared = [...a.numbers].filter((n) => b.numbers.has(n)).length;
    if (shared === 0 || shared < Math.min(a.numbers.size, b.numbers.size)) return false;
  }
  const small = a.words.size <= b.words.size ? a.words : b.words;
  const large = small === a.words ? b.words : a.words;
  if (small.size < 3) return false;
  const shared = [...small].filter((w) => large.has(w)).length;
  return shared / small.size >= 0.5;
}
