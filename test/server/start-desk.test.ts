import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { isLoopbackName } from '../../src/server/auth.js';
import { startDesk } from '../../src/server/start-desk.js';
import type { Store } from '../../src/store/store.js';
import { deskStore } from './desk-reports.js';

/** A GET with the path exactly as written (fetch would normalise the dots away). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let store: Store;
let dispose: () => Promise<void>;
const parent = mkdtempSync(join(tmpdir(), 'corroborate-web-'));
const web = join(parent, 'web');

beforeAll(async () => {
  ({ store, dispose } = await deskStore());
  mkdirSync(web);
  writeFileSync(join(parent, 'secret.txt'), 'ledger credentials beside the UI folder');
  writeFileSync(
    join(web, 'index.html'),
    '<!doctype html><title>desk</title><script type="module" src="/app.js"></script>',
  );
  writeFileSync(join(web, 'app.js'), 'console.log("desk");');
});
afterAll(async () => {
  await dispose();
  rmSync(parent, { recursive: true, force: true });
});

describe('starting the desk', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.20', false],
    ['desk.example.org', false],
    ['localhost.example.org', false],
  ])('counts %s as loopback: %s', (host, loopback) => {
    expect(isLoopbackName(host)).toBe(loopback);
  });

  it('refuses a non-loopback address while the ledger has no users', async () => {
    await expect(startDesk({ store, host: '0.0.0.0', port: 0 })).rejects.toThrow(UsageError);
    await expect(startDesk({ store, host: '0.0.0.0', port: 0 })).rejects.toThrow(/without accounts/);
  });

  it('serves the API and the built UI over real HTTP on loopback, then stops', async () => {
    const desk = await startDesk({ store, host: '127.0.0.1', port: 0, webRoot: web });
    try {
      expect(desk.mode).toBe('local');
      expect(desk.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const session = await fetch(new URL('/api/session', desk.url));
      expect(await session.json()).toMatchObject({ mode: 'local', user: { name: 'local' } });
      const documents = (await (await fetch(new URL('/api/documents', desk.url))).json()) as {
        total: number;
      };
      expect(documents.total).toBe(3);
      const script = await fetch(new URL('/app.js', desk.url));
      expect(await script.text()).toContain('console.log');
      const deepLink = await fetch(new URL('/events/some-event', desk.url));
      expect(await deepLink.text()).toContain('<title>desk</title>');
      expect(deepLink.headers.get('content-security-policy')).toContain("script-src 'self'");
      // A path climbing out of the UI folder gets the app shell, never a file beside the folder.
      for (const path of [
        '/../secret.txt',
        '/%2e%2e/secret.txt',
        '/..%2fsecret.txt',
        '/%2e%2e%2fsecret.txt',
      ]) {
        const { status, body } = await rawGet(desk.url, path);
        expect([200, 400, 404]).toContain(status);
        expect(body).not.toContain('ledger credentials');
      }
    } finally {
      await desk.close();
    }
    await expect(fetch(new URL('/api/session', desk.url))).rejects.toThrow();
  });
});
