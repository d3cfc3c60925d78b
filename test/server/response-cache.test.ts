import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  acceptsGzip,
  type CachedBody,
  matchesEtag,
  plainBytes,
  ResponseCache,
  requestKey,
  StampScope,
  sendCached,
  serialize,
} from '../../src/server/response-cache.js';

const text = (cached: CachedBody) => new TextDecoder().decode(plainBytes(cached));

describe('the response cache', () => {
  it('computes an answer once per scope and key, and again in a new scope', async () => {
    const cache = new ResponseCache();
    const ledgerA = {};
    const ledgerB = {};
    let computed = 0;
    const page = (n: number) => () => ({ page: n, computed: ++computed });
    expect(text(await cache.json(ledgerA, 'p1', page(1)))).toBe('{"page":1,"computed":1}');
    expect(text(await cache.json(ledgerA, 'p1', page(1)))).toBe('{"page":1,"computed":1}');
    expect(text(await cache.json(ledgerA, 'p2', page(2)))).toBe('{"page":2,"computed":2}');
    expect(text(await cache.json(ledgerB, 'p1', page(1)))).toBe('{"page":1,"computed":3}');
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 1, misses: 3 });
  });

  it('shares one computation among concurrent misses of a key', async () => {
    const cache = new ResponseCache();
    const scope = {};
    let computed = 0;
    const slow = async () => {
      computed += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { computed };
    };
    const answers = await Promise.all(Array.from({ length: 5 }, () => cache.json(scope, 'k', slow)));
    expect(computed).toBe(1);
    expect(new Set(answers.map(text))).toEqual(new Set(['{"computed":1}']));
  });

  it('never keeps an answer computed from a scope that was replaced meanwhile', async () => {
    const cache = new ResponseCache();
    const old = {};
    const newer = {};
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const stale = cache.json(old, 'k', async () => {
      await gate;
      return 'old ledger';
    });
    expect(text(await cache.json(newer, 'k', () => 'new ledger'))).toBe('"new ledger"');
    release();
    expect(text(await stale)).toBe('"old ledger"');
    expect(text(await cache.json(newer, 'k', () => 'computed again'))).toBe('"new ledger"');
  });

  it('keeps no failed answer: the next request computes again', async () => {
    const cache = new ResponseCache();
    const scope = {};
    await expect(
      cache.json(scope, 'k', () => {
        throw new Error('no such event');
      }),
    ).rejects.toThrow('no such event');
    expect(text(await cache.json(scope, 'k', () => 'found'))).toBe('"found"');
  });

  it('drops the least recently read answers beyond its byte cap', async () => {
    // Small answers have three quarters of the cache: 600 bytes, six answers of 92.
    const cache = new ResponseCache({ maxBytes: 800 });
    const scope = {};
    const body = (n: number) => () => `${n}`.repeat(90);
    for (const n of [1, 2, 3, 4, 5, 6]) await cache.json(scope, `k${n}`, body(n));
    await cache.json(scope, 'k1', body(1)); // read again: now the most recent
    await cache.json(scope, 'k7', body(7));
    const cached = cache.stats();
    expect(cached.bytes).toBeLessThanOrEqual(600);
    expect(cached.entries).toBe(6);
    let recomputed = '';
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      await cache.json(scope, `k${n}`, () => {
        recomputed += n;
        return 'x';
      });
    }
    // k2 was the least recently read when k7 came in.
    expect(recomputed.startsWith('2')).toBe(true);
  });

  it('keeps no answer larger than an eighth of the cache', async () => {
    const cache = new ResponseCache({ maxBytes: 400 });
    await cache.json({}, 'big', () => 'x'.repeat(60));
    expect(cache.stats().entries).toBe(0);
    await cache.json({}, 'fits', () => 'x'.repeat(40));
    expect(cache.stats().entries).toBe(1);
  });

  // A cache of 4,000 bytes: large answers (100 bytes or more) share 1,000 bytes, small ones 3,000.
  const reads: { what: string; read: [key: string, bytes: number][]; kept: string[]; dropped: string[] }[] = [
    {
      what: 'a run of large answers pushes out only large ones',
      read: [
        ...Array.from({ length: 10 }, (_, i): [string, number] => [`small${i}`, 50]),
        ...Array.from({ length: 20 }, (_, i): [string, number] => [`large${i}`, 300]),
      ],
      kept: [...Array.from({ length: 10 }, (_, i) => `small${i}`), 'large17', 'large18', 'large19'],
      dropped: ['large0', 'large16'],
    },
    {
      what: 'small answers push out the least recently read small ones, not the large',
      read: [['large0', 300], ...Array.from({ length: 40 }, (_, i): [string, number] => [`small${i}`, 90])],
      // 33 answers of 90 bytes fit in 3,000: the first seven were pushed out.
      kept: ['large0', 'small39', 'small7'],
      dropped: ['small0', 'small6'],
    },
  ];
  it.each(reads)('$what', async ({ read, kept, dropped }) => {
    const cache = new ResponseCache({ maxBytes: 4000, largeFromBytes: 100 });
    const scope = {};
    for (const [key, bytes] of read) await cache.json(scope, key, () => 'x'.repeat(bytes - 2));
    const stats = cache.stats();
    expect(stats.bytes - stats.large.bytes).toBeLessThanOrEqual(3000);
    expect(stats.large.bytes).toBeLessThanOrEqual(1000);
    const recomputed = new Set<string>();
    const probe = async (key: string) =>
      cache.json(scope, key, () => {
        recomputed.add(key);
        return 'x';
      });
    for (const key of kept) await probe(key);
    expect(recomputed).toEqual(new Set());
    for (const key of dropped) await probe(key);
    expect(recomputed).toEqual(new Set(dropped));
  });
});

describe('compressed answers', () => {
  const cases: { header: string | undefined; gzip: boolean }[] = [
    { header: 'gzip, deflate, br', gzip: true },
    { header: 'br;q=1.0, gzip;q=0.8', gzip: true },
    { header: 'gzip;q=0, identity', gzip: false },
    { header: '*', gzip: true },
    { header: '*;q=0', gzip: false },
    { header: 'identity', gzip: false },
    { header: undefined, gzip: false },
  ];
  it.each(cases)('Accept-Encoding $header lets gzip through: $gzip', ({ header, gzip }) => {
    expect(acceptsGzip(header)).toBe(gzip);
  });

  it('sends a large answer gzip-compressed to a client that accepts it, under a tag of its own', async () => {
    const events = { items: Array.from({ length: 200 }, (_, i) => ({ id: `e${i}`, place: 'Mosul' })) };
    const body = serialize(JSON.stringify(events), 'application/json');
    const app = new Hono();
    app.get('/x', (c) => sendCached(c, body));
    const plain = await app.request('/x');
    const zipped = await app.request('/x', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(bytes.byteLength).toBeLessThan(plainBytes(body).byteLength / 4);
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(events);
    const tag = zipped.headers.get('etag') ?? '';
    expect(tag).not.toBe(plain.headers.get('etag'));
    const again = await app.request('/x', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': tag } });
    expect(again.status).toBe(304);
    expect(serialize('{"total":3}', 'application/json').gzip).toBeNull();
  });

  it('keeps a large answer compressed only, and inflates it for a client that refuses gzip', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `e${i}`, place: 'Mosul', claims: i % 7 }));
    const json = JSON.stringify({ items: rows });
    const body = serialize(json, 'application/json');
    expect(body.bytes).toBeNull();
    const cache = new ResponseCache();
    await cache.body({}, 'big', () => body);
    expect(cache.stats().bytes).toBe(body.gzip?.byteLength);
    const app = new Hono();
    app.get('/x', (c) => sendCached(c, body));
    const plain = await app.request('/x', { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(json);
  });
});

describe('request keys', () => {
  const cases = [
    { url: 'http://127.0.0.1:8080/api/events?limit=50&offset=0', key: '/api/events?limit=50&offset=0' },
    { url: 'http://desk.example/api/events/a%3Ab', key: '/api/events/a%3Ab' },
    { url: 'http://[::1]:9/api/timeline', key: '/api/timeline' },
  ];
  it.each(cases)('$url is kept under $key', async ({ url, key }) => {
    const app = new Hono();
    app.get('*', (c) => c.text(requestKey(c)));
    expect(await (await app.request(url)).text()).toBe(key);
  });
});

describe('entity tags', () => {
  const cases: { header: string; etag: string; matches: boolean }[] = [
    { header: '"abc"', etag: '"abc"', matches: true },
    { header: 'W/"abc"', etag: '"abc"', matches: true },
    { header: '"x", "abc"', etag: '"abc"', matches: true },
    { header: '*', etag: '"abc"', matches: true },
    { header: '"abd"', etag: '"abc"', matches: false },
    { header: 'abc', etag: '"abc"', matches: false },
  ];
  it.each(cases)('If-None-Match $header names $etag: $matches', ({ header, etag, matches }) => {
    expect(matchesEtag(header, etag)).toBe(matches);
  });

  it('answers 304 without a body when the tag matches, the body otherwise', async () => {
    const body = serialize('{"total":3}', 'application/json');
    expect(serialize('{"total":3}', 'application/json').etag).toBe(body.etag);
    expect(serialize('{"total":4}', 'application/json').etag).not.toBe(body.etag);
    const app = new Hono();
    app.get('/x', (c) => sendCached(c, body));
    const fresh = await app.request('/x');
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe(body.etag);
    expect(fresh.headers.get('content-type')).toBe('application/json');
    expect(await fresh.json()).toEqual({ total: 3 });
    const again = await app.request('/x', { headers: { 'If-None-Match': body.etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });
});

describe('StampScope', () => {
  // Each step: the change mark and the stamp the store would give; whether the scope is new and
  // whether the stamp had to be read.
  const steps: [string, string, string, boolean, boolean][] = [
    ['first request', 'm1', 's1', true, true],
    ['nothing written', 'm1', 's1', false, false],
    ['a review (mark moves, stamp stays)', 'm2', 's1', false, true],
    ['nothing written since', 'm2', 's1', false, false],
    ['a document stored', 'm3', 's2', true, true],
    ['a login', 'm4', 's2', false, true],
  ];
  it('keeps one scope while the stamp stays, reading the stamp only after the mark moved', async () => {
    let mark = '';
    let stamp = '';
    let reads = 0;
    const scopes = new StampScope(
      async () => mark,
      async () => {
        reads += 1;
        return stamp;
      },
    );
    let previous: object | null = null;
    for (const [step, nextMark, nextStamp, fresh, read] of steps) {
      mark = nextMark;
      stamp = nextStamp;
      const before = reads;
      const scope = await scopes.current();
      expect({ step, fresh: scope !== previous, read: reads > before }).toEqual({ step, fresh, read });
      previous = scope;
    }
  });

  it('reads the stamp once for the requests that find the mark moved together', async () => {
    let reads = 0;
    const scopes = new StampScope(
      async () => 'm1',
      async () => {
        reads += 1;
        return 's1';
      },
    );
    const [a, b, c] = await Promise.all([scopes.current(), scopes.current(), scopes.current()]);
    expect(reads).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
  });
});
