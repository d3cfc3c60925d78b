// English only: the package's root imports every locale it reads (~80 ms at start-up).
import type { ParsedComponents } from 'chrono-node';
import * as chrono from 'chrono-node/en';
import { mayMatch } from '../regex-prefilter.js';
import { isSpace } from '../white-space.js';
import { readPartRange } from './atom-kit.js';
import { type Day, makeDay, parseIso, parts } from './calendar.js';
import type { Atom, YearlessPart } from './reading.js';
import { readYearless } from './reading.js';

// Anchor for chrono when the reference is unknown: its relative readings are then discarded.
const FALLBACK_REF = '2000-06-15';
const LEADING = /^(?:on|in|at|during|by|for|of|since|until|till|before|after|from)\s+/i;
const RELATIVE =
  /\b(?:ago|from now|later|hence|earlier|before|after|next|last|this|tomorrow|tmrw|yesterday|today|tonight|within|in\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten))\b/i;

/**
 * chrono's casual English parser with each of its patterns pre-tested against the text, as our
 * own are: a pattern whose words the text lacks cannot match, so that parser is not run over
 * the text (it would find nothing). Same parsers, same order, same refiners: same results.
 */
const CASUAL: chrono.Chrono = withPreTest(chrono.casual);

function withPreTest(base: chrono.Chrono): chrono.Chrono {
  const out = base.clone();
  out.parsers = out.parsers.map((parser): chrono.Parser => {
    const clockTimes = parser.constructor.name === 'ENTimeExpressionParser';
    const strict = (parser as { strictMode?: boolean }).strictMode === true;
    return {
      pattern: (context) => {
        const re = parser.pattern(context);
        return mayMatch(context.text, re) ? re : NEVER;
      },
      extract: (context, match) => {
        if (clockTimes && notAClockTime(match, strict)) {
          // What chrono's time parser does with a number it rejects: the scan goes on after it.
          match.index = match.index! + (/^\d{4}/.test(match[0]) ? 4 : match[0].length);
          return null;
        }
        return parser.extract(context, match);
      },
    };
  });
  out.refiners = out.refiners.map((refiner) =>
    refiner.constructor.name === 'ENEndOfPeriodRefiner' ? onlyAfterEndOf(refiner) : refiner,
  );
  return out;
}

/**
 * chrono's "end of" refiner ("the end of next month", "last day of March") tests the whole text
 * before every result against a pattern anchored at its end: a scan as long as the text, once
 * per result. It is handed only the results whose last 64 characters before them can end with
 * "end of" or "last day of": the refiner then decides as before, and leaves the others (which
 * it would not have changed) alone.
 */
function onlyAfterEndOf(refiner: chrono.Refiner): chrono.Refiner {
  return {
    refine: (context, results) => {
      const text = context.text;
      const candidates = results.filter((r) => mayFollowEndOf(text, r.index));
      if (candidates.length > 0) refiner.refine(context, candidates);
      return results;
    },
  };
}

/** chrono's pattern for the words before a result that it moves to the end of a period. */
const END_OF_BEFORE = /\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i;
const END_OF_REACH = 64;
// "last day of the " holds 12 characters that are not white space: a match that fills the whole
// window of 64 characters holds at least 52 spaces, so a window with fewer cannot be inside one.
const END_OF_SPACES = END_OF_REACH - 12;

/**
 * Whether `END_OF_BEFORE` may match the text before `index`. False only when it cannot: a match
 * ends in white space, and one that starts inside the window is found by the window's own test
 * (its `\b` reads the character before, also inside).
 *
 * @example mayFollowEndOf('by the end of March', 14) // true
 */
export function mayFollowEndOf(text: string, index: number): boolean {
  // The match ends in "of" or "the" and white space: most results have other words before them.
  let word = index;
  while (word > 0 && isSpace(text.charCodeAt(word - 1))) word--;
  if (word === index || !(endsWith(text, word, 'of') || endsWith(text, word, 'the'))) return false;
  const from = Math.max(0, index - END_OF_REACH);
  const window = text.slice(from, index);
  if (END_OF_BEFORE.test(window)) return true;
  if (from === 0) return false;
  let spaces = 0;
  for (let i = 0; i < window.length; i++) if (isSpace(window.charCodeAt(i))) spaces++;
  return spaces >= END_OF_SPACES;
}

/** Whether the text before `end` ends with `word` (lower case, ASCII), in any case. */
function endsWith(text: string, end: number, word: string): boolean {
  if (end < word.length) return false;
  for (let i = 0; i < word.length; i++)
    if ((text.charCodeAt(end - word.length + i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * Whether chrono's clock-time parser rejects a match of its pattern before it reads anything
 * else: the hour and minute checks it makes first ("2023" with no minutes, "35", "7.5" without
 * "am"), taken in its order on its groups (2 hour, 3 minute, 6 am/pm). Most numbers in a report
 * are not clock times; chrono builds a date object for each before it rejects them.
 *
 * @example notAClockTime(/(\s)(\d{1,4})(?:\.(\d{1,2}))?()()(am)?/.exec(' 35 killed')!, false) // true
 */
export function notAClockTime(match: RegExpMatchArray, strict: boolean): boolean {
  const hourText = match[2];
  if (hourText === undefined) return false;
  let hour = Number.parseInt(hourText, 10);
  let minute = 0;
  if (hour > 100) {
    if (hourText.length === 4 && match[3] == null && !match[6]) return true;
    if (strict || match[3] != null) return true;
    minute = hour % 100;
    hour = Math.floor(hour / 100);
  }
  if (hour > 24) return true;
  if (match[3] != null) {
    if (match[3].length === 1 && !match[6]) return true;
    minute = Number.parseInt(match[3], 10);
  }
  if (minute >= 60) return true;
  return match[6] != null && hour > 12;
}

/** A regex that fails at once: sticky, it tries the first position only, and cannot match there. */
const NEVER = /(?!)/y;

/**
 * Day-level dates found by chrono-node ("17 November", "Nov. 2, 2023", "12/03/2023",
 * "two days ago"), keeping only the calendar facts chrono is sure of and leaving the year
 * open when the text gives none, so the year can follow the clause's tense. Month-only,
 * weekday-only and clock-time readings are left to our own rules.
 *
 * @example chronoAtoms('On 17 November, drones struck.', '2023-12-06')[0].start // 3
 */
export function chronoAtoms(text: string, referenceDate: string | null): Atom[] {
  let results: chrono.ParsedResult[];
  try {
    results = chronoResults(text, referenceDate);
  } catch {
    return [];
  }
  const out: Atom[] = [];
  for (const r of results) {
    const atom = toAtom(text, r, referenceDate !== null && parseIso(referenceDate) !== null);
    if (atom) out.push(atom);
  }
  return out;
}

/**
 * What chrono's casual English parser finds in `text` read on the reference day (noon UTC; an
 * unknown reference is read as 2000-06-15): the same results as `chrono.casual.parse`, found
 * with the pre-tests above.
 *
 * @example chronoResults('Talks resume on 17 November.', '2023-12-06')[0].text // 'on 17 November'
 */
export function chronoResults(text: string, referenceDate: string | null): chrono.ParsedResult[] {
  const refIso = parseIso(referenceDate) !== null ? referenceDate! : FALLBACK_REF;
  return CASUAL.parse(
    text,
    { instant: new Date(`${refIso}T12:00:00Z`), timezone: 0 },
    { forwardDate: false },
  );
}

interface Endpoint {
  readonly part: YearlessPart | null;
  readonly day: Day | null;
  readonly relative: boolean;
}

function endpoint(c: ParsedComponents, text: string): Endpoint | null {
  if (!c.isCertain('day') && !c.isCertain('month')) return null;
  if (!c.isCertain('day') && !c.isCertain('year')) return null;
  const month = c.get('month');
  const day = c.get('day');
  const year = c.get('year');
  if (month === null || day === null || year === null) return null;
  if (!c.isCertain('day')) return null;
  const relative =
    !c.isCertain('month') || (c.isCertain('year') && RELATIVE.test(text) && !/\d{4}/.test(text));
  if (!c.isCertain('year') && !relative) return { part: { month, day }, day: null, relative: false };
  return { part: null, day: makeDay(year, month, day), relative };
}

function toAtom(text: string, r: chrono.ParsedResult, hasRef: boolean): Atom | null {
  // Clock times ("at 3", "5 pm") are not dates; our rules read "from 3 to 5 May" themselves.
  if (r.start.isCertain('hour') && !r.start.isCertain('day')) return null;
  let start = r.index;
  let surface = r.text;
  const lead = LEADING.exec(surface);
  // A range keeps its "from": readers mark "from 3 to 5 May" whole.
  if (lead && !(r.end && /^from\s/i.test(lead[0]))) {
    start += lead[0].length;
    surface = surface.slice(lead[0].length);
  }
  const trail = /[\s,.;:]+$/.exec(surface);
  if (trail) surface = surface.slice(0, trail.index);
  if (surface.length === 0) return null;
  const end = start + surface.length;
  // "30/4.85" is a ratio, "6/2" in "F-16/2" a designation; a date is not glued to digits.
  if (
    /[\d/.-]$/.test(text.slice(Math.max(0, start - 1), start)) ||
    /^[.,/-]?\d/.test(text.slice(end, end + 2))
  )
    return null;
  if (/\band\b/i.test(surface)) return null;
  // "a few weeks later" counts from an event in the story, not from the reference; "9/11" names the 2001 attacks.
  if (/\b(?:later|earlier)$/i.test(surface) || surface === '9/11') return null;
  // Durations and dangling anchors ("1 week", "3 weeks after", "half days later") are not dates.
  if (
    /^(?:half\b|\d+\s+|a\s+|an\s+)?\S*\s*(?:days?|weeks?|months?|years?)$/i.test(surface) ||
    /\b(?:after|before|from)$/i.test(surface) ||
    /^half\b/i.test(surface)
  )
    return null;
  // Clock durations ("about five minutes") and "the day after Monday" are chrono guesses we do not trust.
  if (
    /\b(?:minutes?|hours?|seconds?|mins?|hrs?|secs?)\b/i.test(surface) ||
    /^the\s+day\s+(?:after|before)\b/i.test(surface)
  )
    return null;
  // A date needs a word of the calendar or a numeric date form; "1990 s" is neither.
  if (!/[a-z]{3}/i.test(surface) && !/\d[/.-]\d/.test(surface)) return null;
  // Mixed separators ("30/4.85") are measurements, not dates.
  if (/^[\d/.-]+$/.test(surface) && new Set(surface.replace(/\d/g, '')).size > 1) return null;
  // "now" names a date only as the end of a range ("between March and now").
  if (/^(?:right\s+)?now$/i.test(surface)) {
    return hasRef
      ? {
          start,
          end,
          priority: 0,
          confidence: 0.6,
          rangeOnly: true,
          read: (ctx) => ({
            span: ctx.ref === null ? null : [ctx.ref, ctx.ref],
            precision: 'day',
            relative: true,
          }),
        }
      : null;
  }
  const a = endpoint(r.start, surface);
  if (!a) return null;
  // In "28 to 2 January" chrono lends January to the 28th; our own range rules read it better.
  if (
    r.end &&
    (!r.start.isCertain('month') ||
      /^\d{1,2}(?:st|nd|rd|th)?\s*(?:to|-|–|until|till|through)\s/i.test(surface))
  )
    return null;
  const b = r.end ? endpoint(r.end, surface) : null;
  if (r.end && !b) return null;
  if ((a.relative || b?.relative) && !hasRef) {
    return {
      start,
      end,
      priority: 0,
      confidence: 0.6,
      read: () => ({ span: null, precision: 'day', relative: true }),
    };
  }
  if (!b) {
    if (a.part) {
      const part = a.part;
      return {
        start,
        end,
        priority: 0,
        confidence: 0.85,
        yearless: part,
        read: (ctx) => readYearless(part, ctx),
      };
    }
    const day = a.day;
    if (day === null) return null;
    return {
      start,
      end,
      priority: 0,
      confidence: a.relative ? 0.8 : 0.9,
      read: () => ({ span: [day, day], precision: 'day', relative: a.relative }),
    };
  }
  // A range chrono joined itself ("24 October–2 December", "Nov 18-Dec 19, 2015").
  const partA = a.part ?? (a.day !== null ? dayPart(a.day) : null);
  const partB = b.part ?? (b.day !== null ? dayPart(b.day) : null);
  if (!partA || !partB) return null;
  const year = a.part && b.part ? null : b.day !== null ? parts(b.day).year : parts(a.day!).year;
  const yearA = a.day !== null ? parts(a.day).year : null;
  return {
    start,
    end,
    priority: 1,
    confidence: 0.85,
    kind: 'range',
    ...(year === null ? { yearless: partA } : {}),
    read: (ctx) => {
      if (yearA !== null && year !== null && yearA !== year) {
        const from = a.day!;
        const to = b.day ?? makeDay(year, partB.month, partB.day!);
        return { span: to !== null && to >= from ? [from, to] : null, precision: 'day', relative: false };
      }
      return readPartRange(partA, partB, year, ctx);
    },
  };
}

function dayPart(day: Day): YearlessPart {
  const p = parts(day);
  return { month: p.month, day: p.day };
}
