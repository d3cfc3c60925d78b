import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateImage } from '../../bench/image-set.js';
import { articleImageRefs } from '../../src/ingest/article-images.js';
import { Fetcher } from '../../src/ingest/fetcher.js';
import { type IngestItemResult, ingestInputs } from '../../src/ingest/ingest-items.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type { ImageFinding } from '../../src/types/evidence.js';

describe("a page's own pictures", () => {
  const page = `<html><head>
      <meta property="og:image" content="/media/lead.jpg">
      <link rel="icon" href="/favicon.ico"></head><body>
      <header><img src="/logo.png"></header>
      <nav><img src="/menu.png"></nav>
      <article><h1>Shelling in the port</h1><p>Smoke rose over the docks.</p>
        <img src="photos/docks.jpg" width="800">
        <img src="/pixel.gif" width="1" height="1">
        <img src="data:image/png;base64,AAAA">
        <img data-src="photos/lazy.webp">
        <aside class="related"><img src="/other-story.jpg"></aside>
      </article>
      <footer><img src="/sponsor.png"></footer></body></html>`;
  const cases: [string, string, string | null, string[]][] = [
    [
      'a web page: og:image first, then the article images, resolved against its URL',
      page,
      'https://north-desk.example/news/port.html',
      [
        'https://north-desk.example/media/lead.jpg',
        'https://north-desk.example/news/photos/docks.jpg',
        'https://north-desk.example/news/photos/lazy.webp',
      ],
    ],
    [
      'a page from disk: images beside it, never outside its folder',
      '<article><p>Text.</p><img src="img/a.png"><img src="../../etc/b.jpg"><img src="/c.jpg"><img src="https://cdn.example/d.jpg"></article>',
      '/reports/2024/page.html',
      ['/reports/2024/img/a.png', 'https://cdn.example/d.jpg'],
    ],
    ['a page without pictures', '<p>Only words.</p>', 'https://x.example/', []],
    ['relative images with no base', '<article><img src="a.jpg"></article>', null, []],
  ];
  it.each(cases)('%s', (_name, html, base, expected) => {
    expect(articleImageRefs(html, base)).toEqual(expected);
  });
});

describe('ingesting HTML with its images', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-ingest-images-'));
  let server: Server;
  let base: string;
  let store: Store;
  let lead: Buffer;
  const served = new Map<string, { type: string; body: Buffer | string }>();

  beforeAll(async () => {
    lead = await sharp(await generateImage('shapes', 31))
      .jpeg({ quality: 88 })
      .toBuffer();
    served.set('/media/lead.jpg', { type: 'image/jpeg', body: lead });
    served.set('/media/notice.jpg', { type: 'text/html', body: '<html>moved</html>' });
    served.set('/media/fake.jpg', { type: 'image/jpeg', body: '<html>not really a picture</html>' });
    server = createServer((req, res) => {
      const entry = served.get(req.url ?? '');
      if (entry === undefined) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': entry.type }).end(entry.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    served.set('/news/port.html', {
      type: 'text/html; charset=utf-8',
      body: `<html><head><title>Shelling in the port</title><meta property="og:image" content="${base}/media/lead.jpg">
        <meta property="article:published_time" content="2024-02-28T10:00:00Z"></head><body><article>
        <h1>Shelling in the port</h1><p>Shelling hit the port of Hodeidah on Monday, damaging two cranes, the port authority said.</p>
        <p>Residents said smoke rose over the docks for hours after the strikes.</p>
        <img src="/media/gone.jpg"><img src="/media/notice.jpg"><img src="/media/fake.jpg"></article></body></html>`,
    });
    store = await openStore(join(dir, 'ledger.sqlite'));
  });
  afterAll(async () => {
    await store.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  const ingest = async (inputs: string[], images: boolean): Promise<IngestItemResult[]> => {
    const fetcher = new Fetcher({ allowPrivate: true, timeoutMs: 5000 });
    const results: IngestItemResult[] = [];
    for await (const result of ingestInputs(inputs, {
      store,
      fetcher,
      referenceDate: null,
      gazetteer: null,
      maxBytes: 5_000_000,
      jsonl: false,
      ...(images ? { images: { fetcher } } : {}),
    }))
      results.push(result);
    return results;
  };

  it('stores the page, its good image as evidence, and each bad image as a recorded failure', async () => {
    const [result] = await ingest([`${base}/news/port.html`], true);
    expect(result?.status).toBe('new');
    expect(result?.images?.added).toBe(1);
    expect(result?.images?.failed.map((f) => [f.source.replace(base, ''), f.reason])).toEqual([
      ['/media/gone.jpg', 'HTTP 404 Not Found'],
      ['/media/notice.jpg', 'not an image (content type text/html)'],
      ['/media/fake.jpg', 'not an image: the bytes match no known image format'],
    ]);
    const evidence = await store.listEvidence({
      subjectKind: 'document',
      subjectId: result?.documentId ?? '',
    });
    expect(evidence).toHaveLength(1);
    const finding = evidence[0]?.finding as ImageFinding;
    expect([evidence[0]?.addedBy, finding.sourceUrl, finding.mediaType]).toEqual([
      'ingest',
      `${base}/media/lead.jpg`,
      'image/jpeg',
    ]);
    expect(Buffer.from((await store.getArchive(finding.sha256))?.bytes ?? []).equals(lead)).toBe(true);
  });

  it('reads the images of a page from disk beside it, and finds the copy of an earlier picture', async () => {
    mkdirSync(join(dir, 'site', 'img'), { recursive: true });
    writeFileSync(
      join(dir, 'site', 'img', 'exclusive.jpg'),
      await sharp(lead).resize(200).jpeg({ quality: 60 }).toBuffer(),
    );
    writeFileSync(
      join(dir, 'site', 'exclusive.html'),
      `<html><head><title>Exclusive: the port after the strike</title></head><body><article>
      <h1>Exclusive: the port after the strike</h1><p>An exclusive photo shows two cranes toppled at the port, the outlet said.</p>
      <p>The outlet said it could not independently verify the image.</p>
      <img src="img/exclusive.jpg"><img src="img/missing.png"></article></body></html>`,
    );
    const [result] = await ingest([join(dir, 'site', 'exclusive.html')], true);
    expect(result?.images).toMatchObject({ added: 1, failed: [{ reason: 'no such file' }] });
    const [item] = await store.listEvidence({ subjectKind: 'document', subjectId: result?.documentId ?? '' });
    const finding = item?.finding as ImageFinding;
    expect(finding.reuse.map((r) => [r.url, r.date, r.dateSource])).toEqual([
      [`${base}/media/lead.jpg`, '2024-02-28', 'published'],
    ]);
  });

  it('leaves images alone when ingest is told to', async () => {
    served.set('/news/second.html', {
      type: 'text/html',
      body: `<html><head><meta property="og:image" content="${base}/media/lead.jpg"></head><body><article><h1>Another report</h1><p>Cranes at the port were damaged on Monday, officials said, and work stopped.</p></article></body></html>`,
    });
    const [result] = await ingest([`${base}/news/second.html`], false);
    expect(result?.status).toBe('new');
    expect(result?.images).toBeUndefined();
  });
});
