import { beforeAll, describe, expect, it } from 'vitest';
import { foldName } from '../../src/geo/fold-name.js';
import { facilityCore, type Gazetteer, loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import { placesStage } from '../../src/geo/places.js';
import type { EventLocation, Place } from '../../src/types/index.js';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadDefaultGazetteer('/nonexistent/store.jsonl.gz');
}, 20_000);

function read(
  text: string,
  g: Gazetteer | null = gazetteer,
): { places: Place[]; eventLocation: EventLocation | null } {
  const out = placesStage.run(
    { id: 't', text, source: {} as never, referenceDate: null },
    { referenceDate: null, gazetteer: g },
  );
  return { places: out.places ?? [], eventLocation: out.eventLocation ?? null };
}

function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const x =
    Math.sin(((bLat - aLat) * r) / 2) ** 2 +
    Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(((bLon - aLon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(x));
}

describe('folding', () => {
  it.each([
    ['Rafaḩ', 'rafah'],
    ['Karbalāʼ', 'karbala'],
    ['Al-Anbar', 'al anbar'],
    ['São Paulo', 'sao paulo'],
  ])('%s folds to %s', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it.each([
    ['Erbil', 'Irbil'],
    ['Erbil', 'Arbil'],
    ['Rafah', 'Rafaḩ'],
    ['Al Anbar', 'Anbar'],
  ])('%s and %s find the same place', (a, b) => {
    const ids = new Set(gazetteer.lookup(a).map((e) => e.id));
    expect(gazetteer.lookup(b).some((e) => ids.has(e.id))).toBe(true);
  });

  it.each([
    ['Ain al-Asad military base', 'asad'],
    ['Al Asad Air Base', 'asad'],
  ])('the facility core of %s is %s', (name, core) => {
    expect(facilityCore(name)).toBe(core);
  });
});

describe('recognition', () => {
  it.each([
    ['Rockets fell on Mosul and Kirkuk overnight.', ['Mosul', 'Kirkuk']],
    ['Militias shelled villages in Al-Anbar province last week.', ['Al-Anbar']],
    ['Syrian troops moved toward the border.', ['Syrian']],
    ['Michael Jordan said he was tired.', []],
    ['An editor at the Washington Post wrote the story.', []],
    ['Drones struck the Harir Air Base in Erbil.', ['Harir Air Base', 'Erbil']],
    ['Convoys crossed north-eastern Syria on Sunday.', ['Syria']],
    ['A grant from the Ohio Department of Health paid for the clinic.', ['Ohio']],
    ['Tom Keller, 52, of Dayton, was hurt. Keller said the road was icy.', ['Dayton']],
    ['The storm reached Charleston, W.Va., before dawn.', ['Charleston', 'W.Va.']],
    ['Aid arrived in Cote d’Ivoire and the Middle East this week.', ['Cote d’Ivoire', 'Middle East']],
    ['Shells landed in the village of Qaryat Zubar overnight.', ['Qaryat Zubar']],
  ])('%s', (text, names) => {
    expect(read(text).places.map((p) => p.name)).toEqual(names);
  });
});

describe('resolution and precision', () => {
  it.each([
    ['She flew from Paris, France to Rome.', 'Paris', 'FR'],
    ['The rodeo came to Paris, Texas, this spring.', 'Paris', 'US'],
    ['A court in Baghdad ruled on Monday.', 'Baghdad', 'IQ'],
    ['Talks resumed in Mexico on Friday.', 'Mexico', 'MX'],
    ['Lawmakers in Washington passed the bill.', 'Washington', 'US'],
  ])('%s → %s in %s', (text, name, country) => {
    const p = read(text).places.find((x) => x.name === name);
    expect(p?.countryCode).toBe(country);
  });

  it.each([
    ['Crews from Huntsville and Decatur fought the fire near Athens.', 'Decatur', 'AL'],
    ['Crews from Atlanta and Decatur fought the fire.', 'Decatur', 'GA'],
  ])('%s → %s in state %s (places lie together)', (text, name, state) => {
    const p = read(text).places.find((x) => x.name === name);
    expect(p?.admin1).toBe(state);
  });

  it.each([
    ['Officials in Iraq denied it.', 'Iraq', 'country', 3],
    ['Fighting spread across Al-Anbar province.', 'Al-Anbar', 'admin1', 3],
    ['A car bomb exploded in Kirkuk.', 'Kirkuk', 'exact', 1],
    ['Drones struck the Harir Air Base in Erbil.', 'Harir Air Base', 'near', 2],
    ['Rockets fell near the US embassy in Baghdad.', 'US embassy', 'near', 2],
  ])('%s: %s has precision %s (ACLED %i)', (text, name, precision, acled) => {
    const p = read(text).places.find((x) => x.name === name);
    expect(p?.precision).toBe(precision);
    expect(p?.acledPrecision).toBe(acled);
  });

  it('never presents a country as exact', () => {
    const p = read('Convoys crossed north-eastern Syria on Sunday.').places[0]!;
    expect(p.precision).toBe('country');
    expect(p.kind).toBe('region');
  });

  it.each([
    ['Police closed Main Street in Dayton after the crash.', 'Main Street', 'other'],
    ['A truck overturned on Highway 19 south of Dayton.', 'Highway 19', 'other'],
    ['Boats searched the Neches River near Beaumont.', 'Neches River', 'water'],
  ])('%s: %s is placed near the town, as %s', (text, name, kind) => {
    const p = read(text).places.find((x) => x.name === name);
    expect(p?.kind).toBe(kind);
    expect(p?.precision).toBe('near');
    expect(p?.anchor).not.toBeNull();
  });

  it('keeps an unknown settlement, unresolved, when the text says it is one', () => {
    const p = read('Shells landed in the village of Qaryat Zubar overnight.').places[0]!;
    expect(p.precision).toBe('unresolved');
    expect(p.lat).toBeNull();
  });

  it('places a known air base by its distinctive name', () => {
    const p = read('Rockets hit the Ain al-Asad military base overnight.').places[0];
    expect(p?.resolvedName).toBe('Al Asad Air Base');
    expect(p?.precision).toBe('exact');
  });

  it('keeps an unknown facility at its containing town, named as the anchor', () => {
    const p = read('Drones struck the Harir Air Base in Erbil.').places[0]!;
    expect(p.anchor).toBe('Erbil');
    expect(km(p.lat!, p.lon!, 36.19, 44.01)).toBeLessThan(25);
  });

  it('returns no coordinates, and does not throw, without a gazetteer', () => {
    const { places } = read('Drones struck Erbil and Syrian positions.', null);
    expect(places.every((p) => p.lat === null || p.kind === 'demonym' || p.kind === 'region')).toBe(true);
  });

  it.each([[''], ['\u0000\u0001 ÿþ'], ['ALL CAPS HEADLINE ABOUT NOTHING'], ['x'.repeat(50_000)]])(
    'survives odd text %#',
    (text) => {
      expect(() => read(text)).not.toThrow();
    },
  );
});

describe('event location', () => {
  it.each([
    ['Officials in Baghdad said gunmen attacked a checkpoint in Kirkuk on Monday.', 'Kirkuk'],
    ['Three soldiers were killed near Mosul, the Iraqi army said.', 'Mosul'],
    ['The minister visited Paris and spoke about trade.', null],
    ['Two men were killed in Syria’s Idlib province on Friday.', 'Idlib'],
    [
      'Drone attacks on bases in Iraq\n\nDrones attacked the Harir Air Base in Erbil on Tuesday.',
      'Harir Air Base',
    ],
    ['Gunmen attacked a checkpoint in Balad, north of Baghdad.', 'Balad'],
  ])('%s → %s', (text, name) => {
    expect(read(text).eventLocation?.name ?? null).toBe(name);
  });
});

describe('document geography decides between namesakes', () => {
  // [text, mention, expected country, expected admin-1 or null]
  it.each([
    [
      'Georgia lawmakers met in Atlanta on Tuesday. Georgia farmers from Macon and Valdosta said Georgia needs rain, as Texas does.',
      'Georgia',
      'US',
      'GA',
    ],
    [
      'Deputies from Laurens County drove to Dublin after the storm; Dublin and Macon schools closed, and Savannah reported flooding.',
      'Dublin',
      'US',
      'GA',
    ],
    [
      'A Paris woman was hurt on the highway between Paris and Dallas; she was taken to Tyler and then to Sherman.',
      'Paris',
      'US',
      'TX',
    ],
    ['Officials in Rome said the Pope would travel to Milan and Naples next month.', 'Rome', 'IT', null],
    [
      'Trucks crossed from Mexico into Texas near Laredo and El Paso, and Mexico said more would follow.',
      'Mexico',
      'MX',
      null,
    ],
  ])('%s', (text, name, cc, a1) => {
    const p = read(text).places.find((x) => x.name === name);
    expect(p?.countryCode).toBe(cc);
    if (a1) expect(p?.admin1).toBe(a1);
  });
});
