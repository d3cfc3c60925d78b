import { describe, expect, it } from 'vitest';
import { checksStage, numericChecks } from '../../src/checks/numeric-checks.js';
import { findQuantities } from '../../src/nlp/quantities/find-quantities.js';

const checksOf = (text: string) => numericChecks(text, findQuantities(text));

/** Restatements in another unit: [text, status, relative difference (as rounded in the check)]. */
const RESTATED: [string, 'ok' | 'mismatch', number][] = [
  ['The depot covered 13,700 square feet, or 1,300 square metres.', 'ok', 0.0209],
  ['The depot covered 13,700 square feet, or 2,300 square metres.', 'mismatch', 0.4466],
  ['The convoy drove 9 miles (14.5 km) north.', 'ok', 0.0011],
  ['The convoy drove 9 miles (24 km) north.', 'mismatch', 0.3965],
  ['It was 40 °C (104 °F) at the gate.', 'ok', 0],
  ['The shell weighed 43 kg, about 95 lb.', 'ok', 0.0021],
  ['The zone spans 12 km², or 1,200 hectares.', 'ok', 0],
  ['The zone spans 12 km², or 120 hectares.', 'mismatch', 0.9],
  // a round "1,000" is not read as one significant figure
  ['The hall is 1,000 square metres, or 5,000 square feet.', 'mismatch', 0.5355],
];

describe('unit agreement', () => {
  it.each(RESTATED)('%s', (text, status, rel) => {
    const c = checksOf(text).filter((k) => k.kind === 'unit-agreement');
    expect(c).toHaveLength(1);
    expect(c[0]?.status).toBe(status);
    expect(Number(c[0]?.details.relativeDifference)).toBeCloseTo(rel, 4);
    expect(c[0]?.message).toMatch(/\d/);
    expect(c[0]?.quantityIds).toHaveLength(2);
  });
  it.each([
    'They walked 9 miles and then 3 km more.',
    'The raid lasted 4 hours, 31 minutes.',
    'Each cell is 1.5 x 3 metres (5 x 10 feet).',
  ])('does not pair values that are not restatements: %s', (text) => {
    expect(checksOf(text).filter((k) => k.kind === 'unit-agreement')).toEqual([]);
  });
});

describe('shares of a whole', () => {
  it('leaves a share of a bare name alone', () => {
    expect(checksOf('The firm owns 98 percent of Essar Oil.')).toEqual([]);
  });
  it('flags a percentage of a base whose size is never stated', () => {
    const c = checksOf('Witnesses said 40 percent of the airport was destroyed.');
    expect(c.map((k) => [k.kind, k.status])).toEqual([['percent-without-reference', 'flag']]);
    expect(c[0]?.message).toContain('40 percent');
    expect(c[0]?.message).toContain('airport');
  });
  it('leaves shares of people and money to survey language', () => {
    expect(
      checksOf('Polls show 24 percent of the voters back him and 43 percent of the money came from abroad.'),
    ).toEqual([]);
  });
  it('does not flag a rate of change', () => {
    expect(checksOf('Food prices rose 30 percent in a week.')).toEqual([]);
  });
  it('does not flag a share whose whole is counted in the report', () => {
    const text = 'The town had 4,000 homes. Officials said 25% of the homes were damaged.';
    expect(checksOf(text).filter((k) => k.kind === 'percent-without-reference')).toEqual([]);
  });
  it('flags the scale when a small area is all the report gives for a large whole', () => {
    const text =
      'A source said 30 percent of the Khalid Air Base was hit.\n' +
      'Images show three hangars in the base, 2,000 square metres in all, destroyed.';
    const scale = checksOf(text).find((k) => k.kind === 'scale');
    expect(scale?.status).toBe('flag');
    expect(scale?.details.impliedWholeM2).toBe(6667);
    expect(scale?.message).toContain('30 %');
  });
  it('leaves a plausible scale alone', () => {
    const text =
      'Half the camp burned: 20 percent of the village was hit. The village covers 2 km² of the valley.';
    expect(checksOf(text).filter((k) => k.kind === 'scale')).toEqual([]);
  });
});

describe('counts against bounds on the same thing', () => {
  it('reads a smaller count beside a lower bound as a part of a whole', () => {
    const text =
      'The group says the airport was hit 9 times. Officials say bases were hit at least 40 times.';
    const c = checksOf(text).filter((k) => k.kind === 'part-whole');
    expect(c.map((k) => [k.status, k.details.count, k.details.bound])).toEqual([['ok', 9, 40]]);
  });
  it('flags a count above a stated maximum', () => {
    const text = 'Up to 20 people were hurt, the mayor said. Medics treated 35 people.';
    const c = checksOf(text).filter((k) => k.kind === 'part-whole');
    expect(c.map((k) => k.status)).toEqual(['flag']);
    expect(c[0]?.message).toContain('35');
  });
  it('says nothing when a count simply meets a lower bound, or a bound is vague', () => {
    expect(
      checksOf('At least 10 people died. In all, 12 people died.').filter((k) => k.kind === 'part-whole'),
    ).toEqual([]);
    expect(
      checksOf('Dozens of people fled; 8 people stayed.').filter((k) => k.kind === 'part-whole'),
    ).toEqual([]);
  });
});

describe('breakdowns of a count', () => {
  const CASES: [string, 'ok' | 'mismatch', number][] = [
    ['The strike killed 6 civilians, including 2 women and 3 children.', 'ok', 5],
    ['The strike killed 6 civilians, including 8 women.', 'mismatch', 8],
    ['Police held 34 people, including four women, four children and 10 men.', 'ok', 18],
  ];
  it.each(CASES)('%s', (text, status, parts) => {
    const c = checksOf(text).filter((k) => k.kind === 'arithmetic');
    expect(c.map((k) => [k.status, k.details.parts])).toEqual([[status, parts]]);
  });
  it('gives no check for a lower bound or a verb', () => {
    expect(
      checksOf('At least 11 people, including 14 children, were hurt.').filter(
        (k) => k.kind === 'arithmetic',
      ),
    ).toEqual([]);
    expect(
      checksOf('He posted five videos, including one featuring a tank.').filter(
        (k) => k.kind === 'arithmetic',
      ),
    ).toEqual([]);
  });
});

describe('checksStage', () => {
  it('reads the record quantities and numbers the checks', () => {
    const text = 'The plot is 2 acres, or 8,100 square metres.';
    const out = checksStage.run(
      {
        id: 'a',
        text,
        source: { id: 'a', text } as never,
        referenceDate: null,
        quantities: findQuantities(text),
      },
      { referenceDate: null, gazetteer: null },
    );
    expect(out.checks?.map((c) => [c.id, c.kind, c.status, c.stage])).toEqual([
      ['c1', 'unit-agreement', 'ok', 'checks'],
    ]);
  });
  it('returns nothing without quantities', () => {
    expect(numericChecks('', [])).toEqual([]);
  });
});
