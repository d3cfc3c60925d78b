import type { DateMention } from '../../types/date.js';
import { isSpace } from '../white-space.js';
import { shiftDay } from './atom-kit.js';
import { addDays, type Day, makeDay, parseIso, parts, toIso } from './calendar.js';
import { calendarAtoms } from './calendar-atoms.js';
import { chronoAtoms } from './chrono-atoms.js';
import { holidayAtoms } from './holidays.js';
import { COUNT, countOf } from './lexicon.js';
import { ordinalWeekAtoms } from './ordinal-weeks.js';
import { periodPhraseAtoms } from './period-phrases.js';
import { type Atom, partSpan, pickYear, type Reading, type ResolveContext } from './reading.js';
import { relativeAtoms } from './relative-atoms.js';
import { spelledYearAtoms } from './spelled-years.js';
import { tenseAround } from './tense.js';

const STAGE = 'dates';
// chrono's cost grows with the text; news paragraphs are short, so read long texts in pieces.
const CHUNK = 20_000;

/**
 * Every date and date range in `text`, resolved against `referenceDate` (ISO, or null):
 * tight spans ("between" and "from" belong to a range, "on" and "in" do not), year-less days
 * read in the clause's tense, and year-less mentions left unresolved (`yearUnknown`) when no
 * reference date is known.
 *
 * @example findDates('Drones struck the base since 7 October.', '2023-12-06')[0] // {surface: 'since 7 October', from: '2023-10-07', to: '2023-12-06', kind: 'open-range', …}
 */
export function findDates(text: string, referenceDate: string | null): DateMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const ref = parseIso(referenceDate);
  const atoms = [
    ...calendarAtoms(text),
    ...relativeAtoms(text),
    ...ordinalWeekAtoms(text),
    ...holidayAtoms(text),
    ...periodPhraseAtoms(text),
    ...spelledYearAtoms(text),
    ...chunkedChrono(text, ref === null ? null : referenceDate),
  ];
  const chosen = combine(text, settle(atoms.filter((a) => !namePart(text, a)))).filter((a) => !a.rangeOnly);
  const out: DateMention[] = [];
  for (const atom of chosen) {
    const mention = toMention(text, atom, ref, out.length + 1);
    if (mention) out.push(mention);
  }
  return out;
}

// Weekday and day words that are part of a name: "USA Today", "Fox News Sunday", "Sunday Times".
const DAY_WORD =
  /^(?:today|tonight|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const NAME_BEFORE =
  /(?:^|[^.!?\n:;"“]\s)(?!On\b|At\b|By\b|Last\b|Next\b|This\b|Since\b|Until\b|From\b|Early\b|Late\b|And\b|Or\b|But\b|The\b|Before\b|After\b|Between\b|Through\b|During\b|Every\b|Each\b|Until\b|Till\b|As\b|Of\b|For\b|In\b)[A-Z][\w.&'’-]*\s+$/;
const NAME_AFTER =
  /^\s+(?:Times|Telegraph|Post|Express|Mirror|Herald|Tribune|Star|Sport|Night Live|Show|School|Club|Service|Edition|Magazine|Review)\b/;

function namePart(text: string, atom: Atom): boolean {
  const surface = text.slice(atom.start, atom.end);
  // "$12 December 27": a sum of money is not a day of the month.
  if (/^\d/.test(surface) && /[$€£]\s?$/.test(text.slice(Math.max(0, atom.start - 2), atom.start)))
    return true;
  if (!DAY_WORD.test(surface) || !/^[A-Z]/.test(surface)) return false;
  return (
    NAME_BEFORE.test(text.slice(Math.max(0, atom.start - 40), atom.start)) ||
    NAME_AFTER.test(text.slice(atom.end, atom.end + 20))
  );
}

function chunkedChrono(text: string, referenceDate: string | null): Atom[] {
  const out: Atom[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length) {
      const cut = text.lastIndexOf('\n', to);
      to = cut > from ? cut + 1 : to;
    }
    for (const a of chronoAtoms(text.slice(from, to), referenceDate)) out.push(shiftAtom(a, from));
    from = to;
  }
  return out;
}

function shiftAtom(a: Atom, by: number): Atom {
  return by === 0 ? a : { ...a, start: a.start + by, end: a.end + by };
}

/** Keeps the longest of overlapping atoms, then the one of higher priority. */
function settle(atoms: Atom[]): Atom[] {
  const order = [...atoms].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  );
  const kept: Atom[] = [];
  // Characters already claimed by a kept atom: linear in the text, however many atoms there are.
  const taken = new Uint8Array(order.reduce((n, a) => Math.max(n, a.end), 0));
  for (const a of order) {
    let free = true;
    for (let i = a.start; i < a.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, a.start, a.end);
    kept.push(a);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const TO_LINK = /^\s*(?:to|until|till|through|thru|-|–|—)\s*(?:the\s+)?$/i;
const AND_LINK = /^\s*and\s+(?:the\s+)?$/i;

/** Joins "A to B" and "between A and B" into ranges, and reads "since A" as an open range. */
function combine(text: string, atoms: Atom[]): Atom[] {
  const out: Atom[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const b = atoms[i + 1];
    const before = text.slice(Math.max(0, a.start - 30), a.start);
    // The patterns below end in one of a few words (and white space): most atoms follow others.
    const tail = tailOf(before);
    // "Monday two weeks from now", "in 3 days on Friday": the weekday of the counted day's week.
    if (
      b &&
      ((a.weekday && b.counted) || (a.counted && b.weekday)) &&
      /^\s*(?:,|on)?\s*$/i.test(text.slice(a.end, b.start))
    ) {
      out.push(weekdayOfCounted(a.weekday ? b : a, (a.weekday ?? b.weekday)!, a.start, b.end));
      i++;
      continue;
    }
    if (b && !a.kind && !b.kind && b.start - a.end <= 12) {
      const link = text.slice(a.end, b.start);
      const opener = tail.spaced && endsWithAny(tail.word, OPENER_WORDS) ? OPENER.exec(before) : null;
      const isBetween = opener?.[1]?.toLowerCase() === 'between';
      if (TO_LINK.test(link) || (AND_LINK.test(link) && isBetween)) {
        const start = opener ? a.start - (before.length - opener.index) : a.start;
        out.push(rangeOf(a, b, start));
        i++;
        continue;
      }
    }
    if (a.kind === 'range' && !/^(?:from|between)\s/i.test(text.slice(a.start, a.end))) {
      const opener = tail.spaced && endsWithAny(tail.word, RANGE_WORDS) ? RANGE_OPENER.exec(before) : null;
      if (opener) {
        out.push({ ...a, start: a.start - (before.length - opener.index) });
        continue;
      }
    }
    const bareDay = endsWithAny(tail.word, BARE_DAY_WORDS) ? BARE_DAY_BEFORE.exec(before) : null;
    if (bareDay && !a.kind) {
      const day = Number(bareDay[2]);
      const isBetween = bareDay[1]!.toLowerCase() === 'between';
      if (day >= 1 && day <= 31 && (isBetween || !/\band\s*(?:the\s+)?$/i.test(bareDay[0]))) {
        out.push(fromBareDay(a, a.start - (before.length - bareDay.index), day));
        continue;
      }
    }
    const counted = tail.spaced && endsWithAny(tail.word, COUNTED_WORDS) ? COUNTED_FROM.exec(before) : null;
    if (counted && !a.kind) {
      const n = countOf(counted[1]!);
      if (n !== null) {
        const shifted = countedFrom(
          a,
          a.start - (before.length - counted.index),
          counted[2]!.toLowerCase(),
          counted[3]!.toLowerCase() === 'before' ? -n : n,
        );
        // "3 weeks after Christmas on Friday": the weekday of that week.
        if (b?.weekday && /^\s*(?:,|on)?\s*$/i.test(text.slice(a.end, b.start))) {
          out.push(weekdayOfCounted(shifted, b.weekday, shifted.start, b.end));
          i++;
        } else out.push(shifted);
        continue;
      }
    }
    const since = tail.spaced && endsWithAny(tail.word, SINCE_WORDS) ? SINCE.exec(before) : null;
    if (since && a.kind !== 'range') {
      out.push(openRangeOf(a, since[1] ? a.start : a.start - (before.length - since.index)));
      continue;
    }
    out.push(a);
  }
  return out;
}

const OPENER = /\b(from|between)\s+(?:the\s+)?$/i;
const RANGE_OPENER = /\b(?:from|between)\s+$/i;
const SINCE = /\bsince\s+(the\s+)?$/i;
// The last word each pattern before an atom can end with (the word may carry more before it).
const OPENER_WORDS = ['from', 'between', 'the'];
const RANGE_WORDS = ['from', 'between'];
const SINCE_WORDS = ['since', 'the'];
const COUNTED_WORDS = ['from', 'after', 'before'];
const BARE_DAY_WORDS = ['to', '-', '–', 'until', 'till', 'through', 'and', 'the'];

/** The last run of characters that are not white space (lower case), and whether white space follows it. */
function tailOf(s: string): { word: string; spaced: boolean } {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSpace(s.charCodeAt(start - 1))) start--;
  return { word: s.slice(start, end).toLowerCase(), spaced: end < s.length };
}

function endsWithAny(word: string, endings: readonly string[]): boolean {
  for (const e of endings) if (word.endsWith(e)) return true;
  return false;
}

const COUNTED_FROM = new RegExp(
  `(?<![\\w-])(${COUNT})\\s+(day|week|month|year)s?\\s+(from|after|before)\\s+$`,
  'i',
);

/** "three weeks from tomorrow", "16 days after 2 January 2018": a day counted from another date. */
function countedFrom(a: Atom, start: number, unit: string, n: number): Atom {
  return {
    start,
    end: a.end,
    priority: 4,
    confidence: a.confidence * 0.9,
    counted: true,
    read: (ctx) => {
      const r = a.read(ctx);
      if (!r.span) return { span: null, precision: 'day', relative: r.relative };
      const d = shiftDay(r.span[0], unit, n);
      return { span: [d, d], precision: 'day', relative: r.relative };
    },
  };
}

const BARE_DAY_BEFORE =
  /\b(from|between)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*(?:to|-|–|until|till|through|and)\s*(?:the\s+)?$/i;

/** "from 4 to January 22, 1995", "from 02 to April 07": the first day takes the second date's month. */
function fromBareDay(b: Atom, start: number, day: number): Atom {
  return {
    start,
    end: b.end,
    priority: 4,
    confidence: b.confidence * 0.9,
    kind: 'range',
    ...(b.yearless ? { yearless: { month: b.yearless.month, day } } : {}),
    read: (ctx) => {
      const r = b.read(ctx);
      if (!r.span || r.precision !== 'day') return { ...r, span: null };
      const p = parts(r.span[1]);
      let from = makeDay(p.year, p.month, day);
      // "from 28 to 2 January": the first day belongs to the month before.
      if (from !== null && from > r.span[1])
        from = p.month === 1 ? makeDay(p.year - 1, 12, day) : makeDay(p.year, p.month - 1, day);
      return from === null ? { ...r, span: null } : { ...r, span: [from, r.span[1]] };
    },
  };
}

function weekdayOfCounted(day: Atom, weekday: number, start: number, end: number): Atom {
  return {
    start,
    end,
    priority: 4,
    confidence: day.confidence * 0.9,
    read: (ctx) => {
      const r = day.read(ctx);
      if (!r.span) return r;
      const d = addDays(r.span[0], weekday - parts(r.span[0]).weekday);
      return { ...r, span: [d, d] };
    },
  };
}

function rangeOf(a: Atom, b: Atom, start: number): Atom {
  return {
    start,
    end: b.end,
    priority: 4,
    confidence: Math.min(a.confidence, b.confidence),
    kind: 'range',
    ...(a.yearless && b.yearless ? { yearless: a.yearless } : {}),
    read: (ctx) => {
      const ra = a.read(ctx);
      const rb = b.read(ctx);
      const precision = ra.precision;
      const relative = ra.relative || rb.relative;
      if (ctx.ref === null && (a.yearless || b.yearless)) {
        if (a.yearless && b.yearless) return { span: null, precision, relative, yearless: a.yearless };
      }
      // A year stated on one end holds for the other ("from May to October 2020").
      if (a.yearless && b.yearless && ctx.ref !== null) {
        const yb = pickYear(b.yearless, ctx.ref, ctx.tense);
        return spanBetween(
          partSpan(a.yearless, yb),
          partSpan(b.yearless, yb),
          a.yearless,
          yb,
          precision,
          relative,
        );
      }
      if (a.yearless && rb.span) {
        const y = new Date(rb.span[1]).getUTCFullYear();
        return spanBetween(partSpan(a.yearless, y), rb.span, a.yearless, y, precision, relative);
      }
      if (b.yearless && ra.span) {
        const y = new Date(ra.span[0]).getUTCFullYear();
        let end = partSpan(b.yearless, y);
        if (end && end[1] < ra.span[0]) end = partSpan(b.yearless, y + 1);
        return end
          ? { span: [ra.span[0], end[1]], precision, relative }
          : { span: null, precision, relative };
      }
      if (ra.span && rb.span && rb.span[1] >= ra.span[0])
        return { span: [ra.span[0], rb.span[1]], precision, relative };
      return { span: null, precision, relative };
    },
  };
}

function spanBetween(
  from: readonly [Day, Day] | null,
  to: readonly [Day, Day] | null,
  part: { month: number; day: number | null },
  year: number,
  precision: Reading['precision'],
  relative: boolean,
): Reading {
  let begin = from;
  if (begin && to && begin[0] > to[1]) begin = partSpan(part, year - 1);
  if (!begin || !to) return { span: null, precision, relative };
  return { span: [begin[0], to[1]], precision, relative };
}

function openRangeOf(a: Atom, start: number): Atom {
  return {
    ...a,
    start,
    kind: 'open-range',
    read: (ctx) => {
      const r = a.read(ctx);
      if (!r.span) return r;
      const to = ctx.ref !== null && ctx.ref >= r.span[0] ? ctx.ref : null;
      return {
        ...r,
        span: to === null ? null : [r.span[0], to],
        ...(to === null ? { openFrom: r.span[0] } : {}),
      };
    },
  };
}

/** The mention an atom reads as, numbered `n` (its id is the record's last field), or null. */
function toMention(text: string, atom: Atom, ref: Day | null, n: number): DateMention | null {
  const ctx: ResolveContext = { ref, tense: tenseAround(text, atom.start, atom.end) };
  const r = atom.read(ctx) as Reading & { openFrom?: Day };
  const yearUnknown = r.yearless !== undefined;
  if (!r.span && !yearUnknown && !r.relative && r.openFrom === undefined) return null;
  const from = r.span ? toIso(r.span[0]) : r.openFrom !== undefined ? toIso(r.openFrom) : null;
  const to = r.span ? toIso(r.span[1]) : null;
  const kind = atom.kind ?? 'point';
  return {
    start: atom.start,
    end: atom.end,
    surface: text.slice(atom.start, atom.end),
    from,
    to,
    kind,
    precision: r.precision,
    yearUnknown,
    monthDay:
      r.yearless && r.yearless.day !== null ? `${pad(r.yearless.month)}-${pad(r.yearless.day)}` : null,
    relative: r.relative,
    confidence: atom.confidence * (ctx.tense === 'unknown' && (atom.yearless || r.relative) ? 0.9 : 1),
    stage: STAGE,
    id: `date-${n}`,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
