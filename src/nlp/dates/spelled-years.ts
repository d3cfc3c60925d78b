import { B, E, each, fixed, matchAtom, pattern } from './atom-kit.js';
import { type Day, makeDay, monthSpan, yearSpan } from './calendar.js';
import { DAY_NUM, dayOf, MONTH_ANY, monthOf } from './lexicon.js';
import type { Atom } from './reading.js';

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TWO_DIGITS = `(?:(?:${TENS.join('|')})(?:[- ](?:${UNITS.join('|')}))?|${TEENS.join('|')}|(?:zero|oh)\\s+(?:${UNITS.join('|')}))`;
/** Regex source for a year in words: "nineteen eighty six", "seventeen hundred thirty three", "two thousand and five". */
const SPELLED_YEAR = `((?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\\s+(?:hundred(?:\\s+and)?\\s+)?${TWO_DIGITS}|(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\\s+hundred|two\\s+thousand(?:\\s+and)?(?:\\s+(?:${TWO_DIGITS}|${UNITS.join('|')}))?)`;
const CARDINAL_DAY = `(?:(?:twenty|thirty)[- ](?:${UNITS.join('|')})|${TEENS.join('|')}|twenty|thirty|${UNITS.join('|')})`;

/** The value of a number in words below 100 ("eighty six", "oh one"); null when not one. */
function under100(words: string): number | null {
  const w = words.toLowerCase().trim().replace(/-/g, ' ').replace(/\s+/g, ' ');
  const zero = /^(?:zero|oh) (\w+)$/.exec(w);
  if (zero) return UNITS.indexOf(zero[1]!) + 1 || null;
  if (TEENS.includes(w)) return 10 + TEENS.indexOf(w);
  if (UNITS.includes(w)) return UNITS.indexOf(w) + 1;
  const [tens, unit] = w.split(' ');
  const t = TENS.indexOf(tens!);
  if (t < 0) return null;
  if (unit === undefined) return 20 + 10 * t;
  const u = UNITS.indexOf(unit);
  return u < 0 ? null : 20 + 10 * t + u + 1;
}

/**
 * A year written in words: "nineteen eighty six" → 1986, "two thousand and fifteen" → 2015,
 * "seventeen hundred thirty three" → 1733; null for anything else.
 *
 * @example spelledYear('nineteen zero one') // 1901
 */
export function spelledYear(words: string): number | null {
  const w = words.toLowerCase().trim().replace(/\s+/g, ' ');
  const thousand = /^two thousand(?: and)?(?: (.+))?$/.exec(w);
  if (thousand) {
    if (!thousand[1]) return 2000;
    const rest = under100(thousand[1]);
    return rest === null ? null : 2000 + rest;
  }
  const m = /^(\w+) (?:hundred(?: and)?(?: (.+))?|(.+))$/.exec(w);
  if (!m) return null;
  const century = under100(m[1]!);
  if (century === null || century < 11 || century > 20) return null;
  const rest = m[2] ?? m[3];
  if (rest === undefined) return century * 100;
  const r = under100(rest);
  return r === null ? null : century * 100 + r;
}

/**
 * Dates whose year is written in words — "13 Sept nineteen seventy two", "January twenty five
 * nineteen eighty six", "October two thousand and five", "in nineteen twenty eight", "the
 * nineteen seventies" — as in transcribed speech.
 *
 * @example spelledYearAtoms('They arrived in October two thousand and five.')[0].start // 15
 */
export function spelledYearAtoms(text: string): Atom[] {
  const day = `(${DAY_NUM}|${CARDINAL_DAY})`;
  const out: Atom[] = [];
  const dayAtom = (
    start: number,
    end: number,
    year: number | null,
    month: number | null,
    d: number | null,
  ): Atom | null => {
    if (year === null || month === null) return null;
    if (d === null)
      return {
        start,
        end,
        priority: 3,
        confidence: 0.75,
        read: () => fixed(monthSpan(year, month), 'month'),
      };
    const x: Day | null = makeDay(year, month, d);
    return x === null
      ? null
      : { start, end, priority: 3, confidence: 0.75, read: () => fixed([x, x], 'day') };
  };
  const dayValue = (w: string | undefined): number | null => (w ? (dayOf(w) ?? under100(w)) : null);
  out.push(
    ...each(
      text,
      pattern`${B}(?:the\\s+)?${day}\\s+(?:of\\s+)?(${MONTH_ANY}),?\\s+${SPELLED_YEAR}${E}`,
      (m) => {
        const start = m.index + (/^the\s/i.test(m[0]) ? 4 : 0);
        return dayAtom(start, m.index + m[0].length, spelledYear(m[3]!), monthOf(m[2]!), dayValue(m[1]));
      },
    ),
    ...each(text, pattern`${B}(${MONTH_ANY})(?:\\s+${day})?,?\\s+${SPELLED_YEAR}${E}`, (m) =>
      dayAtom(m.index, m.index + m[0].length, spelledYear(m[3]!), monthOf(m[1]!), dayValue(m[2])),
    ),
    ...each(text, pattern`(?<=\\b(?:in|of|since|until|by|during|year)\\s+)${SPELLED_YEAR}${E}`, (m) => {
      const year = spelledYear(m[1]!);
      if (year === null) return null;
      return matchAtom(m, 2, 0.7, yearSpan(year), 'year');
    }),
    ...each(
      text,
      pattern`${B}the\\s+(?:(eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\\s+(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|two\\s+thousands)${E}`,
      (m) => {
        const century = m[1] ? under100(m[1]) : 20;
        const decade = m[2]
          ? 20 + 10 * TENS.findIndex((t) => m[2]!.toLowerCase().startsWith(t.slice(0, 4)))
          : 0;
        if (century === null) return null;
        const first = century * 100 + decade;
        return matchAtom(m, 2, 0.7, [yearSpan(first)[0], yearSpan(first + 9)[1]], 'decade');
      },
    ),
  );
  return out;
}
