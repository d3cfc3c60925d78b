import type { DatePrecision } from '../../types/date.js';
import { type Day, makeDay, monthSpan, parts } from './calendar.js';
import type { Tense } from './tense.js';

/** What a recogniser knows about the reader's situation when it resolves a mention. @example const ctx: ResolveContext = {ref: parseIso('2023-12-06'), tense: 'past'}; */
export interface ResolveContext {
  /** The reference (publication) day, or null when unknown. */
  readonly ref: Day | null;
  readonly tense: Tense;
}

/** A mention's resolved reading: an inclusive span of days (null when it cannot be resolved). @example {span: [d, d], precision: 'day', relative: false} */
export interface Reading {
  readonly span: readonly [Day, Day] | null;
  readonly precision: DatePrecision;
  readonly relative: boolean;
  /** Month and day (or month alone) given without a year, when no reference date was available. */
  readonly yearless?: { readonly month: number; readonly day: number | null };
}

/** A day or month named without a year ("17 November", "in March"), resolved later. @example {month: 11, day: 17} // "17 November" */
export interface YearlessPart {
  readonly month: number;
  readonly day: number | null;
}

/**
 * A recognised date expression before overlaps are settled: its span, how much to trust it,
 * and how to read it once the reference date and the clause's tense are known.
 *
 * @example {start: 3, end: 14, priority: 2, confidence: 0.85, read: (ctx) => readYearless({month: 11, day: 17}, ctx)}
 */
export interface Atom {
  readonly start: number;
  readonly end: number;
  /** Settles overlaps: a range beats its parts, an own rule beats a generic parser. */
  readonly priority: number;
  readonly confidence: number;
  /** Set when the text names a month (and maybe a day) but no year, so ranges can share a year. */
  readonly yearless?: YearlessPart;
  /** The atom is a bare weekday or relative expression: useless without a reference date. */
  readonly kind?: 'range' | 'open-range';
  /** Only meaningful as one end of a range ("now"); dropped when it stands alone. */
  readonly rangeOnly?: boolean;
  /** A bare weekday (ISO number), so "Monday two weeks from now" can pick it in a counted week. */
  readonly weekday?: number;
  /** A day counted from the reference or another date ("two weeks from now", "in 3 days"). */
  readonly counted?: boolean;
  read(ctx: ResolveContext): Reading;
}

/**
 * The span a year-less day or month covers in a given year; null if the day does not exist then
 * (29 February).
 *
 * @example partSpan({month: 11, day: 17}, 2023) // 2023-11-17..2023-11-17
 */
export function partSpan(part: YearlessPart, year: number): [Day, Day] | null {
  if (part.day === null) return monthSpan(year, part.month);
  const d = makeDay(year, part.month, part.day);
  return d === null ? null : [d, d];
}

/**
 * Picks the year of a year-less mention: in past-tense reporting the latest occurrence that has
 * begun by the reference day ("in March", said in February, is last March); in future tense the
 * first that has not ended; otherwise the nearest one.
 *
 * @example pickYear({month: 11, day: 17}, parseIso('2023-12-06')!, 'past') // 2023
 */
export function pickYear(part: YearlessPart, ref: Day, tense: Tense): number {
  return pickYearOf((year) => partSpan(part, year), ref, tense);
}

/**
 * `pickYear` for anything whose span depends on the year (a holiday, a movable feast).
 *
 * @example pickYearOf((y) => christmas(y), parseIso('2023-12-06')!, 'past') // 2022
 */
export function pickYearOf(
  spanIn: (year: number) => readonly [Day, Day] | null,
  ref: Day,
  tense: Tense,
): number {
  const y = parts(ref).year;
  const options: Array<{ year: number; span: readonly [Day, Day] }> = [];
  for (let year = y - 4; year <= y + 4; year++) {
    const span = spanIn(year);
    if (span) options.push({ year, span });
  }
  if (options.length === 0) return y;
  if (tense === 'past') {
    const begun = options.filter((o) => o.span[0] <= ref);
    if (begun.length) return begun[begun.length - 1]!.year;
  } else if (tense === 'future') {
    const open = options.filter((o) => o.span[1] >= ref);
    if (open.length) return open[0]!.year;
  }
  let best = options[0]!;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const o of options) {
    const d = o.span[1] < ref ? ref - o.span[1] : o.span[0] > ref ? o.span[0] - ref : 0;
    if (d < bestDistance) {
      best = o;
      bestDistance = d;
    }
  }
  return best.year;
}

/**
 * The reading of a year-less day or month: resolved with `pickYear` when the reference is known,
 * else kept as a year-less month-day with no span.
 *
 * @example readYearless({month: 11, day: 17}, {ref: null, tense: 'past'}).span // null
 */
export function readYearless(part: YearlessPart, ctx: ResolveContext): Reading {
  const precision: DatePrecision = part.day === null ? 'month' : 'day';
  if (ctx.ref === null) return { span: null, precision, relative: false, yearless: part };
  const year = pickYear(part, ctx.ref, ctx.tense);
  return { span: partSpan(part, year), precision, relative: false };
}
