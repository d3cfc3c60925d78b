import { describe, expect, it } from 'vitest';
import { foldForSearch, parseSearchQuery, searchableText } from '../../src/store/search-query.js';

describe('parseSearchQuery', () => {
  const cases: [string, { words: string[]; prefix: boolean }[]][] = [
    ['drone', [{ words: ['drone'], prefix: false }]],
    [
      'Drone HARIR',
      [
        { words: ['drone'], prefix: false },
        { words: ['harir'], prefix: false },
      ],
    ],
    ['"Harir air base"', [{ words: ['harir', 'air', 'base'], prefix: false }]],
    ['attack*', [{ words: ['attack'], prefix: true }]],
    ['al-Asad', [{ words: ['al', 'asad'], prefix: false }]],
    ['Rafaḩ', [{ words: ['rafah'], prefix: false }]],
    [
      '"unclosed phrase',
      [
        { words: ['unclosed'], prefix: false },
        { words: ['phrase'], prefix: false },
      ],
    ],
    [
      '(strike OR shelling)',
      [
        { words: ['strike'], prefix: false },
        { words: ['or'], prefix: false },
        { words: ['shelling'], prefix: false },
      ],
    ],
    ['  *** "" -- ', []],
    ['', []],
  ];
  it.each(cases)('%j reads as %j', (query, expected) => {
    expect(parseSearchQuery(query)).toEqual(expected);
  });

  it('keeps at most 32 terms', () => {
    expect(parseSearchQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '))).toHaveLength(32);
  });
});

describe('folding for search', () => {
  const cases: [string, string][] = [
    ['Rafaḩ', 'rafah'],
    ['Dörfer', 'dorfer'],
    ['ＡＢＣ', 'abc'],
    ['ﬁghting', 'fighting'],
  ];
  it.each(cases)('%j folds to %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('indexes words separated by single spaces, without overlong tokens', () => {
    expect(searchableText('Drone strike on al-Asad, 3 km away.')).toBe('drone strike on al asad 3 km away');
    expect(searchableText(`keep ${'q'.repeat(65)} this`)).toBe('keep this');
  });
});
