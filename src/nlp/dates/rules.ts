import type { DatePrecision } from '../../types/date.js';
import { addDays, type Day, makeDay, monthSpan, parts, weekSpan, yearSpan } from './calendar.js';
import {
  COUNT,
  countOf,
  DAY_NUM,
  dayOf,
  MONTH_ANY,
  MONTH_FULL,
  monthOf,
  WEEKDAY_ANY,
  WEEKDAYS,
} from './lexicon.js';
import {
  type Atom,
  partSpan,
  type Reading,
  type ResolveContext,
  readYearless,
  type YearlessPart,
} from './reading.js';

/** Regex source: no word character or hyphen before. */
export const B = '(?<![\\w-])';
/** Regex source: no word character or hyphen after. */
export const E = '(?![\\w-])';
/** Regex source: a four-digit year 1500-2099, captured. */
export const YEAR = '(1[5-9]\\d\\d|20\\d\\d|21\\d\\d)';
// Words before a bare year or month that make a date reading likely ("in 2015", "since March").
const CUE =
  /(?:\b(?:in|since|until|till|by|during|of|from|through|to|and|between|early|late|mid|before|after|this|last|next|around|throughout|spring|summer|autumn|fall|winter|year)\s+|\bmid-|,\s*)$/i;
const AMBIGUOUS_MONTHS = new Set(['may', 'march']);

/**
 * Our own recognisers for what a generic date parser reads poorly in news: relative periods
 * ("last week", "earlier this month"), years and decades, quarters, month names guarded
 * against "may" and "a protest march", weekdays resolved by tense, and day ranges sharing a
 * month ("from 3 to 5 May").
 *
 * @example ruleAtoms('Talks were held last week.').length // 1
 */
export function ruleAtoms(text: string): Atom[] {
  return [
    ...dayRanges(text),
    ...fullDays(text),
    ...monthOrdinals(text),
    ...numericMonths(text),
    ...monthYears(text),
    ...bareMonths(text),
    ...years(text),
    ...decades(text),
    ...quarters(text),
    ...relativePeriods(text),
    ...periodParts(text),
    ...countedPeriods(text),
    ...shiftedDays(text),
    ...casualDays(text),
    ...weekdays(text),
    ...weekdaysInWeeks(text),
    ...weekdayDates(text),
    ...yearRanges(text),
    ...monthRanges(text),
    ...afterNext(text),
    ...daysOfRelativeMonth(text),
  ];
}

/** Runs a case-insensitive global regex over the text and keeps the atoms `make` builds. @example each('in 2015', YEAR, m => …) */
export function each(text: string, source: string, make: (m: RegExpExecArray) => Atom | null): Atom[] {
  const re = new RegExp(source, 'gi');
  const out: Atom[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const atom = make(m);
    if (atom) out.push(atom);
  }
  return out;
}

/** A reading that needs no reference. @example fixed([d, d], 'day') */
export const fixed = (
  span: readonly [Day, Day] | null,
  precision: DatePrecision,
  relative = false,
): Reading => ({
  span,
  precision,
  relative,
});

/** "from 3 to 5 May", "between 2 and 7 Feb 2018", "4-22 January, 1995", "November 18-19", "April 9th through 17th". */
function dayRanges(text: string): Atom[] {
  const link = '\\s*(?:to|and|-|–|—|until|till|through|thru)\\s*(?:the\\s+)?';
  const yearTail = `(?:,?\\s+(?:of\\s+)?${YEAR})?`;
  const dayFirst = `${B}(?:(?:from|between)\\s+)?(?:the\\s+)?(${DAY_NUM})${link}(${DAY_NUM})\\s+(?:of\\s+)?(${MONTH_ANY})${yearTail}${E}`;
  const monthFirst = `${B}(?:(?:from|between)\\s+)?(${MONTH_ANY})\\s+(?:the\\s+)?(${DAY_NUM})${link}(${DAY_NUM})${yearTail}${E}`;
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

/** A range between two year-less parts of one year ("from 3 to 5 May"), or of a stated year. */
export function readPartRange(
  a: YearlessPart,
  b: YearlessPart,
  year: number | null,
  ctx: ResolveContext,
): Reading {
  const precision: DatePrecision = a.day === null ? 'month' : 'day';
  let y = year;
  if (y === null) {
    if (ctx.ref === null) return { span: null, precision, relative: false, yearless: a };
    y = readYearless(b, ctx).span ? parts(readYearless(b, ctx).span![1]).year : parts(ctx.ref).year;
  }
  const end = partSpan(b, y);
  let begin = partSpan(a, y);
  if (begin && end && begin[0] > end[1]) begin = partSpan(a, y - 1);
  if (!begin || !end) return fixed(null, precision);
  return fixed([begin[0], end[1]], precision);
}

/** "November 2023", "April of 1987". */
function monthYears(text: string): Atom[] {
  return each(text, `${B}(${MONTH_ANY})(?:(?:,?\\s+of)?,?\\s+${YEAR}|\\s+of\\s+'?(\\d\\d))${E}`, (m) => {
    const month = monthOf(m[1]!);
    if (month === null) return null;
    if (m[3]) {
      const y2 = Number(m[3]);
      const span = monthSpan(1900 + y2 + (y2 < 50 ? 100 : 0), month);
      return {
        start: m.index,
        end: m.index + m[0].length,
        priority: 2,
        confidence: 0.7,
        read: () => fixed(span, 'month'),
      };
    }
    if (
      AMBIGUOUS_MONTHS.has(m[1]!.toLowerCase()) &&
      m[1]![0] === m[1]![0]!.toLowerCase() &&
      !/^\d/.test(m[2]!)
    )
      return null;
    const span = monthSpan(Number(m[2]), month);
    return {
      start: m.index,
      end: m.index + m[0].length,
      priority: 2,
      confidence: 0.9,
      read: () => fixed(span, 'month'),
    };
  });
}

/** "in March", "last September", "next June": a month without a day or year. */
function bareMonths(text: string): Atom[] {
  return each(text, `${B}(?:(this|last|next|past|previous|coming)\\s+)?(${MONTH_FULL})${E}`, (m) => {
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
  return each(text, `(?<![\\w$£€#.,/:-])((?:the\\s+)?year\\s+)?${YEAR}(?![\\w%/:-]|[.,]\\d)`, (m) => {
    const year = Number(m[2]);
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const inRange =
      /^\s*(?:to|-|–|—|through|and|until|till)\s*(?:1[5-9]\d\d|20\d\d)\b/i.test(after) ||
      /(?:1[5-9]\d\d|20\d\d)\s*(?:to|-|–|—|through|and|until|till)\s*$/i.test(before);
    if (!m[1] && !inRange && !CUE.test(before)) return null;
    // "in 2000 pieces", "by 2015 soldiers": a count of things, not a year.
    if (!m[1] && /^\s+(?!was\b|has\b|is\b|as\b|this\b|his\b|its\b)[a-z]+s\b/.test(after)) return null;
    if (/^\s*(?:people|troops|soldiers|times|men|women|children|km|m|kg|tonnes|dollars)\b/i.test(after))
      return null;
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
  return each(text, `${B}(?:the\\s+)?(?:(early|mid|late)[- ])?(1[5-9]\\d0|20\\d0)'?s${E}`, (m) => {
    const d = Number(m[2]);
    const q = m[1]?.toLowerCase();
    const [a, b] = q === 'early' ? [0, 3] : q === 'mid' ? [4, 6] : q === 'late' ? [7, 9] : [0, 9];
    const span: [Day, Day] = [yearSpan(d + a)[0], yearSpan(d + b)[1]];
    return {
      start: m.index,
      end: m.index + m[0].length,
      priority: 2,
      confidence: 0.85,
      read: () => fixed(span, 'decade'),
    };
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
    return {
      start: m.index,
      end: m.index + m[0].length,
      priority: 2,
      confidence: 0.85,
      read: () => fixed(span, 'quarter'),
    };
  };
  return [
    ...each(text, `${B}([QH])([1-4])(?:-|/|\\s+of\\s+|\\s+)?${YEAR}${E}`, (m) =>
      m[1]!.toUpperCase() === 'H' && Number(m[2]) > 2
        ? null
        : quarter(m, Number(m[3]), Number(m[2]), m[1]!.toUpperCase() === 'H' ? 6 : 3),
    ),
    ...each(text, `${B}${YEAR}(?:-|/| )?([QH])([1-4])${E}`, (m) =>
      m[2]!.toUpperCase() === 'H' && Number(m[3]) > 2
        ? null
        : quarter(m, Number(m[1]), Number(m[3]), m[2]!.toUpperCase() === 'H' ? 6 : 3),
    ),
    ...each(
      text,
      `${B}(?:the\\s+)?(first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+quarter\\s+of\\s+${YEAR}${E}`,
      (m) => quarter(m, Number(m[2]), QUARTER_WORDS[m[1]!.toLowerCase()]!),
    ),
  ];
}

/** Calendar units relative expressions count in. */
export type Unit = 'week' | 'weekend' | 'month' | 'year' | 'quarter' | 'decade';

/** The span of the unit containing `day`, shifted by `offset` units. */
export function unitSpan(unit: Unit, day: Day, offset: number): [Day, Day] {
  const { year, month } = parts(day);
  switch (unit) {
    case 'week':
      return weekSpan(addDays(day, 7 * offset));
    case 'weekend': {
      const [monday] = weekSpan(addDays(day, 7 * offset));
      return [addDays(monday, 5), addDays(monday, 6)];
    }
    case 'month':
      return monthSpan(year, month + offset);
    case 'quarter': {
      const q = Math.floor((month - 1) / 3) + offset;
      return [monthSpan(year, q * 3 + 1)[0], monthSpan(year, q * 3 + 3)[1]];
    }
    case 'year':
      return yearSpan(year + offset);
    case 'decade': {
      const d = Math.floor(year / 10) * 10 + 10 * offset;
      return [yearSpan(d)[0], yearSpan(d + 9)[1]];
    }
  }
}

const PRECISION: Record<Unit, DatePrecision> = {
  week: 'week',
  weekend: 'day',
  month: 'month',
  year: 'year',
  quarter: 'quarter',
  decade: 'decade',
};

/** -1 for last/past/previous, +1 for next/coming, 0 for this. @example offsetOf('next') // 1 */
export function offsetOf(modifier: string): number {
  const m = modifier.toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');
  if (BACK.has(m)) return -1;
  if (AHEAD.has(m)) return 1;
  return 0;
}

const BACK = new Set(['last', 'past', 'previous', 'prior', 'this past']);
const AHEAD = new Set(['next', 'coming', 'following', 'upcoming']);

/** An atom read against the reference day; without one it has no span. */
export const relativeAtom = (
  start: number,
  end: number,
  confidence: number,
  read: (ref: Day) => [Day, Day] | null,
  precision: DatePrecision,
): Atom => ({
  start,
  end,
  priority: 2,
  confidence,
  read: (ctx) => (ctx.ref === null ? fixed(null, precision, true) : fixed(read(ctx.ref), precision, true)),
});

/** "last week", "this year", "next month", "the past quarter", "this calendar year". */
function relativePeriods(text: string): Atom[] {
  const source = `${B}(the\\s+(?:past|last|previous|prior|next|coming|following|upcoming)|this\\s+past|this|last|next|past|previous|prior|coming|upcoming|current|the|my)\\s+(?:calendar\\s+)?(week|weekend|month|year|quarter|decade)${E}`;
  return each(text, source, (m) => {
    const unit = m[2]!.toLowerCase() as Unit;
    const modifier = m[1]!.toLowerCase();
    if (modifier === 'my' && unit !== 'weekend') return null;
    // "the year" is usually anaphoric ("the year before"); keep it only with low trust.
    const bare = modifier === 'the';
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (bare && /^\s+(?:before|after|earlier|later|of|in|when|that)\b/i.test(after)) return null;
    if (bare && /^\s*(?:\d|after|before|commencing|starting|beginning|of|ending)/i.test(after)) return null;
    const offset = offsetOf(modifier);
    const start = !bare && /^the\s/i.test(m[0]) ? m.index + 4 : m.index;
    return relativeAtom(
      start,
      m.index + m[0].length,
      bare ? 0.5 : 0.85,
      (ref) => unitSpan(unit, ref, offset),
      PRECISION[unit],
    );
  });
}

/**
 * "earlier this month", "later this year", "early next month", "late last week", "the end of
 * March", "the beginning of 2000", "mid-2015".
 */
function periodParts(text: string): Atom[] {
  const rel = '(this|last|next|the|current|the past|the previous|the next|the coming)';
  const out: Atom[] = [];
  // earlier/later this X: the part before or after the reference day.
  out.push(
    ...each(text, `${B}(earlier|later)\\s+(?:in\\s+)?${rel}\\s+(week|month|year)${E}`, (m) => {
      const later = m[1]!.toLowerCase() === 'later';
      const unit = m[3]!.toLowerCase() as Unit;
      const offset = offsetOf(m[2]!);
      return relativeAtom(
        m.index,
        m.index + m[0].length,
        0.8,
        (ref) => {
          const [a, b] = unitSpan(unit, ref, offset);
          if (offset !== 0) return [a, b];
          if (later) return [ref, b];
          return [a, ref > a ? addDays(ref, -1) : a];
        },
        PRECISION[unit],
      );
    }),
  );
  // early/mid/late + relative unit.
  out.push(
    ...each(
      text,
      `${B}(?:(?:the\\s+)?(beginning|start|middle|end)\\s+of\\s+|(early|mid|late)[- ]?)${rel}\\s+(week|month|year)${E}`,
      (m) => {
        const part = (m[1] ?? m[2])!.toLowerCase();
        const unit = m[4]!.toLowerCase() as Unit;
        const offset = offsetOf(m[3]!);
        const start = m.index + (/^the\s/i.test(m[0]) ? 4 : 0);
        return relativeAtom(
          start,
          m.index + m[0].length,
          0.75,
          (ref) => slice(unitSpan(unit, ref, offset), unit, part),
          PRECISION[unit],
        );
      },
    ),
  );
  // early/mid/late + a named year or month.
  out.push(
    ...each(
      text,
      `${B}(?:(?:the\\s+)?(beginning|start|middle|end)\\s+of\\s+|(early|mid|late)[- ]?)(?:(${MONTH_FULL})(?:\\s+${YEAR})?|${YEAR})${E}`,
      (m) => {
        const part = (m[1] ?? m[2])!.toLowerCase();
        const start = m.index + (/^the\s/i.test(m[0]) ? 4 : 0);
        const end = m.index + m[0].length;
        if (m[5]) {
          const span = slice(yearSpan(Number(m[5])), 'year', part);
          return { start, end, priority: 3, confidence: 0.75, read: () => fixed(span, 'year') };
        }
        const month = monthOf(m[3]!)!;
        if (m[4]) {
          const span = slice(monthSpan(Number(m[4]), month), 'month', part);
          return { start, end, priority: 3, confidence: 0.75, read: () => fixed(span, 'month') };
        }
        const whole: YearlessPart = { month, day: null };
        return {
          start,
          end,
          priority: 3,
          confidence: 0.7,
          yearless: whole,
          read: (ctx) => {
            const r = readYearless(whole, ctx);
            return r.span ? { ...r, span: slice(r.span, 'month', part) } : r;
          },
        };
      },
    ),
  );
  return out;
}

/** The early, middle or late part of a week, month or year, as news readers use the words. */
function slice(span: readonly [Day, Day], unit: Unit, part: string): [Day, Day] {
  const [a, b] = span;
  const early = part === 'early' || part === 'beginning' || part === 'start';
  const late = part === 'late' || part === 'end';
  if (unit === 'week')
    return early ? [a, addDays(a, 2)] : late ? [addDays(a, 3), b] : [addDays(a, 1), addDays(a, 4)];
  if (unit === 'month') {
    const { year, month } = parts(a);
    if (early) return [a, makeDay(year, month, 15)!];
    if (late) return [makeDay(year, month, 16)!, b];
    return [makeDay(year, month, 10)!, makeDay(year, month, 20)!];
  }
  const year = parts(a).year;
  if (early) return [a, monthSpan(year, 4)[1]];
  if (late) return [monthSpan(year, 9)[0], b];
  return [monthSpan(year, 5)[0], monthSpan(year, 8)[1]];
}

/**
 * "the past three months", "the next 2 days", "within 5 days", "the past two quarters":
 * counted spans ending or starting at the reference (whole quarters and decades).
 */
function countedPeriods(text: string): Atom[] {
  return each(
    text,
    `${B}(?:the\\s+)?(?:(past|last|previous|next|coming|within|within\\s+(?:the\\s+)?next)\\s+(${COUNT})|(${COUNT})\\s+(past|previous|next|upcoming|coming))\\s*(day|week|month|year|quarter|decade)s?${E}`,
    (m) => {
      // "the 5 past years" says the same as "the past 5 years".
      const n = countOf((m[2] ?? m[3])!);
      if (n === null || n < 1 || n > 1000) return null;
      const dir = (m[1] ?? m[4])!.toLowerCase();
      const unit = m[5]!.toLowerCase();
      const back = dir === 'past' || dir === 'last' || dir === 'previous';
      const start =
        m.index + (/^the\s/i.test(m[0]) && !/decade/i.test(unit) && !/^the\s+\d/i.test(m[0]) ? 4 : 0);
      if (unit === 'quarter' || unit === 'decade') {
        const u = unit as Unit;
        return relativeAtom(
          start,
          m.index + m[0].length,
          0.75,
          (ref) =>
            back
              ? [unitSpan(u, ref, -n)[0], unitSpan(u, ref, -1)[1]]
              : [unitSpan(u, ref, 1)[0], unitSpan(u, ref, n)[1]],
          PRECISION[u],
        );
      }
      return relativeAtom(
        start,
        m.index + m[0].length,
        0.75,
        (ref) => {
          const shifted = shiftDay(ref, unit, back ? -n : n);
          if (back) return [shifted, addDays(ref, -1)];
          if (dir.startsWith('within')) return [ref, addDays(shifted, -1)];
          return [addDays(ref, 1), shifted];
        },
        'day',
      );
    },
  );
}

/** The day `n` units (day, week, month, year) after `day`; month ends clamp (31 Jan + 1 month = 28/29 Feb). @example shiftDay(d, 'week', -2) */
export function shiftDay(day: Day, unit: string, n: number): Day {
  if (unit === 'day') return addDays(day, n);
  if (unit === 'week') return addDays(day, 7 * n);
  const p = parts(day);
  const months = unit === 'month' ? n : 12 * n;
  const [first, last] = monthSpan(p.year, p.month + months);
  return Math.min(addDays(first, p.day - 1), last);
}

/** "today", "yesterday", "the day before yesterday", "last night", "this morning". */
function casualDays(text: string): Atom[] {
  return each(
    text,
    `${B}(?:the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|today|yesterday|tomorrow|tonight|last\\s+night|this\\s+(?:morning|afternoon|evening))${E}`,
    (m) => {
      const w = m[0].toLowerCase().replace(/\s+/g, ' ');
      const offset = w.includes('before yesterday')
        ? -2
        : w.includes('after tomorrow')
          ? 2
          : w === 'yesterday' || w === 'last night'
            ? -1
            : w === 'tomorrow'
              ? 1
              : 0;
      return relativeAtom(
        m.index,
        m.index + m[0].length,
        0.85,
        (ref) => [addDays(ref, offset), addDays(ref, offset)],
        'day',
      );
    },
  );
}

/**
 * "on Tuesday", "last Friday", "next Monday": a weekday alone is read in the clause's tense;
 * in past-tense reporting it is the latest such day up to the reference day.
 */
function weekdays(text: string): Atom[] {
  return each(
    text,
    `${B}(?:(this\\s+past|last|next|this|coming|previous|past)\\s+)?(${WEEKDAY_ANY})${E}`,
    (m) => {
      const wd = WEEKDAYS[m[2]!.toLowerCase()]!;
      const modifier = m[1]?.toLowerCase().replace(/\s+/g, ' ') ?? null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        priority: 1,
        confidence: modifier ? 0.8 : 0.7,
        read: (ctx) => {
          if (ctx.ref === null) return fixed(null, 'day', true);
          const ref = ctx.ref;
          const refWd = parts(ref).weekday;
          const [monday] = weekSpan(ref);
          let day: Day;
          if (modifier === 'previous') day = addDays(monday, wd - 1 - 7);
          else if (modifier === 'next') day = addDays(monday, wd - 1 + 7);
          else if (modifier === 'this') day = addDays(monday, wd - 1);
          else if (modifier === 'coming') day = addDays(ref, ((wd - refWd + 6) % 7) + 1);
          else if (modifier !== null) day = addDays(ref, -(((refWd - wd + 6) % 7) + 1));
          else if (ctx.tense === 'future') day = addDays(ref, (wd - refWd + 7) % 7);
          else day = addDays(ref, -((refWd - wd + 7) % 7));
          return fixed([day, day], 'day', true);
        },
      };
    },
  );
}

const WEEKDAY_PREFIX = `(?:(${WEEKDAY_ANY}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?,?\\s+(?:the\\s+)?)?`;
const YEAR_TAIL = `(?:,?\\s+(?:of\\s+|in\\s+)?(?:${YEAR}|'(\\d\\d))|\\s+of\\s+(\\d\\d))?`;

/**
 * "17 November", "the 4th of July 1995", "Monday, January 12th, 2016", "Nov. 2, 2023":
 * a day and a month, with the year when the text gives one.
 */
function fullDays(text: string): Atom[] {
  const dayFirst = `${B}${WEEKDAY_PREFIX}(?:the\\s+)?(${DAY_NUM})\\.?\\s+(?:day\\s+)?(?:of\\s+)?(${MONTH_ANY})${YEAR_TAIL}${E}`;
  // "Nov 18-Dec 19, 2015": the second date follows a hyphen.
  const monthFirst = `(?<!\\w)(?<![A-Za-z]-)${WEEKDAY_PREFIX}(${MONTH_ANY})\\s+(?:the\\s+)?(${DAY_NUM})${YEAR_TAIL}(?![\\w]|-\\d|:\\d|[.,]\\d)`;
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

/**
 * "on the 18th", "Saturday the 23rd": a day of the month alone, in the reference month or the
 * one next to it that the tense (or the weekday) points to.
 */
function monthOrdinals(text: string): Atom[] {
  const source = `${B}(?:(${WEEKDAY_ANY})\\s+)?the\\s+(\\d{1,2}(?:st|nd|rd|th)|${DAY_NUM})(?=\\s*(?:[.,;!?)]|$|of\\s+(?:this|the)\\s+month))`;
  return each(text, source, (m) => {
    const day = dayOf(m[2]!);
    if (day === null) return null;
    const wd = m[1] ? WEEKDAYS[m[1].toLowerCase()]! : null;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (wd === null && !/\b(?:on|for|by|since|until|till|from|to|and)\s+$/i.test(before)) return null;
    const start = m.index;
    const end = m.index + m[0].length;
    return {
      start,
      end,
      priority: 1,
      confidence: wd ? 0.75 : 0.6,
      read: (ctx) => {
        if (ctx.ref === null) return fixed(null, 'day', true);
        const { year, month } = parts(ctx.ref);
        const options: Day[] = [];
        for (let k = -12; k <= 12; k++) {
          const [first] = monthSpan(year, month + k);
          const p = parts(first);
          const d = makeDay(p.year, p.month, day);
          if (d !== null && (wd === null || parts(d).weekday === wd)) options.push(d);
        }
        const ref = ctx.ref;
        const past = options.filter((d) => d <= ref);
        const future = options.filter((d) => d >= ref);
        let pick: Day | undefined;
        if (wd !== null) pick = options.sort((a, b) => Math.abs(a - ref) - Math.abs(b - ref))[0];
        else pick = ctx.tense === 'future' ? future[0] : past[past.length - 1];
        return pick === undefined ? fixed(null, 'day', true) : fixed([pick, pick], 'day', true);
      },
    };
  });
}

/** "2015-03", "2015/3", "3/2015", "11-2016": a month written in numbers. */
function numericMonths(text: string): Atom[] {
  const make = (m: RegExpExecArray, year: number, month: number): Atom | null => {
    if (month < 1 || month > 12) return null;
    const span = monthSpan(year, month);
    return {
      start: m.index,
      end: m.index + m[0].length,
      priority: 1,
      confidence: 0.7,
      read: () => fixed(span, 'month'),
    };
  };
  return [
    ...each(
      text,
      `(?<![\\w./:-]|\\d[-/]\\s?)${YEAR}\\s?[-/]\\s?(0?[1-9]|1[0-2])(?![\\w./:-]|\\s?[-/]\\s?\\d)`,
      (m) => make(m, Number(m[1]), Number(m[2])),
    ),
    ...each(
      text,
      `(?<![\\w./:-]|\\d[-/]\\s?)(0?[1-9]|1[0-2])\\s?[-/]\\s?${YEAR}(?![\\w./:-]|\\s?[-/]\\s?\\d)`,
      (m) => make(m, Number(m[2]), Number(m[1])),
    ),
  ];
}

/** "two months ago", "in three days", "two weeks from now", "a fortnight ago": one day counted from the reference. */
function shiftedDays(text: string): Atom[] {
  const unit = '(day|week|fortnight|month|year)s?';
  return [
    ...each(
      text,
      `${B}(${COUNT})\\s+${unit}\\s+(ago|earlier|before|later|after|from\\s+now|from\\s+today|hence)${E}`,
      (m) => {
        const n = countOf(m[1]!);
        const dir = m[3]!.toLowerCase();
        if (n === null) return null;
        // "two days later" and "a week earlier" count from an event in the story, not from the reference.
        if (dir === 'earlier' || dir === 'before' || dir === 'later' || dir === 'after') return null;
        const sign = dir === 'ago' ? -1 : 1;
        return countedDay(m.index, m.index + m[0].length, m[2]!.toLowerCase(), sign * n);
      },
    ),
    ...each(text, `${B}in\\s+(${COUNT})\\s+${unit}(?:'s?\\s+time)?${E}`, (m) => {
      const n = countOf(m[1]!);
      if (n === null) return null;
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      // "killed in two days of fighting" is a duration; "within" and "for" likewise.
      if (/\b(?:for|within|over|during)\s+$/i.test(before)) return null;
      if (/^\s+of\b/i.test(text.slice(m.index + m[0].length))) return null;
      return countedDay(
        m.index,
        m.index + m[0].length - (/'s?\s+time$/i.test(m[0]) ? m[0].length - m[0].search(/'s?\s+time$/i) : 0),
        m[2]!.toLowerCase(),
        n,
      );
    }),
  ];
}

function countedDay(start: number, end: number, unit: string, n: number): Atom {
  return relativeAtom(
    start,
    end,
    0.75,
    (ref) => {
      const d = unit === 'fortnight' ? addDays(ref, 14 * n) : shiftDay(ref, unit, n);
      return [d, d];
    },
    'day',
  );
}

const WEEKDAY_WORD = `(${WEEKDAY_ANY}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)`;

/** The given weekday in the week `offset` weeks from the reference. */
function weekdayOfWeek(ref: Day, offset: number, wd: number): Day {
  const [monday] = weekSpan(addDays(ref, 7 * offset));
  return addDays(monday, wd - 1);
}

/** "Friday last week", "Sunday of next week", "next week on Tuesday", "last week Sunday". */
function weekdaysInWeeks(text: string): Atom[] {
  const week = '(this|last|next|previous|coming|past)\\s+week';
  const make = (m: RegExpExecArray, wdWord: string, modifier: string): Atom | null => {
    const wd = WEEKDAYS[wdWord.toLowerCase()];
    if (wd === undefined) return null;
    const offset = offsetOf(modifier);
    return relativeAtom(
      m.index,
      m.index + m[0].length,
      0.8,
      (ref) => {
        const d = weekdayOfWeek(ref, offset, wd);
        return [d, d];
      },
      'day',
    );
  };
  return [
    ...each(text, `${B}${WEEKDAY_WORD}\\.?,?\\s+(?:of\\s+)?${week}${E}`, (m) => make(m, m[1]!, m[2]!)),
    ...each(text, `${B}${week},?\\s+(?:on\\s+)?${WEEKDAY_WORD}${E}`, (m) => make(m, m[2]!, m[1]!)),
  ];
}

/** "Tuesday the 15th", "Sunday 31", "Sat 14th": the nearest date with that weekday and day of the month. */
function weekdayDates(text: string): Atom[] {
  const source = `${B}${WEEKDAY_WORD}\\.?,?\\s+(?:the\\s+(${DAY_NUM}|fifteen|sixteen|thirty)|(\\d{1,2}(?:st|nd|rd|th))|(\\d{1,2})(?=\\s*(?:[.,;!?)]|$)))${E}`;
  return each(text, source, (m) => {
    const wd = WEEKDAYS[m[1]!.toLowerCase()];
    const word = (m[2] ?? m[3] ?? m[4])!.toLowerCase();
    const day = word === 'fifteen' ? 15 : word === 'sixteen' ? 16 : word === 'thirty' ? 30 : dayOf(word);
    if (wd === undefined || day === null) return null;
    return relativeAtom(
      m.index,
      m.index + m[0].length,
      0.75,
      (ref) => {
        const { year, month } = parts(ref);
        let best: Day | null = null;
        for (let k = -24; k <= 24; k++) {
          const [first] = monthSpan(year, month + k);
          const p = parts(first);
          const d = makeDay(p.year, p.month, day);
          if (
            d !== null &&
            parts(d).weekday === wd &&
            (best === null || Math.abs(d - ref) < Math.abs(best - ref))
          )
            best = d;
        }
        return best === null ? null : [best, best];
      },
      'day',
    );
  });
}

/** "2014-2018", "from 2011–2014", "2015-17": a span of whole years written with a dash. */
function yearRanges(text: string): Atom[] {
  return each(
    text,
    `(?<![\\w$£€#.,/:-]|\\d[-/]\\s?)(?:(?:from|between)\\s+)?${YEAR}\\s?[-–—~]\\s?(1[5-9]\\d\\d|20\\d\\d|\\d\\d)(?![\\w%/:-]|[.,]\\d)`,
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
  const source = `${B}(?:(from|between)\\s+)?(${MONTH_ANY})(?:\\s+${YEAR})?\\s*(?:-|–|—|to|through|till|until|and)\\s*(${MONTH_ANY})(?:,?\\s+(?:in\\s+|of\\s+)?${YEAR})?${E}`;
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

/** "the week after next", "the year after next", "the month after the next". */
function afterNext(text: string): Atom[] {
  return each(text, `${B}the\\s+(week|month|year)\\s+after\\s+(?:the\\s+)?next${E}`, (m) => {
    const unit = m[1]!.toLowerCase() as Unit;
    return relativeAtom(
      m.index,
      m.index + m[0].length,
      0.8,
      (ref) => unitSpan(unit, ref, 2),
      PRECISION[unit],
    );
  });
}

/** "the 18th of this month", "between the 1st and 15th of next month", "from 4 to 22 this month". */
function daysOfRelativeMonth(text: string): Atom[] {
  const rel =
    '(?:of\\s+)?(this|next|last|the\\s+current|current|the\\s+next|the\\s+previous|previous)\\s+month';
  const link = '\\s*(?:to|and|-|–|until|till|through)\\s*(?:the\\s+)?';
  const inMonth = (ref: Day, modifier: string, day: number): Day | null => {
    const p = parts(ref);
    const [first] = monthSpan(p.year, p.month + offsetOf(modifier));
    const q = parts(first);
    return makeDay(q.year, q.month, day);
  };
  return [
    ...each(
      text,
      `${B}(?:(from|between)\\s+)?(?:the\\s+)?(${DAY_NUM})${link}(${DAY_NUM})\\s+${rel}${E}`,
      (m) => {
        const d1 = dayOf(m[2]!);
        const d2 = dayOf(m[3]!);
        if (d1 === null || d2 === null || d2 <= d1) return null;
        if (/\sand\s/i.test(m[0]) && m[1]?.toLowerCase() !== 'between') return null;
        const atom = relativeAtom(
          m.index,
          m.index + m[0].length,
          0.75,
          (ref) => {
            const a = inMonth(ref, m[4]!, d1);
            const b = inMonth(ref, m[4]!, d2);
            return a !== null && b !== null ? [a, b] : null;
          },
          'day',
        );
        return { ...atom, priority: 3, kind: 'range' };
      },
    ),
    ...each(text, `${B}(?:the\\s+)?(${DAY_NUM})\\s+${rel}${E}`, (m) => {
      const d = dayOf(m[1]!);
      if (d === null || /^\d+$/.test(m[1]!)) return null;
      // Readers mark "the 18th of next month" whole, as they mark "the 18th".
      return relativeAtom(
        m.index,
        m.index + m[0].length,
        0.75,
        (ref) => {
          const x = inMonth(ref, m[2]!, d);
          return x === null ? null : [x, x];
        },
        'day',
      );
    }),
  ];
}
