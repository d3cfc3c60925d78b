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
    const reader = new OpeningReader(source);
    const all = reader.alternation();
    if (reader.pos !== source.length) return null;
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

/** Reads a regex source (no `u` flag); throws on what it does not know. */
class OpeningReader {
  pos = 0;
  constructor(private readonly src: string) {}

  alternation(): Openings {
    const out: Openings = new Set(this.sequence());
    while (this.src[this.pos] === '|') {
      this.pos++;
      for (const s of this.sequence()) out.add(s);
    }
    return out;
  }

  sequence(): Openings {
    let sofar: Openings = NOTHING;
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')')
      sofar = follow(sofar, this.quantified(this.atom()));
    return sofar;
  }

  atom(): Openings {
    const c = this.src[this.pos]!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.pos++;
    if (c === '.') return ANYTHING;
    if (c === '^' || c === '$') return NOTHING;
    if ('*+?{}'.includes(c)) throw new Error('quantifier without an atom');
    return new Set([literal(c)]);
  }

  group(): Openings {
    const rest = this.src.slice(this.pos, this.pos + 4);
    let look = false;
    if (rest.startsWith('(?:')) this.pos += 3;
    else if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      this.pos += 3;
      look = true;
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      this.pos += 4;
      look = true;
    } else if (rest.startsWith('(?')) throw new Error('unknown group');
    else this.pos += 1;
    const inner = this.alternation();
    if (this.src[this.pos] !== ')') throw new Error('unclosed group');
    this.pos++;
    // A look-around matches no characters of its own.
    return look ? NOTHING : inner;
  }

  charClass(): Openings {
    this.pos++;
    if (this.src[this.pos] === '^') {
      this.skipClass();
      return ANYTHING;
    }
    const chars = new Set<string>();
    while (this.pos < this.src.length && this.src[this.pos] !== ']') {
      let c = this.src[this.pos]!;
      if (c === '\\') {
        const e = this.src[this.pos + 1];
        if (e === undefined || /[a-zA-Z0-9]/.test(e)) {
          // Classes and codes: not spelled out.
          this.skipClass();
          return ANYTHING;
        }
        c = e;
        this.pos += 2;
      } else this.pos++;
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']') {
        // Ranges are not spelled out.
        this.skipClass();
        return ANYTHING;
      }
      chars.add(literal(c));
    }
    if (this.src[this.pos] !== ']') throw new Error('unclosed class');
    this.pos++;
    if (chars.size === 0) throw new Error('empty class');
    return chars;
  }

  /** Moves past the end of the class being read. */
  skipClass(): void {
    while (this.pos < this.src.length && this.src[this.pos] !== ']')
      this.pos += this.src[this.pos] === '\\' ? 2 : 1;
    if (this.src[this.pos] !== ']') throw new Error('unclosed class');
    this.pos++;
  }

  escape(): Openings {
    const e = this.src[this.pos + 1];
    if (e === undefined) throw new Error('dangling escape');
    this.pos += 2;
    if (e === 'b' || e === 'B') return NOTHING;
    // Classes, controls, codes and back-references: not spelled out.
    if (/[a-zA-Z0-9]/.test(e)) return ANYTHING;
    return new Set([literal(e)]);
  }

  quantified(piece: Openings): Openings {
    const c = this.src[this.pos];
    let min: number;
    let max: number;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === '+') [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) throw new Error('brace that is no quantifier');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      this.pos += m[0].length - 1;
    } else return piece;
    this.pos++;
    if (this.src[this.pos] === '?') this.pos++;
    if (min === 1 && max === 1) return piece;
    if (min === 0 && max === 1) return new Set(['', ...piece]);
    // One or more repeats: the first, then anything (zero repeats adds the empty string).
    const repeated = follow(piece, ANYTHING);
    return min === 0 ? new Set(['', ...repeated]) : repeated;
  }
}

/** A pattern character as the text's lower-cased character; only printable ASCII is read. */
function literal(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20 || code > 0x7e) throw new Error('not printable ASCII');
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
