import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers.js';
import type { Store } from '../../src/store/store.js';
import { DESK_REPORTS, deskStore } from './desk-reports.js';

/** The single-user desk on loopback: no login, every request is the local admin. */
let store: Store;
let dispose: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let csrf: string;
const clock = () => new Date('2024-03-07T09:00:00.000Z');

beforeAll(async () => {
  ({ store, dispose } = await deskStore(clock));
  app = createApp({ store, auth: { mode: 'local' }, clock });
  csrf = ((await (await app.request('/api/session')).json()) as { csrfToken: string }).csrfToken;
});
afterAll(async () => dispose());

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, res };
};
const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, res };
};

describe('the desk API over a ledger of our reports', () => {
  it('says who is at the desk: the local admin, with a CSRF token for changes', async () => {
    const { body } = await get('/api/session');
    expect(body).toMatchObject({ mode: 'local', user: { name: 'local', role: 'admin', via: 'local' } });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('lists documents by id, a page at a time, with the total', async () => {
    const ids = DESK_REPORTS.map((r) => r.id).sort();
    const first = await get('/api/documents?limit=2');
    expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    const second = await get('/api/documents?limit=2&offset=2');
    const seen = [...(first.body.items as { id: string }[]), ...(second.body.items as { id: string }[])];
    expect(seen.map((d) => d.id)).toEqual(ids);
  });

  it.each([
    ['/api/documents?limit=0', 'limit'],
    ['/api/documents?limit=abc', 'limit'],
    ['/api/documents?offset=-1', 'offset'],
    ['/api/audit?after=x', 'after'],
    ['/api/search?q=', 'q'],
    ['/api/search?q=drone&kind=place', 'kind'],
    ['/api/archive/not-a-hash', 'SHA-256'],
  ])('answers %s with 400 naming %s', async (path, word) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'bad_request', message: expect.stringContaining(word) } });
  });

  it.each([
    ['/api/documents/no-such-report'],
    ['/api/documents/no-such-report/text'],
    [`/api/archive/${'0'.repeat(64)}`],
    ['/api/no-such-route'],
  ])('answers %s with a JSON 404', async (path) => {
    const { status, body } = await get(path);
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('gives a document with its claims, events and retrievals', async () => {
    const { status, body } = await get('/api/documents/north-desk-1');
    expect(status).toBe(200);
    expect(body.document).toMatchObject({
      id: 'north-desk-1',
      title: 'Drone strikes the Harir base near Erbil',
    });
    expect((body.claims as { text: string }[]).map((c) => c.text)).toContain(
      'A drone struck the Harir air base on Tuesday night',
    );
    expect(
      (body.events as { type: string; date: string | null }[]).some((e) => e.date === '2024-02-27'),
    ).toBe(true);
  });

  it('serves the archived text with spans that cut out exactly the claimed words', async () => {
    const { body } = await get('/api/documents/river-post-2/text');
    const text = body.text as string;
    expect(text).toBe(DESK_REPORTS[1].text);
    const claims = (await get('/api/documents/river-post-2')).body.claims as {
      claimId: string;
      text: string;
    }[];
    const spans = body.spans as { kind: string; id: string; start: number; end: number }[];
    for (const claim of claims) {
      const span = spans.find((s) => s.kind === 'claim' && s.id === claim.claimId);
      expect(span && text.slice(span.start, span.end)).toBe(claim.text);
    }
    const archive = await get(`/api/archive/${body.sha256 as string}`);
    expect(archive.body).toMatchObject({
      encoding: 'utf-8',
      content: text,
      mediaType: expect.stringContaining('text/plain'),
    });
  });

  it('returns a report holding <script> and onerror= as inert JSON text, never as HTML', async () => {
    const { res, body } = await get('/api/documents/script-page-3/text');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(body.text).toContain('<script>alert("owned")</script>');
    expect(body.text).toContain('onerror="alert(1)"');
    const document = (await get('/api/documents/script-page-3')).body.document as { title: string };
    expect(document.title).toBe('Checkpoint attacked <script>alert("owned")</script> near Mosul');
  });

  it('sets a strict policy on every answer, the UI page and errors included', async () => {
    for (const path of ['/', '/events/x', '/api/session', '/api/nothing']) {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('permissions-policy')).toContain('geolocation=()');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    const page = await app.request('/');
    expect(await page.text()).toContain('not built');
  });

  it('finds documents and claims by words', async () => {
    const { body } = await get('/api/search?q=market%20Kharkiv');
    const hits = body.items as { kind: string; documentId: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.documentId === 'river-post-2')).toBe(true);
    const claims = await get('/api/search?q=attackers&kind=claim');
    expect((claims.body.items as { kind: string }[]).every((h) => h.kind === 'claim')).toBe(true);
  });

  it('refuses a bad body: not JSON 400, not application/json 415, too large 413', async () => {
    const bad = await post('/api/review', '{"kind": "set-status",');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: { code: 'bad_request', message: 'the body is not valid JSON' } });
    const form = await post('/api/review', 'kind=merge', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const small = createApp({ store, auth: { mode: 'local' }, maxBodyBytes: 1000 });
    const token = ((await (await small.request('/api/session')).json()) as { csrfToken: string }).csrfToken;
    const huge = await small.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify({ text: 'A drone struck. '.repeat(200) }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('refuses changes without the CSRF token, from another origin, or under a foreign host name', async () => {
    const decision = { kind: 'rate-claim', claim: { documentId: 'north-desk-1', claimId: 'c1' }, rating: 4 };
    const without = await post('/api/review', decision, { 'x-csrf-token': '' });
    expect(without.status).toBe(403);
    expect(without.body).toMatchObject({
      error: { code: 'forbidden', message: expect.stringContaining('CSRF') },
    });
    const foreign = await post('/api/review', decision, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const rebound = await post('/api/review', decision, { host: 'evil.example' });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toMatchObject({ error: { message: expect.stringContaining('loopback') } });
    expect((await store.auditLog()).filter((e) => e.action.startsWith('review.'))).toEqual([]);
  });

  it('records review decisions in the hash-chained audit log, with who, what and when', async () => {
    const status = await post('/api/review', {
      kind: 'set-status',
      member: { documentId: 'north-desk-1', eventId: 'ev2' },
      status: 'confirmed',
      note: 'two wires and a ministry statement',
    });
    expect(status.status).toBe(201);
    const rating = await post('/api/review', {
      kind: 'rate-claim',
      claim: { documentId: 'script-page-3', claimId: 'c3' },
      rating: 3,
    });
    expect(rating.status).toBe(201);
    const merge = await post('/api/review', {
      kind: 'merge',
      members: [
        { documentId: 'north-desk-1', eventId: 'ev1' },
        { documentId: 'north-desk-1', eventId: 'ev2' },
      ],
    });
    expect(merge.status).toBe(201);

    const { body } = await get('/api/audit?action=review.set-status');
    expect(body.items).toEqual([
      expect.objectContaining({
        actor: 'local',
        action: 'review.set-status',
        subject: 'event:north-desk-1:ev2',
        note: 'two wires and a ministry statement',
        after: {
          kind: 'set-status',
          member: { documentId: 'north-desk-1', eventId: 'ev2' },
          status: 'confirmed',
          by: 'local',
          at: '2024-03-07T09:00:00.000Z',
          note: 'two wires and a ministry statement',
        },
      }),
    ]);
    const all = (await get('/api/audit')).body.items as { action: string; after: { label?: string } }[];
    expect(all.map((e) => e.action)).toEqual(['review.set-status', 'review.rate', 'review.merge']);
    expect(all[1]?.after.label).toBe('Unproven');
    expect((await get('/api/audit/verify')).body).toMatchObject({ ok: true, entries: 3 });
  });

  it.each([
    [{ kind: 'set-status', member: { documentId: 'north-desk-1', eventId: 'ev99' }, status: 'false' }, 404],
    [{ kind: 'set-status', member: { documentId: 'north-desk-1', eventId: 'ev1' }, status: 'fake' }, 400],
    [{ kind: 'set-status', member: 'north-desk-1:ev1', status: 'false' }, 400],
    [{ kind: 'merge', members: [{ documentId: 'north-desk-1', eventId: 'ev1' }] }, 400],
    [{ kind: 'rate-claim', claim: { documentId: 'north-desk-1', claimId: 'c9' }, rating: 2 }, 404],
    [{ kind: 'rate-claim', claim: { documentId: 'north-desk-1', claimId: 'c1' }, rating: 7 }, 400],
    [{ kind: 'delete-everything' }, 400],
  ])('refuses the review %j with %i and writes nothing', async (decision, expected) => {
    const before = (await store.stats()).auditEntries;
    const { status, body } = await post('/api/review', decision);
    expect(status).toBe(expected);
    expect(body).toHaveProperty('error.code');
    expect((await store.stats()).auditEntries).toBe(before);
  });

  it('lets the admin retract a document and restore it, keeping its words and auditing both', async () => {
    const patch = (status: string) =>
      app.request('/api/documents/river-post-2', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ status, note: 'outlet withdrew the story' }),
      });
    expect((await (await patch('retracted')).json()) as { status: string }).toMatchObject({
      status: 'retracted',
    });
    expect((await get('/api/documents/river-post-2/text')).body.text).toBe(DESK_REPORTS[1].text);
    expect((await patch('deleted')).status).toBe(400);
    expect((await (await patch('active')).json()) as { status: string }).toMatchObject({ status: 'active' });
    const audit = (await get('/api/audit?action=document.status')).body.items as {
      before: unknown;
      after: unknown;
    }[];
    expect(audit.map((e) => [e.before, e.after])).toEqual([
      [{ status: 'active' }, { status: 'retracted' }],
      [{ status: 'retracted' }, { status: 'active' }],
    ]);
  });

  it('answers the ledger endpoints with 503 when started without the ledger builder', async () => {
    const { status, body } = await get('/api/events');
    expect(status).toBe(503);
    expect(body).toMatchObject({ error: { code: 'unavailable' } });
  });

  it('lets the admin import a report, read by the reader and audited', async () => {
    const text = 'Rocket fire hits Sderot\n\nA rocket hit a house in Sderot on Friday, police said.';
    const created = await post('/api/documents', { id: 'south-wire-4', text, date: '2024-03-09' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'new', documentId: 'south-wire-4' });
    const again = await post('/api/documents', { id: 'south-wire-4', text, date: '2024-03-09' });
    expect(again.body).toMatchObject({ status: 'duplicate' });
    expect((await get('/api/documents/south-wire-4')).body.document).toMatchObject({
      title: 'Rocket fire hits Sderot',
    });
    const audit = (await get('/api/audit?action=import.document')).body.items as { subject: string }[];
    expect(audit.map((e) => e.subject)).toEqual(['document:south-wire-4', 'document:south-wire-4']);
  });
});
