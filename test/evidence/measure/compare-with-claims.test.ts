import { describe, expect, it } from 'vitest';
import { compareWithClaims } from '../../../src/evidence/measure/compare-with-claims.js';
import { findQuantities } from '../../../src/nlp/quantities/find-quantities.js';

/** The claim as the reader reads it: its quantities come from the real quantity finder. */
const claim = (text: string, claimId = 'north-wire-1:c1') => ({ claimId, quantities: findQuantities(text) });

type Verdict = 'agrees' | 'disagrees' | 'not-comparable';

/** [what the report says, measured m², facility m² or null, tolerance or default, verdicts in order] */
const CASES: [string, number, number | null, number | undefined, Verdict[]][] = [
  [
    'The strike destroyed 13,700 square feet, or 1,300 square meters, of hangars.',
    1300,
    null,
    undefined,
    ['agrees', 'agrees'],
  ],
  ['The strike destroyed 13,700 square feet of hangars.', 1450, null, undefined, ['agrees']],
  ['The strike destroyed 13,700 square feet of hangars.', 1500, null, undefined, ['disagrees']],
  ['The strike destroyed 13,700 square feet of hangars.', 1400, null, 0.05, ['disagrees']],
  ['The fire burned 1.3 hectares of the depot.', 1300, null, undefined, ['disagrees']],
  ['The fire burned 1.3 hectares of the depot.', 12_500, null, undefined, ['agrees']],
  ['At least 1,000 square meters of the depot burned.', 900, null, undefined, ['agrees']],
  ['At least 1,000 square meters of the depot burned.', 5000, null, undefined, ['agrees']],
  ['At least 1,000 square meters of the depot burned.', 800, null, undefined, ['disagrees']],
  ['The drones hit 50 percent of the base.', 5000, 10_400, undefined, ['agrees']],
  ['The drones hit 50 percent of the base.', 3000, 10_000, undefined, ['disagrees']],
  ['Officials said half of the base burned.', 4800, 10_000, undefined, ['agrees']],
  ['Officials said half of the base burned.', 4800, null, undefined, ['not-comparable']],
  ['Officials said a third of the base burned.', 3300, 10_000, undefined, ['agrees']],
  ['Three quarters of the depot burned.', 7500, 10_000, undefined, ['agrees']],
  ['Three quarters of the depot burned.', 5000, 10_000, undefined, ['disagrees']],
  ['Roughly 40% of the runway was cratered.', 3500, 10_000, undefined, ['agrees']],
  ['The blaze covered 2 acres of the depot.', 8000, null, undefined, ['agrees']],
  ['The fire burned between 1,000 and 1,500 square metres of the depot.', 1600, null, undefined, ['agrees']],
  ['The fire burned between 1,000 and 1,500 square metres of the depot.', 900, null, undefined, ['agrees']],
  [
    'The fire burned between 1,000 and 1,500 square metres of the depot.',
    1800,
    null,
    undefined,
    ['disagrees'],
  ],
  ['Twelve soldiers were wounded at the base.', 4800, 10_000, undefined, []],
];

describe('a measured outline against what the claims say', () => {
  it.each(CASES)('"%s" measured %d m² (of %s m²)', (text, areaM2, wholeM2, tolerance, verdicts) => {
    const checks = compareWithClaims(
      { areaM2, wholeM2 },
      [claim(text)],
      tolerance === undefined ? {} : { tolerance },
    );
    expect(checks.map((c) => c.verdict)).toEqual(verdicts);
    for (const c of checks) {
      expect(c.claimId).toBe('north-wire-1:c1');
      expect(c.tolerance).toBe(tolerance ?? 0.15);
      if (c.verdict !== 'not-comparable')
        expect(c.explanation).toContain(`${(tolerance ?? 0.15) * 100} % tolerance`);
    }
  });

  it('states both numbers in square metres and quotes the report', () => {
    const [check] = compareWithClaims({ areaM2: 1300 }, [
      claim('The strike destroyed 13,700 square feet of hangars.'),
    ]);
    expect(check?.claimed).toMatchObject({
      value: 13_700,
      unit: 'ft2',
      share: null,
      text: '13,700 square feet',
    });
    expect(check?.claimed.m2).toBeCloseTo(1272.77, 1);
    expect(check?.measured).toEqual({ m2: 1300, share: null });
    expect(check?.explanation).toBe(
      'measured 1,300 m² is 2.1 % more than the claimed 1,273 m² ("13,700 square feet"): within the 15 % tolerance',
    );
  });

  it('gives a share as measured over the whole, and says what to draw when the whole is missing', () => {
    const [share] = compareWithClaims({ areaM2: 3000, wholeM2: 10_000 }, [
      claim('The drones hit 50 percent of the base.'),
    ]);
    expect(share?.claimed.share).toBe(0.5);
    expect(share?.measured.share).toBe(0.3);
    expect(share?.explanation).toMatch(
      /^measured 30 % of the base \(3,000 m² of 10,000 m²\) is 40 % less than the claimed 50 %/,
    );
    const [missing] = compareWithClaims({ areaM2: 3000 }, [claim('The drones hit 50 percent of the base.')]);
    expect(missing?.explanation).toBe(
      '"50 percent" is a share of the base: measure the outline of the base too to compare it',
    );
  });

  it.each([
    [
      'At least 1,000 square meters of the depot burned.',
      5000,
      'measured 5,000 m² meets the claimed at least 1,000 m²: within the 15 % tolerance',
    ],
    [
      'At least 1,000 square meters of the depot burned.',
      800,
      'measured 800 m² is 20 % less than the claimed at least 1,000 m²: outside the 15 % tolerance',
    ],
    [
      'The fire burned between 1,000 and 1,500 square metres of the depot.',
      1200,
      'measured 1,200 m² is inside the claimed 1,000 m² to 1,500 m²: within the 15 % tolerance',
    ],
    [
      'The fire burned between 1,000 and 1,500 square metres of the depot.',
      1600,
      'measured 1,600 m² is 6.7 % more than the top of the claimed 1,000 m² to 1,500 m²: within the 15 % tolerance',
    ],
    [
      'Less than 2 hectares burned.',
      30_000,
      'measured 30,000 m² is 50 % more than the claimed less than 20,000 m² ("Less than 2 hectares"): outside the 15 % tolerance',
    ],
  ])('explains "%s" measured at %d m² with its bound', (text, areaM2, explanation) => {
    expect(compareWithClaims({ areaM2 }, [claim(text)])[0]?.explanation).toBe(explanation);
  });

  it('refuses a tolerance outside [0, 1) as misuse', () => {
    expect(() => compareWithClaims({ areaM2: 1 }, [], { tolerance: 1.5 })).toThrow(RangeError);
  });
});
