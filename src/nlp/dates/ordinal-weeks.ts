import { B, E, each, fixed, offsetOf, pattern, YEAR } from './atom-kit.js';
import { addDays, type Day, makeDay, monthSpan, parts, weekSpan } from './calendar.js';
import { MONTH_ANY, MONTH_FULL, monthOf, WEEKDAY_ANY, WEEKDAYS } from './lexicon.js';
import { type Atom, pickYear, type ResolveContext } from './reading.js';

const ORDINAL: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  last: -1,
};
const ORD = '(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last)';
const REL_MONTH = '(this|last|next|previous|coming|the\\s+previous|the\\s+next)\\s+month';

/**
 * Weeks and weekdays counted inside a month or year: "the first week of January 2015", "the
 * last week of 2016", "the second Monday of next month", "the week beginning 4 February".
 * Weeks are ISO weeks; the first week of a month is the one holding its first Thursday.
 *
 * @example ordinalWeekAtoms('in the last week of December 2016')[0] // 2016-12-26..2017-01-01
 */
export function ordinalWeekAtoms(text: string): Atom[] {
  return [...weeksOf(text), ...weekdaysOf(text), ...weeksStarting(text)];
}

/** Resolves the month an expression names: "January 2015", "January", "next month"; null when unknown. */
type MonthRef = (ctx: ResolveContext) => { year: number; month: number } | null;

function monthRef(monthWord?: string, yearWord?: string, relWord?: string): MonthRef | null {
  if (relWord) {
    const offset = offsetOf(relWord.replace(/\s+/g, ' ').replace(/^the /, ''));
    return (ctx) => {
      if (ctx.ref === null) return null;
      const p = parts(ctx.ref);
      const [first] = monthSpan(p.year, p.month + offset);
      const q = parts(first);
      return { year: q.year, month: q.month };
    };
  }
  const month = monthWord ? monthOf(monthWord) : null;
  if (month === null) return null;
  if (yearWord) return () => ({ year: Number(yearWord), month });
  return (ctx) =>
    ctx.ref === null ? null : { year: pickYear({ month, day: null }, ctx.ref, ctx.tense), month };
}

/** The n-th (or last, n = -1) ISO week of a month: weeks belong to the month of their Thursday. */
function nthWeekOfMonth(year: number, month: number, n: number): [Day, Day] | null {
  const [first, last] = monthSpan(year, month);
  if (n > 0) {
    const firstThursday = addDays(first, (4 - parts(first).weekday + 7) % 7);
    const [monday] = weekSpan(addDays(firstThursday, 7 * (n - 1)));
    return parts(addDays(monday, 3)).month === month ? [monday, addDays(monday, 6)] : null;
  }
  const lastThursday = addDays(last, -((parts(last).weekday - 4 + 7) % 7));
  return weekSpan(lastThursday);
}

function weeksOf(text: string): Atom[] {
  const source = pattern`${B}(?:the\\s+)?${ORD}\\s+week\\s+of\\s+(?:(${MONTH_ANY})(?:,?\\s+${YEAR})?|${YEAR}|${REL_MONTH}|(this|last|next)\\s+year)${E}`;
  return each(text, source, (m) => {
    const n = ORDINAL[m[1]!.toLowerCase()]!;
    const start = m.index;
    const end = m.index + m[0].length;
    const yearOnly = m[4] ?? null;
    if (yearOnly || m[6]) {
      const rel = m[6] ?? null;
      return {
        start,
        end,
        priority: 3,
        confidence: 0.8,
        read: (ctx) => {
          const year = yearOnly
            ? Number(yearOnly)
            : ctx.ref === null
              ? null
              : parts(ctx.ref).year + offsetOf(rel!);
          if (year === null) return fixed(null, 'week', true);
          const span = n > 0 ? nthWeekOfMonth(year, 1, n) : nthWeekOfMonth(year, 12, -1);
          return fixed(span, 'week', rel !== null);
        },
      };
    }
    const ref = monthRef(m[2], m[3], m[5]);
    if (!ref) return null;
    return {
      start,
      end,
      priority: 3,
      confidence: 0.8,
      read: (ctx) => {
        const r = ref(ctx);
        return r === null
          ? fixed(null, 'week', true)
          : fixed(nthWeekOfMonth(r.year, r.month, n), 'week', !m[3]);
      },
    };
  });
}

function weekdaysOf(text: string): Atom[] {
  const source = pattern`${B}(?:the\\s+)?${ORD}\\s+(${WEEKDAY_ANY})\\s+(?:of|in)\\s+(?:(${MONTH_FULL})(?:,?\\s+${YEAR})?|${REL_MONTH})${E}`;
  return each(text, source, (m) => {
    const n = ORDINAL[m[1]!.toLowerCase()]!;
    const wd = WEEKDAYS[m[2]!.toLowerCase()]!;
    const ref = monthRef(m[3], m[4], m[5]);
    if (!ref) return null;
    return {
      start: m.index,
      end: m.index + m[0].length,
      priority: 3,
      confidence: 0.8,
      read: (ctx) => {
        const r = ref(ctx);
        if (r === null) return fixed(null, 'day', true);
        const [first, last] = monthSpan(r.year, r.month);
        const day =
          n > 0
            ? addDays(first, ((wd - parts(first).weekday + 7) % 7) + 7 * (n - 1))
            : addDays(last, -((parts(last).weekday - wd + 7) % 7));
        return parts(day).month === r.month ? fixed([day, day], 'day', !m[4]) : fixed(null, 'day', true);
      },
    };
  });
}

/** "the week beginning 4 February", "the week commencing Monday 3 June", "w/c 4 Feb". */
function weeksStarting(text: string): Atom[] {
  const day = `(?:(?:${WEEKDAY_ANY}),?\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_ANY})|(${MONTH_ANY})\\s+(\\d{1,2})(?:st|nd|rd|th)?)(?:,?\\s+${YEAR})?`;
  const source = pattern`${B}(?:(?:the\\s+)?week\\s+(?:commencing|beginning|starting)(?:\\s+on)?|w/c)\\s+${day}${E}`;
  return each(text, source, (m) => {
    const month = monthOf((m[2] ?? m[3])!);
    const dayOfMonth = Number(m[1] ?? m[4]);
    if (month === null) return null;
    const part = { month, day: dayOfMonth };
    return {
      start: m.index,
      end: m.index + m[0].length,
      priority: 3,
      confidence: 0.8,
      read: (ctx) => {
        const year = m[5] ? Number(m[5]) : ctx.ref === null ? null : pickYear(part, ctx.ref, ctx.tense);
        const d = year === null ? null : makeDay(year, month, dayOfMonth);
        if (d === null)
          return {
            span: null,
            precision: 'week',
            relative: false,
            ...(year === null ? { yearless: part } : {}),
          };
        // Readers mean the calendar week the day falls in, even when it is not a Monday.
        return fixed(weekSpan(d), 'week');
      },
    };
  });
}
