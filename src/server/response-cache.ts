import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { Store } from '../store/store.js';

/**
 * What answers are kept under: an object (compared by identity) or a version name.
 *
 * @example await cache.json(view.version, key, compute) // a ledger version: 'a1b2c3d4:2'
 */
export type Scope = object | string;

/** A GET answer kept serialized: the bytes sent, their entity tag and media type. */
export interface CachedBody {
  /**
   * The answer as it is; null for a large answer kept compressed only (`gzip`), which is inflated
   * for the rare client that refuses gzip (`plainBytes`).
   */
  readonly bytes: Uint8Array<ArrayBuffer> | null;
  /** Strong entity tag of the answer (a hash of its bytes), quoted as HTTP writes it. */
  readonly etag: string;
  readonly type: string;
  /** The bytes gzip-compressed once, for clients that accept it (answers of 1 KiB or more). */
  readonly gzip: Uint8Array<ArrayBuffer> | null;
}

/** Answers smaller than this are sent as they are: compression would save next to nothing. */
const GZIP_FROM_BYTES = 1024;
/**
 * Answers this large are kept compressed only: an event page of a 20,000-document ledger is
 * 0.7 MB as JSON and 38 KB compressed, and the plain copies of 500 such pages pushed each other
 * out of the cache. At 100,000 documents the same held for document texts (about 8 KB, 2.3 KB
 * compressed) and pages of the document list (15 KB, 4 KB): kept compressed only, a cache holds
 * four times as many. Clients that refuse gzip (rare: browsers and scripts ask for it) get the
 * answer inflated on each request.
 */
const COMPRESSED_ONLY_FROM_BYTES = 8 * 1024;

const JSON_TYPE = 'application/json';
const UTF8 = new TextEncoder();

/** Answers read least recently are dropped first once the answers kept hold more than `maxBytes`. */
class LeastRecentlyRead {
  readonly #maxBytes: number;
  /** A Map keeps insertion order: re-inserting on a hit makes its first key the least recently read. */
  readonly #entries = new Map<string, CachedBody>();
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  get(key: string): CachedBody | undefined {
    const found = this.#entries.get(key);
    if (found !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, found);
    }
    return found;
  }

  set(key: string, body: CachedBody): void {
    this.delete(key);
    this.#entries.set(key, body);
    this.#bytes += sizeOf(body);
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= sizeOf(entry);
    }
  }

  delete(key: string): void {
    const old = this.#entries.get(key);
    if (old === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= sizeOf(old);
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }
}

/**
 * Serialized GET answers, least recently read dropped first once they hold more than `maxBytes`.
 * Large answers (`largeFromBytes`, 64 KiB, or more: exports, pages of long lists) are kept apart
 * in a quarter of the cache and push out only each other, so a run of them (an analyst paging
 * through the largest events) never empties the cache of the small answers every client reads;
 * an answer larger than an eighth of the cache is not kept at all.
 * Answers belong to a *scope* (for the ledger's endpoints: the version of the ledger they were
 * computed from, `LedgerView.version`; for store reads, an object per change mark): when a
 * request brings another scope, everything of the old one is dropped, and an answer computed from
 * an old scope is never stored under a newer one. Concurrent misses of one key share one
 * computation.
 *
 * @example
 * const cache = new ResponseCache({ maxBytes: 64 << 20 });
 * const body = await cache.json(ledger, '/events?limit=50', () => queryEvents(ledger, query));
 * return sendCached(c, body);
 */
export class ResponseCache {
  readonly #maxBytes: number;
  readonly #largeFromBytes: number;
  #scope: Scope | null = null;
  readonly #small: LeastRecentlyRead;
  readonly #large: LeastRecentlyRead;
  #pending = new Map<string, Promise<CachedBody>>();
  #hits = 0;
  #misses = 0;

  constructor(options: { maxBytes?: number; largeFromBytes?: number } = {}) {
    this.#maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.#largeFromBytes = options.largeFromBytes ?? 64 * 1024;
    this.#large = new LeastRecentlyRead(Math.floor(this.#maxBytes / 4));
    this.#small = new LeastRecentlyRead(this.#maxBytes - Math.floor(this.#maxBytes / 4));
  }

  /**
   * The answer under `key` in `scope`, serialized from `compute()` as JSON on a miss.
   *
   * @example await cache.json(ledger, 'timeline', () => timelineOf(ledger.events))
   */
  json(scope: Scope, key: string, compute: () => unknown): Promise<CachedBody> {
    return this.body(scope, key, async () => serialize(JSON.stringify(await compute()), JSON_TYPE));
  }

  /**
   * The answer under `key` in `scope`, made by `make()` on a miss.
   *
   * @example await cache.body(ledger, 'export:json', async () => serialize(text, 'application/json'))
   */
  async body(scope: Scope, key: string, make: () => Promise<CachedBody> | CachedBody): Promise<CachedBody> {
    if (scope !== this.#scope) this.#enter(scope);
    const found = this.#small.get(key) ?? this.#large.get(key);
    if (found !== undefined) {
      this.#hits += 1;
      return found;
    }
    const pending = this.#pending.get(key);
    if (pending !== undefined) return pending;
    this.#misses += 1;
    const made = (async () => make())();
    this.#pending.set(key, made);
    try {
      const body = await made;
      // A newer scope arrived while this one was computed: its answer is not kept.
      if (scope === this.#scope) this.#store(key, body);
      return body;
    } finally {
      if (this.#pending.get(key) === made) this.#pending.delete(key);
    }
  }

  /** Drops every answer (after a write through the desk). */
  clear(): void {
    this.#small.clear();
    this.#large.clear();
    this.#pending.clear();
  }

  /** Entries, bytes held (`large`: those of the large answers), hits and misses since start (for the server's log and tests). */
  stats(): {
    entries: number;
    bytes: number;
    large: { entries: number; bytes: number };
    hits: number;
    misses: number;
  } {
    return {
      entries: this.#small.size + this.#large.size,
      bytes: this.#small.bytes + this.#large.bytes,
      large: { entries: this.#large.size, bytes: this.#large.bytes },
      hits: this.#hits,
      misses: this.#misses,
    };
  }

  #enter(scope: Scope): void {
    this.clear();
    this.#scope = scope;
  }

  #store(key: string, body: CachedBody): void {
    const size = sizeOf(body);
    // An answer larger than half the large answers' share would push out most of them: not kept.
    if (size > this.#maxBytes / 8) return;
    this.#small.delete(key);
    this.#large.delete(key);
    (size >= this.#largeFromBytes ? this.#large : this.#small).set(key, body);
  }
}

/**
 * The scope of answers read from the store: a new one whenever the store's change mark moved
 * (`Store.changeMark`, a write committed by this process or another), so such answers are never
 * older than the last write. A request reads the mark before its answer is computed, so an answer
 * kept under a mark holds at least what was written up to it.
 *
 * @example const scope = await marks.current(); await cache.json(scope, requestKey(c), compute);
 */
export class ChangeMarkScope {
  readonly #store: Pick<Store, 'changeMark'>;
  #current: { mark: string; scope: object } | null = null;

  constructor(store: Pick<Store, 'changeMark'>) {
    this.#store = store;
  }

  /** The scope of the store's current state. */
  async current(): Promise<object> {
    const mark = await this.#store.changeMark();
    if (this.#current?.mark !== mark) this.#current = { mark, scope: {} };
    return this.#current.scope;
  }
}

/**
 * The scope of answers that depend on one part of the store only (searches: the stored documents,
 * not reviews or sessions): a new one when that part's stamp moved. The stamp costs a read of a
 * table, so it is read only after the change mark moved (once per write, shared by the requests
 * that find the mark moved together); a write elsewhere (a review) then keeps the answers.
 *
 * @example const searches = new StampScope(() => store.changeMark(), () => store.searchStamp());
 */
export class StampScope {
  readonly #mark: () => Promise<string>;
  readonly #stamp: () => Promise<string>;
  #current: { mark: string; stamp: string; scope: object } | null = null;
  #reading: { mark: string; stamp: Promise<string> } | null = null;

  constructor(mark: () => Promise<string>, stamp: () => Promise<string>) {
    this.#mark = mark;
    this.#stamp = stamp;
  }

  /** The scope of the part's current state. */
  async current(): Promise<object> {
    const mark = await this.#mark();
    const known = this.#current;
    if (known !== null && known.mark === mark) return known.scope;
    // Read after the mark: answers kept under the stamp hold at least what was written up to the mark.
    let reading = this.#reading;
    if (reading === null || reading.mark !== mark) {
      reading = { mark, stamp: this.#stamp() };
      this.#reading = reading;
    }
    let stamp: string;
    try {
      stamp = await reading.stamp;
    } finally {
      if (this.#reading === reading) this.#reading = null;
    }
    const now = this.#current;
    if (now !== null && now.stamp === stamp) {
      this.#current = { mark, stamp, scope: now.scope };
      return now.scope;
    }
    const fresh = { mark, stamp, scope: {} };
    this.#current = fresh;
    return fresh.scope;
  }
}

/** Bytes an answer holds: both of its encodings. */
function sizeOf(body: CachedBody): number {
  return (body.bytes?.byteLength ?? 0) + (body.gzip?.byteLength ?? 0);
}

/**
 * Serializes text once for sending many times, with a strong entity tag (a hash of the bytes).
 *
 * @example serialize('{"items":[]}', 'application/json').etag // '"Jm1Mq…"'
 */
export function serialize(text: string, type: string): CachedBody {
  const bytes = UTF8.encode(text);
  const etag = `"${createHash('sha1').update(bytes).digest('base64url')}"`;
  const gzip = bytes.byteLength < GZIP_FROM_BYTES ? null : new Uint8Array(gzipSync(bytes, { level: 1 }));
  const compressedOnly = gzip !== null && bytes.byteLength >= COMPRESSED_ONLY_FROM_BYTES;
  return { bytes: compressedOnly ? null : bytes, etag, type, gzip };
}

/**
 * The answer's bytes as they are (inflated when it is kept compressed only).
 *
 * @example new TextDecoder().decode(plainBytes(body)) // '{"items":[…]}'
 */
export function plainBytes(body: CachedBody): Uint8Array<ArrayBuffer> {
  if (body.bytes !== null) return body.bytes;
  return new Uint8Array(gunzipSync(body.gzip ?? new Uint8Array(0)));
}

/**
 * Answers with a cached body, or `304 Not Modified` when the request's `If-None-Match` names its
 * entity tag (weak or strong, or `*`).
 *
 * @example return sendCached(c, await cache.json(ledger, key, compute));
 */
export function sendCached(c: Context, body: CachedBody): Response {
  const gzip = body.gzip !== null && acceptsGzip(c.req.header('accept-encoding'));
  // Each encoding is a representation of its own, with a tag of its own.
  const etag = gzip ? gzipTag(body.etag) : body.etag;
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, etag)) {
    return c.body(null, 304, { ETag: etag, Vary: 'Accept-Encoding' });
  }
  if (gzip && body.gzip !== null) {
    return c.body(body.gzip, 200, {
      'Content-Type': body.type,
      'Content-Encoding': 'gzip',
      ETag: etag,
      Vary: 'Accept-Encoding',
    });
  }
  return c.body(plainBytes(body), 200, { 'Content-Type': body.type, ETag: etag, Vary: 'Accept-Encoding' });
}

/** The tag of the gzip representation of an answer tagged `etag`. */
function gzipTag(etag: string): string {
  return `${etag.slice(0, -1)}-gz"`;
}

/**
 * Whether an `Accept-Encoding` header lets gzip through (named or by `*`, with a weight above 0).
 *
 * @example acceptsGzip('gzip, deflate, br') // true
 * @example acceptsGzip('gzip;q=0, identity') // false
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  let star = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const allowed = q === undefined || Number(q) > 0;
    if (name.trim() === 'gzip') return allowed;
    if (name.trim() === '*') star = allowed;
  }
  return star;
}

/**
 * A request's path and query exactly as sent (`/api/events?limit=50`): the cache key of an
 * answer that depends on nothing else.
 *
 * @example requestKey(c) // '/api/events?status=confirmed&sort=-date'
 */
export function requestKey(c: Context): string {
  const url = c.req.url;
  const path = url.indexOf('/', url.indexOf('//') + 2);
  return path < 0 ? '/' : url.slice(path);
}

/**
 * Whether an `If-None-Match` header value names `etag` (weak comparison, as RFC 9110 asks for it).
 *
 * @example matchesEtag('W/"a", "b"', '"b"') // true
 */
export function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
