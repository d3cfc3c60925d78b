/**
 * Building blocks shared by the date recognisers: regex boundaries, the atom factories and
 * calendar-unit arithmetic relative to the reference day.
 */
import type { DatePrecision } from '../../types/date.js';
import { mayMatch } from '../regex-prefilter.js';
import { addDays, type Day, monthSpan, parts, weekSpan, yearSpan } from './calendar.js';
import {
  type Atom,
  partSpan,
  type Reading,
  type ResolveContext,
  readYearless,
  type YearlessPart,
} from './reading.js';

/** Regex source: no word character or hyphen before. @example new RegExp(`${B}May`).test('mid-May') // false */
export const B = '(?<![\\w-])';

/** Regex source: no word character or hyphen after. @example new RegExp(`May${E}`).test('Mayor') // false */
export const E = '(?![\\w-])';

/** Regex source: a four-digit year 1500-2199, captured. @example new RegExp(YEAR).exec('in 2015')?.[1] // '2015' */
export const YEAR = '(1[5-9]\\d\\d|20\\d\\d|21\\d\\d)';

/** Words before a bare year or month that make a date reading likely. @example CUE.test('fighting since ') // true */
export const CUE =
  /(?:\b(?:in|since|until|till|by|during|of|from|through|to|and|between|early|late|mid|before|after|this|last|next|around|throughout|spring|summer|autumn|fall|winter|year)\s+|\bmid-|,\s*)$/i;

/** Month names that are also common words. @example AMBIGUOUS_MONTHS.has('may') // true: "officials may" */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march']);

/**
 * Tag for the regex source of a date pattern: the source is built once per place in the code
 * (and again only when a value put into it changes), so `each` finds its regex and pre-test
 * by the very same string every time instead of hashing a new kilobyte-long string per report.
 *
 * @example each(text, pattern`${B}(?:the\\s+)?${YEAR}${E}`, make)
 */
export function pattern(strings: TemplateStringsArray, ...values: readonly string[]): string {
  const hit = built.get(strings);
  if (hit && sameValues(hit.values, values)) return hit.source;
  let source = strings[0]!;
  for (let i = 0; i < values.length; i++) source += values[i]! + strings[i + 1]!;
  built.set(strings, { values, source });
  return source;
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const built = new WeakMap<TemplateStringsArray, { values: readonly string[]; source: string }>();

/** Runs a case-insensitive global regex over the text and keeps the atoms `make` builds. @example each('in 2015', YEAR, m => …) */
export function each(text: string, source: string, make: (m: RegExpExecArray) => Atom | null): Atom[] {
  // Most patterns need words most reports lack (a holiday's name, "quarter"): skip their scan.
  if (!mayMatch(text, source, 'gi')) return [];
  // One regex per pattern, kept: building it anew for every report cost more than the scan.
  // A `make` that scans with the same pattern meanwhile gets a regex of its own.
  let kept = compiled.get(source);
  if (!kept) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    kept = { ...scanOf(source), busy: false };
    compiled.set(source, kept);
  }
  const own = !kept.busy;
  const re = own ? kept.re : new RegExp(kept.re.source, 'gi');
  const notAfter = kept.notAfter;
  if (own) kept.busy = true;
  try {
    re.lastIndex = 0;
    const out: Atom[] = [];
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // The pattern's opening look-behind, tested here: where it fails, the pattern fails, and
      // the scan goes on from the next character as the regex itself would.
      if (notAfter && m.index > 0 && notAfter.test(text[m.index - 1]!)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const atom = make(m);
      if (atom) out.push(atom);
    }
    return out;
  } finally {
    if (own) {
      kept.busy = false;
      re.lastIndex = 0;
    }
  }
}

const compiled = new Map<string, { re: RegExp; notAfter: RegExp | null; busy: boolean }>();
// The patterns are the readers' own (about 70); a bound keeps a caller's stray patterns from piling up.
const MAX_COMPILED = 512;

/**
 * How to scan for a pattern. One that opens with a one-character look-behind ("(?<![\\w-])",
 * not after a letter, digit, underscore or hyphen) scans faster without it: the regex engine
 * then skips ahead to where the pattern's first words can start, and the look-behind is
 * tested on each match instead (`notAfter`: the characters it excludes). Same matches.
 *
 * @example scanOf('(?<![\\w-])may').re.source // 'may'
 */
export function scanOf(source: string): { re: RegExp; notAfter: RegExp | null } {
  const opening = /^\(\?<!\[((?:[^\\\]]|\\.)+)\]\)/.exec(source);
  const rest = opening ? source.slice(opening[0].length) : '';
  if (!opening || !singleBranch(rest)) return { re: new RegExp(source, 'gi'), notAfter: null };
  return { re: new RegExp(rest, 'gi'), notAfter: new RegExp(`[${opening[1]}]`, 'i') };
}

/** Whether a regex source has no "|" outside groups and classes (a look-behind before it covers all of it). */
function singleBranch(source: string): boolean {
  let depth = 0;
  let inClass = false;
  // Read by code unit: an indexed read deoptimises on each new kind of string a source comes as.
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 92 /* \\ */) i++;
    else if (inClass) inClass = c !== 93 /* ] */;
    else if (c === 91 /* [ */) inClass = true;
    else if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */) depth--;
    else if (c === 124 /* | */ && depth === 0) return false;
  }
  return true;
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

/**
 * An atom spanning a whole match whose reading needs no reference.
 *
 * @example matchAtom(m, 2, 0.85, monthSpan(2023, 5), 'month')
 */
export const matchAtom = (
  m: RegExpExecArray,
  priority: number,
  confidence: number,
  span: readonly [Day, Day] | null,
  precision: DatePrecision,
): Atom => ({
  start: m.index,
  end: m.index + m[0].length,
  priority,
  confidence,
  read: () => fixed(span, precision),
});

/**
 * A range between two year-less parts of one year ("from 3 to 5 May"), or of a stated year.
 *
 * @example readPartRange({month: 5, day: 3}, {month: 5, day: 5}, 2023, ctx).span // 2023-05-03..2023-05-05
 */
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

/** Calendar units relative expressions count in. @example const u: Unit = 'week'; */
export type Unit = 'week' | 'weekend' | 'month' | 'year' | 'quarter' | 'decade';

/** The span of the unit containing `day`, shifted by `offset` units. @example unitSpan('week', parseIso('2023-12-06')!, -1) // 2023-11-27..2023-12-03 */
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

/** The precision of a mention counted in each unit. @example PRECISION.quarter // 'quarter' */
export const PRECISION: Record<Unit, DatePrecision> = {
  week: 'week',
  weekend: 'day',
  month: 'month',
  year: 'year',
  quarter: 'quarter',
  decade: 'decade',
};

/** -1 for last/past/previous, +1 for next/coming, 0 for this. @example offsetOf('next') // 1 */
export function offsetOf(modifier: string): number {
  let offset = offsets.get(modifier);
  if (offset === undefined) {
    const m = modifier.toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');
    offset = BACK.has(m) ? -1 : AHEAD.has(m) ? 1 : 0;
    if (offsets.size >= 2000) offsets.clear();
    offsets.set(modifier, offset);
  }
  return offset;
}

// The few modifiers a text writes, by how they are written.
const offsets = new Map<string, number>();

const BACK = new Set(['last', 'past', 'previous', 'prior', 'this past']);

const AHEAD = new Set(['next', 'coming', 'following', 'upcoming']);

/** An atom read against the reference day; without one it has no span. @example relativeAtom(0, 9, 0.8, (ref) => weekSpan(ref), 'week') */
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

/** The day `n` units (day, week, month, year) after `day`; month ends clamp (31 Jan + 1 month = 28/29 Feb). @example shiftDay(d, 'week', -2) */
export function shiftDay(day: Day, unit: string, n: number): Day {
  if (unit === 'day') return addDays(day, n);
  if (unit === 'week') return addDays(day, 7 * n);
  const p = parts(day);
  const months = unit === 'month' ? n : 12 * n;
  const [first, last] = monthSpan(p.year, p.month + months);
  return Math.min(addDays(first, p.day - 1), last);
}
