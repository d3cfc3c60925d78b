import type { Quantity, QuantityBound, TextSpan, Token } from '../../types/index.js';
import { blockedSpans, insideAny } from './blocked-spans.js';
import { boundBefore } from './bound-phrases.js';
import { isAlnum, isDigit, isLetter } from './char-classes.js';
import { countedNoun, partitiveOf, wholeAfterOf } from './counted-noun.js';
import { numberAt, VULGAR } from './number-at.js';
import { isNumberWordStart, NUMBER_WORD_STARTS, parseNumberWords } from './number-words.js';
import { AFTER_FORMS, BEFORE_FIRST_WORDS, BEFORE_FORMS, matchForm, type UnitForm } from './unit-forms.js';
import { dimensionOf, EXTRA_UNIT_FACTORS, SCALE_SUFFIXES, SCALE_WORDS, toBaseUnit } from './unit-table.js';

/** Label words whose number names a thing rather than counting it ("Gate 10", "No. 3"). */
const LABEL_BEFORE =
  /(?:\b(?:Gate|Route|Highway|Hwy|Interstate|Exit|Flight|Room|Chapter|Section|Article|Resolution|Paragraph|Page|Vol|Volume|Part|Episode|Season|Round|Phase|Stage|Platform|Terminal|Unit|Block|Building|Level|Grade|Category|Class|Group|Division|Brigade|Battalion|Regiment|Corps|Squadron|Wing|Fleet|Precinct|District|Ward|Zone|Sector|Checkpoint|Camp|Apartment|Apt|Suite|Box|Lot|Track|Line|Bus|Train|Road|Street|Avenue|Lane)|\b(?:route|highway|exit|gate|flight|chapter|resolution|number|No\.|no\.|nos\.|Nos\.)|#)\s*$/;

/** A street name after a house number ("2231 Royal Street", "8024 Turtle Creek Cir."). */
const ADDRESS_AFTER =
  /^\d{2,5}\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Cir|Circle|Ln|Lane|Dr|Drive|Way|Ct|Court|Pl|Place|Pkwy|Parkway|Hwy|Highway|Terrace|Ter)\b/;

/** Words after "10m" that keep it a length ("10m high", "5m away"). */
const LENGTH_CONTEXT =
  /^\s+(?:high|long|deep|wide|tall|away|thick|across|above|below|under|from|in|of|to|into|north|south|east|west|inland|offshore|underground|off)\b/i;

/** A raw reading before it becomes a record. */
interface Reading {
  start: number;
  end: number;
  value: number;
  unit: string;
  bound: QuantityBound;
  low: number | null;
  high: number | null;
  spelledOut: boolean;
  year: boolean;
  hasScale: boolean;
  /** The scale word's factor ("5 million": 1e6), 1 without one. */
  scale: number;
  confidence: number;
}

/** Scale word or glued suffix right after a number: "5 million", "€10M", "3.5bn", "0.5k". */
function scaleAt(text: string, pos: number, glued: boolean): { factor: number; end: number } | null {
  if (glued) {
    const m = /^(bn|mn|[kKmMbB])(?![A-Za-z])/.exec(text.slice(pos, pos + 3));
    if (m?.[1]) return { factor: SCALE_SUFFIXES[m[1]] ?? 1, end: pos + m[0].length };
    return null;
  }
  const m = /^(-|\s*)([A-Za-z]+)/.exec(text.slice(pos, pos + 16));
  if (!m?.[2]) return null;
  const w = m[2].toLowerCase();
  const f = SCALE_WORDS[w];
  if (f === undefined) return null;
  // "a million of them" is a count, but "5 million dollars" and "$5 million" are money
  return { factor: f, end: pos + m[0].length };
}

/** A unit after a number: "km", " square feet", "-mile", " (kg)", "°C", " dollars". */
function unitAfter(text: string, pos: number): { form: UnitForm; end: number } | null {
  const gap = /^(?:-|\s{0,2})/.exec(text.slice(pos, pos + 3))?.[0] ?? '';
  let at = pos + gap.length;
  if (text[at] === '\n') return null;
  const bracket = /^[([{<]\s*/.exec(text.slice(at, at + 3));
  if (bracket) {
    const f = matchForm(text, at + bracket[0].length, AFTER_FORMS);
    if (!f) return null;
    const close = /^\s*[)\]}>]/.exec(text.slice(at + bracket[0].length + f.key.length));
    if (!close) return null;
    return { form: f, end: at + bracket[0].length + f.key.length + close[0].length };
  }
  const f = matchForm(text, at, AFTER_FORMS);
  if (!f) return null;
  // a unit glued to the number must itself be glued-friendly ("10kg", "25lbs", "100元", "35%")
  at += f.key.length;
  // "5 m" of a hyphenated unit adjective like "6.0-sigma" cannot be reached here; "-year-old"
  const old = /^(?:-|\s)(?:old|of age)\b/.exec(text.slice(at, at + 8));
  if (old && dimensionOf(f.unit) === 'time') at += old[0].length;
  return { form: f, end: at };
}

/** Whether what precedes `pos` glues a letter or a hyphenated code to the number ("F-16", "L2"). */
function gluedBefore(text: string, pos: number): boolean {
  const p = text[pos - 1];
  if (isLetter(p) || p === '_' || p === '/' || p === '#') return true;
  if (p === '.' && isDigit(text[pos - 2])) return true;
  if ((p === '-' || p === '‑' || p === '+') && isAlnum(text[pos - 2])) return true;
  return false;
}

/** The end of the alphanumeric run at `pos` (to skip codes such as "06F6" or "MQ-9B"). */
function insideName(text: string, start: number, end: number): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(text.slice(start, start + 2))) return false;
  const before = text.slice(Math.max(0, start - 3), start);
  if (/(?:^|[.!?:;"“”'‘’([\n\r-]\s*)$/.test(before) || start === 0) return false;
  if (!/^\s+\p{Lu}\p{Ll}/u.test(text.slice(end, end + 4))) return false;
  // In a Title Case headline ("Drone Strike Kills Two Soldiers") capitals say nothing.
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', end);
  const words = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).match(/\p{L}+/gu) ?? [];
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length < 0.6;
}

/**
 * The first position at or after `from` where a quantity may start: a digit or an ASCII letter
 * opening its run, or a vulgar fraction (½ ¼ ¾ ⅓ ⅔ ⅛); -1 when none is left.
 */
function nextCandidate(text: string, from: number): number {
  for (let i = Math.max(0, from); i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      const p = i > 0 ? text.charCodeAt(i - 1) : -1;
      if (!(p >= 48 && p <= 57)) return i;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      const p = i > 0 ? text.charCodeAt(i - 1) | 32 : -1;
      if (!(p >= 97 && p <= 122)) return i;
    } else if (c === 0xbd || c === 0xbc || c === 0xbe || c === 0x2153 || c === 0x2154 || c === 0x215b)
      return i;
  }
  return -1;
}

/** A character that continues a run the scanner skips as one (see `runEnd`). */
const RUN_ON = /^[\p{L}\p{N}._+\-‑/]/u;

/** Whether the character at `at` continues a run (`RUN_ON`): ASCII by its code, others by the regex. */
function continuesRun(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) {
    return (
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 46 || // .
      c === 95 || // _
      c === 43 || // +
      c === 45 || // -
      c === 47 // /
    );
  }
  // Past the end (NaN) the slice is empty and the regex says no.
  return RUN_ON.test(text.slice(at, at + 2));
}

/** A hash of the ASCII letters text[pos, pos + n) in lower case (a 30-bit integer). */
function letterHash(text: string, pos: number, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ (text.charCodeAt(pos + i) | 32), 0x01000193);
  return h & 0x3fffffff;
}

/** Hashes of the words that may open a quantity: a word whose hash is not here is not one of them. */
const START_WORD_HASHES: ReadonlySet<number> = new Set(
  [...NUMBER_WORD_STARTS, ...BEFORE_FIRST_WORDS]
    .filter((w) => /^[a-z]{1,20}$/.test(w))
    .map((w) => letterHash(w, 0, w.length)),
);

/** The number of ASCII letters from `pos`, at most `max`. */
function asciiLetterRun(text: string, pos: number, max: number): number {
  let n = 0;
  while (n < max) {
    const c = text.charCodeAt(pos + n);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
    n++;
  }
  return n;
}

/** Whether the character at `pos` is an ASCII letter. */
function isAsciiLetterAt(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether the word at `pos` may open a quantity: a number word, a vulgar fraction, a currency word (as `readSingle` tests). */
function mayStartQuantity(text: string, pos: number): boolean {
  if (VULGAR[text[pos] ?? ''] !== undefined) return true;
  const n = asciiLetterRun(text, pos, 20);
  // Most words are none of them: the hash tells without building the word.
  if (!START_WORD_HASHES.has(letterHash(text, pos, n))) return false;
  const word = text.slice(pos, pos + n);
  return isNumberWordStart(word) || BEFORE_FIRST_WORDS.has(word.toLowerCase());
}

function runEnd(text: string, pos: number): number {
  const m = /^[\p{L}\p{N}._+\-‑/]*/u.exec(text.slice(pos, pos + 40));
  return pos + (m?.[0].length ?? 1);
}

/**
 * Reads every quantity in `text`: numbers with units, bounds, ranges and what counts count.
 * Dates, clock times, ordinals, phone numbers and model designations are left out.
 *
 * @example findQuantities('attacked at least 76 times')[0] // { value: 76, unit: 'count', bound: 'at-least', of: {text: 'times', …}, … }
 */
export function findQuantities(text: string, tokens?: readonly Token[], stage = 'quantities'): Quantity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const blocked = blockedSpans(text);
  const readings: Reading[] = [];
  // The scanner: `from` is where the next candidate is looked for.
  let from = 0;
  for (let pos = nextCandidate(text, from); pos >= 0; pos = nextCandidate(text, from)) {
    // Most candidates are words that neither spell a number nor name a currency, with no mark or
    // digit after them: `readAt` reads them as nothing whether or not they are blocked, and its
    // caller skips their letters, so they are skipped here without the call.
    if (isAsciiLetterAt(text, pos)) {
      const run = asciiLetterRun(text, pos, 40);
      if ((run === 40 || !continuesRun(text, pos + run)) && !mayStartQuantity(text, pos)) {
        from = pos + run;
        continue;
      }
    }
    const r = readAt(text, pos, blocked);
    if (r === 'skip-run') {
      from = runEnd(text, pos);
    } else if (r === null) {
      // A candidate is a digit, an ASCII letter or a vulgar fraction: only the letters are words.
      if (isAsciiLetterAt(text, pos)) from = pos + (asciiLetterRun(text, pos, 40) || 1);
      else from = pos + 1;
    } else if (
      r.unit === 'count' &&
      !r.spelledOut &&
      r.bound === 'exact' &&
      /^ \d/.test(text.slice(r.end, r.end + 2))
    ) {
      // "245 23 yen": two bare numerals side by side are a code or a typo, not two quantities
      const next = readAt(text, r.end + 1, blocked);
      from = next && next !== 'skip-run' ? Math.max(next.end, r.end + 1) : runEnd(text, r.end + 1);
    } else {
      readings.push(r);
      from = Math.max(r.end, pos + 1);
    }
  }
  return readings.map((r, k) => toRecord(text, r, k, tokens, stage));
}

/** Reads one quantity starting at a candidate `pos`, or tells the scanner to skip. */
function readAt(
  text: string,
  pos: number,
  blocked: readonly { start: number; end: number }[],
): Reading | 'skip-run' | null {
  if (insideAny(blocked, pos)) return null;
  // Most candidates are words that neither spell a number nor name a currency: they read as
  // nothing, and after a label ("Gate") they skip the same letters, unless marks or digits follow.
  if (!isDigit(text[pos]) && !mayStartQuantity(text, pos)) {
    const run = asciiLetterRun(text, pos, 40);
    if (run === 40 || !continuesRun(text, pos + run)) return null;
  }
  // "F-16", "L2", "J1149.5": codes, not quantities ("USD115" is read from its "U")
  if (isDigit(text[pos]) && gluedBefore(text, pos)) return 'skip-run';
  // "Gate 10", "Highway 35", "Resolution 2334", "No. 1": labels, not amounts
  if (LABEL_BEFORE.test(text.slice(Math.max(0, pos - 16), pos))) return 'skip-run';
  // "no one", "every one of you", "one another", "the One Percent": pronoun uses of "one"
  if (/^one\b/i.test(text.slice(pos, pos + 4))) {
    if (
      /\b(?:no|every|any|some|each|the|this|that|which|a|no-)\s*-?\s*$/i.test(
        text.slice(Math.max(0, pos - 8), pos),
      )
    )
      return null;
    if (
      /^one\s+(?:another|thing|sense|way|hand|day|point|time|stop|side|after|by)\b/i.test(
        text.slice(pos, pos + 16),
      )
    )
      return null;
    if (
      /^One\s+[A-Z]/.test(text.slice(pos, pos + 6)) &&
      !/(?:^|[.!?"“]\s*)$/.test(text.slice(Math.max(0, pos - 3), pos))
    )
      return null;
  }
  // "the second half", "the northern half": a part, not a number
  if (
    /^half\b/i.test(text.slice(pos, pos + 5)) &&
    /\b(?:first|second|other|latter|former|top|bottom|upper|lower|northern|southern|eastern|western|back|front)\s+$/i.test(
      text.slice(Math.max(0, pos - 10), pos),
    )
  )
    return null;
  // "one-of-a-kind", "23 rd": parts of words, spaced ordinals
  if (/^[A-Za-z]+-of-/.test(text.slice(pos, pos + 12))) return null;
  if (isDigit(text[pos]) && /^\d+\s(?:st|nd|rd|th)\b/.test(text.slice(pos, pos + 12))) return 'skip-run';
  // street addresses: "2231 Royal Street", "8024 Turtle Creek Cir."
  if (isDigit(text[pos]) && ADDRESS_AFTER.test(text.slice(pos, pos + 60))) return 'skip-run';
  let first = readSingle(text, pos, blocked);
  if (first === 'skip-run' || first === null) return first;

  // ranges: "8 to 16 km", "between 3 and 5", "from -18 °C to -34 °C", "-78-0 degrees Celsius"
  const between = /\b(between|from)\s+$/i.exec(text.slice(Math.max(0, first.start - 10), first.start));
  const link = /^\s*(to|and|through|–|—|-)\s*/i.exec(text.slice(first.end, first.end + 12));
  if (link?.[1] && !first.year) {
    const word = link[1].toLowerCase();
    const ok =
      (word === 'and' && between?.[1]?.toLowerCase() === 'between') ||
      word === 'to' ||
      word === 'through' ||
      ((word === '-' || word === '–' || word === '—') &&
        /^[$€£¥]?\d/.test(text.slice(first.end + link[0].length, first.end + link[0].length + 2)));
    let nextPos = first.end + link[0].length;
    // "$5 to $10 million": the second end repeats the currency sign
    if (/^[$€£¥]\s?\d/.test(text.slice(nextPos, nextPos + 3)) && dimensionOf(first.unit) === 'currency')
      nextPos += text[nextPos + 1] === ' ' ? 2 : 1;
    // "from -18 °C to -34 °C": the sign of the second end
    if (word !== '-' && (text[nextPos] === '-' || text[nextPos] === '−') && isDigit(text[nextPos + 1]))
      nextPos += 1;
    if (ok && (word !== '-' || link[0] === '-' || text[nextPos] === '-' || text[nextPos] === '−')) {
      const second = readSingle(text, nextPos, blocked);
      if (second && second !== 'skip-run' && !second.year && second.bound === 'exact') {
        const sameUnit = first.unit === second.unit || first.unit === 'count' || second.unit === 'count';
        const unit = first.unit !== 'count' ? first.unit : second.unit;
        const bareCounts = unit === 'count';
        if (sameUnit && (!bareCounts || between || word !== '-' || second.value > first.value)) {
          // "between 3 and 5 million", "$5 to $10 million": the scale belongs to both ends
          if (!first.hasScale && second.hasScale && first.value <= second.value / second.scale) {
            first.value *= second.scale;
            first.hasScale = true;
          }
          const low = Math.min(first.value, second.value);
          const high = Math.max(first.value, second.value);
          first = {
            ...first,
            end: second.end,
            unit,
            value: (low + high) / 2,
            low,
            high,
            bound: 'range',
            spelledOut: first.spelledOut || second.spelledOut,
            confidence: Math.min(first.confidence, second.confidence),
          };
          if (between) first.start = Math.min(first.start, first.start - between[0].length);
        }
      }
    }
  }
  // "1.5 x 3 meters": the first side takes the unit of the second
  if (first.unit === 'count' && !first.spelledOut && first.bound === 'exact') {
    const by = /^\s*[x×]\s*/.exec(text.slice(first.end, first.end + 6));
    const side = by ? readSingle(text, first.end + by[0].length, blocked) : null;
    if (side && side !== 'skip-run' && dimensionOf(side.unit) === 'length') {
      first.unit = side.unit;
      first.confidence = 0.8;
    }
  }
  // bound phrases before the number ("over 17,000", "at least 76", "up to 4,000 km")
  if (first.bound === 'exact') {
    let b = boundBefore(text, first.start);
    // "in three waves over 48 hours": "over" before a duration is mostly "during"
    if (b && dimensionOf(first.unit) === 'time' && /^over\b/i.test(text.slice(b.start, b.start + 5)))
      b = null;
    if (b) {
      first.bound = b.bound;
      first.start = b.start;
      if (b.bound === 'at-least' || b.bound === 'more-than') {
        first.low = first.value;
        first.high = null;
      } else if (b.bound === 'at-most' || b.bound === 'less-than') {
        first.low = null;
        first.high = first.value;
      } else {
        first.low = null;
        first.high = null;
      }
      if (first.year) {
        first.year = false;
      }
    }
  }
  return first;
}

/** One number with its sign, scale, currency and unit. */
function readSingle(
  text: string,
  pos: number,
  blocked: readonly { start: number; end: number }[],
): Reading | 'skip-run' | null {
  let start = pos;
  let numPos = pos;
  let sign = 1;
  let currency: { unit: string; start: number } | null = null;

  // currency before the number: "$5", "US$ 3", "USD 200", "£ 8.10 million", "dollar 22.5 million"
  const word = /^[A-Za-z]*/.exec(text.slice(pos, pos + 20))?.[0] ?? '';
  if (!isDigit(text[pos]) && VULGAR[text[pos] ?? ''] === undefined && !isNumberWordStart(word)) {
    if (!BEFORE_FIRST_WORDS.has(word.toLowerCase())) return null;
    const f = matchForm(text, pos, BEFORE_FORMS, true);
    if (!f) return null;
    let after = pos + f.key.length;
    const gap = /^\s{0,2}/.exec(text.slice(after, after + 2))?.[0] ?? '';
    after += gap.length;
    if (text[after] === '-' || text[after] === '−') {
      sign = -1;
      after += 1;
    }
    if (!isDigit(text[after])) {
      // "dollar five million" is rare; only digits follow a currency sign
      return null;
    }
    if (isAlnum(f.key[0]) && isLetter(text[pos - 1])) return null;
    currency = { unit: f.unit, start: pos };
    numPos = after;
  } else if (isDigit(text[pos])) {
    // a sign right before the digits: "-18 °C", "($-99.99)" handled above
    const p = text[pos - 1];
    if ((p === '-' || p === '−') && !isAlnum(text[pos - 2]) && text[pos - 2] !== '-') {
      sign = -1;
      start = pos - 1;
    } else if (/\bminus\s+$/i.test(text.slice(Math.max(0, pos - 7), pos))) {
      sign = -1;
      start = pos - (/minus\s+$/i.exec(text.slice(Math.max(0, pos - 7), pos))?.[0].length ?? 0);
    }
    // a currency symbol written before: "$5" is read from the "$" candidate, but "$ 5" too
    const sym = /([$€£¥₹₽₪₺₴₩₫฿₱₦])\s?$/.exec(text.slice(Math.max(0, start - 2), start));
    if (sym?.[1]) {
      const f = matchForm(text, start - sym[0].length, BEFORE_FORMS);
      if (f) {
        currency = { unit: f.unit, start: start - sym[0].length };
        // "US$", "HK $": look further back for a country prefix
        for (const back of [5, 4, 3, 2]) {
          const from = start - sym[0].length - back + 1;
          if (from < 0) continue;
          const g = matchForm(text, from, BEFORE_FORMS);
          if (g && from + g.key.length === start - sym[0].length + 1 && !isLetter(text[from - 1])) {
            currency = { unit: g.unit, start: from };
            break;
          }
        }
        // "-$5": a sign before the currency symbol
        const c0 = currency?.start ?? 0;
        if (sign > 0 && (text[c0 - 1] === '-' || text[c0 - 1] === '−') && !isAlnum(text[c0 - 2])) {
          sign = -1;
          if (currency) currency = { unit: currency.unit, start: c0 - 1 };
        }
      }
    }
  }
  if (insideAny(blocked, numPos)) return null;

  const num = numberAt(text, numPos);
  if (!num) return null;
  if (Number.isNaN(num.value)) return 'skip-run';
  let value = num.value * sign;
  let end = num.end;
  let hasScale = false;
  let scaleFactor = 1;

  // "the 1960s": a decade, read as its first year
  const decade =
    num.integerDigits !== null &&
    /^(?:1\d{3}|20\d{2})$/.test(num.integerDigits) &&
    text[end] === 's' &&
    !isLetter(text[end + 1]);
  // glued letters: a scale ("€10M", "0.5k"), a unit ("10kg"), or a code ("13F", "2nd")
  if (!num.spelledOut && isLetter(text[end]) && !decade) {
    const sc = scaleAt(text, end, true);
    const glUnit = matchForm(text, end, AFTER_FORMS);
    const unitAfterScale = sc ? unitAfter(text, sc.end) : null;
    // "1.2m people" is a million; "a 1.8m fence" and "10m away" are metres
    const millionOfThings =
      sc !== null &&
      /^m(?![A-Za-z])/.test(text.slice(end, end + 2)) &&
      !/\b(?:a|an)\s+$/i.test(text.slice(Math.max(0, start - 4), start)) &&
      countedNoun(text, sc.end, undefined) !== null &&
      !LENGTH_CONTEXT.test(text.slice(sc.end, sc.end + 12));
    if (
      sc &&
      (currency ||
        unitAfterScale ||
        millionOfThings ||
        (glUnit === null && /^(?:bn|mn)/.test(text.slice(end, end + 2))))
    ) {
      value *= sc.factor;
      scaleFactor *= sc.factor;
      end = sc.end;
      hasScale = true;
    } else if (!glUnit) return 'skip-run';
  }
  // "5 million", "three quarters billion" already folded in word numbers
  if (!hasScale) {
    const sc = scaleAt(text, end, false);
    if (sc) {
      value *= sc.factor;
      scaleFactor *= sc.factor;
      end = sc.end;
      hasScale = true;
    }
  }

  let unit = 'count';
  let confidence = num.spelledOut ? 0.7 : 0.85;
  if (currency) {
    unit = currency.unit;
    start = Math.min(start, currency.start);
    confidence = 0.9;
    // "$5 million": scale after the number; a trailing "USD" repeats the currency
  } else {
    const u = unitAfter(text, end);
    if (u) {
      const uid = u.form.unit;
      // "two pounds" is weight; "5 million pounds" is money
      unit = uid;
      end = u.end;
      confidence = 0.9;
      if (/^M[A-Z]{3}$/.test(u.form.key)) value *= 1e6;
      // "75 USD million"
      if (u.form.currency && !hasScale) {
        const sc = scaleAt(text, end, false);
        if (sc) {
          value *= sc.factor;
          scaleFactor *= sc.factor;
          end = sc.end;
          hasScale = true;
        }
      }
      const extra = EXTRA_UNIT_FACTORS[uid];
      if (extra) {
        unit = extra.unit;
        value *= extra.factor;
      }
    } else if (num.spelledOut && num.value < 1 && /^\s+(?:of\s+)?an?\s+/i.test(text.slice(end, end + 10))) {
      // "half an hour", "a quarter of a mile"
      const art = /^\s+(?:of\s+)?an?\s+/i.exec(text.slice(end, end + 10))?.[0] ?? '';
      const f = matchForm(text, end + art.length, AFTER_FORMS);
      if (f && !f.currency && f.unit !== '%' && f.key.length > 2) {
        unit = f.unit;
        end += art.length + f.key.length;
        confidence = 0.8;
      }
    } else if (!num.spelledOut && /^['′]\s?\d{1,2}(?:\.\d+)?\s?(?:["″]|'')/.test(text.slice(end, end + 8))) {
      // 5'10" (feet and inches)
      const fi = /^['′]\s?(\d{1,2}(?:\.\d+)?)\s?(?:["″]|'')/.exec(text.slice(end, end + 8));
      if (fi?.[1] && Number(fi[1]) < 12) {
        unit = 'ft';
        value += Number(fi[1]) / 12;
        end += fi[0].length;
        confidence = 0.8;
      }
    } else if (num.vague && /^\s+of\s+/i.test(text.slice(end, end + 6))) {
      // "hundreds of millions of dollars", "thousands of tonnes"
      const ofGap = /^\s+of\s+/i.exec(text.slice(end, end + 6))?.[0] ?? '';
      const f = matchForm(text, end + ofGap.length, AFTER_FORMS);
      if (f && f.unit !== '%' && f.key.length > 2) {
        unit = /^pounds?$/i.test(f.key) ? 'GBP' : f.unit;
        end += ofGap.length + f.key.length;
      }
    } else if (/^\s*°/.test(text.slice(end, end + 3))) {
      // "90°" alone is an angle (or an unknown temperature scale): not a quantity we report
      return null;
    } else if (/^(?:-|\s*)(?:pounds?)\b/i.test(text.slice(end, end + 8))) {
      const pm = /^(?:-|\s*)pounds?/i.exec(text.slice(end, end + 8));
      unit = hasScale ? 'GBP' : 'lb';
      end += pm?.[0].length ?? 0;
    }
  }

  // "a third state" is an ordinal; "a third of the town" and "a quarter mile" are fractions
  if (
    unit === 'count' &&
    num.spelledOut &&
    num.value < 1 &&
    num.value !== 0.5 &&
    /^an?\s/i.test(text.slice(num.start, num.start + 3)) &&
    !/^\s+of\b/i.test(text.slice(end, end + 4))
  )
    return null;
  // A capitalised number word inside a name ("the Brigades of the Two Rivers", "Three Gorges
  // Dam") is part of the name, not a count; at a sentence's start ("Two drones hit") it counts.
  if (unit === 'count' && num.spelledOut && insideName(text, num.start, end)) return null;
  // compound amounts: "5 ft 2 in", "3 dollars 50 cents", "15 dollars and 15", "10 $ 30 cent"
  if (unit === 'ft') {
    const inch = /^(?:\s*(\d{1,2})\s*(?:in|inch|inches|")(?![A-Za-z])|-(\d{1,2})(?![\d-]))/.exec(
      text.slice(end, end + 12),
    );
    const inches = inch?.[1] ?? inch?.[2];
    if (inch && inches !== undefined && Number(inches) < 12) {
      value += Number(inches) / 12;
      end += inch[0].length;
    }
  }
  if (dimensionOf(unit) === 'currency' && !currency && !hasScale) {
    const cents = /^\s*(?:and\s+)?(\d{1,2}|[a-z]+(?:-[a-z]+)?)(\s*cents?\b)?/i.exec(
      text.slice(end, end + 30),
    );
    if (cents?.[1]) {
      let minor: number | null = null;
      if (/^\d+$/.test(cents[1])) minor = Number(cents[1]);
      else {
        const w = parseNumberWords(text, end + cents[0].indexOf(cents[1]));
        if (w && !w.vague && w.value < 100 && Number.isInteger(w.value)) minor = w.value;
        if (w && w.end !== end + cents[0].indexOf(cents[1]) + cents[1].length) minor = null;
      }
      const after = text.slice(end + cents[0].length, end + cents[0].length + 6);
      const tailOk = cents[2] !== undefined || /^\s*(?:$|[.,;:!?)"']|and\b)/i.test(after);
      if (minor !== null && tailOk && !/^[,.]\d/.test(after)) {
        value += minor / 100;
        end += cents[0].length;
      }
    }
  }
  // accounting negatives: "($99.99)"
  if (dimensionOf(unit) === 'currency' && text[start - 1] === '(' && text[end] === ')' && value > 0) {
    value = -value;
    start -= 1;
    end += 1;
  }

  // "aged 25": an age in years
  if (unit === 'count' && /\baged\s+$/i.test(text.slice(Math.max(0, start - 6), start))) {
    unit = 'yr';
    confidence = 0.8;
  }
  const digits = num.integerDigits;
  let year = false;
  if (unit === 'count' && !hasScale && digits !== null && /^\d{4}$/.test(digits) && sign > 0) {
    const y = Number(digits);
    if (y >= 1000 && y <= 2100) {
      year = true;
      confidence = 0.35;
      // "the 1960s"
      if (text[end] === 's' && !isLetter(text[end + 1])) end += 1;
    }
  }
  if (num.vague) confidence = 0.6;
  if (!Number.isFinite(value)) return null;
  const bound: QuantityBound = num.vague ? 'at-least' : 'exact';
  return {
    start,
    end,
    value,
    unit,
    bound,
    low: num.vague ? value : value,
    high: num.vague ? null : value,
    spelledOut: num.spelledOut,
    year,
    hasScale,
    scale: scaleFactor,
    confidence,
  };
}

function toRecord(
  text: string,
  r: Reading,
  k: number,
  tokens: readonly Token[] | undefined,
  stage: string,
): Quantity {
  let of: TextSpan | null = null;
  if (r.unit === 'count' && !r.year) {
    of = wholeAfterOf(text, r.end);
    if (!of || !(r.bound === 'at-least' || r.value < 1))
      of = countedNoun(text, r.end, tokens) ?? partitiveOf(text, r.end);
  } else if (!r.year) {
    // what a share or a measure is of: "60 percent of the town", "40 tonnes of flour"
    of = wholeAfterOf(text, r.end);
  }
  // a four-digit number followed by a plural noun is a count ("1500 troops"), not a year
  let year = r.year;
  let confidence = r.confidence;
  if (year) {
    const noun = countedNoun(text, r.end, tokens);
    if (noun && /^[a-z][a-z-]*[a-z](?<!ss|us|is)s$/.test(noun.text)) {
      year = false;
      of = noun;
      confidence = 0.8;
    }
  }
  const surface = text.slice(r.start, r.end);
  return {
    id: `q${k + 1}`,
    start: r.start,
    end: r.end,
    surface,
    value: r.value,
    unit: r.unit,
    bound: r.bound,
    low: r.low,
    high: r.high,
    normalized: toBaseUnit(r.value, r.unit),
    of,
    spelledOut: r.spelledOut,
    ...(year ? { year: true } : {}),
    confidence,
    stage,
  };
}
