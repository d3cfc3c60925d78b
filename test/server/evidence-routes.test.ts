import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/corroborate/load-ledger.js';
import { createApp } from '../../src/server/app.js';
import { evidenceOfEvent } from '../../src/server/evidence-routes.js';
import { hashPassword } from '../../src/server/passwords.js';
import type { Store } from '../../src/store/store.js';
import { HARIR_REPORT, measurementLedger, square } from '../evidence/measure/measurement-ledger.js';

/** The evidence API over a ledger holding a report that states an area and a share. */
let store: Store;
let dispose: () => Promise<void>;
let local: ReturnType<typeof createApp>;
let team: ReturnType<typeof createApp>;
let csrf: string;
let eventId: string;
const clock = () => new Date('2024-03-07T09:00:00.000Z');
const AREA_CLAIM = `${HARIR_REPORT.id}:c2`;
const HANGARS = square(44.3601, 36.5402, Math.sqrt(1300));
const BASE = square(44.355, 36.535, Math.sqrt(2700));

// the first read of the embedded gazetteer may compile its index
beforeAll(async () => {
  ({ store, dispose } = await measurementLedger(clock));
  local = createApp({ store, auth: { mode: 'local' }, loadLedger, clock });
  csrf = ((await (await local.request('/api/session')).json()) as { csrfToken: string }).csrfToken;
  const ledger = await loadLedger(store);
  eventId = ledger.events.find((e) => e.members.some((m) => m.documentId === HARIR_REPORT.id))?.id as string;
  await store.accounts.putUser({
    name: 'vera',
    role: 'viewer',
    passwordHash: await hashPassword('viewer-pass-1', { N: 1024, r: 8, p: 1 }),
  });
  await store.accounts.putUser({
    name: 'anwar',
    role: 'analyst',
    passwordHash: await hashPassword('analyst-pass-2', { N: 1024, r: 8, p: 1 }),
  });
  team = createApp({ store, auth: { mode: 'accounts' }, loadLedger, clock });
}, 60_000);
afterAll(async () => dispose());

const send = async (
  app: ReturnType<typeof createApp>,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  const raw = body instanceof Uint8Array;
  const res = await app.request(path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': raw ? 'image/png' : 'application/json' }),
      ...headers,
    },
    ...(body === undefined
      ? {}
      : { body: raw ? body : typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    body: (type.includes('json') ? await res.json() : null) as Record<string, unknown> & {
      item?: { id: string; finding: Record<string, unknown> };
      items?: { id: string; finding: Record<string, unknown> }[];
      error?: { code: string; message: string };
    },
    res,
  };
};
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  send(local, 'POST', path, body, { 'x-csrf-token': csrf, ...headers });

/** A small PNG we draw: a grey square with a darker block. */
async function drawnPng(): Promise<Uint8Array> {
  const pixels = Buffer.alloc(64 * 64 * 3, 160);
  for (let i = 0; i < 20 * 64 * 3; i++) pixels[i] = 40;
  return new Uint8Array(
    await sharp(pixels, { raw: { width: 64, height: 64, channels: 3 } })
      .png()
      .toBuffer(),
  );
}

describe('measurements through the API', () => {
  it('lists what the event claims to measure against: the areas in m² and the share', async () => {
    const { status, body } = await send(
      local,
      'GET',
      `/api/events/${encodeURIComponent(eventId)}/measurable-claims`,
    );
    expect(status).toBe(200);
    const items = body.items as unknown as {
      kind: string;
      text: string;
      m2: number | null;
      share: number | null;
    }[];
    expect(items.map((i) => [i.kind, i.text])).toEqual(
      expect.arrayContaining([
        ['area', '13,700 square feet'],
        ['area', '1,300 square meters'],
        ['share', '50 percent'],
      ]),
    );
    expect(items.find((i) => i.text === '13,700 square feet')?.m2).toBeCloseTo(1272.77, 1);
  });

  it('measures a drawn outline on the event, compares it with the claims, and keeps it', async () => {
    const { status, body } = await post('/api/evidence/measurements', {
      geojson: HANGARS,
      event: eventId,
      label: 'damaged structures',
    });
    expect(status).toBe(201);
    const finding = body.item?.finding as {
      areaM2: number;
      checks: { claimed: { text: string }; verdict: string }[];
    };
    expect(finding.areaM2).toBeCloseTo(1300, -1);
    expect(finding.checks.map((c) => [c.claimed.text, c.verdict])).toEqual(
      expect.arrayContaining([
        ['13,700 square feet', 'agrees'],
        ['1,300 square meters', 'agrees'],
        ['50 percent', 'not-comparable'],
      ]),
    );
    const again = await post('/api/evidence/measurements', {
      geojson: HANGARS,
      event: eventId,
      label: 'damaged structures',
    });
    expect(again.status).toBe(200);
    expect(again.body.item?.id).toBe(body.item?.id);
    const one = await send(local, 'GET', `/api/evidence/${body.item?.id}`);
    expect(one.body.id).toBe(body.item?.id);
    const audit = await send(local, 'GET', '/api/audit?action=evidence.add');
    expect((audit.body.items as unknown[]).length).toBeGreaterThan(0);
  });

  it('compares the damaged share with the base once its outline is kept as the facility', async () => {
    await post('/api/evidence/measurements', { geojson: BASE, event: eventId, label: 'facility outline' });
    const { body } = await post('/api/evidence/measurements', {
      geojson: square(44.361, 36.541, Math.sqrt(1400)),
      event: eventId,
      label: 'damaged structures',
    });
    const finding = body.item?.finding as
      | { checks: { claimed: { text: string }; verdict: string; measured: { share: number } }[] }
      | undefined;
    const checks = finding?.checks ?? [];
    const share = checks.find((c) => c.claimed.text === '50 percent');
    expect(share?.measured.share).toBeCloseTo(1400 / 2700, 2);
    expect(share?.verdict).toBe('agrees');
  });

  it('lists the evidence of the event and of a claim', async () => {
    const event = await send(local, 'GET', `/api/events/${encodeURIComponent(eventId)}/evidence`);
    expect(event.status).toBe(200);
    expect(event.body.total).toBe(3);
    // one clock for the whole test: equal times fall back to the id order
    expect(event.body.items?.map((i) => i.finding.label).sort()).toEqual([
      'damaged structures',
      'damaged structures',
      'facility outline',
    ]);
    const claim = await send(local, 'GET', `/api/claims/${encodeURIComponent(AREA_CLAIM)}/evidence`);
    expect(claim.body).toMatchObject({ total: 0, items: [] });
  });

  it('finds the same evidence of an event whether its claims are asked for one by one or all at once', async () => {
    const onClaim = await post('/api/evidence/measurements', { geojson: HANGARS, claim: AREA_CLAIM });
    expect(onClaim.status).toBe(201);
    const event = (await loadLedger(store)).events.find((e) => e.id === eventId);
    if (event === undefined) throw new Error('the Harir event is gone');
    const oneByOne = await evidenceOfEvent(store, event, Number.POSITIVE_INFINITY);
    const atOnce = await evidenceOfEvent(store, event, 0);
    expect(atOnce).toEqual(oneByOne);
    // The event's own three and the one on its claim.
    expect(oneByOne).toHaveLength(4);
    expect(oneByOne.filter((item) => item.subjects.some((s) => s.kind === 'claim'))).toHaveLength(1);
  });

  it.each([
    ['no outline', { event: 'x' }, 400, /"geojson"/],
    ['no subject', { geojson: HANGARS }, 400, /name the "event" or "claim"/],
    [
      'an open ring',
      { geojson: { type: 'Polygon', coordinates: [HANGARS.coordinates[0]?.slice(0, 4)] } },
      400,
      /not closed/,
    ],
    ['a point', { geojson: { type: 'Point', coordinates: [44, 36] } }, 400, /Point has no area/],
    ['a tolerance of 150 %', { geojson: HANGARS, tolerance: 1.5 }, 400, /"tolerance"/],
    ['an unknown event', { geojson: HANGARS, event: 'nowhere:ev9' }, 404, /no ledger event "nowhere:ev9"/],
    ['an unknown claim', { geojson: HANGARS, claim: `${HARIR_REPORT.id}:c77` }, 404, /no claim/],
  ])('refuses %s', async (_name, body, status, message) => {
    const withEvent =
      'event' in body || 'claim' in body || !('geojson' in body) ? body : { ...body, event: eventId };
    const res = await post('/api/evidence/measurements', _name === 'no subject' ? body : withEvent);
    expect(res.status).toBe(status);
    expect(res.body.error?.message).toMatch(message);
  });

  it('refuses a write without the CSRF token, and a form-encoded body', async () => {
    const noToken = await send(local, 'POST', '/api/evidence/measurements', {
      geojson: HANGARS,
      event: eventId,
    });
    expect(noToken.status).toBe(403);
    const form = await post('/api/evidence/measurements', 'geojson=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });
});

describe('images through the API', () => {
  it('adds an image to the event and serves its metadata, C2PA status and bytes', async () => {
    const png = await drawnPng();
    const { status, body } = await post(
      `/api/evidence/images?event=${encodeURIComponent(eventId)}&sourceUrl=${encodeURIComponent('https://north-wire.example/harir.png')}`,
      png,
    );
    expect(status).toBe(201);
    const finding = body.item?.finding as {
      mediaType: string;
      width: number;
      c2pa: { status: string; caveat: string };
    };
    expect(finding).toMatchObject({ mediaType: 'image/png', width: 64 });
    expect(finding.c2pa.status).toBe('absent');
    expect(finding.c2pa.caveat).toMatch(/absence proves nothing/i);
    const image = await local.request(`/api/evidence/${body.item?.id}/image`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(png);
  });

  it.each([
    [
      'HTML sent as a PNG',
      new TextEncoder().encode('<html><script>alert(1)</script></html>'),
      'image/png',
      400,
    ],
    ['a multipart form', new TextEncoder().encode('--x\r\n'), 'multipart/form-data; boundary=x', 415],
  ])('refuses %s', async (_name, bytes, type, status) => {
    const res = await post(`/api/evidence/images?event=${encodeURIComponent(eventId)}`, bytes, {
      'content-type': type,
    });
    expect(res.status).toBe(status);
  });

  it('refuses an image over the image upload cap with 413', async () => {
    const small = createApp({
      store,
      auth: { mode: 'local' },
      loadLedger,
      clock,
      evidence: { maxImageBytes: 64 },
    });
    const token = ((await (await small.request('/api/session')).json()) as { csrfToken: string }).csrfToken;
    const res = await send(
      small,
      'POST',
      `/api/evidence/images?event=${encodeURIComponent(eventId)}`,
      await drawnPng(),
      {
        'x-csrf-token': token,
      },
    );
    expect(res.status).toBe(413);
  });

  it('answers 404 for a measurement asked for as an image, 400 for a malformed id', async () => {
    const list = await send(local, 'GET', `/api/events/${encodeURIComponent(eventId)}/evidence`);
    const measurement = list.body.items?.find((i) => i.finding.kind === 'measurement');
    expect((await local.request(`/api/evidence/${measurement?.id}/image`)).status).toBe(404);
    expect((await local.request('/api/evidence/not-an-id')).status).toBe(400);
  });
});

describe('roles on a team desk', () => {
  const login = async (name: string, password: string) => {
    const res = await send(team, 'POST', '/api/session', { name, password });
    return {
      cookie: (res.res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: res.body.csrfToken as string,
    };
  };

  it('lets a viewer read evidence but not add any; an analyst adds', async () => {
    const vera = await login('vera', 'viewer-pass-1');
    const read = await send(team, 'GET', `/api/events/${encodeURIComponent(eventId)}/evidence`, undefined, {
      cookie: vera.cookie,
    });
    expect(read.status).toBe(200);
    const write = await send(
      team,
      'POST',
      '/api/evidence/measurements',
      { geojson: HANGARS, event: eventId },
      {
        cookie: vera.cookie,
        'x-csrf-token': vera.csrf,
      },
    );
    expect(write.status).toBe(403);
    const anwar = await login('anwar', 'analyst-pass-2');
    const added = await send(
      team,
      'POST',
      '/api/evidence/measurements',
      { geojson: square(44.37, 36.55, 20), event: eventId },
      { cookie: anwar.cookie, 'x-csrf-token': anwar.csrf },
    );
    expect(added.status).toBe(201);
    expect(added.body.item).toMatchObject({ addedBy: 'anwar' });
    expect((await send(team, 'GET', `/api/evidence/${added.body.item?.id}`)).status).toBe(401);
  });
});
