/**
 * Calendar arithmetic on plain dates (no time of day, no time zone): a `Day` is a UTC midnight
 * in milliseconds, so adding days never crosses a daylight-saving change.
 *
 * @example toIso(addDays(parseIso('2023-12-31')!, 1)) // '2024-01-01'
 */
export type Day = number;

const MS_DAY = 86_400_000;

/**
 * A day from year, month (1-12) and day of month; null when the date does not exist.
 *
 * @example toIso(makeDay(2023, 10, 7)!) // '2023-10-07'
 */
export function makeDay(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (year < -YEAR_REACH || year > YEAR_REACH) {
    const d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    return d.getTime();
  }
  return daysFromCivil(year, month, day) * MS_DAY;
}

// Within these years the arithmetic below and the Date object agree (the Date object's range
// ends near ±275,000); beyond them the Date object answers, NaN and all.
const YEAR_REACH = 200_000;

/** Days from 1970-01-01 to a day of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Parses `YYYY-MM-DD` (the form of `context.referenceDate`, or the day of an ISO timestamp);
 * null for anything else.
 *
 * @example parseIso('2023-12-06') // the day 2023-12-06
 */
export function parseIso(iso: string | null | undefined): Day | null {
  // Asked for the same reference again and again: the last answer is kept.
  if (iso === lastIso && iso !== undefined) return lastDay;
  // A full timestamp ("2023-12-06T10:00:00Z") names its day too.
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso ?? '');
  const day = m ? makeDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  lastIso = iso ?? null;
  lastDay = day;
  return day;
}

let lastIso: string | null = null;
let lastDay: Day | null = null;

/**
 * The ISO form of a day.
 *
 * @example toIso(parseIso('2015-01-01')!) // '2015-01-01'
 */
export function toIso(day: Day): string {
  const p = parts(day);
  const y = p.year;
  const ys = y < 0 ? `-${String(-y).padStart(6, '0')}` : String(y).padStart(4, '0');
  return `${ys}-${pad(p.month)}-${pad(p.day)}`;
}

/** @example addDays(parseIso('2023-12-06')!, -1) // 2023-12-05 */
export function addDays(day: Day, n: number): Day {
  return day + n * MS_DAY;
}

/** Year, month (1-12), day of month and ISO weekday (1 = Monday … 7 = Sunday). @example parts(parseIso('2023-12-06')!).weekday // 3 */
export function parts(day: Day): { year: number; month: number; day: number; weekday: number } {
  // Whole days within the arithmetic's reach (every Day the readers make); else the Date object.
  if (day % MS_DAY !== 0 || day < -DAY_REACH * MS_DAY || day > DAY_REACH * MS_DAY) {
    const d = new Date(day);
    const wd = d.getUTCDay();
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      weekday: wd === 0 ? 7 : wd,
    };
  }
  // H. Hinnant's civil_from_days.
  const days = day / MS_DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  // 1970-01-01 was a Thursday (ISO 4).
  const wd = (((days % 7) + 7) % 7) + 4;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1,
    weekday: wd > 7 ? wd - 7 : wd,
  };
}

const DAY_REACH = 365 * YEAR_REACH;

/** @example daysInMonth(2024, 2) // 29 */
export function daysInMonth(year: number, month: number): number {
  if (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    year >= -YEAR_REACH &&
    year <= YEAR_REACH
  ) {
    if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  }
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** First and last day of a month; the month may overflow (13 = January next year). @example monthSpan(2023, 13) // 2024-01-01..2024-01-31 */
export function monthSpan(year: number, month: number): [Day, Day] {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return [makeDay(y, m, 1)!, makeDay(y, m, daysInMonth(y, m))!];
}

/** @example yearSpan(2015) // 2015-01-01..2015-12-31 */
export function yearSpan(year: number): [Day, Day] {
  return [makeDay(year, 1, 1)!, makeDay(year, 12, 31)!];
}

/** Monday..Sunday of the ISO week that contains the day. @example weekSpan(parseIso('2023-11-29')!) // 2023-11-27..2023-12-03 */
export function weekSpan(day: Day): [Day, Day] {
  const monday = addDays(day, 1 - parts(day).weekday);
  return [monday, addDays(monday, 6)];
}

/** Monday..Sunday of ISO week `week` of `year`; null past the year's last week. @example isoWeek(2019, 1) // 2018-12-31..2019-01-06 */
export function isoWeek(year: number, week: number): [Day, Day] | null {
  const jan4 = makeDay(year, 1, 4)!;
  const [w1] = weekSpan(jan4);
  const monday = addDays(w1, (week - 1) * 7);
  if (week < 1 || parts(addDays(monday, 3)).year !== year) return null;
  return [monday, addDays(monday, 6)];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
