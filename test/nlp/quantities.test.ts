import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../src/nlp/quantities/find-quantities.js';
import { parseNumberWords } from '../../src/nlp/quantities/number-words.js';
import { toBaseUnit } from '../../src/nlp/quantities/unit-table.js';
import { quantitiesStage } from '../../src/nlp/quantities.js';

type Expect = {
  value: number;
  unit?: string;
  bound?: string;
  of?: string | null;
  low?: number | null;
  high?: number | null;
  year?: boolean;
};

/** The first quantity read from a sentence, against what an analyst reads in it. */
const FIRST: [string, Expect][] = [
  // counts and what they count
  ['The depot was shelled 14 times overnight.', { value: 14, unit: 'count', of: 'times' }],
  ['Officials said 640 soldiers crossed the river.', { value: 640, unit: 'count', of: 'soldiers' }],
  ['Nine fighters were detained at the checkpoint.', { value: 9, unit: 'count', of: 'fighters' }],
  ['Militias fired eleven rockets at the airfield.', { value: 11, unit: 'count', of: 'rockets' }],
  ['The convoy lost 3 armoured vehicles.', { value: 3, unit: 'count', of: 'vehicles' }],
  ['A column of 1,250 Marines landed.', { value: 1250, unit: 'count', of: 'Marines' }],
  ['Rescuers pulled a dozen survivors from the rubble.', { value: 12, unit: 'count', of: 'survivors' }],
  ['Dozens of families fled the camp.', { value: 24, unit: 'count', bound: 'at-least', of: 'families' }],
  ['The ministry counted a hundred and four casualties.', { value: 104, unit: 'count' }],
  ['Twenty-three homes burned.', { value: 23, unit: 'count', of: 'homes' }],
  ['Three of the attackers were killed.', { value: 3, unit: 'count', of: 'attackers' }],
  ['One of the most serious raids hit the port.', { value: 1, unit: 'count', of: null }],
  // bounds
  [
    'Rebels have killed over 4,300 civilians since spring.',
    { value: 4300, bound: 'more-than', low: 4300, high: null, of: 'civilians' },
  ],
  ['The base was targeted at least 31 times.', { value: 31, bound: 'at-least', of: 'times' }],
  ['Up to 600 people sheltered in the school.', { value: 600, bound: 'at-most', high: 600, of: 'people' }],
  ['Nearly 70 drones were launched.', { value: 70, bound: 'approximate', of: 'drones' }],
  ['Fewer than 20 guards remained.', { value: 20, bound: 'less-than' }],
  ['Around 5,000 residents lost power.', { value: 5000, bound: 'approximate', of: 'residents' }],
  ['more than 40 km of road was mined', { value: 40, unit: 'km', bound: 'more-than' }],
  // ranges
  ['The blast radius was 8 to 16 km.', { value: 12, unit: 'km', bound: 'range', low: 8, high: 16 }],
  ['between 3 and 5 shells landed', { value: 4, unit: 'count', bound: 'range', low: 3, high: 5 }],
  ['a 10-15 km exclusion zone', { value: 12.5, unit: 'km', bound: 'range' }],
  ['between 3 and 5 million people fled', { value: 4e6, unit: 'count', bound: 'range', low: 3e6, high: 5e6 }],
  ['Repairs will cost $5 to $10 million.', { value: 7.5e6, unit: 'USD', bound: 'range' }],
  ['Tickets cost $5-$10.', { value: 7.5, unit: 'USD', bound: 'range' }],
  ['Tens of thousands of people marched.', { value: 20000, bound: 'at-least', of: 'people' }],
  ['Several hundred troops arrived.', { value: 200, bound: 'at-least', of: 'troops' }],
  [
    'Night temperatures ranged from -12 °C to -4 °C.',
    { value: -8, unit: 'degC', bound: 'range', low: -12, high: -4 },
  ],
  // percentages
  ['Turnout fell to 38% in the north.', { value: 38, unit: '%' }],
  ['Prices rose 12.5 percent in a month.', { value: 12.5, unit: '%' }],
  ['Some 60 per cent of the town was damaged.', { value: 60, unit: '%', bound: 'approximate', of: 'town' }],
  // money
  ['The donors pledged $5 million.', { value: 5e6, unit: 'USD' }],
  ['The contract was worth €20.', { value: 20, unit: 'EUR' }],
  ['The fund lost £3.5bn last year.', { value: 3.5e9, unit: 'GBP' }],
  ['Reconstruction will cost 5 million dollars.', { value: 5e6, unit: 'USD' }],
  ['It sold for US$ 12,000.', { value: 12000, unit: 'USD' }],
  ['The grant was 400 million euros.', { value: 4e8, unit: 'EUR' }],
  ['Fuel cost 2,000 Syrian pounds a litre.', { value: 2000, unit: 'SYP' }],
  ['Israel paid 300 shekels per day.', { value: 300, unit: 'ILS' }],
  ['Rice cost 5,000 baht a sack.', { value: 5000, unit: 'THB' }],
  ['The fee is NT$ 300.', { value: 300, unit: 'TWD' }],
  ['Fares rose to ₫5000.', { value: 5000, unit: 'VND' }],
  ['The budget is USD 45 million.', { value: 45e6, unit: 'USD' }],
  ['The loss was ($12.40) per share.', { value: -12.4, unit: 'USD' }],
  // measures and conversions
  ['The hangar covers 13,700 square feet.', { value: 13700, unit: 'ft2' }],
  ['a compound of 2,400 sq m', { value: 2400, unit: 'm2' }],
  ['The camp spreads over 3.2 km² of desert.', { value: 3.2, unit: 'km2' }],
  ['Farmers lost 120 hectares of wheat.', { value: 120, unit: 'ha' }],
  ['The warehouse held 40 tonnes of flour.', { value: 40, unit: 't' }],
  ['The shell weighed 43 kg.', { value: 43, unit: 'kg' }],
  ['The column moved 9 miles south.', { value: 9, unit: 'mi' }],
  ['The drone flew at 185 km/h.', { value: 185, unit: 'km/h' }],
  ['Gusts reached 40 mph.', { value: 40, unit: 'mph' }],
  ['It flew at 300 kilometres per hour.', { value: 300, unit: 'km/h' }],
  ['The heat reached 47 °C at noon.', { value: 47, unit: 'degC' }],
  ['Overnight it was 21 degrees Fahrenheit.', { value: 21, unit: 'degF' }],
  ['The siege lasted three weeks.', { value: 3, unit: 'wk' }],
  ['The ceasefire held for 72 hours.', { value: 72, unit: 'h' }],
  ['a two-year occupation', { value: 2, unit: 'yr' }],
  ['a 4.5-mile tunnel', { value: 4.5, unit: 'mi' }],
  ['The hostage, 19 years old, was freed.', { value: 19, unit: 'yr' }],
  ['The barrier is 6 ft 6 in tall.', { value: 6.5, unit: 'ft' }],
  ['Each crate held two and a half kilograms of powder.', { value: 2.5, unit: 'kg', of: 'powder' }],
  ['The centre is 6-foot-7 and fast.', { value: 6 + 7 / 12, unit: 'ft' }],
  ['a cell of 2.5 x 4 metres', { value: 2.5, unit: 'm' }],
  ['They lost hundreds of millions of dollars.', { value: 2e8, unit: 'USD', bound: 'at-least' }],
  ['The barrage went on over 48 hours.', { value: 48, unit: 'h', bound: 'exact' }],
  ['The siege lasted more than 48 hours.', { value: 48, unit: 'h', bound: 'more-than' }],
  ['One of the guards was hurt.', { value: 1, unit: 'count' }],
  ['Some 1.2m people were displaced.', { value: 1.2e6, unit: 'count', bound: 'approximate', of: 'people' }],
  ['They built a 1.8m fence.', { value: 1.8, unit: 'm' }],
  ['The wall is 10m high.', { value: 10, unit: 'm' }],
  ['A man aged 34 was arrested.', { value: 34, unit: 'yr' }],
  ['It fell to minus 12 degrees Celsius.', { value: -12, unit: 'degC' }],
  ['The jet flew at 800 km per hour.', { value: 800, unit: 'km/h' }],
  ['a 2,000-pound bomb', { value: 2000, unit: 'lb' }],
  ['a $20 bribe', { value: 20, unit: 'USD' }],
  ['The fire spread 2½ miles.', { value: 2.5, unit: 'mi' }],
  ['The fire spread 3 ½ miles.', { value: 3.5, unit: 'mi' }],
  ['The shelling stopped half an hour later.', { value: 0.5, unit: 'h' }],
  ['The front moved a quarter of a mile.', { value: 0.25, unit: 'mi' }],
  ['The suspect is 5\'10" tall.', { value: 5 + 10 / 12, unit: 'ft' }],
  ['Half a dozen drones were downed.', { value: 6, unit: 'count', of: 'drones' }],
  ['Half a million people fled.', { value: 5e5, unit: 'count', of: 'people' }],
  ['The firm booked a -$5 loss.', { value: -5, unit: 'USD' }],
  ['About 8\u00a0000 people fled.', { value: 8000, unit: 'count', of: 'people' }],
  ['It cost him 40 bucks.', { value: 40, unit: 'USD' }],
  ['The state approved Rs 5 crore in relief.', { value: 5e7, unit: 'INR' }],
  ['Floods displaced 2 lakh people.', { value: 2e5, unit: 'count', of: 'people' }],
  ['Floods covered 40 sq. mi of farmland.', { value: 40, unit: 'mi2' }],
  // years in running text: counts, flagged as years, low confidence
  ['The dam was built in 1987 by engineers.', { value: 1987, unit: 'count', year: true, of: null }],
  ['The army grew in the 1990s.', { value: 1990, unit: 'count', year: true }],
  ['The brigade sent 1500 troops.', { value: 1500, unit: 'count', of: 'troops' }],
];

describe('findQuantities: what an analyst reads', () => {
  it.each(FIRST)('%s', (text, want) => {
    const q = findQuantities(text)[0];
    expect(q, text).toBeDefined();
    if (!q) return;
    expect(q.value).toBeCloseTo(want.value, 6);
    if (want.unit !== undefined) expect(q.unit).toBe(want.unit);
    if (want.bound !== undefined) expect(q.bound).toBe(want.bound);
    if (want.of !== undefined) expect(q.of?.text ?? null).toBe(want.of);
    if (want.low !== undefined) expect(q.low).toBe(want.low);
    if (want.high !== undefined) expect(q.high).toBe(want.high);
    if (want.year !== undefined) expect(q.year ?? false).toBe(want.year);
    expect(text.slice(q.start, q.end)).toBe(q.surface);
  });
});

/** Numbers that are not quantities: dates, times, codes, model names, ordinals, phone numbers. */
const NONE: string[] = [
  'The strike came on 7 October.',
  'On October 24, 2023 the talks resumed.',
  'Shelling began at 2 pm and stopped at 14:30.',
  'It was filed on 2023-12-06.',
  'A Covid-19 outbreak hit the camp.',
  'Two F-16 jets were seen.',
  'An MQ-9 was shot down.',
  'He finished 2nd in the vote.',
  'Call +44 20 7946 0958 for details.',
  'Call 555-123-4567 for details.',
  'Output fell in 2013-14.',
  'The 21st Century outlet republished it.',
  'Its code is SCP 06F6.',
  'The turret turned 90°.',
  'The fraction 1/0 is undefined.',
  'Crowds gathered at Gate 10 and on Highway 35.',
  'The council passed Resolution 2334.',
  'He lived at 2231 Dumaine Street.',
  'No one was hurt, and everyone helped one another.',
  'He finished 23 rd in the race.',
  'a one-of-a-kind mural',
  'since the 9/11 attacks',
  'Call toll free 1-888-234-1294 now.',
  'He lived at 2301 8th Ave. N. until May.',
  'He was wanted in a third state.',
  'They scored in the second half.',
  'in the twenty-first century',
  'the thirty-second round',
  '1'.repeat(5000),
  '',
];

describe('findQuantities: negatives', () => {
  it.each(NONE)('%s', (text) => {
    const counted = findQuantities(text).filter(
      (q) => !(q.unit === 'count' && q.spelledOut && q.value === 2),
    );
    expect(counted.map((q) => q.surface)).toEqual([]);
  });
});

describe('findQuantities: whole sentences', () => {
  it('reads a pair of areas and a count, with normalisation', () => {
    const qs = findQuantities('Two hangars, 9,000 square feet, or 836 square metres, burned.');
    expect(qs.map((q) => [q.value, q.unit])).toEqual([
      [2, 'count'],
      [9000, 'ft2'],
      [836, 'm2'],
    ]);
    expect(qs[1]?.normalized?.unit).toBe('m2');
    expect(qs[1]?.normalized?.value).toBeCloseTo(836.13, 2);
  });
  it('keeps the day of a date out and the count in', () => {
    const qs = findQuantities('Since 7 October, the group claimed 12 attacks.');
    expect(qs.map((q) => [q.value, q.of?.text])).toEqual([[12, 'attacks']]);
  });
  it('reads a decade as its first year', () => {
    expect(findQuantities('Raids were common in the 1980s.')[0]).toMatchObject({
      value: 1980,
      surface: '1980s',
      year: true,
    });
  });
  it('keeps a year-like number that counts things', () => {
    expect(
      findQuantities('A 2011 analysis found 1200 graves.').map((q) => [q.value, q.year ?? false]),
    ).toEqual([
      [2011, true],
      [1200, false],
    ]);
  });
  it('reads two bare numerals side by side as neither', () => {
    expect(findQuantities('ref 245 23 yen')).toEqual([]);
  });
  it('never throws on odd input', () => {
    const odd = [
      '\u0000\u0001 12 \uffff',
      '€'.repeat(500),
      '9'.repeat(400),
      '- - 1/ / $ $ %',
      '🙂 3 🙂 km',
      'a'.repeat(10000),
    ];
    for (const t of odd) expect(() => findQuantities(t)).not.toThrow();
    expect(findQuantities('9'.repeat(400)).every((q) => Number.isFinite(q.value))).toBe(true);
  });
});

describe('parseNumberWords', () => {
  const CASES: [string, number][] = [
    ['seventeen', 17],
    ['ninety-nine', 99],
    ['two thousand and five', 2005],
    ['three million, two hundred & forty', 3000240],
    ['two and a half', 2.5],
    ['two thirds', 2 / 3],
    ['a quarter', 0.25],
    ['half', 0.5],
  ];
  it.each(CASES)('%s', (words, value) => {
    expect(parseNumberWords(words, 0)?.value).toBeCloseTo(value, 9);
  });
  it('does not join a list', () => {
    expect(parseNumberWords('three and five', 0)?.value).toBe(3);
  });
});

describe('toBaseUnit', () => {
  const CASES: [number, string, number, string][] = [
    [13700, 'ft2', 1272.771648, 'm2'],
    [2, 'km', 2000, 'm'],
    [212, 'degF', 100, 'degC'],
    [1, 'wk', 604800, 's'],
  ];
  it.each(CASES)('%d %s', (v, u, bv, bu) => {
    expect(toBaseUnit(v, u)).toEqual({ value: bv, unit: bu });
  });
  it('has no base for money, counts and shares', () => {
    expect(toBaseUnit(5, 'USD')).toBeNull();
    expect(toBaseUnit(5, 'count')).toBeNull();
    expect(toBaseUnit(5, '%')).toBeNull();
  });
});

describe('quantitiesStage', () => {
  it('sets quantities with the stage id', () => {
    const out = quantitiesStage.run(
      {
        id: 'a',
        text: 'They fired 40 rockets.',
        source: { id: 'a', text: '' } as never,
        referenceDate: null,
      },
      { referenceDate: null, gazetteer: null },
    );
    expect(out.quantities?.[0]).toMatchObject({ value: 40, unit: 'count', stage: 'quantities' });
  });
});

describe('findQuantities: number words inside names', () => {
  it.each([
    ['An armed group calling itself the Brigades of the Two Rivers claimed it.', []],
    ['Water was released from the Three Gorges reservoir upstream.', []],
    ['Two drones hit the depot.', ['Two']],
    ['He said: Two Marines died.', ['Two']],
    ['Drone Strike Kills Two Soldiers in Iraq', ['Two']],
  ])('%s', (text, surfaces) => {
    expect(findQuantities(text).map((q) => q.surface)).toEqual(surfaces);
  });
});

describe('findQuantities: words, units and bounds in any case', () => {
  // Number words, units, currencies and bound phrases are matched without regard to case; a
  // letter beyond ASCII next to them ("Ünder") is no part of them.
  it.each([
    ['The convoy drove 40 KM north.', [['40 KM', 40, 'km', 'exact']]],
    ['TWELVE drones were downed.', [['TWELVE', 12, 'count', 'exact']]],
    [
      'The column moved 5 Km, then 3 km.',
      [
        ['5 Km', 5, 'km', 'exact'],
        ['3 km', 3, 'km', 'exact'],
      ],
    ],
    ['They paid 30 EUROS.', [['30 EUROS', 30, 'EUR', 'exact']]],
    ['It weighs 5 Kilogrammes.', [['5 Kilogrammes', 5, 'kg', 'exact']]],
    ['Ärzte zählten 12 km.', [['12 km', 12, 'km', 'exact']]],
    ['AT LEAST 31 times', [['AT LEAST 31', 31, 'count', 'at-least']]],
    ['Well over  300 people fled.', [['Well over  300', 300, 'count', 'more-than']]],
    ['Shelling hit ~ 40 homes.', [['~ 40', 40, 'count', 'approximate']]],
    ['Ünder 20 guards remained.', [['20', 20, 'count', 'exact']]],
  ] as [string, [string, number, string, string][]][])('%s', (text, want) => {
    expect(findQuantities(text).map((q) => [q.surface, q.value, q.unit, q.bound])).toEqual(want);
  });
});
