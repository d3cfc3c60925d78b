import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.js';
import { loadLedger } from '../../src/corroborate/load-ledger.js';
import { addImageEvidence } from '../../src/evidence/images/add-image-evidence.js';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/store.js';
import type { ImageFinding } from '../../src/types/evidence.js';
import { makeSigningIdentity, signJpeg } from '../evidence/images-c2pa-signing.js';
import { measurementLedger } from '../evidence/measure/measurement-ledger.js';

/** The desk's image options: the C2PA trust list, the upload cap, and re-use seen when evidence is read. */
let store: Store;
let dispose: () => Promise<void>;
const clock = () => new Date('2024-03-07T09:00:00.000Z');

beforeAll(async () => {
  ({ store, dispose } = await measurementLedger(clock));
}, 60_000);
afterAll(async () => dispose());

type App = ReturnType<typeof createApp>;
const deskWith = async (evidence: Parameters<typeof createApp>[0]['evidence'], maxBodyBytes?: number) => {
  const app = createApp({
    store,
    auth: { mode: 'local' },
    loadLedger,
    clock,
    ...(evidence === undefined ? {} : { evidence }),
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
  });
  const csrf = ((await (await app.request('/api/session')).json()) as { csrfToken: string }).csrfToken;
  return { app, csrf };
};
const upload = async (
  desk: { app: App; csrf: string },
  query: string,
  bytes: Uint8Array,
  type = 'image/jpeg',
) => {
  const res = await desk.app.request(`/api/evidence/images?${query}`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-csrf-token': desk.csrf },
    body: bytes,
  });
  const type_ = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    body: (type_.includes('json') ? await res.json() : null) as {
      item?: { id: string; finding: ImageFinding };
      error?: { code: string };
    },
  };
};

/** A picture we draw: stripes and a block, as JPEG. */
async function drawnJpeg(seed: number, width = 96, height = 64): Promise<Uint8Array> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let ch = 0; ch < 3; ch++)
        pixels[(y * width + x) * 3 + ch] =
          (Math.floor((x + seed * 7) / 12) % 2) * 150 +
          (y > height / 2 && x < width / 3 ? 90 : 40) +
          ch * seed;
  return new Uint8Array(
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
}

/** A picture of noise, which no image codec can make small. */
async function noisePng(width: number, height: number): Promise<Uint8Array> {
  const pixels = randomBytes(width * height * 3);
  return new Uint8Array(
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .png({ compressionLevel: 1 })
      .toBuffer(),
  );
}

/** A picture unlike the striped ones: a bright disc off centre on a dark diagonal gradient. */
async function discJpeg(): Promise<Uint8Array> {
  const [width, height] = [120, 80];
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const inDisc = (x - 80) ** 2 + (y - 30) ** 2 < 22 ** 2;
      pixels.fill(inDisc ? 235 : Math.round((x + y) / 2), (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  return new Uint8Array(
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
}

describe('the desk trusts C2PA signers that chain to its trust list', () => {
  it.each([
    ['a desk given the root as its trust list', true, true],
    ['a desk with no trust list', false, false],
  ])(
    '%s: trusted is %s',
    async (_, withList, trusted) => {
      const identity = await makeSigningIdentity('Corroborate Test Root', 'North Wire Photo');
      const signed = await signJpeg(await drawnJpeg(withList ? 1 : 2), identity, 'NorthWireCam');
      const desk = await deskWith(withList ? { trustList: [identity.rootPem] } : undefined);
      const { status, body } = await upload(desk, 'document=north-wire-9', signed);
      expect(status).toBe(201);
      expect(body.item?.finding.c2pa).toMatchObject({ status: 'present-valid', trusted });
    },
    30_000,
  );
});

describe('image uploads have their own size cap', () => {
  it.each([
    ['a 3 MiB picture passes the default 25 MiB cap (the desk body limit is 2 MiB)', undefined, 201],
    ['the same picture is refused over a 1 MiB image cap', 1024 * 1024, 413],
  ])(
    '%s',
    async (_, maxImageBytes, status) => {
      const bytes = await noisePng(1100, 1000);
      expect(bytes.byteLength).toBeGreaterThan(3 * 1024 * 1024);
      const desk = await deskWith(maxImageBytes === undefined ? {} : { maxImageBytes });
      const res = await upload(desk, 'document=north-wire-9', bytes, 'image/png');
      expect(res.status).toBe(status);
      if (status === 413) expect(res.body.error?.code).toBe('payload_too_large');
    },
    60_000,
  );

  it('keeps the 2 MiB body limit for other writes', async () => {
    const desk = await deskWith({}, 1024);
    const res = await desk.app.request('/api/evidence/measurements', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': desk.csrf },
      body: JSON.stringify({ geojson: { type: 'Polygon', coordinates: [] }, note: 'x'.repeat(2000) }),
    });
    expect(res.status).toBe(413);
  });
});

describe('an earlier report ingested after the image was added still shows as its earliest appearance', () => {
  it('adds the picture to report B (2024-03-05), ingests report A (2024-02-20) with it: B shows A first', async () => {
    const put = (id: string, date: string) =>
      store.putDocument({
        record: analyzeText(
          `Smoke over the port\n\nA fire broke out at the port on ${date}, a witness said.`,
          {
            id,
            date,
          },
        ),
      });
    await put('south-desk-b', '2024-03-05');
    const picture = await discJpeg();
    const desk = await deskWith({});
    const added = await upload(desk, 'document=south-desk-b', picture);
    expect(added.status).toBe(201);
    expect(added.body.item?.finding.reuse).toEqual([]);
    const id = added.body.item?.id as string;

    // report A arrives later through ingest (another path than the desk), dated earlier
    await put('east-wire-a', '2024-02-20');
    const ingested = await addImageEvidence(store, picture, {
      subjects: [{ kind: 'document', id: 'east-wire-a' }],
      addedBy: 'ingest',
      sourceUrl: 'https://east-wire.example/port.jpg',
      publishedDate: '2024-02-20',
    });
    expect(ingested.status).toBe('new');

    const shown = (await (await desk.app.request(`/api/evidence/${id}`)).json()) as { finding: ImageFinding };
    expect(shown.finding.reuse.map((r) => [r.documentId, r.date.slice(0, 10), r.sameBytes])).toEqual([
      ['east-wire-a', '2024-02-20', true],
    ]);
    // the stored item is unchanged: re-use is worked out when it is read
    const stored = await store.getEvidence(id);
    expect(stored?.finding.kind === 'image' && stored.finding.reuse).toEqual([]);

    // a picture added to the desk afterwards is found by the kept index, without a rebuild in between
    await put('south-desk-c', '2024-03-06');
    const later = await upload(desk, 'document=south-desk-c', picture);
    expect(later.body.item?.finding.reuse.map((r) => r.documentId)).toEqual(['east-wire-a', 'south-desk-b']);
  }, 60_000);
});
