import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runGazetteerCommand } from '../../src/cli/gazetteer-command.js';
import { addLocalStore, Gazetteer } from '../../src/geo/gazetteer.js';
import { geonamesRow, userPlaces } from '../../src/geo/import-places.js';

// Made-up GeoNames rows (19 tab-separated fields) for places that do not exist.
const ROWS = [
  [
    '9000001',
    'Qaryat Zubar',
    'Qaryat Zubar',
    'Zubar,Qaryat az Zubar',
    '35.5',
    '43.25',
    'P',
    'PPL',
    'IQ',
    '',
    '15',
    '',
    '',
    '',
    '1200',
    '',
    '300',
    'Asia/Baghdad',
    '2020-01-01',
  ],
  [
    '9000002',
    'Zubar Air Base',
    'Zubar Air Base',
    '',
    '35.6',
    '43.3',
    'S',
    'AIRB',
    'IQ',
    '',
    '15',
    '',
    '',
    '',
    '0',
    '',
    '310',
    'Asia/Baghdad',
    '2020-01-01',
  ],
  [
    '9000003',
    'Zubar Farm',
    'Zubar Farm',
    '',
    '35.7',
    '43.4',
    'S',
    'FRM',
    'IQ',
    '',
    '15',
    '',
    '',
    '',
    '0',
    '',
    '310',
    'Asia/Baghdad',
    '2020-01-01',
  ],
].map((r) => r.join('\t'));

/** A one-member zip written by hand (deflate), enough for the reader's central-directory walk. */
function zipOf(name: string, data: Buffer): Buffer {
  const body = deflateRawSync(data);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + n.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, body, central, n, end]);
}

describe('GeoNames rows', () => {
  it.each([
    [ROWS[0]!, 'city'],
    [ROWS[1]!, 'facility'],
    [ROWS[2]!, null],
    ['not\ta\trow', null],
  ])('%#: kind %s', (line, kind) => {
    expect(geonamesRow(line)?.kind ?? null).toBe(kind);
  });
});

describe('user places', () => {
  it.each([
    [{ type: 'Point', coordinates: [44.3, 36.5] }, 36.5],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [44, 36],
            [45, 36],
            [45, 37],
            [44, 37],
          ],
        ],
      },
      36.5,
    ],
  ])('a %s gives a point', (geometry, lat) => {
    const [row] = userPlaces({
      type: 'Feature',
      geometry,
      properties: { name: 'Zubar Depot', aliases: ['the depot'] },
    });
    expect(row?.lat).toBeCloseTo(lat);
    expect(row?.kind).toBe('facility');
  });

  it('skips features without a name or coordinates', () => {
    expect(
      userPlaces({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', geometry: null, properties: {} }],
      }),
    ).toEqual([]);
  });
});

describe('corroborate gazetteer import', () => {
  it.each([['txt'], ['zip']])('imports a GeoNames dump (.%s) into the local store', async (ext) => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-gaz-'));
    const data = Buffer.from(`${ROWS.join('\n')}\n`);
    const file = join(dir, `XX.${ext}`);
    writeFileSync(file, ext === 'zip' ? zipOf('XX.txt', data) : data);
    const store = join(dir, 'store.jsonl.gz');
    const lines: string[] = [];
    expect(await runGazetteerCommand(['import', file, '--store', store], (l) => lines.push(l))).toBe(0);
    const g = new Gazetteer('t');
    expect(addLocalStore(g, readFileSync(store))).toBe(2);
    expect(g.lookup('Qaryat az Zubar')[0]?.name).toBe('Qaryat Zubar');
  });

  it('adds user places beside imported ones and replaces by id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-gaz-'));
    const store = join(dir, 'store.jsonl.gz');
    const geo = join(dir, 'places.geojson');
    const feature = (lat: number) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [44.2, lat] },
      properties: { name: 'Zubar Depot' },
    });
    writeFileSync(geo, JSON.stringify({ type: 'FeatureCollection', features: [feature(36.1)] }));
    expect(await runGazetteerCommand(['import', geo, '--store', store], () => {})).toBe(0);
    writeFileSync(geo, JSON.stringify({ type: 'FeatureCollection', features: [feature(36.3)] }));
    expect(await runGazetteerCommand(['import', geo, '--store', store], () => {})).toBe(0);
    const g = new Gazetteer('t');
    expect(addLocalStore(g, readFileSync(store))).toBe(1);
    expect(g.lookup('Zubar Depot')[0]?.lat).toBeCloseTo(36.3);
  });

  it.each([[[]], [['import']], [['frobnicate', 'x']]])(
    'answers usage errors with exit code 2: %j',
    async (argv) => {
      expect(await runGazetteerCommand(argv, () => {})).toBe(2);
    },
  );

  it('fails cleanly on a file that is not a zip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-gaz-'));
    const bad = join(dir, 'bad.zip');
    writeFileSync(bad, 'not a zip');
    expect(await runGazetteerCommand(['import', bad, '--store', join(dir, 's.gz')], () => {})).toBe(1);
  });
});

describe('user places in the reader', () => {
  it('an analyst-added facility resolves exactly instead of near its town', async () => {
    const { placesStage } = await import('../../src/geo/places.js');
    const g = new Gazetteer('t');
    for (const row of userPlaces({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [44.33, 36.55] },
      properties: { name: 'Zubar Air Base', aliases: ['Zubar base'], country: 'IQ' },
    }))
      g.add(row);
    const out = placesStage.run(
      { id: 't', text: 'Drones hit the Zubar base overnight.', source: {} as never, referenceDate: null },
      { referenceDate: null, gazetteer: g },
    );
    const p = out.places?.[0];
    expect(p?.resolvedName).toBe('Zubar Air Base');
    expect(p?.precision).toBe('exact');
  });
});
