import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/corroborate/load-ledger.js';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/store.js';
import type { LedgerClaim, LedgerEvent } from '../../src/types/ledger.js';
import { deskStore } from './desk-reports.js';

/** The desk with the real ledger builder over our reports. */
let store: Store;
let dispose: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let csrf: string;
const clock = () => new Date('2024-03-07T09:00:00.000Z');

beforeAll(async () => {
  ({ store, dispose } = await deskStore(clock));
  app = createApp({ store, auth: { mode: 'local' }, loadLedger, clock });
  csrf = ((await (await app.request('/api/session')).json()) as { csrfToken: string }).csrfToken;
});
afterAll(async () => dispose());

async function get<T = Record<string, unknown>>(path: string): Promise<{ status: number; body: T }> {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as T };
}

type EventPage = { items: LedgerEvent[]; total: number; limit: number; offset: number };

describe('the ledger over HTTP', () => {
  it('pages through the events with the total, every event once', async () => {
    const all = await get<EventPage>('/api/events?limit=500');
    expect(all.body.total).toBe(all.body.items.length);
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    for (let offset = 0; offset < all.body.total; offset += 2) {
      const page = await get<EventPage>(`/api/events?limit=2&offset=${offset}`);
      expect(page.body.total).toBe(all.body.total);
      seen.push(...page.body.items.map((e) => e.id));
    }
    expect(seen).toEqual(all.body.items.map((e) => e.id));
  });

  it('lists events as rows with counts; the full event on request', async () => {
    const rows = (await get<{ items: Record<string, unknown>[] }>('/api/events?limit=500')).body.items;
    const full = (await get<EventPage>('/api/events?limit=500&view=full')).body.items;
    expect(rows.map((r) => r.id)).toEqual(full.map((e) => e.id));
    full.forEach((event, i) => {
      expect(rows[i]).toMatchObject({
        status: event.status,
        independentOrigins: event.support.independentOrigins,
        members: event.members.length,
        contradictions: event.contradictions.length,
      });
      expect(rows[i]).not.toHaveProperty('links');
    });
  });

  it('lists the newest events first by default, undated ones last', async () => {
    const { body } = await get<EventPage>('/api/events?limit=500');
    const dates = body.items.map((e) => e.date?.from ?? null);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);
  });

  it('filters by date range, type and text', async () => {
    const march = await get<EventPage>('/api/events?from=2024-03-01&to=2024-03-31');
    expect(march.body.items.length).toBeGreaterThan(0);
    expect(march.body.items.every((e) => e.date !== null && e.date.to >= '2024-03-01')).toBe(true);
    const strikes = await get<EventPage>('/api/events?type=AIR_STRIKE&view=full');
    expect(strikes.body.items.map((e) => e.members[0]?.documentId)).toEqual(['north-desk-1']);
    const market = await get<EventPage>('/api/events?q=market&view=full');
    expect(market.body.items.map((e) => e.members[0]?.documentId)).toEqual(['river-post-2']);
    expect((await get('/api/events?from=2024-04-01&to=2024-03-01')).status).toBe(400);
    expect((await get('/api/events?status=probable')).status).toBe(400);
    expect((await get('/api/events?sort=colour')).status).toBe(400);
  });

  it('gives one event with the claims for and against, whose spans are the archived words', async () => {
    const strike = (await get<EventPage>('/api/events?type=AIR_STRIKE')).body.items[0] as LedgerEvent;
    const { status, body } = await get<{
      event: LedgerEvent;
      claims: LedgerClaim[];
      documents: { id: string }[];
    }>(`/api/events/${encodeURIComponent(strike.id)}`);
    expect(status).toBe(200);
    expect(body.event.id).toBe(strike.id);
    expect(body.documents.map((d) => d.id)).toEqual(['north-desk-1']);
    expect(body.claims.length).toBeGreaterThan(0);
    for (const claim of body.claims) {
      const text = (await get<{ text: string }>(`/api/documents/${claim.documentId}/text`)).body.text;
      expect(text.slice(claim.start, claim.end)).toBe(claim.text);
    }
    expect((await get('/api/events/no-such-event')).status).toBe(404);
  });

  it('applies a status set by an analyst, keeps its history on the event page, and chains it', async () => {
    const strike = (await get<EventPage>('/api/events?type=AIR_STRIKE')).body.items[0] as LedgerEvent;
    const res = await app.request('/api/review', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({
        kind: 'set-status',
        event: strike.id,
        status: 'false',
        note: 'footage is from 2019',
      }),
    });
    expect(res.status).toBe(201);
    const after = await get<{
      event: LedgerEvent;
      history: { action: string; actor: string; before: unknown }[];
    }>(`/api/events/${encodeURIComponent(strike.id)}`);
    expect(after.body.event).toMatchObject({ status: 'false', statusByAnalyst: true });
    expect(after.body.history.map((h) => [h.action, h.actor])).toEqual([['review.set-status', 'local']]);
    expect(after.body.history[0]?.before).toMatchObject({ status: strike.status });
    const falseOnes = await get<EventPage>('/api/events?status=false');
    expect(falseOnes.body.items.map((e) => e.id)).toEqual([strike.id]);
    expect((await get('/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('refuses to merge members of one event (409) and to split a whole event (409)', async () => {
    const river = (await get<EventPage>('/api/events?q=market&view=full')).body.items[0] as LedgerEvent;
    const post = (body: unknown) =>
      app.request('/api/review', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify(body),
      });
    expect(river.members.length).toBeGreaterThan(1);
    expect((await post({ kind: 'merge', members: river.members })).status).toBe(409);
    expect((await post({ kind: 'split', members: river.members })).status).toBe(409);
  });

  it('rates a claim and shows the rating on the claim', async () => {
    const claims = (await get<{ items: LedgerClaim[] }>('/api/claims?document=river-post-2')).body.items;
    const target = claims[0] as LedgerClaim;
    const res = await app.request('/api/review', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({
        kind: 'rate-claim',
        claim: { documentId: target.documentId, claimId: target.claimId },
        rating: 2,
      }),
    });
    expect(res.status).toBe(201);
    const { body } = await get<{ claim: LedgerClaim; history: unknown[] }>(
      `/api/claims/${encodeURIComponent(target.id)}`,
    );
    expect(body.claim.rating).toMatchObject({ value: 2, label: 'Misleading', by: 'local' });
    expect(body.history).toHaveLength(1);
    const rated = await get<{ items: LedgerClaim[] }>('/api/claims?rated=true');
    expect(rated.body.items.map((k) => k.id)).toEqual([target.id]);
  });

  it('gives the map every located event with its precision, and the timeline its days', async () => {
    const events = (await get<EventPage>('/api/events?limit=500')).body.items;
    const map = await get<{
      markers: { id: string; lat: number; geoPrecision: number | null }[];
      unlocated: number;
    }>('/api/map');
    const located = events.filter((e) => e.place?.lat != null);
    expect(map.body.markers.map((m) => m.id).sort()).toEqual(located.map((e) => e.id).sort());
    expect(map.body.unlocated).toBe(events.length - located.length);
    const mosul = await get<{ markers: { place: string }[] }>('/api/map?place=mosul');
    expect(new Set(mosul.body.markers.map((m) => m.place))).toEqual(new Set(['Mosul']));

    const timeline = await get<{ days: { date: string; total: number }[]; undated: number }>('/api/timeline');
    const dated = events.filter((e) => e.date !== null);
    expect(timeline.body.days.reduce((sum, d) => sum + d.total, 0)).toBe(dated.length);
    expect(timeline.body.undated).toBe(events.length - dated.length);
    expect(timeline.body.days.map((d) => d.date)).toContain('2024-03-04');

    const places = await get<{ items: { name: string; events: number }[] }>('/api/places?place=iq');
    expect(places.body.items.map((p) => p.name).sort()).toEqual(['Erbil', 'Mosul']);
  });

  it.each([
    ['json', 'application/json', '"corroborate.ledger/1"'],
    ['acled-csv', 'text/csv', 'event_id_cnty'],
    ['geojson', 'application/geo+json', 'FeatureCollection'],
    ['claimreview', 'application/ld+json', 'ClaimReview'],
  ])('exports the ledger as %s, as a download', async (format, type, marker) => {
    const res = await app.request(`/api/export/${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="corroborate-ledger\./);
    expect(await res.text()).toContain(marker);
  });

  it('answers an unknown export format with 404', async () => {
    expect((await get('/api/export/pdf')).status).toBe(404);
  });
});
