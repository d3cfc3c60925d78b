import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';

// Runs the built CLI (npm test builds first), as a user would.
const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'corroborate-ingest-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function run(args: string[], input?: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { ...process.env, CORROBORATE_DB: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs the CLI without blocking this process, so a server in it can answer the CLI's requests. */
function runAsync(args: string[]): Promise<Run> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      err += c;
    });
    child.on('error', reject);
    child.on('close', (code) => done({ code, out, err }));
  });
}

function write(path: string, content: string | Buffer): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}

/** Status lines of a text run, as `status source` pairs (the reason left out). */
function statuses(out: string): string[] {
  return out
    .split('\n')
    .filter((l) => /^(new|duplicate|updated|failed|skipped) /.test(l))
    .map((l) => l.replace(/^(\S+)\s+(.*?)(: .*)?$/, '$1 $2').replace(/ → .*$/, ''));
}

// Reports written for these tests: fictional events, real places.
const DEPOT = `Drones strike fuel depot near Mosul

MOSUL, Iraq (North Wire) — Armed drones struck a fuel depot on the southern edge of Mosul on Tuesday, killing at least three workers, provincial officials said.
`;
const MARKET = `Shelling hits market in Kherson

Artillery shells hit a covered market in Kherson on Sunday morning, wounding five people, the regional governor said.
`;
const PAGE = `<!doctype html><html><head><title>Strike on Sumy depot</title></head><body>
<nav>Home | World</nav><article><h1>Strike on Sumy depot</h1>
<p>A missile hit a grain depot in Sumy on Friday, regional officials said, and two guards were hurt.</p>
<p>The military said the missile was launched from across the border.</p></article></body></html>`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

beforeAll(() => {
  const r = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build the CLI first (npm run build): ${r.stderr}`);
  write('desk/mosul-depot.txt', DEPOT);
  write('desk/ukraine/kherson-market.txt', MARKET);
  write('desk/ukraine/sumy.html', PAGE);
  write('desk/photo.png', PNG);
  write('desk/.notes.txt', 'private notes');
  write('desk/.cache/old.txt', DEPOT);
  symlinkSync(join(dir, 'desk/mosul-depot.txt'), join(dir, 'desk/zz-link.txt'));
});

describe('corroborate ingest a folder', () => {
  const db = () => join(dir, 'folder.sqlite');

  it('stores each report, skips hidden and non-text files, and sums up', () => {
    const r = run(['ingest', 'desk', '--db', db(), '--no-geo']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(statuses(r.out)).toEqual([
      'skipped desk/.cache',
      'skipped desk/.notes.txt',
      'skipped desk/zz-link.txt',
      'new desk/mosul-depot.txt',
      'skipped desk/photo.png',
      'new desk/ukraine/kherson-market.txt',
      'new desk/ukraine/sumy.html',
    ]);
    expect(r.out).toMatch(/skipped\s+desk\/photo\.png: not a text file \(\.png\)/);
    expect(r.out).toMatch(/skipped\s+desk\/zz-link\.txt: not a regular file \(links are not followed\)/);
    expect(r.out).toMatch(/ingested 7 items in [\d.]+ s: 3 new, 0 duplicate, 0 updated, 0 failed, 4 skipped/);
    expect(r.out).toMatch(/ledger: 3 documents in 3 origins/);
  });

  it('stores nothing twice on a second run', () => {
    const r = run(['ingest', 'desk', '--db', db(), '--no-geo', '--format', 'json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.counts).toEqual({ new: 0, duplicate: 3, updated: 0, failed: 0, skipped: 4 });
    expect(summary.stats.documents).toBe(3);
    expect(summary.originsChanged).toBe(0);
    expect(summary.items.map((i: { documentId: string | null }) => i.documentId).filter(Boolean)).toEqual([
      'desk/mosul-depot.txt',
      'desk/ukraine/kherson-market.txt',
      'desk/ukraine/sumy.html',
    ]);
  });

  it('reports a changed file as updated, keeping its id', () => {
    write('desk/mosul-depot.txt', DEPOT.replace('three workers', 'four workers'));
    const r = run(['ingest', 'desk/mosul-depot.txt', '--db', db(), '--no-geo']);
    expect(r.code).toBe(0);
    expect(statuses(r.out)).toEqual(['updated desk/mosul-depot.txt']);
    write('desk/mosul-depot.txt', DEPOT);
  });

  it('archives the raw bytes with the file path as origin', async () => {
    const store = await openStore(db());
    try {
      const doc = (await store.getDocument('desk/ukraine/sumy.html'))!;
      expect(Buffer.from((await store.getArchive(doc.rawSha256))!.bytes).toString('utf8')).toBe(PAGE);
      expect((await store.getRetrievals(doc.rawSha256)).map((r) => r.originUrl)).toEqual([
        join(dir, 'desk/ukraine/sumy.html'),
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('corroborate ingest --workers', () => {
  it('reads on worker threads with the same statuses, order and records as one at a time', async () => {
    const batch = write(
      'workers.jsonl',
      [
        // Texts unlike the folder's, so that each line's status is its own.
        JSON.stringify({ id: 'a', text: DEPOT.replace(/Mosul/g, 'Tal Afar') }),
        JSON.stringify({ id: 'b', html: PAGE.replace(/Sumy/g, 'Okhtyrka') }),
        JSON.stringify({ id: 'c', text: ' ' }),
        JSON.stringify({ id: 'a', text: DEPOT.replace(/Mosul/g, 'Tal Afar').replace('three', 'four') }),
        JSON.stringify({ id: 'd', text: MARKET.replace(/Kherson/g, 'Nikopol') }),
        JSON.stringify({ id: 'd', text: MARKET.replace(/Kherson/g, 'Nikopol') }),
      ].join('\n'),
    );
    const one = run([
      'ingest',
      'desk',
      batch,
      '--db',
      join(dir, 'one.sqlite'),
      '--no-geo',
      '--format',
      'json',
    ]);
    const many = run([
      'ingest',
      'desk',
      batch,
      '--db',
      join(dir, 'many.sqlite'),
      '--no-geo',
      '--format',
      'json',
      '--workers',
      '3',
    ]);
    expect(many.err).toBe('');
    expect(many.code).toBe(0);
    const strip = (out: string) =>
      JSON.parse(out).items.map(
        (i: { source: string; status: string; documentId: string | null; reason: string | null }) =>
          [i.source, i.status, i.documentId, i.reason].join(' | '),
      );
    expect(strip(many.out)).toEqual(strip(one.out));
    expect(
      strip(many.out)
        .slice(-6)
        .map((l: string) => l.split(' | ')[1]),
    ).toEqual(['new', 'new', 'failed', 'updated', 'new', 'duplicate']);
    const [a, b] = await Promise.all([
      openStore(join(dir, 'one.sqlite')),
      openStore(join(dir, 'many.sqlite')),
    ]);
    try {
      const docs = await a.listDocuments({ limit: 100 });
      expect((await b.listDocuments({ limit: 100 })).map((d) => d.id)).toEqual(docs.map((d) => d.id));
      for (const doc of docs) expect(await b.getRecord(doc.id), doc.id).toEqual(await a.getRecord(doc.id));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);

  it.each([['0'], ['many']])('--workers %s is a usage error', (value) => {
    const r = run(['ingest', 'x.txt', '--workers', value]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--workers must be auto or a whole number from 1 to 64/);
  });
});

describe('corroborate ingest a JSONL batch', () => {
  it('stores the good lines and gives each bad line its reason', () => {
    const batch = write(
      'batch.jsonl',
      [
        JSON.stringify({ id: 'nw-1', text: DEPOT, date: '2024-03-13', url: 'https://northwire.example/1' }),
        '{not json',
        JSON.stringify({ id: 'km-1' }),
        '',
        JSON.stringify({ id: 'bm-1', html: PAGE }),
        JSON.stringify({ id: 'nw-1-again', text: DEPOT, url: 'https://northwire.example/1' }),
      ].join('\n'),
    );
    const r = run(['ingest', batch, '--db', join(dir, 'batch.sqlite'), '--no-geo']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(
      lines.filter((l) => /^(new|failed|duplicate|updated) /.test(l)).map((l) => l.split(/\s+/)[0]),
    ).toEqual(['new', 'failed', 'failed', 'new', 'duplicate']);
    expect(r.out).toContain(`failed    ${batch}:2: not valid JSON`);
    expect(r.out).toContain(`failed    ${batch}:3: no "text" or "html" string`);
    expect(r.out).toContain(`duplicate ${batch}:6 → nw-1`);
  });

  it('reads standard input as JSONL with --jsonl', () => {
    const r = run(
      ['ingest', '-', '--jsonl', '--db', join(dir, 'stdin.sqlite'), '--no-geo', '--format', 'json'],
      `${JSON.stringify({ id: 'km-1', text: MARKET })}\n`,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).items[0]).toMatchObject({
      source: 'stdin:1',
      status: 'new',
      documentId: 'km-1',
    });
  });
});

describe('corroborate ingest bad input', () => {
  it.each([
    ['an empty file', () => write('empty.txt', ''), /empty input/],
    [
      'a binary file named as text',
      () => write('scan.txt', PNG),
      /binary data, not text \(it looks like a PNG image\)/,
    ],
    ['a missing file', () => join(dir, 'nowhere.txt'), /no such file or folder/],
    ['an oversized file', () => write('big.txt', 'x'.repeat(5000)), /exceeds the limit of 1000 bytes/],
  ])('%s is a failed item, and nothing readable exits 3', (_what, path, reason) => {
    const r = run(['ingest', path(), '--db', join(dir, 'bad.sqlite'), '--no-geo', '--max-bytes', '1000']);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/^failed /m);
    expect(r.out).toMatch(reason);
  });

  it('carries on past a bad file and exits 0 when another was read', () => {
    const r = run([
      'ingest',
      write('empty2.txt', ''),
      write('ok.txt', MARKET),
      '--db',
      join(dir, 'mixed.sqlite'),
      '--no-geo',
    ]);
    expect(r.code).toBe(0);
    expect(statuses(r.out)).toEqual([`failed ${join(dir, 'empty2.txt')}`, `new ${join(dir, 'ok.txt')}`]);
  });

  it.each([
    [[], /nothing to ingest/],
    [['x.txt', '--format', 'xml'], /--format must be text or json/],
    [['x.txt', '--max-bytes', '0'], /--max-bytes must be a positive integer/],
    [['x.txt', '--timeout', 'soon'], /--timeout must be a positive number/],
    [['x.txt', '--date', '13/03/2024'], /--date/],
    [['x.txt', '--colour'], /Unknown option '--colour'/],
  ])('usage error %j: one line, exit 2', (args, message) => {
    const r = run(['ingest', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('explains itself with --help', () => {
    const r = run(['ingest', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: corroborate ingest PATH\|URL\|FEED/);
    for (const option of [
      '--db',
      '--date',
      '--allow-private',
      '--timeout',
      '--max-bytes',
      '--jsonl',
      '--format',
    ])
      expect(r.out).toContain(option);
  });

  it('says what --workers auto means in the same words as analyze --help', () => {
    const auto = (command: string) =>
      /auto: [^;]*?1 MiB/.exec(run([command, '--help']).out.replace(/\s+/g, ' '))?.[0];
    expect(auto('ingest')).toBe(
      'auto: one per core, at most 4, but one thread for a single file under 1 MiB',
    );
    expect(auto('analyze')).toBe(auto('ingest'));
  });

  it('says which ledger could not be opened, exit 4', () => {
    write('not-a-folder', 'file');
    const r = run([
      'ingest',
      write('ok2.txt', MARKET),
      '--db',
      join(dir, 'not-a-folder/ledger.sqlite'),
      '--no-geo',
    ]);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/^corroborate: cannot open the ledger .*not-a-folder\/ledger\.sqlite/);
  });
});

describe('corroborate ingest URLs and feeds', () => {
  let server: Server;
  let base = '';
  const longDepot = `<p>${DEPOT.replace(/\n+/g, '</p><p>')}</p>`.repeat(3);

  beforeAll(async () => {
    server = createServer((req, res) => {
      const pages: Record<string, [number, string, string]> = {
        '/sumy': [200, 'text/html; charset=utf-8', PAGE],
        '/kherson': [200, 'text/plain; charset=utf-8', MARKET],
        '/gone': [404, 'text/plain', 'gone'],
        '/feed.xml': [
          200,
          'application/rss+xml',
          `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Desk Wire</title><link>${base}/</link>
<item><title>Strike on Sumy depot</title><link>${base}/sumy</link><pubDate>Fri, 15 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>Market shelled</title><link>/kherson</link></item>
<item><title>Gone</title><link>/gone</link></item>
<item><title>Drones strike fuel depot near Mosul</title><link>https://northwire.example/mosul</link><content:encoded><![CDATA[${longDepot}]]></content:encoded></item>
</channel></rss>`,
        ],
      };
      if (req.url === '/loop') {
        res.writeHead(302, { location: '/loop' });
        res.end();
        return;
      }
      if (req.url === '/huge') {
        // 100 MB, streamed without a length: the cap must stop it while it streams.
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(1024 * 1024, 0x61);
        let sent = 0;
        const pump = () => {
          while (sent < 100 && !res.destroyed) {
            sent++;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
        return;
      }
      const [status, type, body] = pages[req.url ?? ''] ?? [500, 'text/plain', 'error'];
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  it('fetches each item of a feed, or stores its full text, with per-item statuses', async () => {
    const r = await runAsync([
      'ingest',
      `${base}/feed.xml`,
      '--db',
      join(dir, 'feed.sqlite'),
      '--no-geo',
      '--allow-private',
    ]);
    expect(r.code).toBe(0);
    expect(statuses(r.out)).toEqual([
      `new ${base}/sumy`,
      `new ${base}/kherson`,
      `failed ${base}/gone`,
      'new https://northwire.example/mosul',
    ]);
    expect(r.out).toContain(`${base}/gone: HTTP 404`);
    const store = await openStore(join(dir, 'feed.sqlite'));
    try {
      const sumy = (await store.getDocument(`${base}/sumy`))!;
      expect(sumy.url).toBe(`${base}/sumy`);
      expect(sumy.publishedDate).toBe('2024-03-15');
      const mosul = (await store.getDocument('https://northwire.example/mosul'))!;
      expect(Buffer.from((await store.getArchive(mosul.rawSha256))!.bytes).toString('utf8')).toBe(longDepot);
    } finally {
      await store.close();
    }
  });

  it('gives a redirect loop, a 100 MB response and a 404 each a failed status, and exits 3', async () => {
    const r = await runAsync([
      'ingest',
      `${base}/loop`,
      `${base}/huge`,
      `${base}/gone`,
      '--db',
      join(dir, 'bad-urls.sqlite'),
      '--no-geo',
      '--allow-private',
      '--max-bytes',
      '2000000',
    ]);
    expect(r.code).toBe(3);
    expect(r.out).toContain(`failed    ${base}/loop: redirect loop at ${base}/loop`);
    expect(r.out).toContain(`failed    ${base}/huge: response exceeds the limit of 2000000 bytes`);
    expect(r.out).toContain(`failed    ${base}/gone: HTTP 404`);
  });

  it('refuses a loopback URL without --allow-private and exits 3', async () => {
    const r = await runAsync(['ingest', `${base}/sumy`, '--db', join(dir, 'refused.sqlite'), '--no-geo']);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(
      /^failed +http:\/\/127\.0\.0\.1:\d+\/sumy: refused: 127\.0\.0\.1 is a loopback address/m,
    );
  });
});

describe('an ingest killed with SIGKILL halfway', () => {
  const reports = 40;
  const folder = join(dir, 'many');

  beforeAll(() => {
    const places = ['Kharkiv', 'Sumy', 'Kherson', 'Mosul', 'Idlib', 'Aleppo', 'Gaza', 'Marib'];
    for (let n = 0; n < reports; n++) {
      const place = places[n % places.length]!;
      write(
        `many/report-${String(n).padStart(3, '0')}.txt`,
        `Report ${n}: shelling in ${place}\n\nShells hit ${n + 2} houses in ${place} on Monday, killing ${n + 1} people and wounding ${2 * n + 3}, officials said. Report number ${n} of the desk.\n`,
      );
    }
  });

  it('leaves whole documents only, and a re-run stores the rest without duplicates', async () => {
    const db = join(dir, 'killed.sqlite');
    const printed = await new Promise<number>((done, reject) => {
      const child = spawn(process.execPath, [CLI, 'ingest', folder, '--db', db, '--no-geo'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let stored = 0;
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stored += chunk.split('\n').filter((l) => l.startsWith('new ')).length;
        if (stored >= 10) child.kill('SIGKILL');
      });
      child.on('error', reject);
      child.on('exit', (_code, signal) =>
        signal === 'SIGKILL' ? done(stored) : reject(new Error('ingest finished before it was killed')),
      );
    });

    const store = await openStore(db);
    let kept: number;
    try {
      const docs = await store.listDocuments({ limit: 1000 });
      kept = docs.length;
      expect(kept).toBeGreaterThanOrEqual(printed);
      expect(kept).toBeLessThan(reports);
      for (const doc of docs) {
        const record = (await store.getRecord(doc.id))!;
        expect(record, doc.id).not.toBeNull();
        expect(await store.claimsOf(doc.id), doc.id).toHaveLength(record.claims.length);
        expect(await store.eventsOf(doc.id), doc.id).toHaveLength(record.events.length);
        expect(await store.getArchive(doc.rawSha256), doc.id).not.toBeNull();
      }
    } finally {
      await store.close();
    }

    const r = run(['ingest', folder, '--db', db, '--no-geo', '--format', 'json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.counts).toEqual({
      new: reports - kept,
      duplicate: kept,
      updated: 0,
      failed: 0,
      skipped: 0,
    });
    expect(summary.stats.documents).toBe(reports);
  }, 60_000);
});
