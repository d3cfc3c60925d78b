import { describe, expect, it } from 'vitest';
import { B, E, each, pattern, scanOf, YEAR } from '../../src/nlp/dates/atom-kit.js';
import { MONTH_ANY } from '../../src/nlp/dates/lexicon.js';

/** The spans a regex finds in a text, scanned as `each` scans (empty matches skipped). */
function spansOf(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push(`${m.index}:${m[0]}`);
  }
  return out;
}

/** The spans `each` keeps for the same pattern. */
function spansByEach(source: string, text: string): string[] {
  return each(text, source, (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    priority: 0,
    confidence: 1,
    read: () => ({ span: null, precision: 'day', relative: false }),
  })).map((a) => `${a.start}:${text.slice(a.start, a.end)}`);
}

// Patterns opening with a look-behind, and texts where it decides: after a hyphen, a letter, a
// digit, at the start of the text, and where a refused start is followed by a good one.
const CASES: [string, string, string][] = [
  ['a month after a word boundary', `${B}(${MONTH_ANY})${E}`, 'mid-May, Mayday, May and 3May or (June)'],
  ['a day and a month', `${B}(\\d{1,2})\\s+(${MONTH_ANY})${E}`, '17 November, x17 November, -4 May, 24 Oct'],
  [
    'a year after money signs',
    `(?<![\\w$£€#.,/:-])${YEAR}(?![\\w%/:-]|[.,]\\d)`,
    '$2015, in 2016, 1.2017, 2018.',
  ],
  ['a refused start inside a longer match', `${B}(\\d+)\\s+days`, 'a12 days 3 days 4-5 days'],
  ['a top-level alternative not under the look-behind', `${B}may|june`, 'dismay junebug may'],
  [
    'a second look-behind that reads further back',
    `${B}(?<!the\\s)(first|second)\\s+week`,
    'the first week, a second week',
  ],
];

describe('date patterns scanned without their opening look-behind', () => {
  it.each(CASES)('%s: the same dates as the regex itself', (_name, source, text) => {
    expect(spansByEach(source, text)).toEqual(spansOf(new RegExp(source, 'gi'), text));
  });

  it.each([
    [`${B}may`, 'may', '[\\w-]'],
    [`(?<![\\w$£€#.,/:-])${YEAR}`, YEAR, '[\\w$£€#.,/:-]'],
    // A "|" at the top level would leave the look-behind on one branch only: kept in the regex.
    [`${B}may|june`, `${B}may|june`, null],
    // A look-behind with branches of its own is not one character: kept in the regex.
    ['(?<![\\w-]|\\bthe\\s)first', '(?<![\\w-]|\\bthe\\s)first', null],
  ])('%s scans as %s, testing the character before against %s', (source, scanned, notAfter) => {
    const scan = scanOf(source);
    expect(scan.re.source).toBe(new RegExp(scanned).source);
    expect(scan.notAfter?.source ?? null).toBe(notAfter);
  });
});

describe('pattern: a date pattern built once per place in the code', () => {
  const build = (month: string) => pattern`${B}(${month})\\s+${YEAR}${E}`;

  it('gives the very same source string each time', () => {
    const first = build(MONTH_ANY);
    expect(build(MONTH_ANY)).toBe(first);
    expect(first).toBe(`${B}(${MONTH_ANY})\\s+${YEAR}${E}`);
  });

  it('builds the source again when a value put into it changes', () => {
    expect(build('march')).toBe(`${B}(march)\\s+${YEAR}${E}`);
    expect(build('april')).toBe(`${B}(april)\\s+${YEAR}${E}`);
  });
});
