import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip, createInflateRaw } from 'node:zlib';
import type { PlaceKind } from '../types/index.js';
import type { GazetteerRow } from './gazetteer.js';

/** Where progress lines go; injected so tests stay quiet. */
export type ProgressSink = (line: string) => void;

// GeoNames feature codes worth keeping besides populated places (class P).
const KEEP_CODES: Record<string, PlaceKind> = {
  PCLI: 'country',
  PCLD: 'country',
  PCLS: 'country',
  PCLF: 'country',
  ADM1: 'admin1',
  ADM2: 'admin2',
  ADM3: 'admin2',
  AIRB: 'facility',
  AIRF: 'facility',
  AIRP: 'facility',
  AIRH: 'facility',
  INSM: 'facility',
  MILB: 'facility',
  BRKS: 'facility',
  FT: 'facility',
  CMPRF: 'facility',
  CMP: 'facility',
  PRN: 'facility',
  DAM: 'facility',
  OILF: 'facility',
  GASF: 'facility',
  PS: 'facility',
  MVA: 'facility',
  BDG: 'landform',
  ISL: 'landform',
  MT: 'landform',
  VAL: 'landform',
  DSRT: 'landform',
  RGN: 'region',
  AREA: 'region',
  STM: 'water',
  LK: 'water',
  SEA: 'water',
  GULF: 'water',
  BAY: 'water',
};

/**
 * Reads one GeoNames `geoname` table row (19 tab-separated fields) into a gazetteer row, or
 * null for rows the reader has no use for (hotels, farms, wells…).
 *
 * @example geonamesRow('95446\tErbil\tErbil\tArbil,Irbil\t36.19\t44.01\tP\tPPLA\tIQ\t\t11\t…')?.kind // 'city'
 */
export function geonamesRow(line: string): GazetteerRow | null {
  const f = line.split('\t');
  if (f.length < 15) return null;
  const [id, name, ascii, alt, lat, lon, fclass, fcode, cc, , a1, , , , pop] = f;
  const kind: PlaceKind | undefined = fclass === 'P' ? 'city' : KEEP_CODES[fcode ?? ''];
  if (!kind || !id || !name) return null;
  const la = Number(lat);
  const lo = Number(lon);
  if (!Number.isFinite(la) || !Number.isFinite(lo)) return null;
  const aliases = new Set<string>();
  if (ascii && ascii !== name) aliases.add(ascii);
  for (const a of (alt ?? '').split(',')) {
    // Latin-script names only, as in the committed table.
    if (a && a.length >= 3 && a.length <= 40 && /^[\p{Script=Latin}\p{M}0-9 '’ʼʻ.\-()]+$/u.test(a))
      aliases.add(a);
  }
  return {
    id: `gn:${id}`,
    name,
    kind,
    lat: la,
    lon: lo,
    geonameid: Number(id),
    countryCode: cc || null,
    admin1: a1 || null,
    population: Number(pop) || 0,
    featureCode: fcode ?? '',
    aliases: [...aliases],
  };
}

/** The lines of a GeoNames dump: a `.txt`, or the first `.txt` member of a `.zip` (streamed). */
async function dumpLines(path: string): Promise<Readable> {
  if (!/\.zip$/i.test(path)) return createReadStream(path);
  const member = await findZipMember(path, (n) => /\.txt$/i.test(n) && !/readme/i.test(n));
  if (!member) throw new ImportError(`no .txt data file inside ${path}`);
  const raw = createReadStream(path, {
    start: member.dataStart,
    end: member.dataStart + member.compressedSize - 1,
  });
  if (member.method === 0) return raw;
  if (member.method !== 8) throw new ImportError(`unsupported zip compression method ${member.method}`);
  return raw.pipe(createInflateRaw());
}

/** A failure the user can fix (bad file, unsupported format): the CLI prints it and exits 1. */
export class ImportError extends Error {}

interface ZipMember {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly dataStart: number;
}

/**
 * Finds a member in a zip file from its central directory (no dependency; zip64 sizes are
 * read for files over 4 GB such as allCountries.zip's member).
 */
async function findZipMember(path: string, want: (name: string) => boolean): Promise<ZipMember | null> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 65_557 + 20);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ImportError(`${path} is not a zip file`);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    let cdSize = tail.readUInt32LE(eocd + 12);
    // Zip64 end-of-central-directory locator sits just before the classic record.
    if (cdOffset === 0xffffffff && eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
      const recOffset = Number(tail.readBigUInt64LE(eocd - 20 + 8));
      const rec = Buffer.alloc(56);
      await fh.read(rec, 0, 56, recOffset);
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    let p = 0;
    while (p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50) {
      const method = cd.readUInt16LE(p + 10);
      let compressedSize = cd.readUInt32LE(p + 20);
      const uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
      // Zip64 extra field: 64-bit sizes and offset, in this order, only for the fields set to 0xffffffff.
      let e = p + 46 + nameLen;
      const extraEnd = e + extraLen;
      while (e + 4 <= extraEnd) {
        const tag = cd.readUInt16LE(e);
        const len = cd.readUInt16LE(e + 2);
        if (tag === 0x0001) {
          let q = e + 4;
          if (uncompressedSize === 0xffffffff) q += 8;
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = Number(cd.readBigUInt64LE(q));
        }
        e += 4 + len;
      }
      if (want(name)) {
        const local = Buffer.alloc(30);
        await fh.read(local, 0, 30, localOffset);
        const dataStart = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
        return { name, method, compressedSize, dataStart };
      }
      p += 46 + nameLen + extraLen + commentLen;
    }
    return null;
  } finally {
    await fh.close();
  }
}

/**
 * Streams a GeoNames dump (`allCountries.zip`, a country zip such as `IQ.zip`, `cities500.zip`,
 * or the `.txt` inside) into gazetteer rows, reporting progress every 100,000 lines.
 *
 * @example for await (const row of readGeonamesDump('IQ.zip', console.error)) store.set(row.id, row)
 */
export async function* readGeonamesDump(path: string, progress: ProgressSink): AsyncGenerator<GazetteerRow> {
  const lines = createInterface({ input: await dumpLines(path), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  let kept = 0;
  for await (const line of lines) {
    n++;
    if (n % 100_000 === 0)
      progress(`${n.toLocaleString('en')} lines read, ${kept.toLocaleString('en')} places kept`);
    const row = geonamesRow(line);
    if (row) {
      kept++;
      yield row;
    }
  }
  progress(`done: ${n.toLocaleString('en')} lines read, ${kept.toLocaleString('en')} places kept`);
}

interface GeoJsonFeature {
  readonly type?: string;
  readonly geometry?: { readonly type?: string; readonly coordinates?: unknown } | null;
  readonly properties?: Record<string, unknown> | null;
}

/**
 * User-defined places from GeoJSON (a Feature or FeatureCollection): each feature's
 * `properties.name` (required), `aliases` (string array), `kind` (default `facility`) and
 * `country` (ISO code); a Point is used as is, a polygon by the mean of its vertices.
 *
 * @example userPlaces({type: 'Feature', geometry: {type: 'Point', coordinates: [44.3, 36.5]}, properties: {name: 'Harir Air Base'}})[0].lat // 36.5
 */
export function userPlaces(geojson: unknown): GazetteerRow[] {
  const g = geojson as { type?: string; features?: GeoJsonFeature[] };
  const features: GeoJsonFeature[] =
    g?.type === 'FeatureCollection' ? (g.features ?? []) : [g as GeoJsonFeature];
  const out: GazetteerRow[] = [];
  for (const f of features) {
    const props = f?.properties ?? {};
    const name = typeof props.name === 'string' ? props.name.trim() : '';
    const point = centre(f?.geometry?.coordinates);
    if (!name || !point) continue;
    const aliases = Array.isArray(props.aliases)
      ? props.aliases.filter((a): a is string => typeof a === 'string')
      : [];
    const kind = typeof props.kind === 'string' ? (props.kind as PlaceKind) : 'facility';
    out.push({
      id: `user:${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`,
      name,
      kind,
      lat: point[1],
      lon: point[0],
      geonameid: null,
      countryCode: typeof props.country === 'string' ? props.country.toUpperCase() : null,
      admin1: null,
      population: 0,
      featureCode: 'USER',
      aliases,
    });
  }
  return out;
}

/** [lon, lat] of a Point, or the mean vertex of a (multi)polygon or line. */
function centre(coords: unknown): [number, number] | null {
  const pts: [number, number][] = [];
  const walk = (c: unknown) => {
    if (Array.isArray(c) && c.length >= 2 && typeof c[0] === 'number' && typeof c[1] === 'number')
      pts.push([c[0], c[1]]);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(coords);
  if (pts.length === 0) return null;
  const lon = pts.reduce((a, p) => a + p[0], 0) / pts.length;
  const lat = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
    ? [lon, lat]
    : null;
}

/**
 * Merges rows into the local store (gzip JSON lines; a row replaces the one with its id),
 * streaming, so a whole-world dump never sits in memory as one string. Returns the number
 * of places the store then holds.
 *
 * @example await mergeIntoStore('.corroborate/gazetteer.jsonl.gz', userPlaces(json))
 */
export async function mergeIntoStore(
  storePath: string,
  rows: Iterable<GazetteerRow> | AsyncIterable<GazetteerRow>,
): Promise<number> {
  mkdirSync(dirname(storePath), { recursive: true });
  const tmp = `${storePath}.tmp-${process.pid}`;
  const gz = createGzip();
  const done = pipeline(gz, createWriteStream(tmp));
  const write = async (line: string) => {
    if (!gz.write(line + '\n')) await once(gz, 'drain');
  };
  const ids = new Set<string>();
  for await (const row of rows) {
    ids.add(row.id);
    await write(JSON.stringify(row));
  }
  let total = ids.size;
  if (existsSync(storePath)) {
    const old = createInterface({
      input: createReadStream(storePath).pipe(createGunzip()),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of old) {
      const m = /^\{"id":"([^"]+)"/.exec(line);
      if (!m || ids.has(m[1]!)) continue;
      await write(line);
      total++;
    }
  }
  gz.end();
  await done;
  renameSync(tmp, storePath);
  return total;
}
