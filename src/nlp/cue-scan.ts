import { matchOpenings, OPENING_LENGTH, opensAtWordBoundary } from './match-openings.js';

/**
 * Finds every match of many case-insensitive patterns in one text, each pattern's matches as
 * its own global scan would give them, but trying a pattern only where the text opens one of its
 * matches (`matchOpenings`): one pass over the text looks its three-character openings up in a
 * table of the patterns, instead of one regex pass over the whole text per pattern.
 *
 * @example new CueScanner([/\bdrones?\b/gi]).scan('Drones hit the drone base.', (p, s, e) => {}) // p 0, 0–6 then 15–20
 */
export class CueScanner {
  /** The patterns, sticky, to try at a position. */
  private readonly sticky: RegExp[];
  /** The patterns with no known openings, global, scanned over the whole text. */
  private readonly everywhere: (RegExp | null)[];
  /** Per opening key, a bit per pattern (`words` 32-bit words a key). */
  private readonly table: Uint32Array;
  /**
   * Per key of the first two characters, whether any opening starts with them: a small table
   * (the big one does not stay in the processor's cache) that rules most positions out first.
   */
  private readonly pairs: Uint8Array;
  private readonly words: number;
  /** Candidate positions per pattern, reused from text to text. */
  private readonly candidates: number[][];
  /**
   * A bit per pattern that opens with `\b` before a word character: it can only match where a
   * word starts (after a character that is no ASCII word character, without the `u` flag).
   */
  private readonly atWordStart: Uint32Array;
  /** Whether every pattern opens at a word boundary: then only word starts are looked up. */
  private readonly onlyWordStarts: boolean;

  constructor(patterns: readonly RegExp[]) {
    this.words = Math.ceil(patterns.length / 32);
    this.table = new Uint32Array(KEYS * this.words);
    this.pairs = new Uint8Array(1 << (2 * BITS));
    this.sticky = [];
    this.everywhere = [];
    this.candidates = [];
    this.atWordStart = new Uint32Array(this.words);
    let everyAtWordStart = true;
    patterns.forEach((re, p) => {
      if (!re.flags.includes('i') || re.flags.includes('u') || re.flags.includes('v'))
        throw new Error(`CueScanner: pattern ${re.source} must be case-insensitive without u or v`);
      const openings = matchOpenings(re.source);
      this.sticky.push(new RegExp(re.source, 'iy'));
      this.everywhere.push(openings ? null : new RegExp(re.source, 'gi'));
      this.candidates.push([]);
      if (!openings) {
        everyAtWordStart = false;
        return;
      }
      for (const o of openings) this.mark(o, p);
      if (opensAtWordBoundary(re.source) && [...openings].every((o) => WORD_CODE[codeAt(o, 0)] === 1))
        this.atWordStart[p >>> 5]! |= 1 << (p & 31);
      else everyAtWordStart = false;
    });
    this.onlyWordStarts = everyAtWordStart;
  }

  /** Sets the pattern's bit under every key that starts with the opening. */
  private mark(opening: string, p: number): void {
    const codes = [...opening].map((c) => CODE[c.charCodeAt(0)]!);
    const fill = (key: number, depth: number): void => {
      if (depth === OPENING_LENGTH) {
        this.table[key * this.words + (p >>> 5)]! |= 1 << (p & 31);
        this.pairs[key >>> BITS] = 1;
        return;
      }
      if (depth < codes.length) fill((key << BITS) | codes[depth]!, depth + 1);
      else for (let c = 0; c < 1 << BITS; c++) fill((key << BITS) | c, depth + 1);
    };
    fill(0, 0);
  }

  /**
   * Calls `found(pattern, start, end)` for every match: pattern by pattern in table order, each
   * pattern's matches in text order, as `text.matchAll` gives them (empty matches left out).
   */
  scan(text: string, found: (pattern: number, start: number, end: number) => void): void {
    this.collect(text);
    for (let p = 0; p < this.sticky.length; p++) {
      const global = this.everywhere[p];
      if (global) {
        global.lastIndex = 0;
        for (const m of text.matchAll(global)) if (m[0].length > 0) found(p, m.index, m.index + m[0].length);
        continue;
      }
      const list = this.candidates[p]!;
      if (list.length === 0) continue;
      const re = this.sticky[p]!;
      let next = 0;
      for (const at of list) {
        if (at < next) continue;
        re.lastIndex = at;
        const m = re.exec(text);
        if (!m) continue;
        const end = at + m[0].length;
        // A global scan goes on from the match's end (one further after an empty match).
        next = end > at ? end : at + 1;
        if (end > at) found(p, at, end);
      }
    }
  }

  /**
   * The first pattern, in table order, that matches somewhere in the text (as `re.test` tells,
   * empty matches left out), or -1.
   */
  firstMatching(text: string): number {
    this.collect(text);
    for (let p = 0; p < this.sticky.length; p++) {
      const global = this.everywhere[p];
      if (global) {
        global.lastIndex = 0;
        for (const m of text.matchAll(global)) if (m[0].length > 0) return p;
        continue;
      }
      const re = this.sticky[p]!;
      for (const at of this.candidates[p]!) {
        re.lastIndex = at;
        const m = re.exec(text);
        if (m && m[0].length > 0) return p;
      }
    }
    return -1;
  }

  /** Fills each pattern's candidate positions: where the text opens one of its matches. */
  private collect(text: string): void {
    const { table, pairs, words, candidates, atWordStart } = this;
    for (const list of candidates) list.length = 0;
    const n = text.length;
    if (this.onlyWordStarts) {
      // Inside a word no pattern can start: one test a character, the tables only at word starts.
      let afterWord = false;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        const c1 = c < 128 ? CODE[c]! : 0;
        const inWord = afterWord;
        afterWord = WORD_CODE[c1] === 1;
        if (inWord || c1 === 0) continue;
        const pair = (c1 << BITS) | (i + 1 < n ? codeAt(text, i + 1) : 0);
        if (pairs[pair] === 0) continue;
        const base = ((pair << BITS) | (i + 2 < n ? codeAt(text, i + 2) : 0)) * words;
        for (let w = 0; w < words; w++) {
          let bits = table[base + w]!;
          while (bits !== 0) {
            const low = bits & -bits;
            candidates[w * 32 + 31 - Math.clz32(low)]!.push(i);
            bits ^= low;
          }
        }
      }
      return;
    }
    let c2 = n > 0 ? codeAt(text, 0) : 0;
    let c3 = n > 1 ? codeAt(text, 1) : 0;
    let afterWord = false;
    for (let i = 0; i < n; i++) {
      const c1 = c2;
      c2 = c3;
      c3 = i + 2 < n ? codeAt(text, i + 2) : 0;
      const inWord = afterWord;
      afterWord = WORD_CODE[c1] === 1;
      const pair = (c1 << BITS) | c2;
      if (c1 === 0 || pairs[pair] === 0) continue;
      const base = ((pair << BITS) | c3) * words;
      for (let w = 0; w < words; w++) {
        let bits = table[base + w]!;
        // Inside a word, the patterns that open at a word boundary cannot start.
        if (inWord) bits &= ~atWordStart[w]!;
        while (bits !== 0) {
          const low = bits & -bits;
          candidates[w * 32 + 31 - Math.clz32(low)]!.push(i);
          bits ^= low;
        }
      }
    }
  }
}

// Character codes of the opening table: letters (either case) 1–26, space 27, hyphen 28, digits
// 29, underscore 31, other printable ASCII 30; 0 for everything else, which no opening's character can be (the
// patterns are read without `u`, so no other character folds onto an ASCII one).
const BITS = 5;
const KEYS = 1 << (OPENING_LENGTH * BITS);
const CODE = new Uint8Array(128);
for (let c = 0x20; c < 0x7f; c++) CODE[c] = 30;
for (let c = 0; c < 26; c++) {
  CODE[0x41 + c] = c + 1;
  CODE[0x61 + c] = c + 1;
}
CODE[0x20] = 27;
CODE[0x2d] = 28;
for (let c = 0x30; c <= 0x39; c++) CODE[c] = 29;
CODE[0x5f] = 31;
/** 1 for the codes of word characters (letters, digits, underscore). */
const WORD_CODE = new Uint8Array(1 << BITS);
for (let c = 1; c <= 26; c++) WORD_CODE[c] = 1;
WORD_CODE[29] = 1;
WORD_CODE[31] = 1;

function codeAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? CODE[c]! : 0;
}
