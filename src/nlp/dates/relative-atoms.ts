import {
  B,
  E,
  each,
  fixed,
  offsetOf,
  PRECISION,
  pattern,
  relativeAtom,
  shiftDay,
  type Unit,
  unitSpan,
  YEAR,
} from './atom-kit.js';
import { addDays, type Day, makeDay, monthSpan, parts, weekSpan, yearSpan } from './calendar.js';
import { COUNT, countOf, DAY_NUM, dayOf, MONTH_FULL, monthOf, WEEKDAY_ANY, WEEKDAYS } from './lexicon.js';
import { type Atom, readYearless, type YearlessPart } from './reading.js';

/**
 * Dates read against the reference day: "last week", "earlier this month", "the past two
 * weeks", "three days ago", "yesterday", weekdays in the clause's tense ("on Tuesday"),
 * "Friday last week", "the 18th of next month".
 *
 * @example relativeAtoms('Talks were held last week.').length // 1
 */
export function relativeAtoms(text: string): Atom[] {
  return [
    ...monthOrdinals(text),
    ...relativePeriods(text),
    ...periodParts(text),
    ...countedPeriods(text),
    ...shiftedDays(text),
    ...casualDays(text),
    ...weekdays(text),
    ...weekdaysInWeeks(text),
    ...weekdayDates(text),
    ...afterNext(text),
    ...daysOfRelativeMonth(text),
    ...nthWeekdays(text),
    ...bareWeekends(text),
  ];
}

/** "last week", "this year", "next month", "the past quarter", "this calendar year". */
function relativePeriods(text: string): Atom[] {
  const source = pattern`${B}(the\\s+(?:past|last|previous|prior|next|coming|following|upcoming)|this\\s+past|this|last|next|past|previous|prior|coming|upcoming|current|the|my)\\s+(?:calendar\\s+)?(week|weekend|month|year|quarter|decade)${E}`;
  const workWeeks = each(text, pattern`${B}(this|last|next|the)\\s+(?:working|work)\\s+week${E}`, (m) => {
    const offset = offsetOf(m[1]!);
    return relativeAtom(
      m.index,
      m.index + m[0].length,
      0.75,
      (ref) => {
        const [monday] = unitSpan('week', ref, offset);
        return [monday, addDays(monday, 4)];
      },
      'week',
    );
  });
  return workWeeks.concat(
    each(text, source, (m) => {
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
    }),
  );
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
    ...each(text, pattern`${B}(earlier|later)\\s+(?:in\\s+)?${rel}\\s+(week|month|year)${E}`, (m) => {
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
      pattern`${B}(?:(?:the\\s+)?(beginning|start|middle|end)\\s+of\\s+|(early|mid|late)[- ]?)${rel}\\s+(week|month|year)${E}`,
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
      pattern`${B}(?:(?:the\\s+)?(beginning|start|middle|end)\\s+of\\s+|(early|mid|late)[- ]?)(?:(${MONTH_FULL})(?:\\s+${YEAR})?|${YEAR})${E}`,
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
    pattern`${B}(?:the\\s+)?(?:(past|last|previous|next|coming|within|within\\s+(?:the\\s+)?next)\\s+(${COUNT})|(${COUNT})\\s+(past|previous|next|upcoming|coming)(?=\\s*\\w+s\\b))\\s*(day|week|month|year|quarter|decade)s?${E}`,
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

/** "today", "yesterday", "the day before yesterday", "last night", "this morning". */
function casualDays(text: string): Atom[] {
  return each(
    text,
    pattern`${B}(?:the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+(?:tomorrow|tmrw|tmr)|today|yesterday|tomorrow|tmrw|tonight|last\\s+night|this\\s+(?:morning|afternoon|evening))${E}`,
    (m) => {
      // "tmrw" is how chat writes tomorrow.
      const w = m[0]
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .replace(/\btmrw?\b/, 'tomorrow');
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
    pattern`${B}(?:(this\\s+past|last|next|this|coming|previous|past)\\s+)?(${WEEKDAY_ANY}|Mon|Tues?|Thu|Thurs?|Fri)${E}`,
    (m) => {
      // Short forms only capitalised: "Sat", "Sun" and "Wed" are left out as ordinary words.
      if (m[2]!.length <= 5 && !/^[A-Z]/.test(m[2]!)) return null;
      // "the first Friday after the truce": one of a series, not a day we can place.
      if (
        !m[1] &&
        /\bthe\s+(?:first|second|third|fourth|fifth)\s+$/i.test(
          text.slice(Math.max(0, m.index - 20), m.index),
        )
      )
        return null;
      const wd = WEEKDAYS[m[2]!.toLowerCase().replace(/\.$/, '')]!;
      const modifier = m[1]?.toLowerCase().replace(/\s+/g, ' ') ?? null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        priority: 1,
        confidence: modifier ? 0.8 : 0.7,
        ...(modifier === null ? { weekday: wd } : {}),
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

/**
 * "on the 18th", "Saturday the 23rd": a day of the month alone, in the reference month or the
 * one next to it that the tense (or the weekday) points to.
 */
function monthOrdinals(text: string): Atom[] {
  const source = pattern`${B}(?:(${WEEKDAY_ANY})\\s+)?the\\s+(\\d{1,2}(?:st|nd|rd|th)|${DAY_NUM})(?=\\s*(?:[.,;!?)]|$|of\\s+(?:this|the)\\s+month))`;
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

/** "two months ago", "in three days", "two weeks from now", "a fortnight ago": one day counted from the reference. */
function shiftedDays(text: string): Atom[] {
  const unit = '(day|week|fortnight|month|year)s?';
  return [
    ...each(
      text,
      pattern`${B}(${COUNT})\\s+${unit}\\s+(ago|earlier|before|later|after|from\\s+now|from\\s+today)${E}`,
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
    ...each(text, pattern`${B}in\\s+(${COUNT})\\s+${unit}(?:'s?\\s+time)?${E}`, (m) => {
      const n = countOf(m[1]!);
      if (n === null) return null;
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      // "killed in two days of fighting" is a duration; "within" and "for" likewise.
      if (/\b(?:for|within|over|during)\s+$/i.test(before)) return null;
      if (/^\s+of\b/i.test(text.slice(m.index + m[0].length))) return null;
      // "the second attack in a week" counts within the period that ends at the reference.
      if (ORDINAL_PHRASE_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) {
        return periodEndingAtReference(m.index, m.index + m[0].length, m[2]!.toLowerCase(), n);
      }
      return countedDay(
        m.index,
        m.index + m[0].length - (/'s?\s+time$/i.test(m[0]) ? m[0].length - m[0].search(/'s?\s+time$/i) : 0),
        m[2]!.toLowerCase(),
        n,
      );
    }),
  ];
}

/** An ordinal or "another" noun phrase just before: "the third strike", "another attack". */
const ORDINAL_PHRASE_BEFORE =
  /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|another|latest)\b(?:\s+[\w-]+){0,6}\s+$/i;

/**
 * The `n` units up to and including the reference day ("the second attack in a week": the
 * week that ends on the reference date), at week or month precision.
 */
function periodEndingAtReference(start: number, end: number, unit: string, n: number): Atom {
  const precision =
    unit.startsWith('month') || unit.startsWith('year') ? 'month' : unit === 'day' ? 'day' : 'week';
  const atom = relativeAtom(
    start,
    end,
    0.6,
    (ref) => {
      const first = unit === 'fortnight' ? addDays(ref, -14 * n) : shiftDay(ref, unit, -n);
      return [addDays(first, 1), ref];
    },
    precision,
  );
  // Like "since 7 October", a counting period up to the reference date: the events counted in
  // it may fall on any of its days, so it dates no single event.
  return { ...atom, kind: 'open-range' };
}

function countedDay(start: number, end: number, unit: string, n: number): Atom {
  return counted(
    relativeAtom(
      start,
      end,
      0.75,
      (ref) => {
        const d = unit === 'fortnight' ? addDays(ref, 14 * n) : shiftDay(ref, unit, n);
        return [d, d];
      },
      'day',
    ),
  );
}

function counted(a: Atom): Atom {
  return { ...a, counted: true };
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
    ...each(text, pattern`${B}${WEEKDAY_WORD}\\.?,?\\s+(?:of\\s+)?${week}${E}`, (m) => make(m, m[1]!, m[2]!)),
    ...each(text, pattern`${B}${week},?\\s+(?:on\\s+)?${WEEKDAY_WORD}${E}`, (m) => make(m, m[2]!, m[1]!)),
  ];
}

/** "Tuesday the 15th", "Sunday 31", "Sat 14th": the nearest date with that weekday and day of the month. */
function weekdayDates(text: string): Atom[] {
  const source = pattern`${B}${WEEKDAY_WORD}\\.?,?\\s+(?:the\\s+(${DAY_NUM}|fifteen|sixteen|thirty)|(\\d{1,2}(?:st|nd|rd|th))|(\\d{1,2})(?=\\s*(?:[.,;!?)]|$)))${E}`;
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

/** "the week after next", "the year after next", "the month after the next". */
function afterNext(text: string): Atom[] {
  return each(text, pattern`${B}the\\s+(week|month|year)\\s+after\\s+(?:the\\s+)?next${E}`, (m) => {
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
      pattern`${B}(?:(from|between)\\s+)?(?:the\\s+)?(${DAY_NUM})${link}(${DAY_NUM})\\s+${rel}${E}`,
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
    ...each(text, pattern`${B}(?:the\\s+)?(${DAY_NUM})\\s+${rel}${E}`, (m) => {
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

/** "the second Sunday", "third Tuesday" (no month named): that weekday counted in the reference month. */
function nthWeekdays(text: string): Atom[] {
  const nth: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
  // "the first Friday after the truce" counts a sequence of events, so only the bare form is read;
  // "last Friday" is the weekday before the reference, read by the weekday rule.
  return each(
    text,
    pattern`(?<![\\w-]|\\bthe\\s)(first|second|third|fourth)\\s+(${WEEKDAY_ANY})(?!\\s+(?:of|in|after|before|since|night|morning|evening|afternoon)\\b)${E}`,
    (m) => {
      const n = nth[m[1]!.toLowerCase()]!;
      const wd = WEEKDAYS[m[2]!.toLowerCase()]!;
      return relativeAtom(
        m.index,
        m.index + m[0].length,
        0.6,
        (ref) => {
          const p = parts(ref);
          const [first] = monthSpan(p.year, p.month);
          const d = addDays(first, ((wd - parts(first).weekday + 7) % 7) + 7 * (n - 1));
          return parts(d).month === p.month ? [d, d] : null;
        },
        'day',
      );
    },
  );
}

/** "on weekend", "over weekend": the weekend of the reference week. */
function bareWeekends(text: string): Atom[] {
  return each(text, pattern`(?<=\\b(?:on|at|over)\\s+)weekend${E}`, (m) =>
    relativeAtom(m.index, m.index + m[0].length, 0.6, (ref) => unitSpan('weekend', ref, 0), 'day'),
  );
}
