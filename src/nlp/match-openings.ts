/**
 * The openings of a case-insensitive regex (flags `i`, no `u`): the lower-cased first three
 * characters every match can start with, read from the pattern's source. A text position whose
 * next three characters are no opening cannot start a match, so a scan may try the pattern only
 * at the positions that open one (see `cue-scan.ts`).
 *
 * An opening shorter than three characters stands for "these characters, then anything": the
 * reader shortens an opening wherever it cannot spell out what follows (`\w`, `\s`, `.`, a
 * negated class, a repeat), and where the match may end. Zero-width parts (`\b`, look-arounds,
 * `^`, `$`) are read as nothing, which can only add openings. So the openings are a superset of
 * what matches start with; whatever the reader does not understand gives `null` (no openings
 * known: the pattern must be tried everywhere).
 */

import { type ClassItem, parseRegexSource, type RegexNode, writtenAsCode } from './regex-source.js';

/** The length of an opening. */
export const OPENING_LENGTH = 3;
// Beyond this many openings a pattern is tried everywhere: the table would say little.
const MAX_OPENINGS = 4096;
// "Anything may follow": marks an opening that cannot be extended.
const OPEN = '\u0000';

type Openings = Set<string>;

/**
 * The openings of a regex source (case-insensitive, no `u` flag), or null when not known.
 *
 * @example matchOpenings('\\b(?:air ?strikes?|drones?)\\b') // Set {'air', 'dro'}
 */
export function matchOpenings(source: string): ReadonlySet<string> | null {
  try {
    const all = openings(parseRegexSource(source));
    const out = new Set<string>();
    for (const s of all) {
      const opening = s.endsWith(OPEN) ? s.slice(0, -1) : s;
      // An opening that spells nothing means a match may start anywhere.
      if (opening.length === 0) return null;
      out.add(opening.slice(0, OPENING_LENGTH));
    }
    return out;
  } catch {
    return null;
  }
}

/** Joins what came so far with what a piece matches next; full or open strings stay as they are. */
function follow(before: Openings, next: Openings): Openings {
  const out: Openings = new Set();
  for (const a of before) {
    if (a.endsWith(OPEN) || a.length >= OPENING_LENGTH) {
      out.add(a);
      continue;
    }
    for (const b of next) {
      const joined = a + b;
      out.add(
        joined.endsWith(OPEN) || joined.length < OPENING_LENGTH ? joined : joined.slice(0, OPENING_LENGTH),
      );
    }
  }
  if (out.size > MAX_OPENINGS) throw new Error('too many openings');
  return out;
}

const NOTHING: Openings = new Set(['']);
const ANYTHING: Openings = new Set([OPEN]);

/** What a part of a pattern can start with; throws on what the reader does not read. */
function openings(node: RegexNode): Openings {
  switch (node.kind) {
    case 'alternation': {
      const out: Openings = new Set();
      for (const branch of node.branches) for (const s of openings(branch)) out.add(s);
      return out;
    }
    case 'sequence': {
      let sofar: Openings = NOTHING;
      for (const item of node.items) sofar = follow(sofar, openings(item));
      return sofar;
    }
    case 'char':
      // Controls and codes: not spelled out.
      return writtenAsCode(node) ? ANYTHING : new Set([literal(node.char)]);
    case 'dot':
    case 'set':
    case 'backreference':
      return ANYTHING;
    case 'class':
      return classOpenings(node.negated, node.items);
    case 'assertion':
      return NOTHING;
    case 'group':
      if (node.name !== null) throw new Error('named group');
      return openings(node.body);
    case 'lookaround':
      // A look-around matches no characters of its own.
      return NOTHING;
    case 'repeat': {
      const piece = openings(node.body);
      if (node.min === 1 && node.max === 1) return piece;
      if (node.min === 0 && node.max === 1) return new Set(['', ...piece]);
      // One or more repeats: the first, then anything (zero repeats adds the empty string).
      const repeated = follow(piece, ANYTHING);
      return node.min === 0 ? new Set(['', ...repeated]) : repeated;
    }
  }
}

/** The characters a class spells out; negated classes, ranges, class escapes and codes are not. */
function classOpenings(negated: boolean, items: readonly ClassItem[]): Openings {
  if (negated) return ANYTHING;
  const chars: Openings = new Set();
  for (const item of items) {
    if (item.kind !== 'char' || writtenAsCode(item)) return ANYTHING;
    chars.add(literal(item.char));
  }
  if (chars.size === 0) throw new Error('empty class');
  return chars;
}

/** A pattern character as the text's lower-cased character; only printable ASCII is read. */
function literal(c: string): string {
  const code = c.charCodeAt(0);
  if (c.length !== 1 || code < 0x20 || code > 0x7e) throw new Error('not printable ASCII');
  return c.toLowerCase();
}

/**
 * Whether every match of the source starts at a word boundary: the source opens with `\b` and
 * has no alternative outside a group that could do without it.
 *
 * @example opensAtWordBoundary('\\b(?:air|drone)\\b') // true
 */
export function opensAtWordBoundary(source: string): boolean {
  if (!source.startsWith('\\b')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}
