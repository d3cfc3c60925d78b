import type { ParsedComponents } from 'chrono-node';
import * as chrono from 'chrono-node/en';
import { describe, expect, it } from 'vitest';
import { chronoAtoms, chronoResults, mayFollowEndOf } from '../../src/nlp/dates/chrono-atoms.js';

// chrono's own test of the words before a result, run on the whole text before it.
const END_OF_BEFORE = /\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i;

/** A small seeded generator, so a failing text can be found again. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'end',
  'End',
  'last',
  'day',
  'of',
  'OF',
  'the',
  'tHe',
  '\u00a0',
  '\u2028',
  'ſ',
  'weekend',
  ' ',
  '  ',
  '\n',
  ' '.repeat(40),
  '\t',
  'x',
  '-',
  '.',
  'March',
];

describe('the "end of" pre-test', () => {
  const table: Array<[string, string, boolean]> = [
    ['after "end of"', 'by the end of March', true],
    ['after "last day of the"', 'on the last day of the month', true],
    ['after a word that ends in "end"', 'over the weekend of 5 May', false],
    ['after no space', 'until 2023-05-01', false],
    ['at the start of the text', 'March was cold', false],
    ['after a long run of spaces', `end${' '.repeat(70)}of ${'x'}`, true],
  ];
  it.each(table)('reads the words %s', (_, text, expected) => {
    const index = Math.max(0, text.search(/March|month|5 May|2023|x$/));
    expect(mayFollowEndOf(text, index)).toBe(expected);
  });

  it('never rules out a position where chrono would find the words', () => {
    const random = seeded(8);
    const missed: string[] = [];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const pieces = 2 + Math.floor(random() * 14);
      for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(random() * PIECES.length)];
      for (let index = 0; index <= text.length; index++)
        if (END_OF_BEFORE.test(text.slice(0, index)) && !mayFollowEndOf(text, index))
          missed.push(JSON.stringify([text, index]));
    }
    expect(missed).toEqual([]);
  });

  // chrono finds "March" or "next month"; its refiner widens the result to "end of …" and moves it
  // to the last day: the pre-test must let these through.
  const phrases: Array<[string, string, string]> = [
    ['Fighting went on until the end of March, officials said.', 'end of March', '2023-03-31'],
    ['Talks are due to resume by the end of next month.', 'end of next month', '2024-01-31'],
    ['Aid arrives by the last day of March 2024.', 'last day of March 2024', '2024-03-31'],
  ];
  it.each(phrases)('lets chrono read "%s" to its last day', (text, surface, day) => {
    const ref = Date.UTC(2023, 11, 6);
    const read = chronoAtoms(text, '2023-12-06').map((a) => {
      const span = a.read({ ref, tense: 'past' }).span;
      return [text.slice(a.start, a.end), span ? new Date(span[0]).toISOString().slice(0, 10) : null];
    });
    expect(read).toEqual([[surface, day]]);
  });
});

/** A result as chrono gives it: where, what, and every value it knows or implies. */
function described(r: chrono.ParsedResult): string {
  const parts = (c: ParsedComponents | null) =>
    c === null
      ? null
      : (
          ['year', 'month', 'day', 'weekday', 'hour', 'minute', 'second', 'millisecond', 'meridiem'] as const
        ).map((k) => [k, c.get(k), c.isCertain(k)]);
  return JSON.stringify([r.index, r.text, parts(r.start), parts(r.end ?? null), [...r.tags()].sort()]);
}

const NUMBER_PIECES = ['7', '12', '35', '300', '2023', '0930', '1530', '13', '24', '25', '99', '101'];
const JOINERS = [
  ' ',
  ':',
  '.',
  ':5',
  ':30',
  ':75',
  '.5',
  ' am',
  ' pm',
  'am',
  ' a.m.',
  ' to ',
  '-',
  ' at ',
  ' from ',
  ' hours',
  ' killed',
  ' May ',
  ' end of ',
  ' the last day of ',
  ' next month',
  ', ',
  '/',
];

describe('chrono with our pre-tests', () => {
  it('finds what chrono alone finds among numbers, clock times and dates', () => {
    const random = seeded(11);
    const differing: string[] = [];
    for (let n = 0; n < 1500; n++) {
      let text = random() < 0.5 ? 'At ' : 'On ';
      const pieces = 2 + Math.floor(random() * 8);
      for (let i = 0; i < pieces; i++)
        text += (i % 2 === 0 ? NUMBER_PIECES : JOINERS)[
          Math.floor(random() * (i % 2 === 0 ? NUMBER_PIECES.length : JOINERS.length))
        ];
      const ours = chronoResults(text, '2023-12-06').map(described);
      const theirs = chrono.casual
        .parse(text, { instant: new Date('2023-12-06T12:00:00Z'), timezone: 0 }, { forwardDate: false })
        .map(described);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) differing.push(text);
    }
    expect(differing).toEqual([]);
  });
});
