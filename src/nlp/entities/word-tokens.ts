/** A word of the text with its offsets; punctuation is not a word. */
export interface WordToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower-cased text. */
  readonly lower: string;
  /** First letter upper case ("Erbil", "al-Shuhada" counts through its second part). */
  readonly cap: boolean;
  /** Starts a sentence or a line (its capital says nothing). */
  readonly initial: boolean;
}

// Abbreviations whose final period belongs to the word.
const DOTTED =
  /^(?:[A-Z]\.|(?:[A-Za-z]\.){2,}|Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.|Gen\.|Lt\.|Col\.|Maj\.|Capt\.|Cmdr\.|Adm\.|Sgt\.|Cpl\.|Pvt\.|Spc\.|Brig\.|Sen\.|Rep\.|Gov\.|St\.|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sep\.|Sept\.|Oct\.|Nov\.|Dec\.|No\.|Inc\.|Jr\.|Sr\.|Ltd\.|Co\.|a\.m\.|p\.m\.)$/;

/** Marks stripped from the end of a word (unless an abbreviation's period). */
const TRAILING_MARKS: ReadonlySet<string> = new Set(['.', '-', '’', "'", '&']);

/**
 * Splits text into words with offsets, marking capitalised and sentence-initial ones.
 * Own tokenizer so the stage works whether or not the token stage ran.
 *
 * @example wordTokens('Gen. Smith arrived.').map((t) => t.text) // ['Gen.', 'Smith', 'arrived']
 */
export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  const re = /[\p{L}\p{N}$][\p{L}\p{N}\p{M}’'.\-&]*/gu;
  let m: RegExpExecArray | null = re.exec(text);
  while (m !== null) {
    let word = m[0];
    // Strip trailing punctuation unless it is an abbreviation's period.
    if (isTrailingMark(word.charCodeAt(word.length - 1)))
      while (TRAILING_MARKS.has(word[word.length - 1]!) && !(word.endsWith('.') && DOTTED.test(word)))
        word = word.slice(0, -1);
    if (word.charCodeAt(word.length - 1) === 115 && (word.endsWith("'s") || word.endsWith('’s')))
      word = word.slice(0, -2);
    if (word.length > 0) {
      const start = m.index;
      const prev = out[out.length - 1];
      out.push({
        start,
        end: start + word.length,
        text: word,
        lower: word.toLowerCase(),
        cap: isCapitalised(word),
        initial: prev === undefined || startsSentence(text, prev.end, start),
      });
    }
    m = re.exec(text);
  }
  return out;
}

/** Whether a character code is one of `TRAILING_MARKS`: . - ’ ' & */
function isTrailingMark(code: number): boolean {
  return code === 46 || code === 45 || code === 8217 || code === 39 || code === 38;
}

/**
 * A sentence starts after end punctuation left outside the previous word (an abbreviation keeps
 * its period, so "Lt. Gen." does not start one) or after a line break: `gap` is the text between
 * the previous word's end and this word's start.
 */
function startsSentence(text: string, gapStart: number, gapEnd: number): boolean {
  // One character between two words (nearly always a space): a sentence starts only at a line break.
  if (gapEnd - gapStart === 1) return text.charCodeAt(gapStart) === 10;
  const gap = text.slice(gapStart, gapEnd);
  return gap.includes('\n') || (gap.length > 1 && /^[.!?:]["”’)]*\s+["“‘(]*$/.test(gap));
}

/** First letter upper case, "al-Shuhada" through its second part, or an ordinal ("3rd"). */
function isCapitalised(word: string): boolean {
  const first = word.charCodeAt(0);
  // ASCII first letters decide without the Unicode pattern, but for "al-", "el-", … prefixes.
  if (first >= 65 && first <= 90) return true;
  if (first >= 97 && first <= 122 && first !== 97 && first !== 101) return false;
  return /^(?:\p{Lu}|(?:al|el|ad|as|ash|ar|an|at|az)-\p{Lu}|\p{N}+(?:st|nd|rd|th)$)/u.test(word);
}
