import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `corroborate serve` as users run it: the built command (npm test builds dist/ first). */
const CLI = resolve(import.meta.dirname, '../../dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'corroborate-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('corroborate serve', () => {
  it('explains itself with --help', () => {
    const r = spawnSync(process.execPath, [CLI, 'serve', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: corroborate serve/);
    expect(r.stdout).toContain('--host');
  });

  it('refuses to bind a non-loopback address while the ledger has no users (exit 2)', () => {
    const r = spawnSync(
      process.execPath,
      [CLI, 'serve', '--host', '0.0.0.0', '--db', join(dir, 'open.sqlite')],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/refusing to serve on 0\.0\.0\.0 without accounts/);
    expect(r.stderr).toContain('corroborate user add');
  });

  it('prints its URL, answers, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--db', join(dir, 'desk.sqlite')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Corroborate desk: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (match?.[1]) done(match[1]);
      });
      child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${out}`)));
    });
    const session = (await (await fetch(new URL('/api/session', url))).json()) as { mode: string };
    expect(session.mode).toBe('local');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
