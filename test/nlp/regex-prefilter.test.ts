import { describe, expect, it } from 'vitest';
import { EVENT_CUES } from '../../src/events/event-cues.js';
import { mayMatch, requiredLiterals } from '../../src/nlp/regex-prefilter.js';

/** Patterns as the readers write them, and the words every match of each must contain. */
const NEEDLES: [string, string[][]][] = [
  ['(?<![\\w-])christmas(?:\\s+day)?(?![\\w-])', [['christmas']]],
  [
    '(?<![\\w-])(?:(this|last|next)\\s+)?(january|february|march)(?![\\w-])',
    [['january', 'february', 'march']],
  ],
  // Every word of a phrase is needed, each on its own.
  ["new\\s+year(?:['’]s)?\\s+eve", [['year'], ['new'], ['eve']]],
  // A look-behind matches nothing of its own: its words are not needles.
  ['(?<=\\b(?:on|at|over)\\s+)weekend(?![\\w-])', [['weekend']]],
  // Optional letters give every spelling; a longer spelling holding a shorter one is dropped.
  ['\\b(?:air ?strikes?|air ?raids?)\\b', [['airstrike', 'air strike', 'airraid', 'air raid']]],
  ['[a-c]x', [['ax', 'bx', 'cx']]],
  ['(?:ab)*c', [['c']]],
  ['a{2}b', [['a'], ['b']]],
  // Without the u flag "{,2}" is no quantifier but the characters themselves.
  ['x{,2}', [['x{,2}']]],
  // Patterns that can match without any fixed word give no needle: they always run.
  ['\\d+\\s*km', [['km']]],
  ['\\d+', []],
  ['a?', []],
  ['a|\\d', []],
  ['(?<name>\\w+)\\k<name>', []],
  ['[^x]yz', [['yz']]],
];

describe('requiredLiterals: the words every match contains', () => {
  it.each(NEEDLES)('%s', (source, needles) => {
    expect(requiredLiterals(source, 'gi')).toEqual(needles);
  });

  it.each([
    ['\\p{Lu}[\\p{L}-]*christmas\\u{2019}s', 'giu', [['christmas’s']]],
    ['(?<![\\p{L}])(?:dollars|euros)(?![\\p{L}])', 'giu', [['dollars', 'euros']]],
    // A character beyond 16 bits is one atom with the u flag: not split into halves.
    ['x😀?', 'gu', []],
    ['christmas', 'gv', []],
  ] as const)('with flags: /%s/%s', (source, flags, needles) => {
    expect(requiredLiterals(source, flags)).toEqual(needles);
  });
});

/** Texts a pattern is tried on: the pre-test may only say "no" when the regex finds nothing. */
const TEXTS = [
  'Shelling eased over Christmas, officials said on Tuesday.',
  'SHELLING EASED OVER CHRISTMAS DAY',
  'On New Year’s Eve drones struck the depot; last March a convoy was hit.',
  'Airstrikes and air raids hit Mosul; the AIR STRIKE killed 3.',
  'İstanbul, Kelvin 5 K and the ſ: non-ASCII letters that change length or fold to ASCII.',
  'The army said 12 km of road was mined at the weekend.',
  'CHRIſTMAS came; the ſtrike hit at 5 K.',
  '',
];

describe('mayMatch: never says no to a text the regex matches', () => {
  const sources = [...NEEDLES.map(([s]) => s), ...EVENT_CUES.map((c) => c.re.source)];
  it.each(TEXTS)('%s', (text) => {
    for (const source of sources) {
      for (const flags of ['gi', 'giu', 'g']) {
        let re: RegExp;
        try {
          re = new RegExp(source, flags);
        } catch {
          continue; // not a pattern under these flags ("x{,2}" with u)
        }
        const found = re.test(text);
        if (found) expect(mayMatch(text, source, flags), `/${source}/${flags}`).toBe(true);
      }
    }
  });

  it.each([
    ['Shelling eased over Easter.', 'christmas(?:\\s+day)?', false],
    ['Shelling eased over CHRISTMAS.', 'christmas(?:\\s+day)?', true],
    ['Warplanes bombed the village.', '\\b(?:air ?strikes?|air ?raids?)\\b', false],
    ['The first air raid came at dawn.', '\\b(?:air ?strikes?|air ?raids?)\\b', true],
    ['Any text at all', '\\d+', true],
    ['Chriſtmas, as old prints spell it', 'christmas', true],
  ] as const)('%s /%s/ → %s', (text, source, expected) => {
    expect(mayMatch(text, source, 'gi')).toBe(expected);
  });
});
