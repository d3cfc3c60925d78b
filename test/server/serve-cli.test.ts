import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, serve } from './serve-process.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface LedgerStatus {
  state: string;
  error: string | null;
}

async function ledgerStatus(url: string): Promise<LedgerStatus> {
  return (await (await fetch(new URL('/api/ledger/status', url))).json()) as LedgerStatus;
}

/** The ledger's status once `until` holds of its state (asked every 50 ms, for up to 20 s). */
async function ledgerStatusOnce(url: string, until: (state: string) => boolean): Promise<LedgerStatus> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const status = await ledgerStatus(url);
    if (until(status.state) || Date.now() > deadline) return status;
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('corroborate serve', () => {
  it('explains itself with --help', () => {
    const r = spawnSync(process.execPath, [CLI, 'serve', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: corroborate serve/);
    expect(r.stdout).toContain('--host');
    expect(r.stdout).toMatch(/--ledger-heap-mb N +heap limit in MiB of the ledger worker/);
    expect(r.stdout).toMatch(/~100,000 documents needs\s+16 GiB \(--ledger-heap-mb 16384\)/);
  });

  it.each([
    { value: '0', says: '--ledger-heap-mb must be a positive integer, got "0"' },
    { value: '1.5', says: '--ledger-heap-mb must be a positive integer, got "1.5"' },
    { value: 'lots', says: '--ledger-heap-mb must be a positive integer, got "lots"' },
  ])('refuses --ledger-heap-mb $value (exit 2)', ({ value, says }) => {
    const r = spawnSync(
      process.execPath,
      [CLI, 'serve', `--ledger-heap-mb=${value}`, '--db', join(dir, 'heap.sqlite')],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(says);
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
    const { child, url, exited } = await serve(['--db', join(dir, 'desk.sqlite')]);
    const session = (await (await fetch(new URL('/api/session', url))).json()) as { mode: string };
    expect(session.mode).toBe('local');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('builds the ledger as it starts, before any ledger request', async () => {
    const { child, url, exited } = await serve(['--db', join(dir, 'eager.sqlite')]);
    const states = [(await ledgerStatus(url)).state];
    states.push((await ledgerStatusOnce(url, (state) => state !== 'building')).state);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Never idle: the build was under way (or done) when the URL was printed.
    expect(states[0]).not.toBe('idle');
    expect(states.at(-1)).toBe('ready');
  }, 30_000);

  it('answers 503 when its ledger worker runs out of the heap given to it, says so once per worker, and keeps serving documents', async () => {
    const { child, url, exited, stderr } = await serve([
      '--ledger-heap-mb',
      '4',
      '--db',
      join(dir, 'small-heap.sqlite'),
    ]);
    // The build started with the desk runs out first, and says so.
    const failed = await ledgerStatusOnce(url, (state) => state === 'failed');
    expect(failed.error).toMatch(/ran out of memory \(heap limit 4 MiB\)/);
    // A ledger request starts a new worker, which runs out again.
    const events = await fetch(new URL('/api/events', url));
    expect(events.status).toBe(503);
    const { error } = (await events.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^the ledger worker stopped: it ran out of memory \(heap limit 4 MiB\)/);
    expect(error.message).toContain('corroborate serve --ledger-heap-mb N');
    expect((await fetch(new URL('/api/documents', url))).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const stopped = stderr()
      .split('\n')
      .filter((line) => line.includes('ledger worker stopped'));
    expect(stopped).toEqual([`corroborate serve: ${error.message}`, `corroborate serve: ${error.message}`]);
  }, 30_000);
});
