import { objectList } from '../../stage.js';
import { codePointAt, isLetterNumberOrMark, isLetterOrNumber } from './char-classes.js';

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

/**
 * Splits text into words with offsets, marking capitalised and sentence-initial ones.
 * Own tokenizer so the stage works whether or not the token stage ran.
 *
 * @example wordTokens('Gen. Smith arrived.').map((t) => t.text) // ['Gen.', 'Smith', 'arrived']
 */
export function wordTokens(text: string): WordToken[] {
  const out = objectList<WordToken>();
  const length = text.length;
  let at = 0;
  while (at < length) {
    // A word opens with a letter, a number or "$" …
    const open = codePointAt(text, at);
    const openWidth = open > 0xffff ? 2 : 1;
    if (open !== 36 && !isLetterOrNumber(open)) {
      at += openWidth;
      continue;
    }
    // … and runs on through letters, numbers, marks and ’ ' . - &.
    const start = at;
    let end = at + openWidth;
    // Whether the word is already lower case as read: no capital A-Z and nothing outside ASCII.
    let lowerAsRead = open < 0x80 && !(open >= 65 && open <= 90);
    // Read within the text: a read past its end deoptimises the loop.
    while (end < length) {
      const c = text.charCodeAt(end);
      if (c < 0x80) {
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 39 || c === 38) {
          end++;
          continue;
        }
        if (c >= 65 && c <= 90) {
          lowerAsRead = false;
          end++;
          continue;
        }
        break;
      }
      lowerAsRead = false;
      if (c === 8217) {
        end++;
        continue;
      }
      const code = codePointAt(text, end);
      if (!isLetterNumberOrMark(code)) break;
      end += code > 0xffff ? 2 : 1;
    }
    at = end;
    // Strip trailing punctuation unless it is an abbreviation's period.
    if (isTrailingMark(text.charCodeAt(end - 1)))
      while (
        end > start &&
        isTrailingMark(text.charCodeAt(end - 1)) &&
        !(text.charCodeAt(end - 1) === 46 && DOTTED.test(text.slice(start, end)))
      )
        end--;
    if (end - start >= 2 && text.charCodeAt(end - 1) === 115) {
      const quote = text.charCodeAt(end - 2);
      if (quote === 39 || quote === 8217) end -= 2;
    }
    if (end > start) {
      const word = text.slice(start, end);
      const prev = out[out.length - 1];
      out.push({
        start,
        end,
        text: word,
        lower: lowerAsRead ? word : word.toLowerCase(),
        cap: isCapitalised(word),
        initial: prev === undefined || startsSentence(text, prev.end, start),
      });
    }
  }
  return out;
}

/** Whether a character code is a mark stripped from the end of a word: . - ’ ' & */
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
  // A gap that does not open with end punctuation (", ", " — ") starts one only at a line break.
  const first = text.charCodeAt(gapStart);
  if (first !== 46 && first !== 33 && first !== 63 && first !== 58) {
    for (let at = gapStart; at < gapEnd; at++) if (text.charCodeAt(at) === 10) return true;
    return false;
  }
  const gap = text.slice(gapStart, gapEnd);
  return gap.includes('\n') || (gap.length > 1 && /^[.!?:]["”’)]*\s+["“‘(]*$/.test(gap));
}

/** Whether the word has a hyphen at `at` (false past its end). */
function hyphenAt(word: string, at: number): boolean {
  return at < word.length && word.charCodeAt(at) === 45;
}

const CAPITALISED = /^(?:\p{Lu}|(?:al|el|ad|as|ash|ar|an|at|az)-\p{Lu}|\p{N}+(?:st|nd|rd|th)$)/u;

/** First letter upper case, "al-Shuhada" through its second part, or an ordinal ("3rd"). */
function isCapitalised(word: string): boolean {
  const first = word.charCodeAt(0);
  // ASCII first letters decide without the Unicode pattern, but for "al-", "el-", … prefixes.
  if (first >= 65 && first <= 90) return true;
  if (first >= 97 && first <= 122) {
    if (first !== 97 && first !== 101) return false;
    // The prefixes are two or three letters and a hyphen (read within the word: a read past
    // its end deoptimises the caller).
    if (!hyphenAt(word, 2) && !hyphenAt(word, 3)) return false;
  } else if (first >= 48 && first <= 57) {
    // Only an ordinal: digits and st/nd/rd/th.
    const last = word.charCodeAt(word.length - 1);
    if (last !== 116 && last !== 100 && last !== 104) return false;
  }
  return CAPITALISED.test(word);
}
