import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/nlp/entities.js';
import type { RecordSoFar } from '../../src/stage.js';
import type { Entity } from '../../src/types/entity.js';

function read(text: string, extra: Partial<RecordSoFar> = {}): Entity[] {
  return findEntities({ id: 't', text, source: { id: 't', text } as never, referenceDate: null, ...extra });
}

function typeOf(text: string, surface: string): string | undefined {
  // Names take a preceding "the", as news annotation does.
  return read(text).find((e) => e.text.replace(/^the /i, '') === surface)?.type;
}

describe('entitiesStage', () => {
  it.each([
    ['Lt. Gen. Omar Haddad visited the troops on Tuesday.', 'Lt. Gen. Omar Haddad', 'Person'],
    [
      'The statement was issued by the Islamic Resistance in Iraq late on Sunday.',
      'Islamic Resistance in Iraq',
      'Organisation',
    ],
    [
      'Fighters of the Popular Mobilization Forces (PMU) entered the town.',
      'Popular Mobilization Forces',
      'Organisation',
    ],
    ['Militants launched one-way attack drones at the camp.', 'one-way attack drones', 'Weapon'],
    ['A ballistic missile struck the depot.', 'ballistic missile', 'Weapon'],
    ['An MQ-9 Reaper was seen over the valley.', 'MQ-9 Reaper', 'MilitaryPlatform'],
    ['Clashes were reported in Mosul after midnight.', 'Mosul', 'Location'],
    ['Fighting spread across Al-Anbar province this week.', 'Al-Anbar province', 'Location'],
    ['A Syrian official denied the report.', 'Syrian', 'Nationality'],
    ['The donors pledged $40 million for shelter.', '$40 million', 'Money'],
    ['The convoy was hit on 3 March 2021 near the border.', '3 March 2021', 'Temporal'],
    ['Foreign Minister Layla Nasser said talks would resume.', 'Foreign Minister Layla Nasser', 'Person'],
    ['The council adopted Resolution 2401 unanimously.', 'Resolution 2401', 'DocumentReference'],
    ['Call the desk on 555-123-4567 for details.', '555-123-4567', 'CommsIdentifier'],
  ])('%s → %s is %s', (text, surface, type) => {
    expect(typeOf(text, surface)).toBe(type);
  });

  it('links an acronym to the long form the text gives', () => {
    const text = 'The Popular Mobilization Forces (PMU) deny it. A PMU spokesman said so.';
    const pmu = read(text).filter((e) => e.text === 'PMU');
    expect(pmu.length).toBeGreaterThan(0);
    expect(pmu.every((e) => e.canonical === 'Popular Mobilization Forces')).toBe(true);
  });

  it('types a later surname-only mention as the person named earlier', () => {
    const text = 'Col. Dana Whitfield led the unit. Later, Whitfield told reporters the area was calm.';
    expect(read(text).find((e) => e.text === 'Whitfield')?.type).toBe('Person');
  });

  it('takes places from the places stage', () => {
    const text = 'Rockets fell on Qaryat Zed overnight.';
    const start = text.indexOf('Qaryat Zed');
    const place = {
      id: 'p1',
      start,
      end: start + 10,
      name: 'Qaryat Zed',
      kind: 'city',
      confidence: 0.9,
      stage: 'places',
    };
    const ents = read(text, { places: [place as never] });
    expect(ents.find((e) => e.start === start)?.type).toBe('Location');
  });

  it('keeps offsets on the text and never overlaps', () => {
    const text = 'On 17 November, drones struck Harir Air Base near Erbil, US officials said.';
    const ents = read(text);
    for (const e of ents) expect(text.slice(e.start, e.end)).toBe(e.text);
    for (let k = 1; k < ents.length; k++) expect(ents[k]!.start).toBeGreaterThanOrEqual(ents[k - 1]!.end);
    expect(ents.find((e) => e.text === 'Harir Air Base')?.subtype).toBe('facility');
  });

  it.each([[''], ['   '], ['\u0000\u0001 ÿþ 𝕏𝕐 ☃'], ['a'.repeat(50_000)], ['A. B. C. D. '.repeat(2000)]])(
    'never throws on odd input %#',
    (text) => {
      expect(() => read(text)).not.toThrow();
    },
  );
});
