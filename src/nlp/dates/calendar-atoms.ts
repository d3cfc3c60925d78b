import {
  AMBIGUOUS_MONTHS,
  B,
  CUE,
  E,
  each,
  fixed,
  matchAtom,
  pattern,
  readPartRange,
  YEAR,
} from './atom-kit.js';
import { type Day, makeDay, monthSpan, parts, yearSpan } from './calendar.js';
import { DAY_NUM, dayOf, MONTH_ANY, MONTH_FULL, monthOf, WEEKDAY_ANY } from './lexicon.js';
import { type Atom, readYearless, type YearlessPart } from './reading.js';

/**
 * Dates named on the calendar: "17 November", "Monday, January 12th, 2016", "November 2019",
 * "in 2015", "the 1990s", "Q3 2022", "2015-03", and ranges of them ("from 3 to 5 May",
 * "2014-2018", "between May and July 2022"). Month names are guarded against "may" and "a
 * protest march"; bare years need a temporal cue.
 *
 * @example calendarAtoms('The town fell in March 2016.').length // 1
 */
export function calendarAtoms(text: string): Atom[] {
  return [
    ...dayRanges(text),
    ...fullDays(text),
    ...numericMonths(text),
    ...monthYears(text),
    ...bareMonths(text),
    ...years(text),
    ...decades(text),
    ...quarters(text),
    ...yearRanges(text),
    ...monthRanges(text),
  ];
}

/** "from 3 to 5 May", "between 2 and 7 Feb 2018", "4-22 January, 1995", "November 18-19", "April 9th through 17th". */
function dayRanges(text: string): Atom[] {
  const link = '\\s*(?:to|and|-|–|—|until|till|through|thru)\\s*(?:the\\s+)?';
  const yearTail = `(?:,?\\s+(?:of\\s+)?${YEAR})?`;
  const dayFirst = pattern`${B}(?:(?:from|between)\\s+)?(?:the\\s+)?(${DAY_NUM})${link}(${DAY_NUM})\\s+(?:of\\s+)?(${MONTH_ANY})${yearTail}${E}`;
  const monthFirst = pattern`${B}(?:(?:from|between)\\s+)?(${MONTH_ANY})\\s+(?:the\\s+)?(${DAY_NUM})${link}(${DAY_NUM})${yearTail}${E}`;
  const build = (
    m: RegExpExecArray,
    month: number | null,
    d1: number | null,
    d2: number | null,
    y?: string,
  ): Atom | null => {
    if (month === null || d1 === null || d2 === null || d2 <= d1) return null;
    const a: YearlessPart = { month, day: d1 };
    const b: YearlessPart = { month, day: d2 };
    const year = y ? Number(y) : null;
    // "on 18 and 19 June" names two days; only "between 18 and 19 June" is a range. The first
    // day is kept here (with the second's month); the second is an ordinary "19 June".
    if (/\d(?:st|nd|rd|th)?\s+and\s/i.test(m[0]) && !/^between\s/i.test(m[0])) {
      if (!/^\d/.test(m[0])) return null;
      const firstEnd = m.index + (/^\d+(?:st|nd|rd|th)?/.exec(m[0])?.[0].length ?? 0);
      return {
        start: m.index,
        end: firstEnd,
        priority: 1,
        confidence: 0.7,
        yearless: a,
        read: (ctx) => readYearless(a, ctx),
      };
    }
    return {
      start: m.index,
      end: m.index + m[0].length,
      priority: 3,
      confidence: 0.85,
      kind: 'range',
      ...(year === null ? { yearless: a } : {}),
      read: (ctx) => readPartRange(a, b, year, ctx),
    };
  };
  return [
    ...each(text, dayFirst, (m) => build(m, monthOf(m[3]!), dayOf(m[1]!), dayOf(m[2]!), m[4])),
    ...each(text, monthFirst, (m) => build(m, monthOf(m[1]!), dayOf(m[2]!), dayOf(m[3]!), m[4])),
  ];
}

/** "November 2023", "April of 1987". */
function monthYears(text: string): Atom[] {
  const yearFirst = each(text, pattern`${B}${YEAR},?\\s+(${MONTH_FULL})${E}`, (m) => {
    const month = monthOf(m[2]!)!;
    if (AMBIGUOUS_MONTHS.has(m[2]!.toLowerCase()) && m[2]![0] === m[2]![0]!.toLowerCase()) return null;
    const span = monthSpan(Number(m[1]), month);
    return matchAtom(m, 2, 0.75, span, 'month');
  });
  return yearFirst.concat(
    each(
      text,
      pattern`${B}(${MONTH_ANY})(?:(?:,?\\s+(?:of|in))?,?\\s+${YEAR}|\\s+of\\s+'?(\\d\\d))${E}`,
      (m) => {
        const month = monthOf(m[1]!);
        if (month === null) return null;
        // "officials may in 2016 ...": the modal, not the month.
        if (
          /\sin\s/i.test(m[0]) &&
          AMBIGUOUS_MONTHS.has(m[1]!.toLowerCase()) &&
          m[1]![0] === m[1]![0]!.toLowerCase()
        )
          return null;
        if (m[3]) {
          const y2 = Number(m[3]);
          const span = monthSpan(1900 + y2 + (y2 < 50 ? 100 : 0), month);
          return matchAtom(m, 2, 0.7, span, 'month');
        }
        if (
          AMBIGUOUS_MONTHS.has(m[1]!.toLowerCase()) &&
          m[1]![0] === m[1]![0]!.toLowerCase() &&
          !/^\d/.test(m[2]!)
        )
          return null;
        const span = monthSpan(Number(m[2]), month);
        return matchAtom(m, 2, 0.9, span, 'month');
      },
    ),
  );
}

/** "in March", "last September", "next June": a month without a day or year. */
function bareMonths(text: string): Atom[] {
  return each(text, pattern`${B}(?:(this|last|next|past|previous|coming)\\s+)?(${MONTH_FULL})${E}`, (m) => {
    const word = m[2]!;
    const month = monthOf(word)!;
    const modifier = m[1]?.toLowerCase() ?? null;
    const capital = word[0] !== word[0]!.toLowerCase();
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    const cue = modifier !== null || CUE.test(before);
    // "officials may", "a protest march": the verb and noun readings need a temporal cue.
    if (AMBIGUOUS_MONTHS.has(word.toLowerCase()) && !(capital && cue)) return null;
    if (!capital && !cue) return null;
    // "May I ask": sentence-initial May followed by a pronoun.
    if (/^\s+(?:i|we|you|he|she|they|it|be|have|not|also|well)\b/i.test(text.slice(m.index + m[0].length)))
      return null;
    const part: YearlessPart = { month, day: null };
    const start = m.index;
    const end = m.index + m[0].length;
    if (modifier === null)
      return {
        start,
        end,
        priority: 1,
        confidence: 0.7,
        yearless: part,
        read: (ctx) => readYearless(part, ctx),
      };
    return {
      start,
      end,
      priority: 1,
      confidence: 0.8,
      read: (ctx) => {
        if (ctx.ref === null) return { span: null, precision: 'month', relative: true };
        const { year, month: refMonth } = parts(ctx.ref);
        let y = year;
        if (modifier === 'next' || modifier === 'coming') y = month > refMonth ? year : year + 1;
        else if (modifier !== 'this') y = month < refMonth ? year : year - 1;
        return fixed(monthSpan(y, month), 'month', true);
      },
    };
  });
}

/** "in 2015", "the year 2008", "2014 to 2018": four-digit years with a temporal cue. */
function years(text: string): Atom[] {
  return each(text, pattern`(?<![\\w$£€#.,/:-])((?:the\\s+)?year\\s+)?${YEAR}(?![\\w%/:-]|[.,]\\d)`, (m) => {
    const year = Number(m[2]);
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const inRange =
      /^\s*(?:to|-|–|—|through|and|until|till)\s*(?:1[5-9]\d\d|20\d\d)\b/i.test(after) ||
      /(?:1[5-9]\d\d|20\d\d)\s*(?:to|-|–|—|through|and|until|till)\s*$/i.test(before);
    // "the 2014 war", "Israel's 2006 campaign": a year used as a modifier.
    const modifier = /(?:\bthe|['’]s)\s+$/i.test(before) && /^\s+(?:[a-z]+[^s\W]|[A-Z][a-z]+)\b/.test(after);
    if (!m[1] && !inRange && !modifier && !CUE.test(before)) return null;
    // "in 2000 pieces", "by 2015 soldiers": a count of things, not a year.
    if (!m[1] && /^\s+(?!was\b|has\b|is\b|as\b|this\b|his\b|its\b)[a-z]+s\b/.test(after)) return null;
    if (/^\s*(?:people|troops|soldiers|times|men|women|children|km|m|kg|tonnes|dollars)\b/i.test(after))
      return null;
    // "the 1600 block of Main Street": an address.
    if (/^\s+block\b/i.test(after)) return null;
    // "1935 Orchard St.": a house number.
    if (
      /^\s+(?:[A-Z][a-z]+\s+){1,2}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Highway|Hwy)\b/.test(
        after,
      )
    )
      return null;
    const start = m.index + (m[1] && /^the\s/i.test(m[1]) ? 4 : 0);
    return {
      start,
      end: m.index + m[0].length,
      priority: 1,
      confidence: m[1] ? 0.9 : 0.75,
      read: () => fixed(yearSpan(year), 'year'),
    };
  });
}

/** "the 1990s", "the early 2000s". */
function decades(text: string): Atom[] {
  return each(text, pattern`${B}(?:the\\s+)?(?:(early|mid|late)[- ])?(1[5-9]\\d0|20\\d0)'?s${E}`, (m) => {
    const d = Number(m[2]);
    const q = m[1]?.toLowerCase();
    const [a, b] = q === 'early' ? [0, 3] : q === 'mid' ? [4, 6] : q === 'late' ? [7, 9] : [0, 9];
    const span: [Day, Day] = [yearSpan(d + a)[0], yearSpan(d + b)[1]];
    return matchAtom(m, 2, 0.85, span, 'decade');
  });
}

const QUARTER_WORDS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  last: 4,
};

/** "Q3 2016", "2016-Q3", "the third quarter of 2020", "2019 H2". */
function quarters(text: string): Atom[] {
  const quarter = (m: RegExpExecArray, year: number, q: number, months = 3): Atom => {
    const span: [Day, Day] = [monthSpan(year, (q - 1) * months + 1)[0], monthSpan(year, q * months)[1]];
    return matchAtom(m, 2, 0.85, span, 'quarter');
  };
  return [
    ...each(text, pattern`${B}([QH])([1-4])(?:-|/|\\s+of\\s+|\\s+)?${YEAR}${E}`, (m) =>
      m[1]!.toUpperCase() === 'H' && Number(m[2]) > 2
        ? null
        : quarter(m, Number(m[3]), Number(m[2]), m[1]!.toUpperCase() === 'H' ? 6 : 3),
    ),
    ...each(text, pattern`${B}${YEAR}(?:-|/| )?([QH])([1-4])${E}`, (m) =>
      m[2]!.toUpperCase() === 'H' && Number(m[3]) > 2
        ? null
        : quarter(m, Number(m[1]), Number(m[3]), m[2]!.toUpperCase() === 'H' ? 6 : 3),
    ),
    ...each(
      text,
      pattern`${B}(?:the\\s+)?(first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+quarter\\s+of\\s+${YEAR}${E}`,
      (m) => quarter(m, Number(m[2]), QUARTER_WORDS[m[1]!.toLowerCase()]!),
    ),
  ];
}

const WEEKDAY_PREFIX = `(?:(${WEEKDAY_ANY}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?,?\\s+(?:the\\s+)?)?`;

const YEAR_TAIL = `(?:,?\\s+(?:of\\s+|in\\s+)?(?:${YEAR}|'(\\d\\d))|\\s+of\\s+(\\d\\d))?`;

/**
 * "17 November", "the 4th of July 1995", "Monday, January 12th, 2016", "Nov. 2, 2023":
 * a day and a month, with the year when the text gives one.
 */
function fullDays(text: string): Atom[] {
  const dayFirst = pattern`${B}${WEEKDAY_PREFIX}(?:the\\s+)?(${DAY_NUM})\\.?\\s+(?:day\\s+)?(?:of\\s+)?(${MONTH_ANY})${YEAR_TAIL}${E}`;
  // "Nov 18-Dec 19, 2015": the second date follows a hyphen.
  const monthFirst = pattern`(?<!\\w)(?<![A-Za-z]-)${WEEKDAY_PREFIX}(${MONTH_ANY})\\s+(?:the\\s+)?(${DAY_NUM})${YEAR_TAIL}(?![\\w]|-\\d|:\\d|[.,]\\d)`;
  const build = (
    m: RegExpExecArray,
    monthWord: string,
    dayWord: string,
    y4?: string,
    y2a?: string,
    y2b?: string,
  ): Atom | null => {
    const month = monthOf(monthWord);
    const day = dayOf(dayWord);
    if (month === null || day === null) return null;
    // "may 5" could be a modal before a number only in odd text; keep lower-case May with digits.
    const y2 = y2a ?? y2b;
    const year = y4 ? Number(y4) : y2 ? 1900 + Number(y2) + (Number(y2) < 50 ? 100 : 0) : null;
    const part: YearlessPart = { month, day };
    // "the 7 October attack": the article belongs to the noun phrase, not to the date.
    const start = m.index + (/^the\s+/i.exec(m[0])?.[0].length ?? 0);
    const end = m.index + m[0].length;
    if (year === null)
      return {
        start,
        end,
        priority: 2,
        confidence: 0.85,
        yearless: part,
        read: (ctx) => readYearless(part, ctx),
      };
    const d = makeDay(year, month, day);
    if (d === null) return null;
    return { start, end, priority: 2, confidence: 0.95, read: () => fixed([d, d], 'day') };
  };
  return [
    ...each(text, dayFirst, (m) => build(m, m[3]!, m[2]!, m[4], m[5], m[6])),
    ...each(text, monthFirst, (m) => {
      // "March 2" alone is read; "May 12 soldiers" is not a date.
      if (
        /^\s+[a-z]+s\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20)) &&
        !m[4] &&
        !m[5]
      )
        return null;
      return build(m, m[2]!, m[3]!, m[4], m[5], m[6]);
    }),
  ];
}

/** "2015-03", "2015/3", "3/2015", "11-2016": a month written in numbers. */
function numericMonths(text: string): Atom[] {
  const make = (m: RegExpExecArray, year: number, month: number): Atom | null => {
    if (month < 1 || month > 12) return null;
    const span = monthSpan(year, month);
    return matchAtom(m, 1, 0.7, span, 'month');
  };
  return [
    ...each(
      text,
      pattern`(?<![\\w./:-]|\\d[-/]\\s?)${YEAR}\\s?[-/]\\s?(0?[1-9]|1[0-2])(?![\\w./:-]|\\s?[-/]\\s?\\d)`,
      (m) => make(m, Number(m[1]), Number(m[2])),
    ),
    ...each(
      text,
      pattern`(?<![\\w./:-]|\\d[-/]\\s?)(0?[1-9]|1[0-2])\\s?[-/]\\s?${YEAR}(?![\\w./:-]|\\s?[-/]\\s?\\d)`,
      (m) => make(m, Number(m[2]), Number(m[1])),
    ),
  ];
}

/** "2014-2018", "from 2011–2014", "2015-17": a span of whole years written with a dash. */
function yearRanges(text: string): Atom[] {
  return each(
    text,
    pattern`(?<![\\w$£€#.,/:-]|\\d[-/]\\s?)(?:(?:from|between)\\s+)?${YEAR}\\s?[-–—~]\\s?(1[5-9]\\d\\d|20\\d\\d|\\d\\d)(?![\\w%/:-]|[.,]\\d)`,
    (m) => {
      const a = Number(m[1]);
      const short = m[2]!.length === 2;
      const b = short ? Math.floor(a / 100) * 100 + Number(m[2]) : Number(m[2]);
      if (b <= a || b - a > 200) return null;
      // "2015-16" is a season; "2015-32" or "2015 - 32" is something else.
      if (short && (b - a > 10 || /\s/.test(m[0].slice(m[0].search(/\d/))))) return null;
      const span: [Day, Day] = [yearSpan(a)[0], yearSpan(b)[1]];
      return {
        start: m.index,
        end: m.index + m[0].length,
        priority: 3,
        confidence: 0.8,
        kind: 'range',
        read: () => fixed(span, 'year'),
      };
    },
  );
}

/** "from March to May", "Jan-Feb 2017", "between June and August 2023": a span of whole months. */
function monthRanges(text: string): Atom[] {
  const source = pattern`${B}(?:(from|between)\\s+)?(${MONTH_ANY})(?:\\s+${YEAR})?\\s*(?:-|–|—|to|through|till|until|and)\\s*(${MONTH_ANY})(?:,?\\s+(?:in\\s+|of\\s+)?${YEAR})?${E}`;
  return each(text, source, (m) => {
    const a = monthOf(m[2]!);
    const b = monthOf(m[4]!);
    if (a === null || b === null) return null;
    if (/and/i.test(m[0].slice(m[0].indexOf(m[2]!) + m[2]!.length)) && m[1]?.toLowerCase() !== 'between')
      return null;
    // "may" and "march" in lower case are a verb and a noun unless a year or a range opener vouches.
    for (const w of [m[2]!, m[4]!])
      if (AMBIGUOUS_MONTHS.has(w.toLowerCase()) && w[0] === w[0]!.toLowerCase()) return null;
    const yearA = m[3] ? Number(m[3]) : null;
    const yearB = m[5] ? Number(m[5]) : null;
    const partA: YearlessPart = { month: a, day: null };
    const partB: YearlessPart = { month: b, day: null };
    return {
      start: m.index,
      end: m.index + m[0].length,
      priority: 3,
      confidence: 0.8,
      kind: 'range',
      ...(yearA === null && yearB === null ? { yearless: partA } : {}),
      read: (ctx) => {
        if (yearA !== null && yearB !== null) {
          return yearB * 12 + b >= yearA * 12 + a
            ? fixed([monthSpan(yearA, a)[0], monthSpan(yearB, b)[1]], 'month')
            : fixed(null, 'month');
        }
        if (yearA !== null)
          return fixed([monthSpan(yearA, a)[0], monthSpan(b >= a ? yearA : yearA + 1, b)[1]], 'month');
        return readPartRange(partA, partB, yearB, ctx);
      },
    };
  });
}
