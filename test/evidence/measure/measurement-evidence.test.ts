import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  runEvidenceChangeCommand,
  runEvidenceMeasureCommand,
} from '../../../src/cli/evidence-measure-command.js';
import { loadLedger } from '../../../src/corroborate/load-ledger.js';
import { FACILITY_LABEL, measureAsEvidence } from '../../../src/evidence/measure/measurement-evidence.js';
import type { Store } from '../../../src/store/store.js';
import type { MeasurementFinding } from '../../../src/types/evidence.js';
import { geoTiff, type SceneGrid, scenePair } from './generated-geotiffs.js';
import { HARIR_REPORT, measurementLedger, square } from './measurement-ledger.js';

let store: Store;
let dir: string;
let db: string;
let dispose: () => Promise<void>;
// the first read of the embedded gazetteer may compile its index
beforeAll(async () => {
  ({ store, dir, db, dispose } = await measurementLedger());
}, 60_000);
afterAll(async () => dispose());

const AREA_CLAIM = `${HARIR_REPORT.id}:c2`; // "destroying 13,700 square feet, or 1,300 square meters"
const SHARE_CLAIM = `${HARIR_REPORT.id}:c3`; // "50 percent of the base was damaged"
const HANGARS = square(44.3601, 36.5402, Math.sqrt(1300));
const BASE = square(44.355, 36.535, Math.sqrt(2700));

const finding = (item: { finding: unknown }) => item.finding as MeasurementFinding;
const baseId = async () =>
  (await store.listEvidence({ kind: 'measurement' })).find(
    (i) => i.finding.kind === 'measurement' && i.finding.label === FACILITY_LABEL,
  )?.id;

describe('a measurement kept as evidence on the claims it tests', () => {
  it('measures the hangars against "13,700 square feet, or 1,300 square meters": both agree', async () => {
    const result = await measureAsEvidence(store, null, {
      geojson: HANGARS,
      subjects: [{ kind: 'claim', id: AREA_CLAIM }],
      addedBy: 'amira',
      label: 'damaged structures',
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.status).toBe('new');
    expect(result.item.id).toMatch(/^ev:[0-9a-f]{12}$/);
    expect(finding(result.item).areaM2).toBeCloseTo(1300, -1);
    expect(finding(result.item).checks.map((c) => [c.claimed.text, c.verdict])).toEqual([
      ['13,700 square feet', 'agrees'],
      ['1,300 square meters', 'agrees'],
    ]);
    const stored = await store.getEvidence(result.item.id);
    expect(stored).toEqual(result.item);
    const audit = await store.auditLog();
    expect(audit.at(-1)).toMatchObject({ action: 'evidence.add', actor: 'amira' });
  });

  it('stores the same outline on the same claim once', async () => {
    const again = await measureAsEvidence(store, null, {
      geojson: HANGARS,
      subjects: [{ kind: 'claim', id: AREA_CLAIM }],
      addedBy: 'amira',
      label: 'damaged structures',
    });
    expect(again.ok && again.status).toBe('duplicate');
  });

  it('compares "50 percent of the base" once the base outline is stored as the facility', async () => {
    const subjects = [{ kind: 'claim' as const, id: SHARE_CLAIM }];
    const before = await measureAsEvidence(store, null, { geojson: HANGARS, subjects, addedBy: 'amira' });
    expect(before.ok && finding(before.item).checks.map((c) => c.verdict)).toEqual(['not-comparable']);
    const base = await measureAsEvidence(store, null, {
      geojson: BASE,
      subjects,
      addedBy: 'amira',
      label: FACILITY_LABEL,
    });
    expect(base.ok && finding(base.item).checks).toEqual([]);
    const after = await measureAsEvidence(store, null, {
      geojson: HANGARS,
      subjects,
      addedBy: 'amira',
      label: 'damaged structures',
    });
    if (!after.ok) throw new Error(after.message);
    const [check] = finding(after.item).checks;
    expect(check?.measured.share).toBeCloseTo(1300 / 2700, 2);
    expect(check?.verdict).toBe('agrees');
  });

  it.each([
    ['an outline given with it', () => BASE as unknown, 'agrees'],
    ['the id of a stored measurement', async () => (await baseId()) as unknown, 'agrees'],
  ])('takes the whole a share is of from %s', async (_name, whole, verdict) => {
    const result = await measureAsEvidence(store, null, {
      geojson: square(44.3603, 36.5403, Math.sqrt(1350)),
      subjects: [{ kind: 'claim', id: SHARE_CLAIM }],
      addedBy: 'amira',
      whole: await whole(),
    });
    if (!result.ok) throw new Error(result.message);
    expect(finding(result.item).checks.map((c) => c.verdict)).toEqual([verdict]);
  });

  it.each([
    ['an id nothing is stored under', 'ev:000000000000', /no stored measurement "ev:000000000000"/],
    [
      'a whole that is a line',
      { type: 'LineString', coordinates: [] },
      /^the whole: a LineString has no area/,
    ],
  ])('refuses %s as the whole', async (_name, whole, message) => {
    const result = await measureAsEvidence(store, null, {
      geojson: HANGARS,
      subjects: [{ kind: 'claim', id: SHARE_CLAIM }],
      addedBy: 'amira',
      whole,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses an unknown claim and a bad outline, storing nothing', async () => {
    const count = (await store.listEvidence()).length;
    const unknown = await measureAsEvidence(store, null, {
      geojson: HANGARS,
      subjects: [{ kind: 'claim', id: `${HARIR_REPORT.id}:c99` }],
      addedBy: 'amira',
    });
    expect(unknown).toMatchObject({ ok: false, reason: 'unknown-subject' });
    const open = await measureAsEvidence(store, null, {
      geojson: { type: 'Polygon', coordinates: [HANGARS.coordinates[0]?.slice(0, 4)] },
      subjects: [{ kind: 'claim', id: AREA_CLAIM }],
      addedBy: 'amira',
    });
    expect(open).toMatchObject({ ok: false, reason: 'bad-outline', problem: { code: 'open-ring' } });
    expect(await store.listEvidence()).toHaveLength(count);
  });

  it("compares an event's outline with every claim of the event", async () => {
    const ledger = await loadLedger(store);
    const event = ledger.events.find((e) => e.members.some((m) => m.documentId === HARIR_REPORT.id));
    if (event === undefined) throw new Error('no event');
    const result = await measureAsEvidence(store, ledger, {
      geojson: HANGARS,
      subjects: [{ kind: 'event', id: event.id }],
      addedBy: 'amira',
    });
    if (!result.ok) throw new Error(result.message);
    expect(finding(result.item).checks.map((c) => c.claimed.text)).toEqual(
      expect.arrayContaining(['13,700 square feet', '1,300 square meters']),
    );
  });
});

describe('corroborate evidence measure and change (in process)', () => {
  const output = async (run: () => Promise<number>) => {
    const chunks: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      return { code: await run(), out: chunks.join('') };
    } finally {
      spy.mockRestore();
    }
  };

  it('measures a GeoJSON file and compares it with a claim, with the numbers', async () => {
    const file = join(dir, 'hangars.geojson');
    writeFileSync(
      file,
      JSON.stringify({ type: 'Feature', properties: {}, geometry: square(44.37, 36.55, 36) }),
    );
    const { code, out } = await output(() =>
      runEvidenceMeasureCommand([
        file,
        '--claim',
        AREA_CLAIM,
        '--db',
        db,
        '--by',
        'amira',
        '--tolerance',
        '0.1',
      ]),
    );
    expect(code).toBe(0);
    expect(out).toMatch(/^ev:[0-9a-f]{12} \(stored\)/);
    expect(out).toMatch(/area: 1,29\d(\.\d)? m²/);
    expect(out).toContain('checks (tolerance 10 %):');
    expect(out).toMatch(
      /agrees +north-wire-9:c2 +measured 1,29\d m² is .* the claimed 1,273 m² \("13,700 square feet"\)/,
    );
  });

  it('measures without a ledger when no claim or event is named', async () => {
    const file = join(dir, 'plain.geojson');
    writeFileSync(file, JSON.stringify(square(44.37, 36.55, 100)));
    const { code, out } = await output(() => runEvidenceMeasureCommand([file, '--format', 'json']));
    expect(code).toBe(0);
    expect(JSON.parse(out).areaM2).toBeCloseTo(10_000, -1);
  });

  it.each([
    [['missing.geojson', '--claim', AREA_CLAIM], /missing\.geojson: no such file/],
    [['--tolerance', '2', 'x.geojson'], /--tolerance must be a fraction/],
    [['a.geojson', 'b.geojson'], /takes one GeoJSON file/],
  ])('refuses %j', async (args, message) => {
    await expect(runEvidenceMeasureCommand([...args, '--db', db])).rejects.toThrow(message);
  });

  it('finds the destroyed square between two GeoTIFFs and writes its outline', async () => {
    const grid: SceneGrid = {
      width: 120,
      height: 120,
      origin: [400_000, 4_040_000],
      pixel: [2, 2],
      geoKeys: { ProjectedCSTypeGeoKey: 32638 },
    };
    const { before, after } = scenePair(grid, [{ col: 30, row: 40, size: 18, darker: 60 }]);
    writeFileSync(join(dir, 'before.tif'), geoTiff(before, grid));
    writeFileSync(join(dir, 'after.tif'), geoTiff(after, grid));
    const out = join(dir, 'changes.geojson');
    const run = await output(() =>
      runEvidenceChangeCommand([
        join(dir, 'before.tif'),
        join(dir, 'after.tif'),
        '--geojson',
        out,
        '--claim',
        AREA_CLAIM,
        '--db',
        db,
      ]),
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain('1 region changed');
    expect(run.out).toMatch(/r1 +1,296 m²/);
    expect(run.out).toMatch(/ev:[0-9a-f]{12} \(stored\): changed region r1/);
    const { readFileSync } = await import('node:fs');
    const geojson = JSON.parse(readFileSync(out, 'utf8'));
    expect(geojson.features[0].properties).toMatchObject({ id: 'r1', areaM2: 1296, pixels: 324 });
    await expect(
      runEvidenceChangeCommand([join(dir, 'before.tif'), join(dir, 'changes.geojson'), '--db', db]),
    ).rejects.toThrow(/changes\.geojson: not a TIFF/);
  });
});
