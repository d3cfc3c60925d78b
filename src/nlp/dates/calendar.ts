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
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/**
 * Parses `YYYY-MM-DD` (the form of `context.referenceDate`, or the day of an ISO timestamp);
 * null for anything else.
 *
 * @example parseIso('2023-12-06') // the day 2023-12-06
 */
export function parseIso(iso: string | null | undefined): Day | null {
  // A full timestamp ("2023-12-06T10:00:00Z") names its day too.
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso ?? '');
  return m ? makeDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * The ISO form of a day.
 *
 * @example toIso(parseIso('2015-01-01')!) // '2015-01-01'
 */
export function toIso(day: Day): string {
  const d = new Date(day);
  const y = d.getUTCFullYear();
  const ys = y < 0 ? `-${String(-y).padStart(6, '0')}` : String(y).padStart(4, '0');
  return `${ys}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** @example addDays(parseIso('2023-12-06')!, -1) // 2023-12-05 */
export function addDays(day: Day, n: number): Day {
  return day + n * MS_DAY;
}

/** Year, month (1-12), day of month and ISO weekday (1 = Monday … 7 = Sunday). @example parts(parseIso('2023-12-06')!).weekday // 3 */
export function parts(day: Day): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(day);
  const wd = d.getUTCDay();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: wd === 0 ? 7 : wd,
  };
}

/** @example daysInMonth(2024, 2) // 29 */
export function daysInMonth(year: number, month: number): number {
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
