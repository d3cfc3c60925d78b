import {
  B,
  E,
  each,
  fixed,
  matchAtom,
  offsetOf,
  pattern,
  relativeAtom,
  shiftDay,
  type Unit,
  unitSpan,
  YEAR,
} from './atom-kit.js';
import { addDays, type Day, isoWeek, makeDay, monthSpan, parts, weekSpan, yearSpan } from './calendar.js';
import { COUNT, countOf, MONTH_FULL, monthOf } from './lexicon.js';
import type { Atom } from './reading.js';

/**
 * Less common period phrases: "the rest of the week", "two days hence", "the day after",
 * "June next year", "Q3 this year", "the first two weeks of 2021", "week 10", "20161016".
 *
 * @example periodPhraseAtoms('Talks continue for the rest of the week.')[0].start // 26
 */
export function periodPhraseAtoms(text: string): Atom[] {
  return [
    ...restOf(text),
    ...hence(text),
    ...casualExtras(text),
    ...monthOfRelativeYear(text),
    ...quarterOfRelativeYear(text),
    ...firstOrLastUnitsOf(text),
    ...weekNumbers(text),
    ...compactDates(text),
    ...toDate(text),
    ...numericRanges(text),
  ];
}

/** "the rest of the week", "rest of this month": from the reference day to the unit's end. */
function restOf(text: string): Atom[] {
  return each(
    text,
    pattern`${B}(?:the\\s+)?(?:rest|remainder|remaining)(?:\\s+of)?\\s+(?:the\\s+|this\\s+|current\\s+)?(week|month|year)${E}`,
    (m) => {
      const unit = m[1]!.toLowerCase() as Unit;
      const start = m.index + (/^the\s/i.test(m[0]) ? 4 : 0);
      return relativeAtom(
        start,
        m.index + m[0].length,
        0.7,
        (ref) => [ref, unitSpan(unit, ref, 0)[1]],
        'day',
      );
    },
  );
}

/** "two days hence", "4 weeks in the future": the span from tomorrow to the counted day. */
function hence(text: string): Atom[] {
  return each(
    text,
    pattern`${B}(${COUNT})\\s+(day|week|month|year)s?\\s+(?:hence|in\\s+the\\s+future)${E}`,
    (m) => {
      const n = countOf(m[1]!);
      if (n === null) return null;
      const unit = m[2]!.toLowerCase();
      return relativeAtom(
        m.index,
        m.index + m[0].length,
        0.7,
        (ref) => [addDays(ref, 1), shiftDay(ref, unit, n)],
        'day',
      );
    },
  );
}

/** "the day after tomorrow" is a rule elsewhere; here "this day", "the day after" (said of the reference). */
function casualExtras(text: string): Atom[] {
  return each(
    text,
    pattern`${B}(?:this\\s+day|the\\s+day\\s+after(?!\\s+\\w)|(?:the\\s+)?last\\s+day(?!\\s+of))${E}`,
    (m) => {
      const w = m[0].toLowerCase();
      // "to this day" means "until now"; "his last day" is someone's, not the reference's.
      if (
        /\b(?:to|until|till|his|her|their|its|my|our|your)\s+(?:the\s+)?$/i.test(
          text.slice(Math.max(0, m.index - 8), m.index),
        )
      )
        return null;
      const offset = w.includes('after') ? 1 : w.includes('last') ? -1 : 0;
      return relativeAtom(
        m.index,
        m.index + m[0].length,
        0.5,
        (ref) => [addDays(ref, offset), addDays(ref, offset)],
        'day',
      );
    },
  );
}

/** "June next year", "March last year", "the 9th month of next year". */
function monthOfRelativeYear(text: string): Atom[] {
  const ordinals = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th', '11th', '12th'];
  return [
    ...each(text, pattern`${B}(${MONTH_FULL})\\s+(?:of\\s+)?(this|last|next)\\s+year${E}`, (m) => {
      const month = monthOf(m[1]!)!;
      const offset = offsetOf(m[2]!);
      return relativeAtom(
        m.index,
        m.index + m[0].length,
        0.8,
        (ref) => monthSpan(parts(ref).year + offset, month),
        'month',
      );
    }),
    ...each(
      text,
      pattern`${B}the\\s+(${ordinals.join('|')})\\s+month\\s+of\\s+(this|last|next)\\s+year${E}`,
      (m) => {
        const month = ordinals.indexOf(m[1]!.toLowerCase()) + 1;
        const offset = offsetOf(m[2]!);
        return relativeAtom(
          m.index,
          m.index + m[0].length,
          0.7,
          (ref) => monthSpan(parts(ref).year + offset, month),
          'month',
        );
      },
    ),
  ];
}

/** "Q3 this year", "the second quarter of last year". */
function quarterOfRelativeYear(text: string): Atom[] {
  const words: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
  return each(
    text,
    pattern`${B}(?:Q([1-4])|(?:the\\s+)?(first|second|third|fourth)\\s+quarter)\\s+(?:of\\s+)?(this|last|next)\\s+year${E}`,
    (m) => {
      const q = m[1] ? Number(m[1]) : words[m[2]!.toLowerCase()]!;
      const offset = offsetOf(m[3]!);
      return relativeAtom(
        m.index,
        m.index + m[0].length,
        0.8,
        (ref) => {
          const y = parts(ref).year + offset;
          return [monthSpan(y, 3 * q - 2)[0], monthSpan(y, 3 * q)[1]];
        },
        'quarter',
      );
    },
  );
}

/** "the first two weeks of 2021", "the last four months of 2021", "the first 3 months of this year". */
function firstOrLastUnitsOf(text: string): Atom[] {
  return each(
    text,
    pattern`${B}(?:the\\s+)?(first|last)\\s+(${COUNT})\\s+(week|month)s?\\s+of\\s+(?:${YEAR}|(this|last|next)\\s+year)${E}`,
    (m) => {
      const n = countOf(m[2]!);
      if (n === null) return null;
      const first = m[1]!.toLowerCase() === 'first';
      const unit = m[3]!.toLowerCase();
      const stated = m[4] ? Number(m[4]) : null;
      const rel = m[5] ?? null;
      const span = (year: number): [Day, Day] | null => {
        if (unit === 'month')
          return first
            ? [monthSpan(year, 1)[0], monthSpan(year, n)[1]]
            : [monthSpan(year, 13 - n)[0], monthSpan(year, 12)[1]];
        const w1 = isoWeek(year, 1);
        if (!w1) return null;
        if (first) return [w1[0], addDays(w1[0], 7 * n - 1)];
        const [, lastSunday] = weekSpan(addDays(yearSpan(year)[1], -3));
        return [addDays(lastSunday, -7 * n + 1), lastSunday];
      };
      const precision = unit === 'month' ? 'month' : 'week';
      if (stated !== null) {
        const s = span(stated);
        return matchAtom(m, 3, 0.75, s, precision);
      }
      return relativeAtom(
        m.index,
        m.index + m[0].length,
        0.7,
        (ref) => span(parts(ref).year + offsetOf(rel!)),
        precision,
      );
    },
  );
}

/** "week 10", "week 27 of last year", "week 1 of 2019": ISO week numbers. */
function weekNumbers(text: string): Atom[] {
  return each(
    text,
    pattern`${B}week\\s+(\\d{1,2})(?:\\s+of\\s+(?:${YEAR}|(this|last|next)\\s+year))?${E}`,
    (m) => {
      const week = Number(m[1]);
      if (week < 1 || week > 53) return null;
      const stated = m[2] ? Number(m[2]) : null;
      const rel = m[3] ?? null;
      if (stated !== null) {
        const s = isoWeek(stated, week);
        return matchAtom(m, 2, 0.7, s, 'week');
      }
      return relativeAtom(
        m.index,
        m.index + m[0].length,
        0.6,
        (ref) => isoWeek(parts(ref).year + (rel ? offsetOf(rel) : 0), week),
        'week',
      );
    },
  );
}

/** "20161016", "2016 10 16": year, month and day run together (file names, logs). */
function compactDates(text: string): Atom[] {
  return each(
    text,
    pattern`(?<![\\w.,/:-])(?:(19\\d\\d|20\\d\\d)(0[1-9]|1[0-2])([0-2]\\d|3[01])|(19\\d\\d|20\\d\\d) (0?[1-9]|1[0-2]) ([0-2]?\\d|3[01]))(?![\\w/:]|[.,]\\d)`,
    (m) => {
      const year = Number(m[1] ?? m[4]);
      const month = Number(m[2] ?? m[5]);
      const day = Number(m[3] ?? m[6]);
      const d = makeDay(year, month, day);
      if (d === null) return null;
      return matchAtom(m, 1, 0.6, [d, d], 'day');
    },
  );
}

/** "year to date", "the month to date", "YTD": from the unit's start to the day before the reference. */
function toDate(text: string): Atom[] {
  return each(text, pattern`${B}(?:(?:the\\s+)?(year|month|week)[- ]to[- ]date|(YTD|MTD))${E}`, (m) => {
    const unit = (m[1]?.toLowerCase() ?? (m[2]!.toUpperCase() === 'YTD' ? 'year' : 'month')) as Unit;
    const start = m.index + (/^the\s/i.test(m[0]) ? 4 : 0);
    return relativeAtom(
      start,
      m.index + m[0].length,
      0.75,
      (ref) => {
        const [a] = unitSpan(unit, ref, 0);
        return [a, ref > a ? addDays(ref, -1) : a];
      },
      'day',
    );
  });
}

/** "from 5/1-5/7, 2020", "10/1/2018-10/7/2018", "10/1-11/2/2017": numeric day ranges, month first as chrono reads them. */
function numericRanges(text: string): Atom[] {
  const md = '(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?';
  return each(
    text,
    pattern`(?<![\\w/.-])(?:(?:from|between)\\s+)?${md}\\s*[-–]\\s*${md}(?:,\\s*${YEAR})?(?![\\w/]|[.,]\\d)`,
    (m) => {
      const year = (s: string | undefined): number | null =>
        s ? (s.length === 2 ? 2000 + Number(s) : Number(s)) : null;
      const tail = year(m[7]);
      const yb = year(m[6]) ?? tail;
      const ya = year(m[3]) ?? yb;
      const [ma, da, mb, db] = [Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5])];
      const read = (ref: Day | null): [Day, Day] | null => {
        const y2 = yb ?? (ref === null ? null : parts(ref).year);
        const y1 = ya ?? y2;
        if (y1 === null || y2 === null) return null;
        const a = makeDay(y1, ma, da);
        const b = makeDay(y2, mb, db);
        return a !== null && b !== null && b >= a ? [a, b] : null;
      };
      if (read(null) === null && ya !== null) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        priority: 3,
        confidence: 0.65,
        kind: 'range',
        read: (ctx) => fixed(read(ctx.ref), 'day', yb === null),
      };
    },
  );
}
