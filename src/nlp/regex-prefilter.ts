/**
 * A cheap, exact pre-test for scanning a text with a regular expression: the literal words
 * every match must contain ("christmas" for the Christmas pattern, one of the month names for
 * a month pattern). When a text lacks them the regex cannot match, and the scan — which costs
 * a step per character, however rare the words — is skipped.
 *
 * The needles come from reading the regex source itself, so they cannot drift from the
 * pattern; whatever the reader does not understand gives no needle, and the regex runs.
 */

import { type ClassItem, parseRegexSource, type RegexNode } from './regex-source.js';

/** A requirement: a match contains at least one of these strings (in lower case). */
type AnyOf = readonly string[];

/** What a piece of a pattern tells: the strings it matches when they are few, and what every match contains. */
interface Piece {
  /** Every string the piece can match (lower case), or null when there are many or they are unknown. */
  readonly strings: readonly string[] | null;
  /** Every match contains one string of each list. */
  readonly requires: readonly AnyOf[];
}

const MAX_STRINGS = 64;
const NOTHING: Piece = { strings: [''], requires: [] };
const ANYTHING: Piece = { strings: null, requires: [] };

/**
 * The needles of a regex source: lists of lower-case strings such that every match contains at
 * least one string of each list. Empty when nothing is known (the regex must then always run).
 * Sources for the `v` flag are not read.
 *
 * @example requiredLiterals('(?<![\\w-])christmas(?:\\s+day)?', 'gi') // [['christmas']]
 */
export function requiredLiterals(source: string, flags = ''): readonly AnyOf[] {
  if (flags.includes('v')) return [];
  try {
    return selective(allRequirements(pieceOf(parseRegexSource(source, flags.includes('u')))));
  } catch {
    return [];
  }
}

function allRequirements(piece: Piece): AnyOf[] {
  const out = [...piece.requires];
  if (piece.strings && !piece.strings.includes('')) out.push(piece.strings);
  return out.map(minimal).filter((r) => r.length > 0);
}

/** The requirements worth testing, most telling first: long, few needles. */
function selective(requirements: AnyOf[]): AnyOf[] {
  const seen = new Set<string>();
  const out: AnyOf[] = [];
  for (const r of [...requirements].sort((a, b) => worth(b) - worth(a))) {
    const key = [...r].sort().join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out.slice(0, 4);
}

function worth(r: AnyOf): number {
  return Math.min(...r.map((s) => s.length)) * 10 - r.length;
}

/** Drops strings that contain another string of the list: the shorter one is present whenever they are. */
function minimal(list: AnyOf): AnyOf {
  const unique = [...new Set(list)];
  return unique.filter((s) => !unique.some((t) => t !== s && s.includes(t)));
}

/** A character that lower-cases to itself one for one, as the regex's case folding does for ASCII. */
function plainChar(c: string): string | null {
  const code = c.charCodeAt(0);
  if (code < 128) return c.toLowerCase();
  return c.toLowerCase() === c && c.toUpperCase() === c ? c : null;
}

function product(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_STRINGS) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return [...new Set(out)];
}

/** What a part of a pattern tells; throws on what the reader does not read. */
function pieceOf(node: RegexNode): Piece {
  switch (node.kind) {
    case 'alternation':
      return alternation(node.branches.map(pieceOf));
    case 'sequence':
      return sequence(node.items);
    case 'char':
      return charPiece(node.char);
    case 'dot':
    case 'set':
    case 'backreference':
      return ANYTHING;
    case 'class':
      return classPiece(node.negated, node.items);
    case 'assertion':
    case 'lookaround':
      // A look-around matches no characters of its own.
      return NOTHING;
    case 'group':
      return pieceOf(node.body);
    case 'repeat': {
      const piece = pieceOf(node.body);
      if (node.min === 0) {
        if (node.max === 1 && piece.strings)
          return { strings: [...new Set(['', ...piece.strings])], requires: [] };
        return node.max === 0 ? NOTHING : ANYTHING;
      }
      const requires = allRequirements(piece);
      return { strings: node.min === 1 && node.max === 1 ? piece.strings : null, requires };
    }
  }
}

function alternation(branches: readonly Piece[]): Piece {
  let strings: string[] | null = [];
  for (const b of branches) {
    if (!strings || !b.strings) strings = null;
    else strings = [...new Set([...strings, ...b.strings])];
    if (strings && strings.length > MAX_STRINGS) strings = null;
  }
  // Each branch brings its most telling requirement; the union holds for the alternation.
  const union: string[] = [];
  for (const b of branches) {
    const best = selective(allRequirements(b))[0];
    if (!best) return { strings, requires: [] };
    union.push(...best);
  }
  return { strings, requires: [minimal(union)] };
}

function sequence(items: readonly RegexNode[]): Piece {
  const requires: AnyOf[] = [];
  let whole: string[] | null = [''];
  let run: string[] = [''];
  const flush = () => {
    if (!run.includes('')) requires.push(run);
    run = [''];
  };
  for (const node of items) {
    const item = pieceOf(node);
    requires.push(...item.requires);
    if (item.strings) {
      const joined = product(run, item.strings);
      if (joined) run = joined;
      else {
        flush();
        run = [...item.strings];
      }
      whole = whole ? product(whole, item.strings) : null;
    } else {
      flush();
      whole = null;
    }
  }
  flush();
  return { strings: whole, requires };
}

function charPiece(c: string): Piece {
  // A character beyond 16 bits (one atom with the u flag): we do not split it.
  if (c.length > 1) throw new Error('character beyond 16 bits');
  const p = plainChar(c);
  return p === null ? ANYTHING : { strings: [p], requires: [] };
}

/** A class's characters when they are few and known: ranges are spelled out when short. */
function classPiece(negated: boolean, items: readonly ClassItem[]): Piece {
  if (negated) return ANYTHING;
  const chars: string[] = [];
  for (const item of items) {
    // Class escapes and characters beyond 16 bits: we do not spell them out.
    if (item.kind === 'set') return ANYTHING;
    if (item.kind === 'char') {
      if (item.char.length > 1) return ANYTHING;
      chars.push(item.char);
      continue;
    }
    if (item.from.char.length > 1 || item.to.char.length > 1) return ANYTHING;
    const a = item.from.char.charCodeAt(0);
    const b = item.to.char.charCodeAt(0);
    if (b - a > 16) return ANYTHING;
    for (let k = a; k <= b; k++) chars.push(String.fromCharCode(k));
  }
  if (chars.length === 0) return ANYTHING;
  const lowered: string[] = [];
  for (const ch of chars) {
    const p = plainChar(ch);
    if (p === null) return ANYTHING;
    lowered.push(p);
  }
  const strings = [...new Set(lowered)];
  return strings.length > 16 ? ANYTHING : { strings, requires: [] };
}

// Needles by flags and source, as read so far or read ahead: reading them costs the CLI's one
// short report more than its scans (~70 ms CPU for ~170 patterns, cold), so `npm run build` keeps
// the table the reader made of its examples beside the CLI's bundle (scripts/bundle-cli.mjs).
const needlesByKey = new Map<string, readonly AnyOf[]>();

function readNeedles(source: string, flags: string): readonly AnyOf[] {
  const key = `${flags}/${source}`;
  let needles = needlesByKey.get(key);
  if (!needles) {
    needles = requiredLiterals(source, flags);
    needlesByKey.set(key, needles);
  }
  return needles;
}

/**
 * The needles read so far, by `flags/source`, for {@link seedNeedles} in a later process.
 *
 * @example mayMatch('…', /christmas/gi); needleTable()['gi/christmas'] // [['christmas']]
 */
export function needleTable(): Record<string, readonly AnyOf[]> {
  return Object.fromEntries(needlesByKey);
}

/**
 * Takes needles from {@link needleTable} of the same code instead of reading their patterns
 * again (patterns not in the table are read when met).
 *
 * @example seedNeedles(JSON.parse(readFileSync('dist/cli/regex-needles.json', 'utf8')))
 */
export function seedNeedles(table: Readonly<Record<string, readonly AnyOf[]>>): void {
  for (const [key, needles] of Object.entries(table))
    if (!needlesByKey.has(key)) needlesByKey.set(key, needles);
}

const needlesOfRegExp = new WeakMap<RegExp, readonly AnyOf[]>();
const needlesOfSource = new Map<string, Map<string, readonly AnyOf[]>>();
/** The needles of a pattern, read once per regex object or per flags and source. */
function needlesOf(pattern: RegExp | string, flags: string): readonly AnyOf[] {
  if (typeof pattern !== 'string') {
    let needles = needlesOfRegExp.get(pattern);
    if (!needles) {
      needles = readNeedles(pattern.source, pattern.flags);
      needlesOfRegExp.set(pattern, needles);
    }
    return needles;
  }
  let bySource = needlesOfSource.get(flags);
  if (!bySource) {
    bySource = new Map();
    needlesOfSource.set(flags, bySource);
  }
  let needles = bySource.get(pattern);
  if (!needles) {
    needles = readNeedles(pattern, flags);
    bySource.set(pattern, needles);
  }
  return needles;
}

/**
 * Whether a regex (any flags but `v`) may match in `text`: false only when the text lacks
 * every needle of one of its requirements, in which case the regex certainly does not match.
 * Needles are read once per regex (or source and flags); the text last asked about is
 * indexed once.
 *
 * @example mayMatch('Shelling eased over Easter.', /christmas(?:\s+day)?/gi) // false
 */
export function mayMatch(text: string, pattern: RegExp | string, flags = ''): boolean {
  const requirements = needlesOf(pattern, flags);
  if (requirements.length === 0) return true;
  if (text !== indexedText) indexText(text);
  for (const anyOf of requirements) {
    let present = false;
    for (const needle of anyOf) {
      if (mayContain(needle)) {
        present = true;
        break;
      }
    }
    if (!present) return false;
  }
  return true;
}

// The text last asked about, as a table of the characters, pairs and triples of its lower-cased
// form (hashed; a stamp per text spares clearing the tables). A needle is possibly present when
// all its triples are: a collision can only make a regex run, never skip one that would match.
const SLOTS = 1 << 16;
const singles = new Uint32Array(SLOTS);
const pairs = new Uint32Array(SLOTS);
const triples = new Uint32Array(SLOTS);
let stamp = 0;
let indexedText: string | null = null;
let indexedLower = '';
let confirmed = new Map<string, boolean>();

function indexText(text: string): void {
  indexedText = text;
  // A stamp is a 32-bit slot value: before it would wrap, the tables start afresh.
  if (stamp === 0xffffffff) {
    singles.fill(0);
    pairs.fill(0);
    triples.fill(0);
    stamp = 0;
  }
  stamp++;
  // With the u flag, "ſ" folds to "s" (and "K", the Kelvin sign, to "k", as toLowerCase does).
  const lower = text.toLowerCase().replaceAll('ſ', 's');
  indexedLower = lower;
  confirmed = new Map();
  let a = -1;
  let b = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    singles[c] = stamp;
    if (b >= 0) pairs[pairSlot(b, c)] = stamp;
    if (a >= 0) triples[tripleSlot(a, b, c)] = stamp;
    a = b;
    b = c;
  }
}

function pairSlot(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ b) & (SLOTS - 1);
}

function tripleSlot(a: number, b: number, c: number): number {
  return (Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) ^ c) & (SLOTS - 1);
}

/** Whether the indexed text contains the needle: the tables rule most needles out, a search settles the rest. */
function mayContain(needle: string): boolean {
  const n = needle.length;
  if (n === 1) return singles[needle.charCodeAt(0)] === stamp;
  if (n === 2) return pairs[pairSlot(needle.charCodeAt(0), needle.charCodeAt(1))] === stamp;
  for (let i = 0; i + 2 < n; i++) {
    if (
      triples[tripleSlot(needle.charCodeAt(i), needle.charCodeAt(i + 1), needle.charCodeAt(i + 2))] !== stamp
    )
      return false;
  }
  if (n === 3) return true;
  let found = confirmed.get(needle);
  if (found === undefined) {
    found = indexedLower.includes(needle);
    confirmed.set(needle, found);
  }
  return found;
}
