import { describe, expect, it } from 'vitest';
import { pairwiseScore } from './pairwise-score.js';

type Clusters = string[][];

/** [case, expected clusters, predicted clusters, precision, recall, f1]. */
const CASES: [string, Clusters, Clusters, number, number, number][] = [
  [
    'every report of each attack in its own ledger event',
    [
      ['harir-wire', 'harir-reprint', 'harir-local'],
      ['kupiansk-a', 'kupiansk-b'],
    ],
    [
      ['harir-wire', 'harir-reprint', 'harir-local'],
      ['kupiansk-a', 'kupiansk-b'],
    ],
    1,
    1,
    1,
  ],
  [
    'two attacks on the same base a week apart merged into one event',
    [
      ['harir-4mar-a', 'harir-4mar-b'],
      ['harir-11mar-a', 'harir-11mar-b'],
    ],
    [['harir-4mar-a', 'harir-4mar-b', 'harir-11mar-a', 'harir-11mar-b']],
    2 / 6,
    1,
    0.5,
  ],
  [
    'every report left alone: nothing linked',
    [
      ['afgooye-a', 'afgooye-b', 'afgooye-c'],
      ['beledweyne-a', 'beledweyne-b'],
    ],
    [['afgooye-a'], ['afgooye-b'], ['afgooye-c'], ['beledweyne-a'], ['beledweyne-b']],
    1,
    0,
    0,
  ],
  [
    'a report the reader did not find loses its pairs',
    [['fasher-a', 'fasher-b', 'fasher-c']],
    [['fasher-a', 'fasher-b']],
    1,
    1 / 3,
    0.5,
  ],
  [
    'report events outside the expected ledger do not count',
    [['conoco-a', 'conoco-b']],
    [['conoco-a', 'conoco-b', 'conoco-background', 'tally-mention']],
    1,
    1,
    1,
  ],
  [
    'one report split off a three-report event',
    [['rumeilan-a', 'rumeilan-b', 'rumeilan-c']],
    [['rumeilan-a', 'rumeilan-b'], ['rumeilan-c']],
    1,
    1 / 3,
    0.5,
  ],
  [
    'only single-report events, none linked: nothing to get wrong',
    [['babanusa-a'], ['fasher-a']],
    [['babanusa-a'], ['fasher-a']],
    1,
    1,
    1,
  ],
];

describe('pairwise clustering score', () => {
  it.each(CASES)('%s', (_case, expected, predicted, precision, recall, f1) => {
    const score = pairwiseScore(expected, predicted);
    expect(score.precision).toBeCloseTo(precision, 6);
    expect(score.recall).toBeCloseTo(recall, 6);
    expect(score.f1).toBeCloseTo(f1, 6);
  });

  it('names the pairs it missed and the pairs it got wrong', () => {
    const score = pairwiseScore(
      [['harir-4mar-a', 'harir-4mar-b'], ['harir-11mar-a']],
      [['harir-4mar-a', 'harir-11mar-a'], ['harir-4mar-b']],
    );
    expect(score.missedPairs).toEqual(['harir-4mar-a|harir-4mar-b']);
    expect(score.wrongPairs).toEqual(['harir-11mar-a|harir-4mar-a']);
    expect(score).toMatchObject({ expectedPairs: 1, predictedPairs: 1, correctPairs: 0, f1: 0 });
  });

  it('falls below the ledger bar of 0.9 when a distractor is merged into a big event', () => {
    const expected = [
      ['a1', 'a2', 'a3', 'a4'],
      ['b1', 'b2'],
    ];
    const predicted = [['a1', 'a2', 'a3', 'a4', 'b1', 'b2']];
    expect(pairwiseScore(expected, predicted).f1).toBeLessThan(0.9);
  });
});
