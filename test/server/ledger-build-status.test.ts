// While the ledger is being built, a ledger request waits `ledgerWaitMs`, then is answered 503
// with Retry-After and how far the build has got; GET /api/ledger/status says where it stands;
// the server's log tells how a long build goes.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LedgerBuildProgress } from '../../src/corroborate/build-progress.js';
import { loadLedger } from '../../src/corroborate/load-ledger.js';
import { createApp } from '../../src/server/app.js';
import { duration, type LedgerBuildReport, LedgerBuildStatus } from '../../src/server/ledger-build-status.js';
import type { LedgerLoader } from '../../src/server/ledger-cache.js';
import type { Store } from '../../src/store/store.js';
import { DESK_REPORTS, deskStore } from './desk-reports.js';

let store: Store;
let dispose: () => Promise<void>;
const clock = () => new Date('2024-03-07T09:00:00.000Z');

beforeAll(async () => {
  ({ store, dispose } = await deskStore(clock));
});
afterAll(async () => dispose());

/**
 * The real loader, held back at its last stage until `release()` (`reached` resolves when it got
 * there): the desk sees a build under way as long as the test likes.
 */
function heldBackLoader(): { load: LedgerLoader; release: () => void; reached: Promise<void> } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let reach = () => {};
  const reached = new Promise<void>((resolve) => {
    reach = resolve;
  });
  const load: LedgerLoader = async (s, options = {}) =>
    loadLedger(s, {
      onProgress: (progress) => {
        options.onProgress?.(progress);
        if (progress.stage === 'checking') reach();
      },
    }).then(async (ledger) => {
      await gate;
      return ledger;
    });
  return { load, release, reached };
}

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

describe('a ledger request during a build', () => {
  it('gets 503 with Retry-After and the progress, the status says building, then ready; the same request then answers', async () => {
    const { load, release, reached } = heldBackLoader();
    const log: string[] = [];
    const app = createApp({
      store,
      auth: { mode: 'local' },
      loadLedger: load,
      clock,
      ledgerWaitMs: 30,
      ledgerLog: (line) => log.push(line),
    });
    expect(await json(await app.request('/api/ledger/status'))).toMatchObject({
      state: 'idle',
      stage: null,
      startedAt: null,
      builtAt: null,
      events: null,
    });

    const during = await app.request('/api/events?limit=1');
    expect(during.status).toBe(503);
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
    await reached;
    const documents = DESK_REPORTS.length;
    const again = await app.request('/api/timeline');
    expect(again.status).toBe(503);
    const { error } = (await again.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(
      new RegExp(
        `^the ledger is being built: ${documents} of ${documents} documents read, checking the measurements, ` +
          'started [0-9.]+ s ago; try again in a few seconds$',
      ),
    );
    const building = await app.request('/api/ledger/status');
    expect(building.headers.get('cache-control')).toBe('no-store');
    const said = await json(building);
    expect(said).toMatchObject({ state: 'building', documentsRead: documents, documents, builtAt: null });
    expect(said.message).toMatch(
      new RegExp(
        `^the ledger is being built: ${documents} of ${documents} documents read, checking the measurements, started [0-9.]+ s ago$`,
      ),
    );

    // A review cannot be checked against a ledger not yet built: 503, and nothing recorded.
    const csrf = ((await json(await app.request('/api/session'))).csrfToken ?? '') as string;
    const audited = (await store.auditLog()).length;
    const review = await app.request('/api/review', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ kind: 'set-status', event: 'north-desk-1:e1', status: 'confirmed' }),
    });
    expect(review.status).toBe(503);
    expect(((await review.json()) as { error: { message: string } }).error.message).toMatch(
      /^the ledger is being built/,
    );
    expect(await store.auditLog()).toHaveLength(audited);
    // A bad parameter of an event's page or list is refused at once, build or no build.
    for (const path of ['/api/events/any%3Aev1?limit=0', '/api/events/any%3Aev1/members?side=supporting']) {
      const refused = await app.request(path);
      expect(refused.status).toBe(400);
    }

    release();
    const after = await app.request('/api/events?limit=1');
    expect(after.status).toBe(200);
    const { total } = (await after.json()) as { total: number };
    const ready = await json(await app.request('/api/ledger/status'));
    expect(ready).toMatchObject({
      state: 'ready',
      stage: null,
      documents,
      events: total,
      error: null,
      message: null,
    });
    expect(Date.parse(String(ready.builtAt))).toBeGreaterThanOrEqual(Date.parse(String(ready.startedAt)));
    // A short build: only the line that it is done.
    expect(log).toEqual([
      expect.stringMatching(
        new RegExp(
          `^corroborate serve: built the ledger: ${total} events from ${documents} documents in [0-9.]+ s$`,
        ),
      ),
    ]);
  });

  it('is answered as before when the build ends within the wait', async () => {
    const app = createApp({ store, auth: { mode: 'local' }, loadLedger, clock, ledgerWaitMs: 60_000 });
    expect((await app.request('/api/events?limit=1')).status).toBe(200);
  });

  it('says the build failed, and the request gets the error as before', async () => {
    const app = createApp({
      store,
      auth: { mode: 'local' },
      loadLedger: async () => {
        throw new Error('the disk went away');
      },
      clock,
      ledgerWaitMs: 60_000,
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await app.request('/api/events?limit=1');
    expect(res.status).toBe(500);
    expect(logged).toHaveBeenCalledWith(
      'corroborate serve: internal error:',
      new Error('the disk went away'),
    );
    logged.mockRestore();
    expect(await json(await app.request('/api/ledger/status'))).toMatchObject({
      state: 'failed',
      error: 'the disk went away',
      builtAt: null,
    });
  });
});

describe('LedgerBuildStatus', () => {
  /** A status on a clock the test moves, with its log. */
  function watched() {
    let now = 1_000_000;
    const log: string[] = [];
    const status = new LedgerBuildStatus({ now: () => now, log: (line) => log.push(line), waitMs: 10 });
    const at = (seconds: number, report?: LedgerBuildReport) => {
      now = 1_000_000 + seconds * 1000;
      if (report !== undefined) status.report(report);
    };
    return { status, log, at };
  }
  const reading = (documentsRead: number): LedgerBuildReport => ({
    kind: 'progress',
    progress: { stage: 'reading', documentsRead, documents: 100_000 },
  });
  const stage = (s: LedgerBuildProgress['stage']): LedgerBuildReport => ({
    kind: 'progress',
    progress: { stage: s, documentsRead: 100_000, documents: 100_000 },
  });

  it('logs a long build after a few seconds, every tenth of the documents, each stage, and when done', () => {
    const { status, log, at } = watched();
    at(0, { kind: 'started' });
    at(1, reading(1_000));
    at(4, reading(9_000)); // too early to log
    at(6, reading(11_000)); // the first line
    at(7, reading(15_000)); // same tenth, too soon
    at(20, reading(40_000)); // a new tenth
    at(21, reading(40_500));
    at(60, reading(42_000)); // 30 s since the last line
    at(100, reading(100_000)); // all read: the next stage, at once, says so
    at(120, stage('clustering'));
    at(800, stage('assembling'));
    at(891, { kind: 'built', events: 10_685 });
    expect(log).toEqual([
      'corroborate serve: building the ledger: 11,000 of 100,000 documents read (6 s)',
      'corroborate serve: building the ledger: 40,000 of 100,000 documents read (20 s)',
      'corroborate serve: building the ledger: 42,000 of 100,000 documents read (1 min)',
      'corroborate serve: building the ledger: 100,000 of 100,000 documents read, clustering the reports into events (2 min)',
      'corroborate serve: building the ledger: 100,000 of 100,000 documents read, assembling the events (13 min 20 s)',
      'corroborate serve: built the ledger: 10,685 events from 100,000 documents in 14 min 51 s',
    ]);
    expect(status.status()).toMatchObject({ state: 'ready', events: 10_685, stage: null });
  });

  it('logs nothing of a short build that only applied reviews', () => {
    const { log, at } = watched();
    at(0, { kind: 'started' });
    at(0.2, { kind: 'progress', progress: { stage: 'assembling', documentsRead: 3, documents: 3 } });
    at(0.3, { kind: 'built', events: 3 });
    expect(log).toEqual([]);
  });

  it('says how far the build has got in its 503, and lets reports of no build go', async () => {
    const { status, at } = watched();
    at(0, { kind: 'progress', progress: { stage: 'reading', documentsRead: 5, documents: 9 } });
    expect(status.status().state).toBe('idle');
    at(0, { kind: 'started' });
    at(130, reading(40_000));
    const error = status.unavailable();
    expect([error.status, error.retryAfter]).toEqual([503, 5]);
    expect(error.message).toBe(
      'the ledger is being built: 40,000 of 100,000 documents read, started 2 min 10 s ago; try again in a few seconds',
    );
    await expect(status.within(new Promise(() => {}), 0)).rejects.toThrow(/being built/);
    await expect(status.within(Promise.resolve('answer'), 0)).resolves.toBe('answer');
  });

  it('waits on slow work when no build is under way', async () => {
    const { status } = watched();
    const slow = new Promise((resolve) => setTimeout(() => resolve('late'), 30));
    await expect(status.within(slow, 0)).resolves.toBe('late');
  });

  it.each([
    [400, '0.4 s'],
    [5_000, '5 s'],
    [12_300, '12 s'],
    [60_000, '1 min'],
    [130_000, '2 min 10 s'],
    [891_000, '14 min 51 s'],
    [3_780_000, '1 h 3 min'],
  ])('says %i ms as %s', (ms, words) => {
    expect(duration(ms)).toBe(words);
  });
});
