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
  // Letters, digits, ".", "," and "-" make the pieces; when every other character separates them
  // and lower-cases to itself, each piece is read as it stands, remembered as written and found
  // again by a hash of its characters, without cutting it out of the text.
  let from = -1;
  let hash = FNV_OFFSET;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if (code < 128 ? PIECE_CHAR[code] === 1 : !plainSeparator(text, i)) {
      if (code >= 128) return generalKey(text);
      if (from < 0) {
        from = i;
        hash = FNV_OFFSET;
      }
      hash = Math.imul(hash ^ code, FNV_PRIME);
      continue;
    }
    if (from < 0) continue;
    const part = writtenPart(text, from, i, hash);
    from = -1;
    if (typeof part === 'number') numbers.add(part);
    else if (part !== null) words.add(part);
  }
  return { words, numbers };
}

/** The key of a text with letters or numbers beyond ASCII: the lower-cased text split by the pattern. */
function generalKey(text: string): ClaimKey {
  const words = new Set<string>();
  const numbers = new Set<number>();
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}.,-]+/u)) {
    const part = partOf(raw);
    if (typeof part === 'number') numbers.add(part);
    else if (part !== null) words.add(part);
  }
  return { words, numbers };
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

// Pieces as written, by a hash of their characters: open addressing over a fixed table, a piece
// found by comparing its characters in place. A full run of slots is overwritten, so the table
// stays its size.
const SLOTS = 1 << 14;
const PROBES = 8;
const slotPiece: (string | undefined)[] = new Array(SLOTS);
const slotPart: (number | string | null)[] = new Array(SLOTS).fill(null);

/** What the piece `text[from, to)` (hashed as `hash`) adds to a key, remembered as written. */
function writtenPart(text: string, from: number, to: number, hash: number): number | string | null {
  const length = to - from;
  const home = (hash ^ length) & (SLOTS - 1);
  let free = -1;
  for (let p = 0; p < PROBES; p++) {
    const slot = (home + p) & (SLOTS - 1);
    const piece = slotPiece[slot];
    if (piece === undefined) {
      if (free < 0) free = slot;
      break;
    }
    if (piece.length === length && text.startsWith(piece, from)) return slotPart[slot]!;
  }
  const raw = text.slice(from, to);
  const part = partOf(raw.toLowerCase());
  const slot = free >= 0 ? free : home;
  slotPiece[slot] = raw;
  slotPart[slot] = part;
  return part;
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
 * Whether the character at `i` (beyond ASCII) separates pieces in the text as in its lower-cased
 * form: not a letter or a number, not a surrogate, and its own lower case (quotation marks,
 * dashes, spaces). A letter or a number beyond ASCII sends the text the general way.
 */
function plainSeparator(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  let plain = PLAIN_SEPARATOR.get(code);
  if (plain === undefined) {
    const ch = text[i]!;
    plain = !(code >= 0xd800 && code <= 0xdfff) && !/[\p{L}\p{N}]/u.test(ch) && ch.toLowerCase() === ch;
    PLAIN_SEPARATOR.set(code, plain);
  }
  return plain;
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

// Claims repeat their words: each lower-cased piece is read once and remembered (a bounded table,
// emptied when full).
const KEY_PARTS = new Map<string, number | string | null>();
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
