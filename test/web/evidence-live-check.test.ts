import { describe, expect, it } from 'vitest';
import { areaLabel, crossesItself, liveVerdicts } from '../../src/web/views/evidence-live-check.js';
import type { ClaimedMeasure } from '../../src/web/views/evidence-types.js';

const area = (text: string, m2: number, bound = 'exact'): ClaimedMeasure => ({
  claimId: 'north-wire-9:c2',
  kind: 'area',
  text,
  bound,
  m2,
  share: null,
  of: null,
});
const share = (text: string, value: number): ClaimedMeasure => ({
  claimId: 'north-wire-9:c3',
  kind: 'share',
  text,
  bound: 'exact',
  m2: null,
  share: value,
  of: 'base',
});

/** [drawn m², claimed figure, facility m², verdict, words] while the analyst draws. */
const LIVE: [number, ClaimedMeasure, number | null, string, string][] = [
  [
    1300,
    area('13,700 square feet', 1272.77),
    null,
    'agrees',
    '2 % more than 1,273 m² claimed ("13,700 square feet")',
  ],
  [
    1500,
    area('13,700 square feet', 1272.77),
    null,
    'disagrees',
    '18 % more than 1,273 m² claimed ("13,700 square feet")',
  ],
  [
    900,
    area('at least 1,000 square meters', 1000, 'at-least'),
    null,
    'agrees',
    '10 % less than 1,000 m² claimed ("at least 1,000 square meters")',
  ],
  [
    1300,
    area('1.3 hectares', 13_000),
    null,
    'disagrees',
    '90 % less than 13,000 m² claimed ("1.3 hectares")',
  ],
  [
    1600,
    { ...area('between 1,000 and 1,500 square metres', 1250, 'range'), low: 1000, high: 1500 },
    null,
    'agrees',
    '7 % more than the top of 1,000 m² to 1,500 m² claimed ("between 1,000 and 1,500 square metres")',
  ],
  [
    1800,
    { ...area('between 1,000 and 1,500 square metres', 1250, 'range'), low: 1000, high: 1500 },
    null,
    'disagrees',
    '20 % more than the top of 1,000 m² to 1,500 m² claimed ("between 1,000 and 1,500 square metres")',
  ],
  [
    1300,
    share('50 percent', 0.5),
    null,
    'not-comparable',
    '"50 percent" is a share of the base: save the facility outline first',
  ],
  [1300, share('50 percent', 0.5), 2700, 'agrees', '48 % of the facility against "50 percent" claimed'],
  [1300, share('half', 0.5), 5000, 'disagrees', '26 % of the facility against "half" claimed'],
];

describe('live verdicts while drawing an outline', () => {
  it.each(LIVE)('%d m² against %o (facility %s m²)', (m2, claim, facility, verdict, words) => {
    const [live] = liveVerdicts(m2, [claim], facility);
    expect(live?.verdict).toBe(verdict);
    expect(live?.words).toBe(words);
  });

  it.each([
    [1272.77, '1,273 m²'],
    [130_000, '13 ha'],
    [25_000_000, '25 km²'],
    [4.256, '4.26 m²'],
  ])('writes %d m² as %s', (m2, label) => {
    expect(areaLabel(m2)).toBe(label);
  });

  it.each([
    [
      'a square clicked in order',
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ],
      false,
    ],
    [
      'a square clicked across (a bow tie)',
      [
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
      ],
      true,
    ],
    [
      'a triangle',
      [
        [0, 0],
        [1, 0],
        [0, 1],
      ],
      false,
    ],
    [
      'an L shape',
      [
        [0, 0],
        [2, 0],
        [2, 1],
        [1, 1],
        [1, 2],
        [0, 2],
      ],
      false,
    ],
  ] as [string, [number, number][], boolean][])(
    'tells whether %s crosses itself',
    (_name, corners, crosses) => {
      expect(crossesItself(corners)).toBe(crosses);
    },
  );
});
