/**
 * Numbers written in words: "twelve", "twenty-one", "a hundred and two", "three million, two
 * hundred & forty", "two and a half", "one-half", "two thirds", "a dozen", "dozens".
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const MULTIPLIERS: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** Denominators of spoken fractions ("two thirds", "one sixth", "three quarters"). */
const DENOMINATORS: Readonly<Record<string, number>> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fourth: 4,
  fourths: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  seventh: 7,
  sevenths: 7,
  eighth: 8,
  eighths: 8,
  ninth: 9,
  ninths: 9,
  tenth: 10,
  tenths: 10,
};

/**
 * Vague plurals read as a lower bound: "dozens of" is at least two dozen. The value is the
 * smallest reading, so a tally built from it never overstates the text.
 */
const VAGUE_PLURALS: Readonly<Record<string, number>> = {
  dozens: 24,
  scores: 40,
  hundreds: 200,
  thousands: 2000,
  millions: 2e6,
  billions: 2e9,
};

/** A number read from words. */
export interface WordNumber {
  readonly value: number;
  /** Offset just past the last word used. */
  readonly end: number;
  /** "dozens", "hundreds of": a lower bound rather than a value. */
  readonly vague: boolean;
}

const WORD = /[A-Za-z]+/y;

interface Piece {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** Reads words (with their separators) from `pos`, for at most `max` words. */
function wordsFrom(text: string, pos: number, max: number): { piece: Piece; sep: string }[] {
  const out: { piece: Piece; sep: string }[] = [];
  let i = pos;
  let sep = '';
  while (out.length < max) {
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (!m) break;
    out.push({ piece: { word: m[0].toLowerCase(), start: i, end: i + m[0].length }, sep });
    const rest = /^(?:-|\s*[,&]?\s*)/.exec(text.slice(i + m[0].length, i + m[0].length + 6));
    sep = rest?.[0] ?? '';
    i = i + m[0].length + sep.length;
    if (sep === '') break;
  }
  return out;
}

/**
 * Whether `word` starts a spelled-out number (used to find candidates quickly).
 *
 * @example isNumberWordStart('Twelve') // true; isNumberWordStart('second') // false
 */
export function isNumberWordStart(word: string): boolean {
  return NUMBER_WORD_STARTS.has(word.toLowerCase());
}

/** Every name `in` finds on an object: its own and its prototypes' ("constructor" too). */
function namesIn(table: object): string[] {
  const out: string[] = [];
  for (let o: object | null = table; o; o = Object.getPrototypeOf(o))
    out.push(...Object.getOwnPropertyNames(o));
  return out;
}

// The words `w in UNITS` (and the others) used to accept, as one set: a set look-up hashes the
// word, where `in` first interned every new word of the text.
/** Every word `isNumberWordStart` accepts, in lower case (and a few names objects carry, such as "constructor"). */
export const NUMBER_WORD_STARTS: ReadonlySet<string> = new Set([
  ...namesIn(UNITS),
  ...namesIn(TENS),
  ...namesIn(VAGUE_PLURALS),
  'a',
  'an',
  'half',
  'dozen',
  'tens',
  'several',
]);

/**
 * Whether the first two words are "a"/"an" and a word that makes no number of it, so that
 * `parseNumberWords` would answer null (the test it makes below, on the same two words).
 */
function notANumberAfterArticle(ws: readonly { piece: Piece; sep: string }[]): boolean {
  const first = ws[0]?.piece.word;
  if (first !== 'a' && first !== 'an') return false;
  const next = ws[1]?.piece.word ?? '';
  // "a few thousand" reads a third word.
  if (first === 'a' && next === 'few') return false;
  if (ws[1]?.sep !== ' ') return true;
  return !(
    next in MULTIPLIERS ||
    next === 'dozen' ||
    next === 'half' ||
    next === 'quarter' ||
    next === 'third'
  );
}

/**
 * Parses a spelled-out number starting at `pos` (which must be the start of a word).
 *
 * @example parseNumberWords('a hundred and two of those', 0) // { value: 102, end: 17, vague: false }
 */
export function parseNumberWords(text: string, pos: number): WordNumber | null {
  // "a" and "an" (most of the words read here) mostly open no number: two words tell.
  if (notANumberAfterArticle(wordsFrom(text, pos, 2))) return null;
  const ws = wordsFrom(text, pos, 14);
  if (ws.length === 0) return null;
  const first = ws[0]?.piece.word ?? '';

  // "dozens of", "hundreds of", "tens of thousands of"
  if (first in VAGUE_PLURALS) {
    const p0 = ws[0]?.piece;
    if (!p0 || !/^\s+of\b/i.test(text.slice(p0.end, p0.end + 4))) return null;
    // "hundreds of millions": at least two hundred million
    const scale = /^\s+of\s+(thousands|millions|billions)\b/i.exec(text.slice(p0.end, p0.end + 20));
    if (scale?.[1] && first !== scale[1].toLowerCase()) {
      const f = MULTIPLIERS[scale[1].toLowerCase().slice(0, -1)] ?? 1;
      return { value: (VAGUE_PLURALS[first] ?? 0) * f, end: p0.end + scale[0].length, vague: true };
    }
    return { value: VAGUE_PLURALS[first] ?? 0, end: p0.end, vague: true };
  }
  // "several hundred", "a few thousand": at least two of the scale
  const fewAt = first === 'several' ? 1 : first === 'a' && ws[1]?.piece.word === 'few' ? 2 : 0;
  const fewScale = ws[fewAt]?.piece.word ?? '';
  if (fewAt > 0 && (fewScale in MULTIPLIERS || fewScale === 'dozen')) {
    const p = ws[fewAt]?.piece;
    if (p)
      return {
        value: 2 * (fewScale === 'dozen' ? 12 : (MULTIPLIERS[fewScale] ?? 1)),
        end: p.end,
        vague: true,
      };
  }
  if (first === 'tens' && ws[1]?.piece.word === 'of' && ws[2]?.piece.word === 'thousands') {
    const p2 = ws[2].piece;
    return { value: 20000, end: p2.end, vague: true };
  }

  let total = 0; // completed groups (thousands, millions, …)
  let group = 0; // the group being built (< 1000)
  let seen = false;
  let end = pos;
  let lastKind: 'unit' | 'tens' | 'hundred' | 'scale' | null = null;
  let i = 0;

  if (first === 'half') {
    // "half a dozen", "half a million"
    const sc = ws[2]?.piece.word ?? '';
    if (ws[1]?.piece.word === 'a' && (sc in MULTIPLIERS || sc === 'dozen')) {
      const p2 = ws[2]?.piece;
      if (p2)
        return { value: 0.5 * (sc === 'dozen' ? 12 : (MULTIPLIERS[sc] ?? 1)), end: p2.end, vague: false };
    }
    const p0 = ws[0]?.piece;
    return p0 ? { value: 0.5, end: p0.end, vague: false } : null;
  }

  // "a" / "an" only as "a hundred", "a dozen", "a half", "a third", "a thousand"
  if (first === 'a' || first === 'an') {
    const next = ws[1]?.piece.word ?? '';
    if (ws[1]?.sep !== ' ') return null;
    if (
      !(next in MULTIPLIERS || next === 'dozen' || next === 'half' || next === 'quarter' || next === 'third')
    )
      return null;
    if (next === 'half' || next === 'quarter' || next === 'third') {
      const p1 = ws[1]?.piece;
      if (!p1) return null;
      return { value: 1 / (DENOMINATORS[next] ?? 1), end: p1.end, vague: false };
    }
    group = 1;
    seen = true;
    lastKind = 'unit';
    end = ws[0]?.piece.end ?? pos;
    i = 1;
  }

  for (; i < ws.length; i++) {
    const cur = ws[i];
    if (!cur) break;
    const word = cur.piece.word;
    const sep = i === 0 ? ' ' : cur.sep;
    const mark = sep.trim();
    if (sep.includes('\n')) break;
    // inside a number: a space, a hyphen (twenty-one), "," after a scale word, "&" as "and"
    if (mark === ',' && lastKind !== 'scale') break;
    if (mark === '&' && !(lastKind === 'hundred' || lastKind === 'scale')) break;
    if (mark !== '' && mark !== ',' && mark !== '&' && mark !== '-') break;
    if (word === 'and') {
      // "a hundred and two", "two and a half"; never "three and five" (a list)
      const nxt = ws[i + 1]?.piece.word ?? '';
      const nxt2 = ws[i + 2]?.piece.word ?? '';
      if ((nxt === 'a' || nxt === 'one') && (nxt2 === 'half' || nxt2 === 'quarter')) {
        const p = ws[i + 2]?.piece;
        if (!p) break;
        group += nxt2 === 'half' ? 0.5 : 0.25;
        end = p.end;
        i += 2;
        lastKind = 'unit';
        break;
      }
      if ((lastKind === 'hundred' || lastKind === 'scale') && (nxt in UNITS || nxt in TENS)) continue;
      break;
    }
    if (word in UNITS) {
      if (lastKind === 'unit' || (lastKind === 'tens' && (UNITS[word] ?? 0) >= 10)) break;
      if (lastKind === 'tens' && sep !== '-' && sep !== ' ') break;
      group += UNITS[word] ?? 0;
      lastKind = 'unit';
    } else if (word in TENS) {
      if (lastKind === 'unit' || lastKind === 'tens') break;
      group += TENS[word] ?? 0;
      lastKind = 'tens';
    } else if (word === 'hundred') {
      if (!seen) break;
      group = (group || 1) * 100;
      lastKind = 'hundred';
    } else if (word in MULTIPLIERS) {
      if (!seen) break;
      total += (group || 1) * (MULTIPLIERS[word] ?? 1);
      group = 0;
      lastKind = 'scale';
    } else if (word === 'dozen') {
      if (!seen) break;
      group = (group || 1) * 12;
      lastKind = 'scale';
    } else if (word in DENOMINATORS && seen && (lastKind === 'unit' || lastKind === 'tens')) {
      // "two thirds", "one-half", "three quarters"; the numerator is the group so far
      const d = DENOMINATORS[word] ?? 1;
      if (word === 'half' && group !== 1) break;
      group = group / d;
      end = cur.piece.end;
      seen = true;
      lastKind = 'scale';
      // "three quarters billion"
      const nxt = ws[i + 1];
      if (nxt && nxt.sep === ' ' && nxt.piece.word in MULTIPLIERS && nxt.piece.word !== 'hundred') {
        group *= MULTIPLIERS[nxt.piece.word] ?? 1;
        end = nxt.piece.end;
      }
      break;
    } else {
      break;
    }
    seen = true;
    end = cur.piece.end;
  }
  if (!seen) return null;
  // "twenty-first", "thirty-second": an ordinal, not a number
  if (/^-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b/i.test(text.slice(end, end + 9)))
    return null;
  return { value: total + group, end, vague: false };
}
