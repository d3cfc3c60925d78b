/** Month names and abbreviations → month number (1-12). @example MONTHS.sept // 9 */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Weekday names → ISO weekday (1 = Monday). @example WEEKDAYS.fri // 5 */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
  mon: 1,
  tue: 2,
  tues: 2,
  wed: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  fri: 5,
  sat: 6,
  sun: 7,
};

const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  several: 3,
  few: 3,
};

/** Regex source for a month word (full names; abbreviations only with a trailing dot or before digits is the caller's call). @example new RegExp(MONTH_FULL, 'i').test('October') // true */
export const MONTH_FULL =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
/** Regex source for a month word including abbreviations. @example new RegExp(MONTH_ANY, 'i').test('Oct.') // true */
export const MONTH_ANY = `(?:${MONTH_FULL}|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?)`;
/** Regex source for a weekday word. @example new RegExp(WEEKDAY_ANY, 'i').test('Friday') // true */
export const WEEKDAY_ANY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
/** Regex source for a day of the month: digits with an optional ordinal suffix, or an ordinal word. @example new RegExp(`^${DAY_NUM}$`, 'i').test('twenty-first') // true */
export const DAY_NUM = `(?:[0-3]?\\d(?:st|nd|rd|th)?|(?:twenty|thirty)[- ]?(?:${ORDINAL_WORDS.slice(0, 9).join('|')})|${ORDINAL_WORDS.join('|')}|thirtieth)`;
/** Regex source for a count of units ("3", "two", "a few"). @example new RegExp(`^${COUNT}$`, 'i').test('a few') // true */
export const COUNT =
  '(?:\\d{1,3}|a few|a couple of|several|few|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)';

/**
 * The month number of a month word ("Sept." → 9), or null.
 *
 * @example monthOf('Nov.') // 11
 */
export function monthOf(word: string): number | null {
  return remembered(monthsOf, word, readMonth);
}

function readMonth(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

// Each reader asks for the same few words again and again: answers are kept per word as written.
const monthsOf = new Map<string, number | null>();
const daysOf = new Map<string, number | null>();
const countsOf = new Map<string, number | null>();
const MAX_REMEMBERED = 2000;

function remembered(
  answers: Map<string, number | null>,
  word: string,
  read: (word: string) => number | null,
): number | null {
  const known = answers.get(word);
  if (known !== undefined) return known;
  if (answers.size >= MAX_REMEMBERED) answers.clear();
  const value = read(word);
  answers.set(word, value);
  return value;
}

/**
 * The day number of a day-of-month word ("17th", "twenty-first") or null.
 *
 * @example dayOf('twenty-first') // 21
 */
export function dayOf(word: string): number | null {
  return remembered(daysOf, word, readDay);
}

function readDay(word: string): number | null {
  const w = word.toLowerCase().trim();
  const digits = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(w);
  if (digits) {
    const n = Number(digits[1]);
    return n >= 1 && n <= 31 ? n : null;
  }
  if (w === 'thirtieth') return 30;
  const compound = /^(twenty|thirty)[- ]?([a-z]+)$/.exec(w);
  if (compound) {
    const unit = ORDINAL_WORDS.indexOf(compound[2]!);
    const n = (compound[1] === 'twenty' ? 20 : 30) + unit + 1;
    return unit >= 0 && unit < 9 && n <= 31 ? n : null;
  }
  const i = ORDINAL_WORDS.indexOf(w);
  return i >= 0 ? i + 1 : null;
}

/**
 * The value of a small count ("two", "a few", "12"), or null.
 *
 * @example countOf('a couple of') // 2
 */
export function countOf(word: string): number | null {
  return remembered(countsOf, word, readCount);
}

function readCount(word: string): number | null {
  const w = word.toLowerCase().trim();
  if (/^\d+$/.test(w)) return Number(w);
  if (w === 'a couple of') return 2;
  if (w === 'a few') return 3;
  return SMALL_NUMBERS[w] ?? null;
}
