import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { geoTiff, type SceneGrid, scenePair } from '../evidence/measure/generated-geotiffs.js';
import { square } from '../evidence/measure/measurement-ledger.js';

// Runs the built CLI (npm test builds first), as a user would: exit codes and one-line errors.
const CLI = join(resolve(import.meta.dirname, '../..'), 'dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'corroborate-measure-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CORROBORATE_DB: join(dir, 'ledger.sqlite') },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const write = (name: string, content: string | Uint8Array) => {
  writeFileSync(join(dir, name), content);
  return name;
};

describe('corroborate evidence measure and change, built', () => {
  it('measures a 100 m square outline: 10,000 m², exit 0', () => {
    const file = write('block.geojson', JSON.stringify(square(44.0, 36.2, 100)));
    const r = run(['evidence', 'measure', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).areaM2).toBeCloseTo(10_000, -1);
  });

  it.each([
    [['evidence', 'measure', 'point.geojson'], 3, /^corroborate: point\.geojson: a Point has no area/],
    [['evidence', 'measure', 'nothing.geojson'], 3, /nothing\.geojson: no such file/],
    [['evidence', 'measure', 'block.geojson', '--tolerance', 'lots'], 2, /--tolerance must be a fraction/],
    [['evidence', 'change', 'one.tif'], 2, /takes two GeoTIFFs/],
    [['evidence', 'change', 'plain.txt', 'plain.txt'], 3, /plain\.txt: not a TIFF file/],
  ])('%j exits %d', (args, code, message) => {
    write('point.geojson', '{"type":"Point","coordinates":[44,36]}');
    write('plain.txt', 'this is not an image');
    const r = run(args as string[]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
  });

  it('finds the destroyed square between two GeoTIFFs and writes its outline as GeoJSON', () => {
    const grid: SceneGrid = {
      width: 100,
      height: 100,
      origin: [400_000, 4_040_000],
      pixel: [2, 2],
      geoKeys: { ProjectedCSTypeGeoKey: 32638 },
    };
    const { before, after } = scenePair(grid, [{ col: 20, row: 30, size: 15, darker: 60 }]);
    write('before.tif', geoTiff(before, grid));
    write('after.tif', geoTiff(after, grid));
    const r = run(['evidence', 'change', 'before.tif', 'after.tif', '--geojson', 'changes.geojson']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^100 × 100 pixels of 2 × 2 \(WGS 84 \/ UTM zone 38N\)/);
    expect(r.out).toMatch(/r1 +900 m²/);
    const geojson = JSON.parse(readFileSync(join(dir, 'changes.geojson'), 'utf8'));
    expect(geojson.features).toHaveLength(1);
    expect(geojson.features[0].geometry.type).toBe('Polygon');
  });
});
