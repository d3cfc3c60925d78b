import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { ApiErrorBody } from '../../src/server/http-error.js';
import { ledgerWorkerStopped, workerLedgerViews } from '../../src/server/worker-ledger-loader.js';
import type { Store } from '../../src/store/store.js';
import { DESK_REPORTS, deskStore } from './desk-reports.js';

/**
 * A ledger worker that dies on its own: started with an 8 MiB heap, it runs out of memory while
 * it builds the desk's small ledger (Node stops it with `ERR_WORKER_OUT_OF_MEMORY`; it needs
 * about 12 MiB). What the desk's clients and its log see then.
 */
const HEAP_MB = 8;
const dir = mkdtempSync(join(tmpdir(), 'corroborate-worker-crash-'));
const location = join(dir, 'ledger.sqlite');
const clock = () => new Date('2024-03-07T09:00:00.000Z');
let store: Store;
let dispose: () => Promise<void>;
let desk: ReturnType<typeof createApp>;
let views: ReturnType<typeof workerLedgerViews>;

beforeAll(async () => {
  ({ store, dispose } = await deskStore(clock, location));
  views = workerLedgerViews(location, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
  desk = createApp({ store, auth: { mode: 'local' }, ledgerViews: views, clock, ledgerRecheckMs: 0 });
});
afterAll(async () => {
  await views.close();
  await dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** The lines the desk wrote to stderr about its ledger worker while `run` ran. */
async function loggedWhile<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const written: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    const result = await run();
    return { result, lines: written.filter((line) => line.includes('ledger worker')) };
  } finally {
    spy.mockRestore();
  }
}

async function status(path: string): Promise<{ status: number; body: unknown }> {
  const res = await desk.request(path);
  return { status: res.status, body: await res.json() };
}

const OUT_OF_MEMORY = new RegExp(
  `^the ledger worker stopped: it ran out of memory \\(heap limit ${HEAP_MB} MiB\\)\\. ` +
    'The next request starts a new one, which builds the ledger again; if it runs out again, ' +
    'restart the desk with more heap for it: corroborate serve --ledger-heap-mb N',
);

const ledgerReads = [
  { what: 'a page of events', path: '/api/events' },
  { what: 'the timeline', path: '/api/timeline' },
  { what: 'an event page', path: '/api/events/north-desk-1%3Ae1' },
  { what: 'the claims', path: '/api/claims' },
  { what: 'the JSON export', path: '/api/export/json' },
];

const storeReads = [
  { what: 'the documents', path: '/api/documents' },
  { what: 'a document', path: `/api/documents/${DESK_REPORTS[0].id}` },
  { what: 'a search', path: '/api/search?q=drone' },
  { what: 'the audit log', path: '/api/audit' },
];

describe('a ledger worker that runs out of memory', () => {
  it('answers the ledger requests waiting on it 503, says why once in the log, while the store keeps answering', async () => {
    const { result, lines } = await loggedWhile(() =>
      Promise.all([...ledgerReads, ...storeReads].map(({ path }) => status(path))),
    );
    const ledger = result.slice(0, ledgerReads.length);
    const stored = result.slice(ledgerReads.length);
    for (const answer of ledger) {
      expect(answer.status).toBe(503);
      const { error } = answer.body as ApiErrorBody;
      expect(error.code).toBe('unavailable');
      expect(error.message).toMatch(OUT_OF_MEMORY);
    }
    expect(stored.map((a) => a.status)).toEqual(storeReads.map(() => 200));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^corroborate serve: the ledger worker stopped: it ran out of memory \(heap limit 8 MiB\)/,
    );
    expect(lines[0]).toContain('--ledger-heap-mb');
    expect(lines[0]?.trimEnd().split('\n')).toHaveLength(1);
    const { body } = await status('/api/ledger/status');
    expect(body).toMatchObject({ state: 'failed', builtAt: null, events: null });
    expect((body as { error: string }).error).toMatch(OUT_OF_MEMORY);
  });

  it('starts a new worker on the next request, which builds the ledger again (and here runs out again)', async () => {
    for (let attempt = 1; attempt <= 2; attempt++) {
      const { result, lines } = await loggedWhile(() => status('/api/events?limit=1'));
      expect(result.status).toBe(503);
      expect((result.body as ApiErrorBody).error.message).toMatch(OUT_OF_MEMORY);
      expect(lines).toHaveLength(1);
    }
    expect((await status('/api/search?q=market')).status).toBe(200);
  });
});

describe('what the desk says when its ledger worker stopped on its own', () => {
  const cases: { what: string; cause: Error | number; says: RegExp; advice: RegExp }[] = [
    {
      what: 'out of memory: the heap limit and the option that raises it',
      cause: Object.assign(
        new Error('Worker terminated due to reaching memory limit: JS heap out of memory'),
        {
          code: 'ERR_WORKER_OUT_OF_MEMORY',
        },
      ),
      says: /it ran out of memory \(heap limit 12288 MiB\)/,
      advice: /--ledger-heap-mb N \(a ledger of about 100,000 documents needs 16 GiB/,
    },
    {
      what: 'an uncaught error: the error',
      cause: new TypeError("Cannot read properties of undefined (reading 'whole')"),
      says: /it failed \(TypeError: Cannot read properties of undefined \(reading 'whole'\)\)/,
      advice: /see the server's log\.$/,
    },
    {
      what: 'an exit without an error: the exit code',
      cause: 1,
      says: /it exited with code 1\./,
      advice: /see the server's log\.$/,
    },
  ];
  it.each(cases)('names $what', ({ cause, says, advice }) => {
    const error = ledgerWorkerStopped(cause, 12_288);
    expect(error.status).toBe(503);
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^the ledger worker stopped: /);
    expect(error.message).toMatch(says);
    expect(error.message).toContain('The next request starts a new one, which builds the ledger again');
    expect(error.message).toMatch(advice);
  });
});
