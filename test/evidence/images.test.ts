import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateImage, IMAGE_TRANSFORMS, type ImageKind, seededRandom } from '../../bench/image-set.js';
import { addImageEvidence } from '../../src/evidence/images/add-image-evidence.js';
import { C2PA_CAVEAT, readC2pa } from '../../src/evidence/images/c2pa-status.js';
import { examineImage } from '../../src/evidence/images/examine-image.js';
import {
  hammingDistance,
  perceptualHashes,
  perceptualHashOfSquare,
  withoutBorders,
} from '../../src/evidence/images/perceptual-hash.js';
import {
  DEFAULT_REUSE_THRESHOLD,
  earlierAppearances,
  type ImageAppearance,
  ImageReuseIndex,
} from '../../src/evidence/images/reuse-index.js';
import { sniffImageType } from '../../src/evidence/images/sniff-image-type.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { ledgerRecord } from '../store/ledger-record.js';
import { makeSigningIdentity, signJpeg } from './images-c2pa-signing.js';

const tempRoot = mkdtempSync(join(tmpdir(), 'corroborate-images-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

/** A photo-like JPEG with EXIF and XMP written the way cameras and editors write them. */
async function photoWithMetadata(): Promise<Buffer> {
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
 xmp:CreatorTool="Adobe Photoshop 25.0" xmp:ModifyDate="2024-02-28T09:12:00+03:00" photoshop:Credit="North Desk">
<dc:creator><rdf:Seq><rdf:li>Lina Haddad</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Smoke over the Harir base</rdf:li></rdf:Alt></dc:description>
<xmpMM:History><rdf:Seq><rdf:li stEvt:action="saved" stEvt:when="2024-02-28T09:12:00+03:00" stEvt:softwareAgent="Adobe Photoshop 25.0" stEvt:changed="/"/></rdf:Seq></xmpMM:History>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  return sharp(await generateImage('noise', 3))
    .withExif({
      IFD0: { Make: 'Canon', Model: 'EOS R6', Software: 'Firmware 1.8', DateTime: '2024:02:28 09:12:00' },
      IFD2: { DateTimeOriginal: '2024:02:27 21:14:03', OffsetTimeOriginal: '+03:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '36/1 32/1 2400/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '44/1 21/1 0/1',
      },
    })
    .withXmp(xmp)
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A PNG whose header declares `width` × `height` pixels over a tiny body: a decompression bomb's shape. */
async function pngDeclaring(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  // Fix the IHDR chunk's CRC so the header itself is well-formed.
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('what an image is, from its bytes', () => {
  const cases: [string, number[], string | null][] = [
    ['a JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'image/jpeg'],
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'image/png'],
    ['a GIF', [...Buffer.from('GIF89a')], 'image/gif'],
    ['a WebP', [...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WEBPVP8 ')], 'image/webp'],
    ['an AVIF', [0, 0, 0, 0x1c, ...Buffer.from('ftypavif')], 'image/avif'],
    ['a HEIC', [0, 0, 0, 0x18, ...Buffer.from('ftypheic')], 'image/heic'],
    ['an MP4 video', [0, 0, 0, 0x18, ...Buffer.from('ftypisom')], null],
    ['HTML saved as photo.jpg', [...Buffer.from('<!doctype html><html>')], null],
    ['a PDF', [...Buffer.from('%PDF-1.7')], null],
    ['two bytes', [0xff, 0xd8], null],
  ];
  it.each(cases.map(([name, bytes, expected]) => ({ name, bytes, expected })))(
    '$name → $expected',
    ({ bytes, expected }) => {
      expect(sniffImageType(new Uint8Array(bytes))).toBe(expected);
    },
  );
});

describe('perceptual hash', () => {
  const distances: [string, string, number][] = [
    ['0000000000000000', '0000000000000000', 0],
    ['ffff000000000000', 'fff0000000000001', 5],
    ['ffffffffffffffff', '0000000000000000', 64],
    ['8000000000000001', '0000000000000000', 2],
  ];
  it.each(distances)('%s and %s differ in %i bits', (a, b, d) => {
    expect(hammingDistance(a, b)).toBe(d);
  });

  it('hashes a flat square to all zeros, and a picture and its negative to opposite bits', () => {
    expect(perceptualHashOfSquare(new Uint8Array(32 * 32).fill(128))).toBe('0000000000000000');
    const random = seededRandom(9);
    const picture = new Uint8Array(32 * 32).map(() => Math.floor(random() * 256));
    const negative = picture.map((v) => 255 - v);
    expect(hammingDistance(perceptualHashOfSquare(picture), perceptualHashOfSquare(negative))).toBe(64);
  });

  /** A 100×80 grey raster: a textured picture inside the given frame widths (top, right, bottom, left). */
  const framed = (top: number, right: number, bottom: number, left: number, level = 0) => {
    const random = seededRandom(3);
    const data = new Uint8Array(100 * 80).map((_, i) => {
      const x = i % 100;
      const y = Math.floor(i / 100);
      return y < top || y >= 80 - bottom || x < left || x >= 100 - right
        ? level
        : 40 + Math.floor(random() * 180);
    });
    return { data, width: 100, height: 80 };
  };
  const borders: [string, ReturnType<typeof framed>, ReturnType<typeof withoutBorders>][] = [
    ['no frame', framed(0, 0, 0, 0), { left: 0, top: 0, width: 100, height: 80 }],
    ['letterbox bars', framed(8, 0, 8, 0), { left: 0, top: 10, width: 100, height: 60 }],
    ['a white frame', framed(5, 5, 5, 5, 255), { left: 7, top: 7, width: 86, height: 66 }],
    [
      'a frame wider than a quarter: cut at the quarter',
      framed(30, 0, 0, 0),
      { left: 0, top: 22, width: 100, height: 58 },
    ],
  ];
  it.each(borders)('finds the picture inside %s', (_name, grey, expected) => {
    expect(withoutBorders(grey)).toEqual(expected);
  });

  // The bench measures recall over all transformations; here one picture of each kind must
  // survive the edits a re-publisher makes and stay far from the other pictures.
  const kinds: ImageKind[] = ['shapes', 'noise', 'text'];
  it.each(kinds)(
    'a %s picture survives re-compression, resizing, crops, borders and brightness',
    async (kind) => {
      const original = await generateImage(kind, 11);
      const index = new ImageReuseIndex();
      const hashes = await perceptualHashes(original);
      index.add({ ...appearance('original', hashes.perceptualHash), cropHashes: hashes.cropHashes });
      const missed: string[] = [];
      for (const transform of IMAGE_TRANSFORMS) {
        const copy = await perceptualHashes(await transform.apply(original));
        if (index.near([copy.perceptualHash, ...copy.cropHashes]).length === 0) missed.push(transform.name);
      }
      expect(missed).toEqual([]);
      const other = await perceptualHashes(await generateImage(kind, 12));
      expect(index.near([other.perceptualHash, ...other.cropHashes])).toEqual([]);
    },
    30_000,
  );
});

function appearance(
  evidenceId: string,
  perceptualHash: string,
  fields: Partial<ImageAppearance> = {},
): ImageAppearance {
  return {
    evidenceId,
    sha256: `sha-${evidenceId}`,
    perceptualHash,
    documentId: null,
    url: null,
    date: '2024-01-01',
    dateSource: 'added',
    ...fields,
  };
}

describe('re-use index', () => {
  const hex = (random: () => number) =>
    Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join('');
  const flip = (hash: string, bits: readonly number[]) => {
    let value = BigInt(`0x${hash}`);
    for (const bit of bits) value ^= 1n << BigInt(bit);
    return value.toString(16).padStart(16, '0');
  };

  it('finds every hash within the threshold, exactly like a full scan', () => {
    const random = seededRandom(5);
    const index = new ImageReuseIndex();
    const stored: string[] = [];
    for (let i = 0; i < 3000; i += 1) {
      const h = hex(random);
      stored.push(h);
      index.add(appearance(`ev:${i}`, h));
    }
    for (let q = 0; q < 60; q += 1) {
      const base = stored[q * 37] as string;
      // 0 to 12 bits flipped anywhere: the pigeonhole bound must hold wherever they fall.
      const bits = Array.from({ length: q % 13 }, () => Math.floor(random() * 64));
      const query = flip(base, bits);
      const near = index.near(query).map((m) => [m.appearance.evidenceId, m.distance]);
      const scan = index.scan(query).map((m) => [m.appearance.evidenceId, m.distance]);
      expect(near).toEqual(scan);
      if (new Set(bits).size <= DEFAULT_REUSE_THRESHOLD)
        expect(near.map(([id]) => id)).toContain(`ev:${q * 37}`);
    }
  });

  it("lists earlier appearances elsewhere, earliest first, and leaves out the image's own document", () => {
    const index = new ImageReuseIndex();
    index.add(
      appearance('ev:later', 'ffff0000ffff0000', {
        documentId: 'west-3',
        date: '2024-02-01',
        dateSource: 'published',
      }),
    );
    index.add(
      appearance('ev:first', 'ffff0000ffff0003', {
        documentId: 'east-1',
        date: '2023-11-02',
        dateSource: 'published',
      }),
    );
    index.add(appearance('ev:own', 'ffff0000ffff0000', { documentId: 'north-1', date: '2024-02-27' }));
    index.add(appearance('ev:other-picture', '0000ffff0000ffff', { documentId: 'south-2' }));
    const reuse = earlierAppearances(index, {
      perceptualHash: 'ffff0000ffff0001',
      sha256: 'sha-ev:later',
      documentIds: ['north-1'],
    });
    expect(reuse.map((r) => [r.evidenceId, r.date, r.distance, r.sameBytes])).toEqual([
      ['ev:first', '2023-11-02', 1, false],
      ['ev:later', '2024-02-01', 1, true],
    ]);
    // Published in January 2024, the picture cannot have appeared "before" in a February report.
    const january = earlierAppearances(index, {
      perceptualHash: 'ffff0000ffff0001',
      sha256: 'sha-new',
      documentIds: ['north-1'],
      date: '2024-01-15T09:00:00Z',
    });
    expect(january.map((r) => r.evidenceId)).toEqual(['ev:first']);
  });
});

describe('examining an image', () => {
  it('reads dimensions, type, hash and what the metadata says', async () => {
    const result = await examineImage(await photoWithMetadata());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { image } = result;
    expect([image.mediaType, image.width, image.height]).toEqual(['image/jpeg', 320, 240]);
    expect(image.perceptualHash).toMatch(/^[0-9a-f]{16}$/);
    expect(image.cropHashes).toHaveLength(5);
    expect(image.metadata).toMatchObject({
      captureTime: '2024-02-27T21:14:03+03:00',
      modifyTime: '2024-02-28T09:12:00',
      gps: { lat: 36.54, lon: 44.35, altitudeM: null },
      camera: { make: 'Canon', model: 'EOS R6' },
      software: 'Firmware 1.8',
      editHistory: ['saved by Adobe Photoshop 25.0 at 2024-02-28T09:12:00+03:00 (changed /)'],
      credit: { creator: 'Lina Haddad', credit: 'North Desk', caption: 'Smoke over the Harir base' },
      error: null,
    });
    expect(image.metadata.blocks).toEqual(expect.arrayContaining(['exif', 'gps', 'xmp']));
    expect(image.c2pa).toMatchObject({ status: 'absent', trusted: false, caveat: C2PA_CAVEAT });
  });

  it('reports the upright size of a photo taken sideways', async () => {
    const sideways = await sharp(await generateImage('shapes', 2))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const result = await examineImage(sideways);
    expect(result.ok && [result.image.width, result.image.height]).toEqual([240, 320]);
  });

  const bad: [string, () => Promise<Uint8Array>, string, RegExp][] = [
    [
      'HTML saved as photo.jpg',
      async () => Buffer.from('<html><body>Not found</body></html>'),
      'not-an-image',
      /no known image format/,
    ],
    ['an empty file', async () => new Uint8Array(0), 'not-an-image', /empty/],
    [
      'a JPEG cut off halfway',
      async () =>
        (
          await sharp(await generateImage('noise', 1))
            .jpeg()
            .toBuffer()
        ).subarray(0, 900),
      'corrupt',
      /could not be decoded|unreadable/,
    ],
    [
      'a PNG declaring 100,000 × 100,000 pixels',
      () => pngDeclaring(100_000, 100_000),
      'too-many-pixels',
      /100000 × 100000/,
    ],
    [
      'an SVG drawing',
      async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'unsupported',
      /vector/,
    ],
  ];
  it.each(bad)('refuses %s as data, without throwing', async (_name, make, problem, message) => {
    const result = await examineImage(await make());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toBe(problem);
    expect(result.message).toMatch(message);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a file over the size limit', async () => {
    const result = await examineImage(await generateImage('shapes', 1), { maxBytes: 100 });
    expect(result.ok ? null : result.problem).toBe('too-large');
  });
});

describe('C2PA manifests', () => {
  let signed: Uint8Array;
  let rootPem: string;
  let otherRootPem: string;
  beforeAll(async () => {
    const identity = await makeSigningIdentity('Test Photo Root', 'North Photo');
    rootPem = identity.rootPem;
    otherRootPem = (await makeSigningIdentity('Some Other Root', 'Someone')).rootPem;
    const jpeg = await sharp(await generateImage('shapes', 4))
      .jpeg({ quality: 85 })
      .toBuffer();
    signed = await signJpeg(jpeg, identity, 'CorroborateTestCam');
  });

  it('validates a signed image and trusts its signer only through the trust list', async () => {
    const cases: [string, string[], boolean][] = [
      ['no trust list', [], false],
      ['a list without its root', [otherRootPem], false],
      ['a list with its root', [otherRootPem, rootPem], true],
    ];
    for (const [, trustList, trusted] of cases) {
      const result = await examineImage(signed, { trustList });
      expect(result.ok && result.image.c2pa).toMatchObject({
        status: 'present-valid',
        signer: 'North Photo (North Photo Desk)',
        issuer: 'Test Photo Root',
        trusted,
        claimGenerator: 'CorroborateTestCam/2.1',
        actions: ['c2pa.created'],
        validationErrors: [],
        caveat: C2PA_CAVEAT,
      });
    }
  });

  it('says a manifest in a format it cannot read is unsupported, and a plain GIF has none', async () => {
    const gif = await sharp(await generateImage('shapes', 5))
      .gif()
      .toBuffer();
    expect((await readC2pa(gif, 'image/gif')).status).toBe('absent');
    const withBox = Buffer.concat([gif, Buffer.from('....jumb....c2pa....')]);
    expect(await readC2pa(withBox, 'image/gif')).toMatchObject({
      status: 'unsupported',
      validationErrors: ['C2PA manifests in image/gif cannot be read here'],
    });
  });

  it('finds a signed image whose pixels were changed after signing invalid', async () => {
    const tampered = new Uint8Array(signed);
    const at = tampered.length - 200;
    tampered[at] = (tampered[at] as number) ^ 0x55;
    const result = await examineImage(tampered, { trustList: [rootPem] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.image.c2pa.status).toBe('present-invalid');
    expect(result.image.c2pa.trusted).toBe(false);
    expect(result.image.c2pa.validationErrors.join(' ')).toMatch(/dataHash\.mismatch/);
  });
});

describe('image evidence in the ledger', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(join(tempRoot, 'ledger.sqlite'), {
      clock: () => new Date('2024-03-02T08:00:00Z'),
    });
    for (const [id, date] of [
      ['east-wire-1', '2023-11-02'],
      ['north-desk-1', '2024-02-28'],
    ] as const) {
      const record = ledgerRecord({ id, text: `A report from ${id}.`, url: `https://${id}.example/a` });
      await store.putDocument({
        record: { ...record, document: { ...record.document, publishedDate: date } },
      });
    }
  });
  afterAll(() => store.close());

  it('finds an "exclusive" photo that appeared earlier elsewhere, with its first appearance', async () => {
    const original = await sharp(await generateImage('shapes', 21))
      .jpeg({ quality: 92 })
      .toBuffer();
    const first = await addImageEvidence(store, original, {
      subjects: [{ kind: 'document', id: 'east-wire-1' }],
      addedBy: 'ingest',
      sourceUrl: 'https://east-wire-1.example/img/1.jpg',
    });
    expect(first.status).toBe('new');
    expect(
      first.status !== 'failed' && first.item.finding.kind === 'image' && first.item.finding.reuse,
    ).toEqual([]);

    // The "exclusive": the same picture, cropped, bordered and re-compressed months later.
    const exclusive = await sharp(original)
      .extract({ left: 0, top: 0, width: 300, height: 240 })
      .extend({ top: 12, bottom: 12, background: '#000' })
      .jpeg({ quality: 60 })
      .toBuffer();
    const added = await addImageEvidence(store, exclusive, {
      subjects: [
        { kind: 'claim', id: 'north-desk-1:c1' },
        { kind: 'document', id: 'north-desk-1' },
      ],
      addedBy: 'ana',
      sourceUrl: 'exclusive.jpg',
    });
    expect(added.status).toBe('new');
    if (added.status === 'failed' || added.item.finding.kind !== 'image') return;
    expect(added.item.finding.reuse).toMatchObject([
      {
        evidenceId: first.status === 'failed' ? '' : first.item.id,
        documentId: 'east-wire-1',
        url: 'https://east-wire-1.example/img/1.jpg',
        dateSource: 'published',
        sameBytes: false,
      },
    ]);
    expect(await store.getEvidence(added.item.id)).toEqual(added.item);
    expect((await store.getArchive(added.item.finding.sha256))?.mediaType).toBe('image/jpeg');
    expect(
      (await store.listEvidence({ subjectKind: 'claim', subjectId: 'north-desk-1:c1' })).map((e) => e.id),
    ).toEqual([added.item.id]);
    const audit = await store.auditLog();
    expect(audit.map((e) => [e.actor, e.action])).toEqual([
      ['ingest', 'evidence.add'],
      ['ana', 'evidence.add'],
    ]);

    const again = await addImageEvidence(store, exclusive, {
      subjects: [
        { kind: 'document', id: 'north-desk-1' },
        { kind: 'claim', id: 'north-desk-1:c1' },
      ],
      addedBy: 'ben',
      sourceUrl: 'exclusive.jpg',
    });
    expect(again.status === 'duplicate' && again.item.id).toBe(added.item.id);
  });

  it('records a bad file as a failure and stores nothing of it', async () => {
    const before = await store.stats();
    const result = await addImageEvidence(store, Buffer.from('GIF89a but truncated'), {
      subjects: [{ kind: 'event', id: 'north-desk-1:e1' }],
      addedBy: 'ana',
      sourceUrl: 'broken.gif',
    });
    expect(result).toMatchObject({ status: 'failed', problem: 'corrupt' });
    expect(await store.stats()).toEqual(before);
  });
});
