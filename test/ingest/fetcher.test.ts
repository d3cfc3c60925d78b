import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateAddressKind } from '../../src/ingest/address-policy.js';
import { decodeBody, Fetcher, parseContentType } from '../../src/ingest/fetcher.js';

const REPORT =
  '<html><head><title>Shelling in Kherson</title></head><body><p>Shells hit Kherson.</p></body></html>';

/** What the local server answers on each path. */
const routes: Record<string, (res: ServerResponse) => void> = {
  '/report': (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(REPORT);
  },
  '/latin1': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=ISO-8859-1' });
    res.end(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x68, 0x69, 0x74, 0x2e]));
  },
  '/missing': (res) => {
    res.writeHead(404);
    res.end('not here');
  },
  '/moved': (res) => {
    res.writeHead(301, { location: '/report' });
    res.end();
  },
  '/loop-a': (res) => {
    res.writeHead(302, { location: '/loop-b' });
    res.end();
  },
  '/loop-b': (res) => {
    res.writeHead(302, { location: '/loop-a' });
    res.end();
  },
  '/image': (res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  },
  '/binary-as-text': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x00, 0x01]));
  },
  // 100 MB announced by no header: the cap must cut the stream, not the Content-Length check.
  '/huge': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < 100) {
        sent++;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => {
      sent = 100;
    });
    pump();
  },
  '/huge-declared': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(100 * 1024 * 1024) });
    res.end('short');
  },
  '/slow': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('Shells hit ');
    setTimeout(() => res.end('Kherson.'), 3000).unref();
  },
};

let server: Server;
let base = '';
const hugeBytesSent = { value: 0 };

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (!route) {
      res.writeHead(500);
      res.end();
      return;
    }
    if (req.url === '/huge') res.socket?.on('data', () => {});
    route(res);
  });
  server.on('connection', (socket) => {
    const write = socket.write.bind(socket);
    socket.write = ((chunk: Buffer | string, ...rest: never[]) => {
      hugeBytesSent.value += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
      return write(chunk, ...rest);
    }) as typeof socket.write;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const local = new Fetcher({ allowPrivate: true, timeoutMs: 1000, maxBytes: 10 * 1024 * 1024 });

describe('fetching a report from a local server', () => {
  it('brings the page with its media type, bytes and decoded text', async () => {
    const outcome = await local.fetch(`${base}/report`);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.page.mediaType).toBe('text/html');
    expect(outcome.page.text).toBe(REPORT);
    expect(Buffer.from(outcome.page.bytes).toString('utf8')).toBe(REPORT);
    expect(outcome.page.url).toBe(`${base}/report`);
    expect(Date.parse(outcome.page.retrievedAt)).not.toBeNaN();
  });

  it('follows a redirect to the final URL', async () => {
    const outcome = await local.fetch(`${base}/moved`);
    expect(outcome.ok && outcome.page.url).toBe(`${base}/report`);
    expect(outcome.ok && outcome.page.hops).toEqual([`${base}/moved`, `${base}/report`]);
  });

  it('decodes the charset the server declares', async () => {
    const outcome = await local.fetch(`${base}/latin1`);
    expect(outcome.ok && outcome.page.text).toBe('Café hit.');
  });

  it.each([
    ['a missing page', '/missing', /^HTTP 404/],
    ['a redirect loop', '/loop-a', /^redirect loop/],
    ['an image', '/image', /not a text page \(content type image\/png\)/],
    ['binary data labelled as text', '/binary-as-text', /binary data/],
    ['a body announced as 100 MB', '/huge-declared', /exceeds the limit/],
    ['a slow server', '/slow', /^timed out after 1 s/],
  ])('fails cleanly on %s', async (_what, path, reason) => {
    const outcome = await local.fetch(`${base}${path}`);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(reason);
  });

  it('cuts a 100 MB streamed response off at the cap without reading it all', async () => {
    hugeBytesSent.value = 0;
    const outcome = await new Fetcher({ allowPrivate: true, maxBytes: 2 * 1024 * 1024 }).fetch(
      `${base}/huge`,
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(/exceeds the limit of 2097152 bytes/);
    // The server stops soon after the client hangs up: far less than 100 MB went out.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hugeBytesSent.value).toBeGreaterThan(2 * 1024 * 1024);
    expect(hugeBytesSent.value).toBeLessThan(40 * 1024 * 1024);
  });

  it('stops after the redirect limit', async () => {
    const outcome = await new Fetcher({ allowPrivate: true, maxRedirects: 0 }).fetch(`${base}/moved`);
    expect(outcome.ok ? 'ok' : outcome.reason).toMatch(/too many redirects/);
  });
});

describe('refusing addresses on this host or the local network', () => {
  const guarded = new Fetcher({ timeoutMs: 1000 });

  it.each([
    ['the loopback server', () => `${base}/report`],
    ['localhost by name', () => `${base.replace('127.0.0.1', 'localhost')}/report`],
    ['IPv6 loopback', () => 'http://[::1]:9/report'],
    ['IPv4-mapped IPv6 loopback', () => 'http://[::ffff:127.0.0.1]:9/report'],
    ['a cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a private network address', () => 'http://192.168.1.10/report'],
  ])('refuses %s without --allow-private', async (_what, url) => {
    const outcome = await guarded.fetch(url());
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(/^refused: .* address .*--allow-private/);
  });

  it('refuses a redirect from an allowed page into a private address', async () => {
    // The first hop is checked like every other: here it is the loopback server itself.
    const outcome = await guarded.fetch(`${base}/moved`);
    expect(outcome.ok).toBe(false);
  });

  it.each([
    ['file:///etc/passwd', /unsupported URL scheme file/],
    ['not a url', /not a valid URL/],
    ['http://user:secret@example.org/', /credentials/],
  ])('refuses %s', async (url, reason) => {
    const outcome = await guarded.fetch(url);
    expect(outcome.ok ? 'ok' : outcome.reason).toMatch(reason);
  });
});

describe('address ranges', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.20.30.40', 'private'],
    ['172.31.255.1', 'private'],
    ['172.32.0.1', null],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.1.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'this network'],
    ['224.0.0.251', 'multicast'],
    ['8.8.8.8', null],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1%eth0', 'link-local'],
    ['fd12:3456::1', 'unique local'],
    ['::ffff:192.168.1.1', 'private'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:7f00:1::1', 'loopback'],
    ['2606:4700::1111', null],
  ])('%s is %s', (address, kind) => {
    expect(privateAddressKind(address)).toBe(kind);
  });
});

describe('content types and charsets', () => {
  it.each([
    ['text/html; charset=UTF-8', 'text/html', 'utf-8'],
    ['application/rss+xml', 'application/rss+xml', null],
    ['text/plain; format=flowed; charset="windows-1252"', 'text/plain', 'windows-1252'],
  ])('%s', (header, mediaType, charset) => {
    expect(parseContentType(header)).toEqual({ mediaType, charset });
  });

  it('decodes by the meta charset when the server names none and the bytes are not UTF-8', () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"></head><body>Caf'),
      Buffer.from([0xe9]),
      Buffer.from('</body></html>'),
    ]);
    expect(decodeBody(html, null, 'page', 1e6)).toContain('Café');
  });

  it('names an unknown charset', () => {
    expect(() => decodeBody(Buffer.from('abc'), 'x-klingon', 'page', 1e6)).toThrow(
      /unknown charset "x-klingon"/,
    );
  });
});
