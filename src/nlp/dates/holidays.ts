import { B, E, each, fixed, YEAR } from './atom-kit.js';
import { addDays, type Day, makeDay, parts } from './calendar.js';
import type { Atom } from './reading.js';
import { pickYearOf } from './reading.js';

/** The day of a holiday in a given year. */
type HolidayRule = (year: number) => Day | null;

const fixedDay =
  (month: number, day: number): HolidayRule =>
  (year) =>
    makeDay(year, month, day);

/** The n-th given weekday (1 = Monday) of a month. */
const nthWeekday =
  (month: number, weekday: number, n: number): HolidayRule =>
  (year) => {
    const first = makeDay(year, month, 1)!;
    return addDays(first, ((weekday - parts(first).weekday + 7) % 7) + 7 * (n - 1));
  };

/** Western Easter Sunday (anonymous Gregorian computus). */
function easter(year: number): Day | null {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeDay(year, month, day);
}

// Holidays with a rule on the Gregorian calendar; lunar ones (Eid, Nowruz's eve…) need a table we do not have.
const HOLIDAYS: Array<[string, HolidayRule]> = [
  ['christmas\\s+eve', fixedDay(12, 24)],
  ['christmas(?:\\s+day)?', fixedDay(12, 25)],
  ['boxing\\s+day', fixedDay(12, 26)],
  ["new\\s+year(?:['’]s)?\\s+eve", fixedDay(12, 31)],
  ["new\\s+year(?:['’]s)?(?:\\s+day)", fixedDay(1, 1)],
  ['(?:us\\s+)?independence\\s+day', fixedDay(7, 4)],
  ['halloween', fixedDay(10, 31)],
  ["valentine(?:['’]s)?\\s+day", fixedDay(2, 14)],
  ['earth\\s+day', fixedDay(4, 22)],
  ["(?:saint|st\\.?)\\s+patrick(?:['’]s)?(?:\\s+day)?", fixedDay(3, 17)],
  ["(?:international\\s+)?workers['’]?\\s+day|may\\s+day", fixedDay(5, 1)],
  ["(?:international\\s+)?women['’]?s\\s+day", fixedDay(3, 8)],
  ['armistice\\s+day|remembrance\\s+day|veterans\\s+day', fixedDay(11, 11)],
  ['labou?r\\s+day', nthWeekday(9, 1, 1)],
  ['thanksgiving(?:\\s+day)?', nthWeekday(11, 4, 4)],
  ['memorial\\s+day', (y) => addDays(nthWeekday(6, 1, 1)(y)!, -7)],
  ['easter(?:\\s+sunday)?', easter],
  // The attacks of 11 September 2001, named by their date: only that year makes sense.
  ['9/11', (y) => (y === 2001 ? makeDay(2001, 9, 11) : null)],
  ['good\\s+friday', (y) => addDays(easter(y)!, -2)],
];

// Each holiday's pattern, built once: with a modifier ("next"), a stated year or "this year", a weekend.
const HOLIDAY_PATTERNS: ReadonlyArray<readonly [string, HolidayRule]> = HOLIDAYS.map(([name, rule]) => [
  `${B}(weekend\\s+of\\s+)?(?:(next|last|this|the\\s+next|the\\s+last)\\s+)?(?:${name})(?:\\s+(?:of\\s+)?(?:${YEAR}|(this|last|next)\\s+year))?(\\s+weekend(?:\\s+${YEAR})?)?${E}`,
  rule,
]);

/**
 * The long weekend a holiday makes: a Monday holiday takes the weekend before it, a Thursday or
 * Friday one runs to the Sunday after, a weekend one is that weekend.
 *
 * @example weekendOf(thanksgiving2023) // 2023-11-23..2023-11-26
 */
function weekendOf(day: Day): [Day, Day] {
  const wd = parts(day).weekday;
  if (wd === 1) return [addDays(day, -2), day];
  if (wd >= 6) return [addDays(day, 6 - wd), addDays(day, 7 - wd)];
  if (wd >= 4) return [day, addDays(day, 7 - wd)];
  return [addDays(day, 6 - wd), addDays(day, 7 - wd)];
}

/**
 * Holidays with a calendar rule: "Christmas", "Easter 2016", "next New Year's Day",
 * "Independence Day of this year", read in the clause's tense when no year is given.
 *
 * @example holidayAtoms('Shelling eased over Christmas.')[0].end // 29
 */
export function holidayAtoms(text: string): Atom[] {
  const out: Atom[] = [];
  for (const [source, rule] of HOLIDAY_PATTERNS) {
    out.push(
      ...each(text, source, (m) => {
        // "May Day" is safe only capitalised; lower-case "may day" is a distress call or a modal.
        if (/^may\s+day$/i.test(m[0]) && !/^May Day$/.test(m[0])) return null;
        const modifier = m[2]?.toLowerCase().replace(/^the\s+/, '') ?? null;
        const stated = m[3] || m[6] ? Number(m[3] ?? m[6]) : null;
        const yearWord = m[4]?.toLowerCase() ?? null;
        const weekend = Boolean(m[1] || m[5]);
        const span = (year: number): [Day, Day] | null => {
          const d = rule(year);
          return d === null ? null : weekend ? weekendOf(d) : [d, d];
        };
        return {
          start: m.index + (/^the\s/i.test(m[0]) ? 4 : 0),
          end: m.index + m[0].length,
          priority: 2,
          confidence: 0.8,
          read: (ctx) => {
            if (/^9\/11$/.test(m[0])) return fixed(span(2001), 'day');
            if (stated !== null) return fixed(span(stated), 'day');
            if (ctx.ref === null) return fixed(null, 'day', true);
            const ref = ctx.ref;
            const y = parts(ref).year;
            if (yearWord)
              return fixed(span(y + (yearWord === 'last' ? -1 : yearWord === 'next' ? 1 : 0)), 'day', true);
            if (modifier === 'next') {
              const year = [y, y + 1].find((k) => (rule(k) ?? 0) > ref) ?? y + 1;
              return fixed(span(year), 'day', true);
            }
            if (modifier === 'last') {
              const year = [y, y - 1].find((k) => (rule(k) ?? Number.POSITIVE_INFINITY) < ref) ?? y - 1;
              return fixed(span(year), 'day', true);
            }
            if (modifier === 'this') return fixed(span(y), 'day', true);
            return fixed(span(pickYearOf(span, ref, ctx.tense)), 'day', true);
          },
        };
      }),
    );
  }
  return out;
}
