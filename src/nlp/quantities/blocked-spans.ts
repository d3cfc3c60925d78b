import type { Span } from '../../types/index.js';
import { mayMatch } from '../regex-prefilter.js';

const MONTH =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';

/**
 * Patterns whose digits are not quantities: clock times, calendar dates (the "7" of
 * "7 October", the year of "May 8, 1945"), year spans ("2013-14") and phone numbers.
 * Day and month names are left to the dates stage.
 */
const BLOCKERS: readonly RegExp[] = [
  // 2 pm, 2.13 am, 11pm, 2:00 p.m.
  /(?<![\d.:])\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)(?![a-z])/gi,
  // "6. 00am": a time split by the tokenizer that produced the text
  /(?<![\d.])\d{1,2}\.\s\d{2}\s?(?:a\.m\.|p\.m\.|am|pm)(?![a-z])/gi,
  // 14:30, 2:00:15
  /(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/g,
  // ratios and scores written with a colon: 2:1, 3:0
  /(?<![\d:])\d{1,3}:\d{1,3}(?![\d:])/g,
  // ISO and numeric dates
  /(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)/g,
  /(?<![\d/.])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d/])/g,
  // 7 October, 24th of October 2023, 7 Oct. 2023
  new RegExp(
    `(?<![\\d.,])\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH}\\b\\.?(?:,?\\s+\\d{4}(?!\\d))?`,
    'gi',
  ),
  // October 7, October 7th, 2023, oct . 7 , 1994
  new RegExp(
    `\\b${MONTH}\\b(?:\\s*\\.)?\\s+\\d{1,2}(?:st|nd|rd|th)?(?![\\d,.]*\\d)(?:\\s*,?\\s*\\d{4}(?!\\d))?`,
    'gi',
  ),
  // October 2023, mid-October 2008
  new RegExp(`\\b${MONTH}\\b\\.?,?\\s+(?:of\\s+)?\\d{4}(?!\\d)`, 'gi'),
  // 2013-14, 2013–2014, 2013/14
  /(?<![\d.,])(?:1[5-9]|20)\d{2}\s?[-–/]\s?\d{2}(?:\d{2})?(?![\d,])/g,
  // phone numbers: +44 20 7946 0958, (555) 123-4567, 555-123-4567
  /\+\d{1,3}(?:[\s-]?\(?\d{1,4}\)?){2,}/g,
  /\(\d{3}\)\s*\d{3}[-.\s]\d{4}/g,
  /(?<![\d-])(?:\d{1,3}[-.\s])?\d{3}[-.]\d{3}[-.]\d{4}(?![\d-])/g,
  /(?<![\d-])\d{3}-\d{4}(?![\d-])/g,
];

/**
 * Spans whose numbers are dates, times or identifiers, never quantities.
 *
 * @example blockedSpans('since 7 October') // [{ start: 6, end: 15 }]
 */
export function blockedSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const re of BLOCKERS) {
    // A pattern whose marks or words the text lacks (":", "+", a month name) cannot match.
    if (!mayMatch(text, re)) continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const s = m.index ?? 0;
      // a year-like month ("May") needs a following number that is not a count ("May 8" yes)
      out.push({ start: s, end: s + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Whether offset `i` falls inside one of `spans` (sorted by start).
 *
 * @example insideAny([{ start: 6, end: 15 }], 6) // true
 */
export function insideAny(spans: readonly Span[], i: number): boolean {
  for (const s of spans) {
    if (s.start > i) return false;
    if (i < s.end) return true;
  }
  return false;
}
