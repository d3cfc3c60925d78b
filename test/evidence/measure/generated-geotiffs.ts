// GeoTIFFs the tests make: a textured site with sensor noise, and the same site after a square
// of it was destroyed. Seeded, so every run sees the same pixels.
import { writeArrayBuffer } from 'geotiff';

/** Where a generated scene sits and how large its pixels are. */
export interface SceneGrid {
  readonly width: number;
  readonly height: number;
  /** Map coordinates of the top-left corner, and the pixel size (map units). */
  readonly origin: readonly [number, number];
  readonly pixel: readonly [number, number];
  /** `{ ProjectedCSTypeGeoKey: 32638 }`, `{ GeographicTypeGeoKey: 4326 }`, … */
  readonly geoKeys: Readonly<Record<string, number>>;
}

/** A square of the scene (pixels) and how much darker it is afterwards. */
export interface Destroyed {
  readonly col: number;
  readonly row: number;
  readonly size: number;
  readonly darker: number;
}

/** Mulberry32: a small seeded generator, enough for test noise. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * The before and after intensities of one site: fields and roofs (a smooth texture), sensor
 * noise of `noise` grey levels drawn afresh for each image, a global change of light (`gain`, `shift`),
 * and the destroyed squares darker afterwards.
 */
export function scenePair(
  grid: Pick<SceneGrid, 'width' | 'height'>,
  destroyed: readonly Destroyed[],
  {
    noise = 6,
    shift = 0,
    gain = 1,
    seed = 7,
  }: { noise?: number; shift?: number; gain?: number; seed?: number } = {},
): { before: Uint8Array; after: Uint8Array } {
  const random = seeded(seed);
  const { width, height } = grid;
  const before = new Uint8Array(width * height);
  const after = new Uint8Array(width * height);
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const base = 120 + 40 * Math.sin(c / 9) * Math.cos(r / 13) + (((c >> 4) + (r >> 4)) % 2) * 20;
      let later = base * gain + shift;
      for (const d of destroyed) {
        if (c >= d.col && c < d.col + d.size && r >= d.row && r < d.row + d.size) later -= d.darker;
      }
      before[r * width + c] = clamp(base + noise * gaussian(random));
      after[r * width + c] = clamp(later + noise * gaussian(random));
    }
  }
  return { before, after };
}

/** A GeoTIFF of 8-bit intensities on a grid, written by `geotiff`; `extra` adds or overrides tags and GeoKeys. */
export function geoTiff(
  values: Uint8Array,
  grid: SceneGrid,
  extra: Readonly<Record<string, number | string | number[]>> = {},
): Uint8Array {
  const projected = 'ProjectedCSTypeGeoKey' in grid.geoKeys;
  const buffer = writeArrayBuffer(values, {
    width: grid.width,
    height: grid.height,
    ModelPixelScale: [grid.pixel[0], grid.pixel[1], 0],
    ModelTiepoint: [0, 0, 0, grid.origin[0], grid.origin[1], 0],
    GTModelTypeGeoKey: projected ? 1 : 2,
    GTRasterTypeGeoKey: 1,
    ...grid.geoKeys,
    ...extra,
  });
  return new Uint8Array(buffer);
}

/**
 * A plain TIFF with no georeference (8-bit grey, one uncompressed strip). `declared` lets it
 * claim another size than its pixels, as a decompression bomb does.
 */
export function plainTiff(
  values: Uint8Array,
  width: number,
  height: number,
  declared: { width: number; height: number } = { width, height },
): Uint8Array {
  const entries: [tag: number, type: 3 | 4, value: number][] = [
    [256, 4, declared.width],
    [257, 4, declared.height],
    [258, 3, 8],
    [259, 3, 1],
    [262, 3, 1],
    [273, 4, 0], // strip offset, filled in below
    [277, 3, 1],
    [278, 4, declared.height],
    [279, 4, values.length],
  ];
  const ifdOffset = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const dataOffset = ifdOffset + ifdSize;
  const bytes = new Uint8Array(dataOffset + values.length);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, ifdOffset, true);
  view.setUint16(ifdOffset, entries.length, true);
  entries.forEach(([tag, type, value], i) => {
    const at = ifdOffset + 2 + i * 12;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, 1, true);
    const v = tag === 273 ? dataOffset : value;
    if (type === 3) view.setUint16(at + 8, v, true);
    else view.setUint32(at + 8, v, true);
  });
  view.setUint32(ifdOffset + 2 + entries.length * 12, 0, true);
  bytes.set(values, dataOffset);
  return bytes;
}
