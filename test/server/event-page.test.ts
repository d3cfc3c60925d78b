import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.js';
import { loadLedger } from '../../src/corroborate/load-ledger.js';
import { loadDefaultGazetteer } from '../../src/geo/gazetteer.js';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type {
  LedgerCheck,
  LedgerClaim,
  LedgerDocument,
  LedgerEvent,
  LedgerOrigin,
  ReportEventRef,
} from '../../src/types/ledger.js';

/**
 * An event reported many times: four outlets wrote their own account of one shelling (four
 * origins), and two of them were copied word for word by other sites (more documents of the same
 * origins). Written by us; fictional event at a real place.
 */
const ACCOUNTS = [
  'Shelling hit a market in Kharkiv on Monday, killing three people, the regional governor said.',
  'Artillery shells struck the central market of Kharkiv on Monday and killed three civilians, police said.',
  'A market in Kharkiv was shelled on Monday; three people died, a city council spokesman told reporters.',
  'Three people were killed when shells hit a Kharkiv market on Monday, the emergency service said.',
];
const COPIES = [3, 1, 2, 1];

let store: Store;
let dir: string;
let app: ReturnType<typeof createApp>;
let event: LedgerEvent;

interface EventPageBody {
  event: LedgerEvent;
  claims: LedgerClaim[];
  documents: LedgerDocument[];
  origins: (LedgerOrigin & { documentCount: number; linkCount: number })[];
  checks: LedgerCheck[];
  history: unknown[];
  totals: Record<
    'members' | 'links' | 'supporting' | 'contradicting' | 'documents' | 'origins' | 'checks',
    number
  >;
  limit: number;
}
interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as T };
}

/** Every item of an event's list, read `limit` at a time. */
async function wholeList<T>(path: string, limit: number): Promise<{ items: T[]; totals: number[] }> {
  const items: T[] = [];
  const totals: number[] = [];
  for (let offset = 0; ; offset += limit) {
    const { status, body } = await get<Page<T>>(
      `${path}${path.includes('?') ? '&' : '?'}limit=${limit}&offset=${offset}`,
    );
    expect(status).toBe(200);
    items.push(...body.items);
    totals.push(body.total);
    if (offset + limit >= body.total) return { items, totals };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-event-page-'));
  store = await openStore(join(dir, 'ledger.sqlite'));
  const gazetteer = await loadDefaultGazetteer(join(dir, 'no-local-places.jsonl.gz'));
  let n = 0;
  for (const [i, account] of ACCOUNTS.entries()) {
    for (let copy = 0; copy < (COPIES[i] ?? 1); copy += 1) {
      n += 1;
      const text = `Market shelled in Kharkiv\n\n${account}`;
      await store.putDocument({
        record: analyzeText(text, { id: `outlet-${i}-copy-${copy}`, date: '2024-03-05', gazetteer }),
      });
    }
  }
  expect(n).toBe(7);
  app = createApp({
    store,
    auth: { mode: 'local' },
    loadLedger,
    clock: () => new Date('2024-03-07T09:00:00Z'),
  });
  const all = await get<Page<LedgerEvent>>('/api/events?view=full&limit=500&sort=-support');
  event = all.body.items[0] as LedgerEvent;
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const path = () => `/api/events/${encodeURIComponent(event.id)}`;

describe('an event page', () => {
  it('joins the accounts into one event of several origins and more documents', () => {
    expect(event.members.length).toBeGreaterThanOrEqual(5);
    expect(event.support.originIds.length).toBeGreaterThanOrEqual(3);
    expect(event.support.supporting.length).toBeGreaterThan(event.support.originIds.length);
  });

  it('shows an event of a few reports whole, with how many each list holds', async () => {
    const { status, body } = await get<EventPageBody>(`${path()}?limit=500`);
    expect(status).toBe(200);
    expect(body.limit).toBe(500);
    expect(body.event).toEqual({
      ...event,
      support: { ...event.support, supporting: expect.any(Array), contradicting: expect.any(Array) },
    });
    expect([...body.event.support.supporting].sort()).toEqual([...event.support.supporting].sort());
    expect(body.totals).toMatchObject({
      members: event.members.length,
      links: event.links.length,
      supporting: event.support.supporting.length,
      contradicting: event.support.contradicting.length,
      origins: event.support.originIds.length,
    });
    expect(body.claims).toHaveLength(body.totals.supporting + body.totals.contradicting);
    expect(new Set(body.documents.map((d) => d.id))).toEqual(new Set(event.members.map((m) => m.documentId)));
    for (const origin of body.origins) {
      expect(origin.documentIds).toHaveLength(origin.documentCount);
      expect(origin.links).toHaveLength(origin.linkCount);
    }
  });

  it('shows the first `limit` of each list, every origin before a second claim of one', async () => {
    const whole = (await get<EventPageBody>(`${path()}?limit=500`)).body;
    const limit = event.support.originIds.length;
    const { body } = await get<EventPageBody>(`${path()}?limit=${limit}`);
    expect(body.totals).toEqual(whole.totals);
    expect(body.event.members).toEqual(event.members.slice(0, limit));
    expect(body.event.links).toEqual(event.links.slice(0, limit));
    const supporting = body.claims.filter((c) => body.event.support.supporting.includes(c.id));
    expect(supporting).toHaveLength(Math.min(limit, whole.totals.supporting));
    // One claim from each origin: the first page of a long list names every independent source.
    expect(new Set(supporting.map((c) => c.originId)).size).toBe(supporting.length);
    expect(new Set(supporting.map((c) => c.originId))).toEqual(new Set(event.support.originIds));
    // The documents of the claims shown are on the page, to mark their sentences.
    const shown = new Set(body.documents.map((d) => d.id));
    for (const claim of body.claims) expect(shown.has(claim.documentId)).toBe(true);
    expect(body.origins.length).toBeLessThanOrEqual(limit);
    for (const origin of body.origins) expect(origin.documentIds.length).toBeLessThanOrEqual(limit);
  });

  const parts: {
    part: string;
    key: (item: never) => string;
    expected: (page: EventPageBody) => string[];
  }[] = [
    {
      part: 'members',
      key: (m: ReportEventRef) => `${m.documentId}/${m.eventId}`,
      expected: () => event.members.map((m) => `${m.documentId}/${m.eventId}`),
    },
    {
      part: 'links',
      key: (l: LedgerEvent['links'][number]) => `${l.a.documentId}+${l.b.documentId}`,
      expected: () => event.links.map((l) => `${l.a.documentId}+${l.b.documentId}`),
    },
    { part: 'claims', key: (c: LedgerClaim) => c.id, expected: (page) => page.claims.map((c) => c.id) },
    {
      part: 'claims?side=supporting',
      key: (c: LedgerClaim) => c.id,
      expected: (page) => page.event.support.supporting,
    },
    {
      part: 'claims?side=contradicting',
      key: (c: LedgerClaim) => c.id,
      expected: (page) => page.event.support.contradicting,
    },
    {
      part: 'documents',
      key: (d: LedgerDocument) => d.id,
      expected: (page) => page.documents.map((d) => d.id),
    },
    { part: 'origins', key: (o: LedgerOrigin) => o.id, expected: (page) => page.origins.map((o) => o.id) },
    { part: 'checks', key: (k: LedgerCheck) => k.id, expected: (page) => page.checks.map((k) => k.id) },
  ];

  it.each(parts)(
    'lists its $part whole, a page at a time, as the whole page shows them',
    async ({ part, key, expected }) => {
      const whole = (await get<EventPageBody>(`${path()}?limit=500`)).body;
      const { items, totals } = await wholeList<never>(`${path()}/${part}`, 2);
      expect(items.map(key)).toEqual(expected(whole));
      expect(new Set(totals)).toEqual(new Set([items.length]));
    },
  );

  it('lists origins whole in their own list, where the page shows their first copies', async () => {
    const { body } = await get<Page<LedgerOrigin>>(`${path()}/origins`);
    const copies = body.items.reduce((sum, o) => sum + o.documentIds.length, 0);
    expect(copies).toBe(new Set(event.members.map((m) => m.documentId)).size);
  });

  const refusals = [
    { what: 'a limit of 0', url: () => `${path()}?limit=0`, status: 400 },
    { what: 'a limit that is not a number', url: () => `${path()}?limit=all`, status: 400 },
    { what: 'a limit over 500', url: () => `${path()}?limit=501`, status: 400 },
    { what: 'a side other than for or against', url: () => `${path()}/claims?side=neutral`, status: 400 },
    { what: 'a side on members', url: () => `${path()}/members?side=supporting`, status: 400 },
    { what: 'a negative offset', url: () => `${path()}/documents?offset=-1`, status: 400 },
    { what: 'an unknown event', url: () => '/api/events/nowhere%3Ae1', status: 404 },
    { what: "an unknown event's claims", url: () => '/api/events/nowhere%3Ae1/claims', status: 404 },
  ];
  it.each(refusals)('refuses $what with a JSON error', async ({ url, status }) => {
    const res = await get<{ error: { code: string; message: string } }>(url());
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(/\S/);
  });
});
