import { beforeAll, describe, expect, it } from 'vitest';
import { type Gazetteer, loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import { placesStage } from '../../src/geo/places.js';
import type { Place } from '../../src/types/index.js';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadDefaultGazetteer('/nonexistent/store.jsonl.gz');
}, 20_000);

function places(text: string): Place[] {
  return (
    placesStage.run(
      { id: 't', text, source: {} as never, referenceDate: null },
      { referenceDate: null, gazetteer },
    ).places ?? []
  );
}

describe('the report is read twice: names are judged by what the others turned out to be', () => {
  // [text, mention, expected state]
  it.each([
    [
      'Man held on theft charge. Dale Roe, 48, Lebanon, was arrested Friday on a charge of theft. Boone County deputies said Roe took tools from a shed. Brent Hale of Lebanon reported the tools missing. Roe was held in the Boone County jail.',
      'Lebanon',
      'IN',
    ],
  ])('%s → %s in %s', (text, name, state) => {
    const found = places(text).filter((x) => x.name === name);
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) expect(p.admin1).toBe(state);
  });
});

describe('people named with a title are not places', () => {
  it.each([
    ["The Rev. Roy Jones' latest job was at a store. Jones will be paid $9 an hour.", []],
    ['Sgt. Dale Marion said Marion was not on duty.', []],
    ['A talk by Mrs. Lincoln, played by a local actor, opened the fair in Austin.', ['Austin']],
    ['Manager David Jackson spoke to the board. Officials said Jackson would decide.', []],
  ])('%s → %j', (text, names) => {
    expect(places(text).map((p) => p.name)).toEqual(names);
  });
});

describe('"X, State": a town the gazetteer lacks is placed in the state named after it', () => {
  // [text, mention, expected state, expected precision]
  it.each([
    ['A house fire in Belgrade, Minn., hurt two people.', 'Belgrade', 'MN', 'admin1'],
    ['She was born in Grantville, Pennsylvania, in 1913.', 'Grantville', 'PA', 'admin1'],
    ['The rodeo came to Paris, Texas, this spring.', 'Paris', 'TX', 'exact'],
  ])('%s → %s in %s (%s)', (text, name, state, precision) => {
    const p = places(text).find((x) => x.name === name);
    expect(p?.admin1).toBe(state);
    expect(p?.precision).toBe(precision);
  });

  it('reads a list of towns as a list, not as a town and its state', () => {
    const p = places('Offices in Miami, West Palm Beach, New York, and Detroit.').find(
      (x) => x.name === 'West Palm Beach',
    );
    expect(p?.admin1).toBe('FL');
  });
});

describe('"X and Y counties": each name is a county', () => {
  // [text, mention, expected state]
  it.each([
    ['Jobless rates rose in Barrow and Jackson counties, east of Atlanta.', 'Barrow', 'GA'],
    ['Jobless rates rose in Barrow and Jackson counties, east of Atlanta.', 'Jackson', 'GA'],
    ['Volunteers came from Nassau and Baker counties in Florida.', 'Baker', 'FL'],
    ['Douglas, Sarpy and Lancaster counties grew, Nebraska officials said.', 'Sarpy', 'NE'],
    ['Levees held in Rapides and Avoyelles parishes.', 'Avoyelles', 'LA'],
  ])('%s → %s County in %s', (text, name, state) => {
    const p = places(text).find((x) => x.name === name);
    expect(p?.precision).toBe('admin2');
    expect(p?.admin1).toBe(state);
  });
});

describe('a country’s name is the country unless the text places a namesake', () => {
  // [text, mention, expected country, expected state or null]
  it.each([
    ['Dallas traders shipped rice to Italy last year, Texas officials said.', 'Italy', 'IT', null],
    ['Rice from Houston and Dallas was shipped to China.', 'China', 'CN', null],
    ['The band played in Italy, Texas, near Waco.', 'Italy', 'US', 'TX'],
    ['Surviving are a son of Lebanon and a sister of Myerstown.', 'Lebanon', 'US', 'PA'],
  ])('%s → %s in %s', (text, name, cc, state) => {
    const p = places(text).find((x) => x.name === name);
    expect(p?.countryCode).toBe(cc);
    if (state) expect(p?.admin1).toBe(state);
  });
});

describe('neighbours count by how plausible they are, and a name keeps one reading', () => {
  it('reads London and Brampton beside Sarnia as Ontario’s, every time', () => {
    const found = places(
      'The team lost in Erie on Friday. Fans drove from London and Sarnia, and a forward from Brampton scored twice. London will host the next game.',
    ).filter((p) => p.name === 'London' || p.name === 'Brampton');
    expect(found).toHaveLength(3);
    for (const p of found) expect(`${p.countryCode}.${p.admin1}`).toBe('CA.08');
  });
});

describe('a park the gazetteer does not know is placed by its town', () => {
  it.each([
    ['The walk will be held in Hopkins Park in DeKalb.', 'Hopkins Park', 'near', 'DeKalb'],
    ['Police closed roads in Highland Park, Ill.', 'Highland Park', 'exact', null],
  ])('%s: %s is %s', (text, name, precision, anchor) => {
    const p = places(text).find((x) => x.name === name);
    expect(p?.precision).toBe(precision);
    expect(p?.anchor ?? null).toBe(anchor);
  });
});

describe('a given name opening a longer name is a person or an organisation, not a place', () => {
  it.each([
    ['“It was hard,” said Mary Wheeler, a teacher in Dayton.', ['Dayton']],
    ['Ben Paul chairs the board, and Tyler Kivel won at 135 pounds.', []],
    ['She applied to Sam Houston State University last spring.', []],
    ['The Scott West wrestling team won at Belle Plaine.', ['Belle Plaine']],
    ['Students from Elizabeth City visited Austin on Friday.', ['Elizabeth City', 'Austin']],
    ['The Liberal member and two Conservative rivals debated the tax.', []],
    ['“I’ll go,” he said. We’d rather stay, she said.', []],
    ['Safety was stressed before St. Patrick’s Day at St. John’s Lutheran School.', []],
    ['The plant moved from Peoria, Ill., to O’Fallon.', ['Peoria', 'Ill.', 'O’Fallon']],
  ])('%s → %j', (text, names) => {
    expect(places(text).map((p) => p.name)).toEqual(names);
  });
});

describe('a street is placed by a town in the report’s main country', () => {
  it('does not place Elm Street at a visitor’s home town abroad', () => {
    const p = places(
      'Houston police said a man from Tyler and a woman from Waco were hurt. A visitor from Chartres saw it on Elm Street.',
    ).find((x) => x.name === 'Elm Street');
    expect(p?.countryCode).toBe('US');
    expect(p?.precision).toBe('near');
  });
});

describe('"X City" is also any town called X', () => {
  // [text, mention, expected country, expected state or null]
  it.each([
    ['Dublin City Council met in Columbus, Ohio, on Monday.', 'Dublin City', 'US', 'OH'],
    ['Dublin City Council said Ireland would vote on Friday.', 'Dublin City', 'IE', null],
    ['Quebec City and Montreal reported snow.', 'Quebec City', 'CA', null],
  ])('%s → %s in %s', (text, name, cc, state) => {
    const p = places(text).find((x) => x.name === name);
    expect(p?.countryCode).toBe(cc);
    if (state) expect(p?.admin1).toBe(state);
  });
});

describe('a name in capitals and in title case is one name, not two that vouch for each other', () => {
  it('reads MIDDLETOWN and Middletown beside Hartford as Middletown, Conn.', () => {
    const found = places(
      'MIDDLETOWN — A Middletown senior is recovering at Hartford Hospital after a crash in Berlin.',
    ).filter((p) => p.name.toLowerCase() === 'middletown');
    expect(found).toHaveLength(2);
    for (const p of found) expect(p.admin1).toBe('CT');
  });
});

describe('a county named after a stop word', () => {
  it.each([
    ['Hall County and Forsyth County deputies searched the lake.', ['Hall County', 'Forsyth County']],
    ['Officials at City Hall said the fund would grow.', []],
    ['The Police County fund grew.', []],
  ])('%s → %j', (text, names) => {
    expect(places(text).map((p) => p.name)).toEqual(names);
  });

  it('places Hall County beside Forsyth County in Georgia', () => {
    const found = places('Hall County and Forsyth County deputies searched the lake.');
    expect(found.map((p) => `${p.admin1} ${p.precision}`)).toEqual(['GA admin2', 'GA admin2']);
  });
});

describe('one weak vote is not a whole report’s geography', () => {
  it.each([
    ['Huntsville police said the crash closed a road in Walker County.'],
    ['The Walker County sheriff said Huntsville schools closed.'],
  ])('%s → Huntsville and Walker County, Texas, whichever comes first', (text) => {
    const found = places(text);
    expect(found.map((p) => p.admin1)).toEqual(['TX', 'TX']);
  });
});

describe('a place called by its own name beats one that lists the name as an old or foreign name', () => {
  // [text, mention, expected country]
  it.each([
    ['Tourists flew to Cancun for the holiday.', 'Cancun', 'MX'],
    ['The council in Berea, near Richmond and Lexington, Ky., met on Monday.', 'Berea', 'US'],
  ])('%s → %s in %s', (text, name, cc) => {
    expect(places(text).find((x) => x.name === name)?.countryCode).toBe(cc);
  });
});

describe('close neighbours count for more than distant ones', () => {
  it('reads Springfield beside Greene County as Missouri’s, St. Louis notwithstanding', () => {
    const found = places(
      'Springfield police and Greene County deputies searched the farm; the suspect was caught later in St. Louis.',
    );
    expect(found.map((p) => `${p.name} ${p.admin1}`)).toEqual([
      'Springfield MO',
      'Greene County MO',
      'St. Louis MO',
    ]);
  });
});
