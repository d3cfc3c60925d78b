import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeText } from '../../src/analyze.js';
import { loadLedger, REVIEW_ACTIONS } from '../../src/corroborate/load-ledger.js';
import { createApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/passwords.js';
import { digestSecret } from '../../src/server/secrets.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type { LedgerEvent } from '../../src/types/ledger.js';
import { deskStore } from './desk-reports.js';

/**
 * The desk keeps serialized answers per ledger: nothing it serves may be older than a review
 * through it, nor (with a recheck window of 0) than a write by another process.
 */
let dir: string;
let location: string;
let store: Store;
/** A second connection to the same ledger file: another process's ingest or review. */
let other: Store;
let dispose: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let csrf: string;
const clock = () => new Date('2024-03-07T09:00:00.000Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-desk-cache-'));
  location = join(dir, 'ledger.sqlite');
  ({ store, dispose } = await deskStore(clock, location));
  other = await openStore(location, { clock });
  app = createApp({ store, auth: { mode: 'local' }, loadLedger, clock, ledgerRecheckMs: 0 });
  csrf = ((await (await app.request('/api/session')).json()) as { csrfToken: string }).csrfToken;
});
afterAll(async () => {
  await other.close();
  await dispose();
  rmSync(dir, { recursive: true, force: true });
});

type EventPage = { items: LedgerEvent[]; total: number };

async function get<T>(path: string, etag?: string): Promise<{ status: number; etag: string; body: T }> {
  const res = await app.request(path, etag === undefined ? {} : { headers: { 'If-None-Match': etag } });
  const text = await res.text();
  return {
    status: res.status,
    etag: res.headers.get('etag') ?? '',
    body: (text ? JSON.parse(text) : null) as T,
  };
}

async function strike(): Promise<LedgerEvent> {
  return (await get<EventPage>('/api/events?type=AIR_STRIKE&view=full')).body.items[0] as LedgerEvent;
}

describe('cached answers of the desk', () => {
  it('tags each answer; a client holding the tag gets 304 and no body', async () => {
    const event = await strike();
    for (const path of [
      '/api/events?limit=2',
      '/api/events?q=market&sort=-support',
      `/api/events/${encodeURIComponent(event.id)}`,
      '/api/timeline',
      '/api/map',
      '/api/search?q=drone',
      '/api/documents/north-desk-1/text',
    ]) {
      const first = await get(path);
      expect(first.status, path).toBe(200);
      expect(first.etag, path).toMatch(/^"[\w-]+"$/);
      const again = await get(path, first.etag);
      expect([again.status, again.body], path).toEqual([304, null]);
      const other = await get(path, '"not-this-one"');
      expect(other.status, path).toBe(200);
      expect(other.body, path).toEqual(first.body);
    }
    expect((await app.request('/api/events')).headers.get('cache-control')).toBe('no-store');
  });

  it('shows a review through the desk at the next request', async () => {
    const before = await strike();
    const page = await get<{ event: LedgerEvent; history: unknown[] }>(
      `/api/events/${encodeURIComponent(before.id)}`,
    );
    const list = await get<EventPage>('/api/events?status=false');
    const res = await app.request('/api/review', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ kind: 'set-status', event: before.id, status: 'false', note: 'staged' }),
    });
    expect(res.status).toBe(201);
    const after = await get<{ event: LedgerEvent; history: unknown[] }>(
      `/api/events/${encodeURIComponent(before.id)}`,
      page.etag,
    );
    expect(after.status).toBe(200);
    expect(after.body.event.status).toBe('false');
    expect(after.body.history.length).toBe(page.body.history.length + 1);
    const listAfter = await get<EventPage>('/api/events?status=false', list.etag);
    expect(listAfter.status).toBe(200);
    expect(listAfter.body.items.map((e) => e.id)).toContain(before.id);
  });

  it('shows a review by another process once the store is rechecked', async () => {
    const event = await strike();
    const member = event.members[0];
    expect(member).toBeDefined();
    await other.appendAudit({
      actor: 'cli',
      action: REVIEW_ACTIONS['set-status'],
      subject: `event:${member?.documentId}:${member?.eventId}`,
      after: {
        kind: 'set-status',
        member,
        status: 'confirmed',
        by: 'cli',
        at: clock().toISOString(),
        note: null,
      },
    });
    const page = await get<{ event: LedgerEvent }>(`/api/events/${encodeURIComponent(event.id)}`);
    expect(page.body.event).toMatchObject({ status: 'confirmed', statusByAnalyst: true });
  });

  it('lists and finds a report ingested by another process once the store is rechecked', async () => {
    const events = await get<EventPage>('/api/events?limit=500');
    const search = await get<{ items: unknown[] }>('/api/search?q=convoy');
    expect(search.body.items).toEqual([]);
    const text =
      'Convoy ambushed near Kirkuk\n\nGunmen ambushed a fuel convoy near Kirkuk on Thursday, ' +
      'killing two drivers, a police officer said.';
    const put = await other.putDocument({
      record: analyzeText(text, { id: 'kirkuk-convoy-4', date: '2024-03-07' }),
    });
    expect(put.status).toBe('new');
    const after = await get<EventPage>('/api/events?limit=500', events.etag);
    expect(after.status).toBe(200);
    expect(after.body.total).toBeGreaterThan(events.body.total);
    const found = await get<{ items: { documentId: string }[] }>('/api/search?q=convoy', search.etag);
    expect(found.body.items.map((h) => h.documentId)).toContain('kirkuk-convoy-4');
  });

  it("serves a document's text as of its current version", async () => {
    const first = await get<{ text: string }>('/api/documents/river-post-2/text');
    const corrected = first.body.text.replace('three people', 'four people');
    expect((await other.putDocument({ record: analyzeText(corrected, { id: 'river-post-2' }) })).status).toBe(
      'updated',
    );
    const after = await get<{ text: string }>('/api/documents/river-post-2/text', first.etag);
    expect(after.status).toBe(200);
    expect(after.body.text).toContain('four people');
  });
});

describe('answers read from the store', () => {
  it('follow every write at once, whatever the ledger recheck window', async () => {
    const slow = createApp({ store, auth: { mode: 'local' }, loadLedger, clock, ledgerRecheckMs: 600_000 });
    const read = async <T>(path: string) => (await (await slow.request(path)).json()) as T;
    type Listed = { items: { id: string; status: string }[]; total: number };
    const listed = await read<Listed>('/api/documents?limit=100');
    expect(listed.items.find((d) => d.id === 'north-desk-1')?.status).toBe('active');
    expect((await read<{ items: unknown[] }>('/api/search?q=ambulance')).items).toEqual([]);
    await other.setDocumentStatus('north-desk-1', 'retracted');
    const text =
      'Ambulance hit near Sumy\n\nA drone hit an ambulance near Sumy on Friday, the regional governor said.';
    await other.putDocument({ record: analyzeText(text, { id: 'sumy-ambulance-5', date: '2024-03-08' }) });
    const after = await read<Listed>('/api/documents?limit=100');
    expect(after.total).toBe(listed.total + 1);
    expect(after.items.find((d) => d.id === 'north-desk-1')?.status).toBe('retracted');
    expect(
      (await read<{ document: { status: string } }>('/api/documents/north-desk-1')).document.status,
    ).toBe('retracted');
    const found = await read<{ items: { documentId: string }[] }>('/api/search?q=ambulance');
    expect(found.items.map((h) => h.documentId)).toContain('sumy-ambulance-5');
    expect((await slow.request('/api/search?q=')).status).toBe(400);
    expect((await slow.request('/api/search?q=')).status).toBe(400);
    await other.setDocumentStatus('north-desk-1', 'active');
  });
});

describe('cached answers and accounts', () => {
  it("applies a change of a caller's role or account at the next request", async () => {
    const team = createApp({ store, auth: { mode: 'accounts' }, loadLedger, clock, ledgerRecheckMs: 0 });
    await store.accounts.putUser({
      name: 'rami',
      role: 'analyst',
      passwordHash: await hashPassword('analyst-pass-9', { N: 1024, r: 8, p: 1 }),
    });
    const token = 'crr_cache-test-token-0123456789abcdefghijklmnop';
    await store.accounts.createApiToken({
      id: 'tok-rami',
      tokenHash: digestSecret(token, 'token'),
      userName: 'rami',
      label: 'cache test',
    });
    const call = (method: string, path: string, body?: unknown) =>
      team.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const setStatus = { kind: 'set-status', event: (await strike()).id, status: 'disputed' };
    expect((await call('GET', '/api/events')).status).toBe(200);
    expect((await call('GET', '/api/events')).status).toBe(200);
    await store.accounts.updateUser('rami', { role: 'viewer' });
    expect((await call('POST', '/api/review', setStatus)).status).toBe(403);
    expect((await call('GET', '/api/events')).status).toBe(200);
    await store.accounts.removeUser('rami');
    expect((await call('GET', '/api/events')).status).toBe(401);
    expect((await call('GET', '/api/documents/north-desk-1/text')).status).toBe(401);
  });
});

describe('cached searches', () => {
  type Found = {
    items: { documentId: string; kind: string }[];
    limit: number;
    ranked: number;
    complete: boolean;
  };

  it('outlive reviews, through the desk or by another process, and follow a new document', async () => {
    const desk = createApp({ store, auth: { mode: 'local' }, loadLedger, clock, ledgerRecheckMs: 0 });
    const token = ((await (await desk.request('/api/session')).json()) as { csrfToken: string }).csrfToken;
    const searches = vi.spyOn(store, 'searchRanked');
    try {
      const read = async (path: string) => (await (await desk.request(path)).json()) as Found;
      const first = await read('/api/search?q=drone');
      expect(first.items.map((h) => h.documentId)).toContain('north-desk-1');
      expect(await read('/api/search?q=drone')).toEqual(first);
      expect(searches).toHaveBeenCalledTimes(1);

      const review = await desk.request('/api/review', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify({ kind: 'set-status', event: (await strike()).id, status: 'disputed' }),
      });
      expect(review.status).toBe(201);
      await other.appendAudit({
        actor: 'cli',
        action: REVIEW_ACTIONS['set-status'],
        subject: 'event:none:ev1',
      });
      expect(await read('/api/search?q=drone')).toEqual(first);
      expect(searches).toHaveBeenCalledTimes(1);

      const text =
        'Drone downed near Izium\n\nAir defence downed a drone near Izium on Saturday, the regional governor said.';
      await other.putDocument({ record: analyzeText(text, { id: 'izium-drone-6', date: '2024-03-09' }) });
      const after = await read('/api/search?q=drone');
      expect(searches).toHaveBeenCalledTimes(2);
      expect(after.items.map((h) => h.documentId)).toContain('izium-drone-6');
    } finally {
      searches.mockRestore();
    }
  });

  const limits: [string, number][] = [
    ['/api/search?q=said&limit=1', 1],
    ['/api/search?q=said&limit=2&kind=document', 2],
    ['/api/search?q=said', 20],
  ];
  it.each(limits)('%s answers at most its limit and says how many matches it ranked', async (path, limit) => {
    const found = (await (await app.request(path)).json()) as Found;
    expect(found.limit).toBe(limit);
    expect(found.items.length).toBeLessThanOrEqual(limit);
    expect(found.items.length).toBe(Math.min(limit, found.ranked));
    expect(found.complete).toBe(true);
  });
});
