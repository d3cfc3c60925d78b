import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/nlp/dates/find-dates.js';
import { datesStage } from '../../src/nlp/dates.js';
import type { DateMention } from '../../src/types/date.js';

// Reference day for the tables: Wednesday 6 December 2023.
const REF = '2023-12-06';

type Expected = Partial<
  Pick<
    DateMention,
    'surface' | 'from' | 'to' | 'kind' | 'precision' | 'yearUnknown' | 'monthDay' | 'relative'
  >
>;

const only = (text: string, ref: string | null = REF): DateMention => {
  const found = findDates(text, ref);
  expect(found.map((d) => d.surface)).toHaveLength(1);
  return found[0]!;
};

describe('single dates resolved against the reference day', () => {
  const table: Array<[string, Expected]> = [
    [
      'Shelling hit the town on 17 November, residents said.',
      { surface: '17 November', from: '2023-11-17', to: '2023-11-17', precision: 'day' },
    ],
    [
      'The convoy was ambushed on November 3, 2021.',
      { surface: 'November 3, 2021', from: '2021-11-03', to: '2021-11-03' },
    ],
    ['The ceasefire collapsed on the 4th of July 2014.', { surface: '4th of July 2014', from: '2014-07-04' }],
    [
      'Rockets struck the depot yesterday.',
      { surface: 'yesterday', from: '2023-12-05', to: '2023-12-05', relative: true },
    ],
    [
      'Militants attacked the checkpoint on Tuesday.',
      { surface: 'Tuesday', from: '2023-12-05', to: '2023-12-05', relative: true },
    ],
    ['The minister met the envoy on Monday.', { surface: 'Monday', from: '2023-12-04' }],
    ['The talks will resume on Friday.', { surface: 'Friday', from: '2023-12-08' }],
    [
      'Protesters gathered three days ago outside the ministry.',
      { surface: 'three days ago', from: '2023-12-03' },
    ],
    ['Talks will resume in two weeks.', { surface: 'in two weeks', from: '2023-12-20' }],
    [
      'It was the second drone attack on the base in a week.',
      { surface: 'in a week', from: '2023-11-30', to: '2023-12-06', precision: 'week', kind: 'open-range' },
    ],
    [
      'Officials said it was the third strike in two days.',
      { surface: 'in two days', from: '2023-12-05', to: '2023-12-06', precision: 'day' },
    ],
    [
      'The militia seized the town in March.',
      { surface: 'March', from: '2023-03-01', to: '2023-03-31', precision: 'month' },
    ],
    ['The militia will hold a vote in March.', { surface: 'March', from: '2024-03-01', to: '2024-03-31' }],
    [
      'The base was built in 2019 November.',
      { surface: '2019 November', from: '2019-11-01', to: '2019-11-30' },
    ],
    [
      'The base was built in November 2019.',
      { surface: 'November 2019', from: '2019-11-01', to: '2019-11-30', precision: 'month' },
    ],
    [
      'The group was founded in 2015.',
      { surface: '2015', from: '2015-01-01', to: '2015-12-31', precision: 'year' },
    ],
    [
      'Insurgents gained ground in the 1990s.',
      { surface: 'the 1990s', from: '1990-01-01', to: '1999-12-31', precision: 'decade' },
    ],
    [
      'Attacks rose in Q3 2022.',
      { surface: 'Q3 2022', from: '2022-07-01', to: '2022-09-30', precision: 'quarter' },
    ],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(only(text)).toMatchObject(expected);
  });
});

describe('past-tense reporting prefers the past', () => {
  const table: Array<[string, string, string]> = [
    // Published on a Wednesday: "on Tuesday" is the day before, not next week.
    ['Drones struck the airfield on Tuesday.', '2023-12-06', '2023-12-05'],
    // Published in February: a March in the past tense is last March.
    ['The brigade withdrew in March.', '2024-02-10', '2023-03-01'],
    ['The brigade will withdraw in March.', '2024-02-10', '2024-03-01'],
    // A plan is told with an -ed form but points forward.
    ['The district forum is planned for April 22.', '2023-12-06', '2024-04-22'],
    // Modal "may" looks forward.
    ['Officials may release the figures on Thursday.', '2023-12-06', '2023-12-07'],
    // "would" reports a consequence, not a future date.
    ['The council approved cuts on Monday that would close two clinics.', '2023-12-06', '2023-12-04'],
    // A day after the reference day in a past-tense sentence belongs to last year.
    ['Gunmen kidnapped two engineers on 20 December.', '2023-12-06', '2022-12-20'],
  ];
  it.each(table)('%s (reference %s) → %s', (text, ref, from) => {
    expect(only(text, ref).from).toBe(from);
  });
});

describe('cues for years and tense', () => {
  it('reads a year used as a modifier', () => {
    expect(only('Thousands died during the 2014 war.')).toMatchObject({
      surface: '2014',
      from: '2014-01-01',
      to: '2014-12-31',
    });
  });
  it('does not take the month May for the modal', () => {
    const found = findDates('In May the envoy met the council on Thursday.', REF);
    expect(found.map((d) => [d.surface, d.from])).toEqual([
      ['May', '2023-05-01'],
      ['Thursday', '2023-11-30'],
    ]);
  });
});

describe('ranges', () => {
  const table: Array<[string, Expected]> = [
    [
      'Strikes hit the area sometime between 24 October and 2 December.',
      { surface: 'between 24 October and 2 December', from: '2023-10-24', to: '2023-12-02', kind: 'range' },
    ],
    [
      'Fighting raged from 3 to 5 May.',
      { surface: 'from 3 to 5 May', from: '2023-05-03', to: '2023-05-05', kind: 'range' },
    ],
    [
      'The group fought the army between 2015 and 2017.',
      { surface: 'between 2015 and 2017', from: '2015-01-01', to: '2017-12-31', precision: 'year' },
    ],
    [
      'The siege lasted from June to August 2020.',
      { surface: 'from June to August 2020', from: '2020-06-01', to: '2020-08-31' },
    ],
    [
      'Aid was blocked since 7 October.',
      { surface: 'since 7 October', from: '2023-10-07', to: '2023-12-06', kind: 'open-range' },
    ],
    [
      'Raids have continued since the 7 October attack.',
      { surface: '7 October', from: '2023-10-07', to: '2023-12-06', kind: 'open-range' },
    ],
    [
      'No convoy has passed since 2019.',
      { surface: 'since 2019', from: '2019-01-01', to: '2023-12-06', kind: 'open-range' },
    ],
    [
      'The offensive ran between May and July 2022.',
      { surface: 'between May and July 2022', from: '2022-05-01', to: '2022-07-31', precision: 'month' },
    ],
    [
      'The militia held the town 2014-2017.',
      { surface: '2014-2017', from: '2014-01-01', to: '2017-12-31', kind: 'range' },
    ],
    [
      'Clashes flared Nov 18-Dec 2, 2022.',
      { surface: 'Nov 18-Dec 2, 2022', from: '2022-11-18', to: '2022-12-02' },
    ],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(only(text)).toMatchObject(expected);
  });
});

describe('several dates in one phrase', () => {
  it('reads "18 and 19 June" as two days, not a range', () => {
    const found = findDates('Rockets fell on 18 and 19 June.', REF);
    expect(found.map((d) => [d.surface, d.from, d.kind])).toEqual([
      ['18', '2023-06-18', 'point'],
      ['19 June', '2023-06-19', 'point'],
    ]);
  });
  it('gives a bare first day the month of the second date', () => {
    expect(only('Aid was suspended from 4 to 22 January 2021.')).toMatchObject({
      from: '2021-01-04',
      to: '2021-01-22',
    });
    expect(only('Aid was suspended from 28 to 2 January.')).toMatchObject({
      from: '2022-12-28',
      to: '2023-01-02',
    });
  });
});

describe('relative periods', () => {
  const table: Array<[string, Expected]> = [
    [
      'Rockets hit the embassy last week.',
      { surface: 'last week', from: '2023-11-27', to: '2023-12-03', precision: 'week', relative: true },
    ],
    [
      'Prices doubled last month.',
      { surface: 'last month', from: '2023-11-01', to: '2023-11-30', precision: 'month' },
    ],
    [
      'Casualties have risen this year.',
      { surface: 'this year', from: '2023-01-01', to: '2023-12-31', precision: 'year' },
    ],
    [
      'Talks broke down earlier this month.',
      { surface: 'earlier this month', from: '2023-12-01', to: '2023-12-05' },
    ],
    [
      'Shelling intensified over the past two weeks.',
      { surface: 'past two weeks', from: '2023-11-22', to: '2023-12-05' },
    ],
    [
      'Inspectors return this working week.',
      { surface: 'this working week', from: '2023-12-04', to: '2023-12-08', precision: 'week' },
    ],
    ['The envoy lands the day after tmrw.', { surface: 'the day after tmrw', from: '2023-12-08' }],
    [
      'The election is planned for next year.',
      { surface: 'next year', from: '2024-01-01', to: '2024-12-31' },
    ],
    [
      'Patrols stopped in the first week of November.',
      { surface: 'the first week of November', from: '2023-10-30', to: '2023-11-05', precision: 'week' },
    ],
    [
      'The council met on the second Monday of last month.',
      { surface: 'the second Monday of last month', from: '2023-11-13', to: '2023-11-13' },
    ],
    [
      'The envoy arrived on Friday last week.',
      { surface: 'Friday last week', from: '2023-12-01', to: '2023-12-01' },
    ],
    [
      'The truce expired two weeks after 1 November.',
      { surface: 'two weeks after 1 November', from: '2023-11-15', to: '2023-11-15' },
    ],
    [
      'Shelling resumed in the week beginning 13 November.',
      { surface: 'the week beginning 13 November', from: '2023-11-13', to: '2023-11-19' },
    ],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(only(text)).toMatchObject(expected);
  });
});

describe('days of a month named relative to the reference', () => {
  const table: Array<[string, Expected]> = [
    ['The deadline is the 18th of next month.', { surface: 'the 18th of next month', from: '2024-01-18' }],
    [
      'Curfews applied between the 1st and 15th of this month.',
      { surface: 'between the 1st and 15th of this month', from: '2023-12-01', to: '2023-12-15' },
    ],
    [
      'Casualties fell over this past weekend.',
      { surface: 'this past weekend', from: '2023-12-02', to: '2023-12-03' },
    ],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(only(text)).toMatchObject(expected);
  });
});

describe('counts next to a period are not counted periods', () => {
  it('reads "only 3 next week" as next week', () => {
    expect(only('Only 3 envoys will attend next week.')).toMatchObject({
      surface: 'next week',
      from: '2023-12-11',
    });
    expect(only('We will be only 3 next week.')).toMatchObject({ surface: 'next week', from: '2023-12-11' });
  });
  it('reads "the 5 past years" as the past five years', () => {
    expect(only('Attacks doubled in the 5 past years.')).toMatchObject({
      from: '2018-12-06',
      to: '2023-12-05',
    });
  });
});

describe('a weekday in a counted week', () => {
  const table: Array<[string, Expected]> = [
    [
      'The envoy returns Monday two weeks from now.',
      { surface: 'Monday two weeks from now', from: '2023-12-18' },
    ],
    ['The vote is in 3 days on Friday.', { surface: 'in 3 days on Friday', from: '2023-12-08' }],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(only(text)).toMatchObject(expected);
  });
});

describe('reference dates and short weekday forms', () => {
  it('takes the day of a full timestamp as the reference', () => {
    expect(findDates('Drones struck on Tuesday.', '2023-12-06T09:30:00Z')[0]?.from).toBe('2023-12-05');
  });
  it('reads capitalised short weekdays but not "sat" or "wed"', () => {
    expect(only('Meet on Tue or later.')).toMatchObject({ surface: 'Tue', from: '2023-12-05' });
    expect(findDates('They sat and wed in the sun.', REF)).toEqual([]);
  });
});

describe('counted weekdays of the reference month', () => {
  it('reads "second Sunday" in the reference month', () => {
    expect(only('The vote was moved to second Sunday.')).toMatchObject({ from: '2023-12-10' });
  });
  it('leaves "the first Friday after the truce" alone', () => {
    expect(findDates('Crowds prayed on the first Friday after the truce.', REF)).toEqual([]);
  });
});

describe('without a reference date nothing is guessed', () => {
  const table: Array<[string, Expected]> = [
    [
      'Drones hit the base on 17 November.',
      { surface: '17 November', from: null, to: null, yearUnknown: true, monthDay: '11-17' },
    ],
    [
      'Drones hit the base on Tuesday.',
      { surface: 'Tuesday', from: null, to: null, yearUnknown: false, relative: true },
    ],
    ['Drones hit the base last week.', { surface: 'last week', from: null, to: null, relative: true }],
    ['The town fell in 2016.', { surface: '2016', from: '2016-01-01', to: '2016-12-31', yearUnknown: false }],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(only(text, null)).toMatchObject(expected);
  });
});

describe('not dates', () => {
  const table: string[] = [
    'The attack came after the start of Operation Al-Aqsa Flood.',
    'Officials may announce the toll later.',
    'May I ask who fired first?',
    'Police dispersed a protest march near the port.',
    'Hundreds will march on the capital.',
    'The US maintains 2,500 soldiers in the country.',
    'The air force flew F-16 jets over the border.',
    'Labs were notable for a ratio of 30/4.85 in the sample.',
    'The unit fired 2015 rounds at the ridge.',
    'The suspect, 19, of 1935 Orchard St., was charged.',
    '',
  ];
  it.each(table)('%s', (text) => {
    expect(findDates(text, REF)).toEqual([]);
  });
});

describe('the stage', () => {
  it('reads the context reference and labels every mention', () => {
    const text = 'Drones struck the base on 17 November and again last week.';
    const out = datesStage.run(
      { id: 'a', text, source: { id: 'a', text, format: 'text' }, referenceDate: REF },
      { referenceDate: REF, gazetteer: null },
    );
    expect(out.dates?.map((d) => [d.id, d.surface, d.stage, text.slice(d.start, d.end)])).toEqual([
      ['date-1', '17 November', 'dates', '17 November'],
      ['date-2', 'last week', 'dates', 'last week'],
    ]);
  });

  it('never throws on odd input', () => {
    const odd = [
      '\u0000\u0001\uffff',
      '🙂 on 3 March 🙂',
      'x'.repeat(50_000) + ' 12 May 2020',
      '2020-13-45 99/99/9999 31 February',
    ];
    for (const text of odd) expect(() => findDates(text, REF)).not.toThrow();
    expect(findDates('x'.repeat(50_000) + ' 12 May 2020', REF).map((d) => d.from)).toEqual(['2020-05-12']);
  });
});

describe('years written in words', () => {
  const table: Array<[string, Expected]> = [
    [
      'The treaty was signed on 9 May nineteen forty five.',
      { surface: '9 May nineteen forty five', from: '1945-05-09' },
    ],
    [
      'The dam opened in October two thousand and five.',
      { surface: 'October two thousand and five', from: '2005-10-01', to: '2005-10-31' },
    ],
    [
      'The uprising began in nineteen eighty seven.',
      { surface: 'nineteen eighty seven', from: '1987-01-01', to: '1987-12-31' },
    ],
    [
      'Exiles returned in the nineteen nineties.',
      { surface: 'the nineteen nineties', from: '1990-01-01', to: '1999-12-31' },
    ],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(only(text)).toMatchObject(expected);
  });
});

describe('holidays and less common periods', () => {
  const table: Array<[string, Expected]> = [
    ['Shelling eased over Christmas.', { surface: 'Christmas', from: '2022-12-25' }],
    ['The ceasefire held through Easter 2016.', { surface: 'Easter 2016', from: '2016-03-27' }],
    [
      'Traffic peaked over Thanksgiving weekend 2022.',
      { surface: 'Thanksgiving weekend 2022', from: '2022-11-24', to: '2022-11-27' },
    ],
    ['The unit was deployed after the 9/11 attacks.', { surface: '9/11', from: '2001-09-11' }],
    [
      'Crossings stay closed for the rest of the week.',
      { surface: 'rest of the week', from: '2023-12-06', to: '2023-12-10' },
    ],
    [
      'Elections were promised for June next year.',
      { surface: 'June next year', from: '2024-06-01', to: '2024-06-30' },
    ],
    [
      'Exports fell in the last four months of 2021.',
      { surface: 'the last four months of 2021', from: '2021-09-01', to: '2021-12-31' },
    ],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(only(text)).toMatchObject(expected);
  });
});
