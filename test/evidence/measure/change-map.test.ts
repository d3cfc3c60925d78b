import { area } from '@turf/area';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { changeMap } from '../../../src/evidence/measure/change-map.js';
import { type Destroyed, geoTiff, plainTiff, type SceneGrid, scenePair } from './generated-geotiffs.js';

const RAD = Math.PI / 180;
const MERCATOR_R = 6_378_137;

/** The ground outline (lon/lat) of a pixel square, for the expected area measured independently with turf. */
type ToLonLat = (x: number, y: number) => [number, number];

const SITES: {
  name: string;
  grid: SceneGrid;
  toLonLat: ToLonLat | null;
  destroyed: Destroyed;
  expectedM2?: number;
}[] = [
  {
    name: 'UTM zone 38N, 2 m pixels: a 60 m square hangar destroyed',
    grid: {
      width: 200,
      height: 200,
      origin: [400_000, 4_040_000],
      pixel: [2, 2],
      geoKeys: { ProjectedCSTypeGeoKey: 32638 },
    },
    toLonLat: null,
    destroyed: { col: 80, row: 60, size: 30, darker: 60 },
    expectedM2: 3600,
  },
  {
    name: 'WGS 84 degrees near Erbil: a square of 25 pixels of 0.00002° destroyed',
    grid: {
      width: 160,
      height: 160,
      origin: [44.0, 36.2],
      pixel: [0.00002, 0.00002],
      geoKeys: { GeographicTypeGeoKey: 4326 },
    },
    toLonLat: (x, y) => [x, y],
    destroyed: { col: 40, row: 90, size: 25, darker: 70 },
  },
  {
    name: 'Web Mercator near Erbil, 3 m pixels: a square of 20 pixels destroyed',
    grid: {
      width: 150,
      height: 150,
      origin: [4_898_000, 4_330_000],
      pixel: [3, 3],
      geoKeys: { ProjectedCSTypeGeoKey: 3857 },
    },
    toLonLat: (x, y) => [x / MERCATOR_R / RAD, (2 * Math.atan(Math.exp(y / MERCATOR_R)) - Math.PI / 2) / RAD],
    destroyed: { col: 100, row: 30, size: 20, darker: 55 },
  },
];

function squareOutline(grid: SceneGrid, d: Destroyed, toLonLat: ToLonLat): Geometry {
  const at = (c: number, r: number) =>
    toLonLat(grid.origin[0] + c * grid.pixel[0], grid.origin[1] - r * grid.pixel[1]);
  const [c0, r0, c1, r1] = [d.col, d.row, d.col + d.size, d.row + d.size];
  return { type: 'Polygon', coordinates: [[at(c0, r0), at(c0, r1), at(c1, r1), at(c1, r0), at(c0, r0)]] };
}

describe('change map between a before and an after image', () => {
  it.each(SITES)(
    '$name: found, with its area within 5 %',
    async ({ grid, destroyed, toLonLat, expectedM2 }) => {
      const { before, after } = scenePair(grid, [destroyed]);
      const map = await changeMap(geoTiff(before, grid), geoTiff(after, grid));
      if (!map.ok) throw new Error(JSON.stringify(map.problems));
      expect(map.regions).toHaveLength(1);
      const region = map.regions[0];
      const expected = expectedM2 ?? area(squareOutline(grid, destroyed, toLonLat as ToLonLat));
      expect(Math.abs((region?.areaM2 ?? 0) - expected) / expected).toBeLessThan(0.05);
      expect(region?.meanDifference).toBeLessThan(-destroyed.darker / 2);
      expect(region?.box.col).toBeGreaterThanOrEqual(destroyed.col - 1);
      expect(region?.box.width).toBeLessThanOrEqual(destroyed.size + 2);
      // the outline, measured on its own in lon/lat, has the same area
      expect(region?.geometry?.type).toBe('Polygon');
      const outlineM2 = area(region?.geometry as Geometry);
      expect(Math.abs(outlineM2 - expected) / expected).toBeLessThan(0.05);
      expect(map.noise.sigma).toBeGreaterThan(4);
      expect(map.noise.sigma).toBeLessThan(14);
    },
  );

  it('puts a UTM outline where the square is on the globe (zone 38N, about 43.9° E, 36.5° N)', async () => {
    const site = SITES[0] as (typeof SITES)[number];
    const { before, after } = scenePair(site.grid, [site.destroyed]);
    const map = await changeMap(geoTiff(before, site.grid), geoTiff(after, site.grid));
    if (!map.ok) throw new Error('expected a map');
    const ring = (map.regions[0]?.geometry?.coordinates[0] ?? []) as number[][];
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThan(43.85);
      expect(lon).toBeLessThan(43.9);
      expect(lat).toBeGreaterThan(36.49);
      expect(lat).toBeLessThan(36.51);
    }
    expect(map.crs).toEqual({ code: 32638, name: 'WGS 84 / UTM zone 38N' });
  });

  it('finds nothing between two noisy images of an unchanged site, even when the light changed', async () => {
    const grid = SITES[0]?.grid as SceneGrid;
    const { before, after } = scenePair(grid, [], { shift: 25, seed: 11 });
    const map = await changeMap(geoTiff(before, grid), geoTiff(after, grid));
    if (!map.ok) throw new Error('expected a map');
    expect(map.regions).toEqual([]);
    expect(map.noise.offset).toBeGreaterThan(20);
  });

  it('matches a brighter, higher-contrast second pass (gain 1.3) before differencing, and still finds the square within 5 %', async () => {
    const grid = SITES[0]?.grid as SceneGrid;
    const destroyed = { col: 80, row: 60, size: 30, darker: 60 };
    const { before, after } = scenePair(grid, [destroyed], { gain: 1.3, shift: 5, seed: 5 });
    const map = await changeMap(geoTiff(before, grid), geoTiff(after, grid));
    if (!map.ok) throw new Error('expected a map');
    expect(map.noise.gain).toBeCloseTo(1 / 1.3, 1);
    expect(map.regions).toHaveLength(1);
    expect(Math.abs((map.regions[0]?.areaM2 ?? 0) - 3600) / 3600).toBeLessThan(0.05);
    // without matching, the brighter scene inflates the noise estimate and the square comes out a tenth too small
    const unmatched = await changeMap(geoTiff(before, grid), geoTiff(after, grid), { matchContrast: false });
    if (!unmatched.ok) throw new Error('expected a map');
    expect(unmatched.noise.sigma).toBeGreaterThan(map.noise.sigma * 1.3);
    expect(Math.abs((unmatched.regions[0]?.areaM2 ?? 0) - 3600) / 3600).toBeGreaterThan(0.05);
  });

  it('separates two destroyed buildings and lists the larger first', async () => {
    const grid = SITES[0]?.grid as SceneGrid;
    const { before, after } = scenePair(grid, [
      { col: 20, row: 20, size: 12, darker: 60 },
      { col: 120, row: 130, size: 25, darker: 60 },
    ]);
    const map = await changeMap(geoTiff(before, grid), geoTiff(after, grid));
    if (!map.ok) throw new Error('expected a map');
    expect(map.regions.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(map.regions[0]?.areaM2).toBeCloseTo(25 * 25 * 4, -2);
    expect(map.regions[1]?.areaM2).toBeCloseTo(12 * 12 * 4, -2);
  });

  it('keeps a courtyard that did not change as a hole in the outline', async () => {
    const grid = SITES[0]?.grid as SceneGrid;
    const ring: Destroyed[] = [
      { col: 50, row: 50, size: 10, darker: 60 },
      { col: 60, row: 50, size: 10, darker: 60 },
      { col: 70, row: 50, size: 10, darker: 60 },
      { col: 50, row: 60, size: 10, darker: 60 },
      { col: 70, row: 60, size: 10, darker: 60 },
      { col: 50, row: 70, size: 10, darker: 60 },
      { col: 60, row: 70, size: 10, darker: 60 },
      { col: 70, row: 70, size: 10, darker: 60 },
    ];
    const { before, after } = scenePair(grid, ring);
    const map = await changeMap(geoTiff(before, grid), geoTiff(after, grid));
    if (!map.ok) throw new Error('expected a map');
    expect(map.regions).toHaveLength(1);
    const geometry = map.regions[0]?.geometry;
    expect(geometry?.type).toBe('Polygon');
    expect(geometry?.coordinates).toHaveLength(2);
    expect(area(geometry as Geometry)).toBeCloseTo(800 * 4, -2);
  });
});

describe('change maps in other grids', () => {
  const grid = SITES[0]?.grid as SceneGrid;
  const destroyed: Destroyed = { col: 50, row: 50, size: 20, darker: 60 };

  it('measures in a user-defined projected CRS in metres, without an outline', async () => {
    const local = { ...grid, geoKeys: { ProjectedCSTypeGeoKey: 32767, ProjLinearUnitsGeoKey: 9001 } };
    const { before, after } = scenePair(local, [destroyed]);
    const map = await changeMap(geoTiff(before, local), geoTiff(after, local));
    if (!map.ok) throw new Error(JSON.stringify(map.problems));
    expect(map.crs).toEqual({ code: null, name: 'user-defined projected CRS in metres' });
    expect(map.regions.map((r) => [r.areaM2, r.geometry])).toEqual([[1600, null]]);
  });

  it('leaves out pixels marked as no data (a cloud mask), so they are not change', async () => {
    const { before, after } = scenePair(grid, []);
    for (let r = 50; r < 80; r++) after.fill(0, r * grid.width + 50, r * grid.width + 80);
    const masked = await changeMap(
      geoTiff(before, grid, { GDAL_NODATA: '0' }),
      geoTiff(after, grid, { GDAL_NODATA: '0' }),
    );
    const unmasked = await changeMap(geoTiff(before, grid), geoTiff(after, grid));
    expect(masked.ok && masked.regions).toEqual([]);
    expect(unmasked.ok && unmasked.regions.map((r) => r.pixels)).toEqual([900]);
  });

  it('refuses a rotated grid', async () => {
    const { before } = scenePair(grid, []);
    const rotated = geoTiff(before, grid, {
      ModelTransformation: [1.9, 0.6, 0, 400_000, 0.6, -1.9, 0, 4_040_000, 0, 0, 0, 0, 0, 0, 0, 1],
    });
    const map = await changeMap(rotated, rotated);
    expect(map.ok === false && map.problems.map((p) => p.code)).toEqual(['rotated-grid', 'rotated-grid']);
  });
});

describe('change map inputs it refuses, one problem per file', () => {
  const grid = SITES[0]?.grid as SceneGrid;
  const { before, after } = scenePair(grid, []);
  const good = geoTiff(before, grid);
  const cases: [string, () => [Uint8Array, Uint8Array], { file: string; code: string; message: RegExp }[]][] =
    [
      [
        'a TIFF with no georeference',
        () => [good, plainTiff(after, grid.width, grid.height)],
        [{ file: 'after', code: 'no-georeference', message: /no georeference/ }],
      ],
      [
        'a decompression bomb declaring 100,000 × 100,000 pixels',
        () => [plainTiff(before, grid.width, grid.height, { width: 100_000, height: 100_000 }), good],
        [{ file: 'before', code: 'too-large', message: /100000 × 100000 pixels/ }],
      ],
      [
        'a PNG renamed .tif, and a truncated TIFF',
        () => [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]), good.slice(0, 20)],
        [
          { file: 'before', code: 'not-a-tiff', message: /TIFF header/ },
          { file: 'after', code: 'corrupt', message: /cannot be read|cannot be decoded|shorter/ },
        ],
      ],
      [
        'images of different sizes',
        () => [good, geoTiff(after.slice(0, 100 * 200), { ...grid, height: 100 })],
        [{ file: 'pair', code: 'not-co-registered', message: /differ in size/ }],
      ],
      [
        'images shifted by half a kilometre',
        () => [good, geoTiff(after, { ...grid, origin: [400_500, 4_040_000] })],
        [{ file: 'pair', code: 'not-co-registered', message: /not aligned/ }],
      ],
      [
        'images with different pixel sizes',
        () => [good, geoTiff(after, { ...grid, pixel: [3, 3] })],
        [{ file: 'pair', code: 'not-co-registered', message: /pixel sizes/ }],
      ],
      [
        'images in two UTM zones',
        () => [good, geoTiff(after, { ...grid, geoKeys: { ProjectedCSTypeGeoKey: 32637 } })],
        [{ file: 'pair', code: 'not-co-registered', message: /EPSG:32638 and EPSG:32637/ }],
      ],
      [
        'a CRS it cannot measure in (Lambert-93)',
        () => [geoTiff(before, { ...grid, geoKeys: { ProjectedCSTypeGeoKey: 2154 } }), good],
        [{ file: 'before', code: 'unsupported-crs', message: /EPSG:2154 is not supported/ }],
      ],
    ];
  it.each(cases)('%s', async (_name, files, expected) => {
    const [a, b] = files();
    const map = await changeMap(a, b);
    expect(map.ok).toBe(false);
    if (map.ok) return;
    expect(map.problems).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      expect(map.problems[i]).toMatchObject({ file: e.file, code: e.code });
      expect(map.problems[i]?.message).toMatch(e.message);
    });
  });
});
