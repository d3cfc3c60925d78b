import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/corroborate/load-ledger.js';
import { createApp } from '../../src/server/app.js';
import { EVENT_PAGE_LIMIT } from '../../src/server/ledger-answers.js';
import type { LedgerBuildReport } from '../../src/server/ledger-build-status.js';
import { workerLedgerViews } from '../../src/server/worker-ledger-loader.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type { LedgerClaim, LedgerEvent } from '../../src/types/ledger.js';
import { DESK_REPORTS, deskStore } from './desk-reports.js';

/**
 * The same desk twice over one SQLite ledger file: once building the ledger in its own thread,
 * once asking the ledger worker, which alone holds it. Every ledger answer must be the same.
 */
const dir = mkdtempSync(join(tmpdir(), 'corroborate-worker-views-'));
const location = join(dir, 'ledger.sqlite');
const clock = () => new Date('2024-03-07T09:00:00.000Z');
let store: Store;
let dispose: () => Promise<void>;
let here: ReturnType<typeof createApp>;
let worker: ReturnType<typeof createApp>;
let event: LedgerEvent;
let claim: LedgerClaim;

beforeAll(async () => {
  ({ store, dispose } = await deskStore(clock, location));
  // Rechecked on every request: a review through one desk is seen by the other at once.
  here = createApp({ store, auth: { mode: 'local' }, loadLedger, clock, ledgerRecheckMs: 0 });
  worker = createApp({
    store,
    auth: { mode: 'local' },
    ledgerViews: workerLedgerViews(location),
    clock,
    ledgerRecheckMs: 0,
  });
  const all = (await (await here.request('/api/events?limit=500&view=full&sort=-support')).json()) as {
    items: LedgerEvent[];
  };
  event = all.items[0] as LedgerEvent;
  const claims = (await (await here.request('/api/claims?limit=1')).json()) as { items: LedgerClaim[] };
  claim = claims.items[0] as LedgerClaim;
});
afterAll(async () => {
  await dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Status, media type, entity tag and body text of a request to one desk (as a browser asks: gzip accepted). */
async function answer(app: ReturnType<typeof createApp>, path: string, init?: RequestInit) {
  const res = await app.request(path, { ...init, headers: { 'accept-encoding': 'gzip', ...init?.headers } });
  const encoding = res.headers.get('content-encoding');
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    etag: res.headers.get('etag'),
    encoding,
    body: (encoding === 'gzip' ? gunzipSync(bytes) : Buffer.from(bytes)).toString('utf8'),
  };
}

const reads: { what: string; path: () => string; status: number }[] = [
  { what: 'the first page of events', path: () => '/api/events', status: 200 },
  {
    what: 'a later page, sorted by support',
    path: () => '/api/events?limit=2&offset=1&sort=-support',
    status: 200,
  },
  { what: 'full events', path: () => '/api/events?view=full&limit=500', status: 200 },
  {
    what: 'events filtered by status, place, dates and words',
    path: () => '/api/events?status=unverified,corroborated&place=i&from=2024-01-01&to=2024-12-31&q=the',
    status: 200,
  },
  { what: 'events with a contradiction', path: () => '/api/events?contradicted=true', status: 200 },
  {
    what: 'events by type and actor',
    path: () => `/api/events?type=${event.type}&actor=${encodeURIComponent(event.actors[0] ?? '')}`,
    status: 200,
  },
  { what: 'a bad sort', path: () => '/api/events?sort=wind', status: 400 },
  { what: 'the timeline', path: () => '/api/timeline', status: 200 },
  { what: 'a filtered timeline', path: () => '/api/timeline?status=corroborated', status: 200 },
  { what: 'the places', path: () => '/api/places?limit=2', status: 200 },
  { what: 'the map', path: () => '/api/map', status: 200 },
  { what: 'an event page', path: () => `/api/events/${encodeURIComponent(event.id)}`, status: 200 },
  {
    what: 'an event page of one claim a list',
    path: () => `/api/events/${encodeURIComponent(event.id)}?limit=1`,
    status: 200,
  },
  { what: 'an unknown event', path: () => '/api/events/nowhere%3Ae9', status: 404 },
  {
    what: "an event's claims against",
    path: () => `/api/events/${encodeURIComponent(event.id)}/claims?side=contradicting`,
    status: 200,
  },
  {
    what: "an event's members, a later page",
    path: () => `/api/events/${encodeURIComponent(event.id)}/members?limit=1&offset=1`,
    status: 200,
  },
  {
    what: "an event's origins",
    path: () => `/api/events/${encodeURIComponent(event.id)}/origins`,
    status: 200,
  },
  {
    what: 'a side on a list without sides',
    path: () => `/api/events/${encodeURIComponent(event.id)}/links?side=supporting`,
    status: 400,
  },
  { what: "an unknown event's documents", path: () => '/api/events/nowhere%3Ae9/documents', status: 404 },
  { what: 'the claims', path: () => '/api/claims?limit=1000', status: 200 },
  {
    what: 'claims filtered by document, speaker and rating',
    path: () => `/api/claims?document=${claim.documentId}&speakerKind=${claim.speakerKind}&rated=false`,
    status: 200,
  },
  { what: 'claims with words', path: () => '/api/claims?q=said', status: 200 },
  { what: 'a bad rating filter', path: () => '/api/claims?rated=maybe', status: 400 },
  { what: 'a claim page', path: () => `/api/claims/${encodeURIComponent(claim.id)}`, status: 200 },
  { what: 'an unknown claim', path: () => '/api/claims/nowhere%3Ac1', status: 404 },
  { what: 'the origins', path: () => '/api/origins?limit=2&offset=1', status: 200 },
  { what: 'the checks', path: () => '/api/checks', status: 200 },
  { what: 'a bad check status', path: () => '/api/checks?status=fine', status: 400 },
  { what: 'the JSON export', path: () => '/api/export/json', status: 200 },
  { what: 'the ACLED export', path: () => '/api/export/acled-csv', status: 200 },
  { what: 'the GeoJSON export', path: () => '/api/export/geojson', status: 200 },
  { what: 'the ClaimReview export', path: () => '/api/export/claimreview', status: 200 },
  {
    what: "an event's measurable claims",
    path: () => `/api/events/${encodeURIComponent(event.id)}/measurable-claims`,
    status: 200,
  },
  { what: "an unknown event's evidence", path: () => '/api/events/nowhere%3Ae9/evidence', status: 404 },
];

describe('the ledger answered by its worker', () => {
  it.each(reads)('gives $what as the desk’s own thread does ($status)', async ({ path, status }) => {
    const [fromWorker, fromHere] = await Promise.all([answer(worker, path()), answer(here, path())]);
    expect(fromWorker.status).toBe(status);
    expect(fromWorker).toEqual(fromHere);
  });

  it('checks reviews against the ledger as the desk’s own thread does', async () => {
    const refused = [
      { kind: 'set-status', event: 'nowhere:e9', status: 'confirmed' },
      { kind: 'merge', members: event.members.slice(0, 1) },
      { kind: 'split', members: event.members },
    ];
    for (const review of refused) {
      const send = async (app: ReturnType<typeof createApp>) => {
        const { csrfToken } = (await (await app.request('/api/session')).json()) as { csrfToken: string };
        return answer(app, '/api/review', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify(review),
        });
      };
      const fromWorker = await send(worker);
      expect(fromWorker.status).toBeGreaterThanOrEqual(400);
      expect(fromWorker).toEqual(await send(here));
    }
  });

  it('answers from the rebuilt ledger after a review, with its history', async () => {
    const { csrfToken } = (await (await worker.request('/api/session')).json()) as { csrfToken: string };
    const review = await worker.request('/api/review', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ kind: 'set-status', event: event.id, status: 'false', note: 'staged' }),
    });
    expect(review.status).toBe(201);
    const path = `/api/events/${encodeURIComponent(event.id)}`;
    const fromWorker = await answer(worker, path);
    const page = JSON.parse(fromWorker.body) as { event: LedgerEvent; history: { note: string }[] };
    expect(page.event).toMatchObject({ status: 'false', statusByAnalyst: true });
    expect(page.history.map((h) => h.note)).toEqual(['staged']);
    expect(fromWorker).toEqual(await answer(here, path));
  });

  it('starts a new worker after the last one stopped, which builds the ledger before it answers', async () => {
    const views = workerLedgerViews(location);
    const view = await views(store);
    const ask = { kind: 'event-page', id: event.id, limit: EVENT_PAGE_LIMIT } as const;
    const first = await view.text(ask);
    await views.close();
    expect(await view.text(ask)).toBe(first);
    const rebuilt = await views(store);
    expect(rebuilt.version).not.toBe(view.version);
    expect(await rebuilt.text(ask)).toBe(first);
    await views.close();
  });

  it('tells how each of its builds goes, also one an answer waits for in a new worker', async () => {
    const views = workerLedgerViews(location);
    const reports: LedgerBuildReport[] = [];
    const view = await views(store, (report) => reports.push(report));
    const ask = { kind: 'event-page', id: event.id, limit: EVENT_PAGE_LIMIT } as const;
    const first = await view.text(ask);
    await views.close();
    expect(await view.text(ask)).toBe(first);
    await views.close();
    const { total } = JSON.parse(await (await worker.request('/api/events?limit=1')).text()) as {
      total: number;
    };
    const documents = DESK_REPORTS.length;
    const build = [
      { kind: 'started' },
      { kind: 'progress', progress: { stage: 'listing', documentsRead: 0, documents: 0 } },
      ...[1, 2, 3].map((read) => ({
        kind: 'progress',
        progress: { stage: 'reading', documentsRead: read, documents },
      })),
      ...(['clustering', 'assembling', 'checking'] as const).map((stage) => ({
        kind: 'progress',
        progress: { stage, documentsRead: documents, documents },
      })),
      { kind: 'built', events: total },
    ];
    expect(reports).toEqual([...build, ...build]);
    expect(JSON.parse(await (await worker.request('/api/ledger/status')).text())).toMatchObject({
      state: 'ready',
      documents,
      events: total,
    });
  });

  it('reports a ledger it cannot open as a failed build', async () => {
    const memory = await openStore(':memory:');
    try {
      await expect(workerLedgerViews('postgres://nobody@127.0.0.1:1/none')(memory)).rejects.toThrow(/ledger/);
    } finally {
      await memory.close();
    }
  });
});
