import type { GeoJsonPolygonLike } from '../../types/evidence.js';
import {
  DEFAULT_GRID_LIMITS,
  type GeoGrid,
  type GridLimits,
  type GridProblem,
  readGeoGrid,
} from './geo-grid.js';
import { type PixelRing, traceRegion } from './region-outline.js';

/** How a change map separates change from noise. */
export interface ChangeMapOptions extends GridLimits {
  /** A pixel changed when its difference is this many noise sigmas from the typical one (default 4). */
  readonly sigmas: number;
  /** …and at least this much in pixel values (default 0), for images with almost no noise. */
  readonly minDifference: number;
  /** Radius in pixels of the square opening and closing that remove speckle and fill pinholes (default 1: 3 × 3). */
  readonly cleanupRadius: number;
  /** Regions smaller than this many pixels are dropped (default 9). */
  readonly minRegionPixels: number;
  /** Most regions reported, largest first (default 500). */
  readonly maxRegions: number;
  /**
   * Scale the after image so its interquartile range of intensities matches the before image's
   * (default true): a brighter or higher-contrast second pass is not change.
   */
  readonly matchContrast: boolean;
}

/** Default options of `changeMap`. */
export const DEFAULT_CHANGE_OPTIONS: ChangeMapOptions = {
  ...DEFAULT_GRID_LIMITS,
  sigmas: 4,
  minDifference: 0,
  cleanupRadius: 1,
  minRegionPixels: 9,
  maxRegions: 500,
  matchContrast: true,
};

/** One region that changed between the two images. */
export interface ChangeRegion {
  /** `r1`, `r2`, … by decreasing area. */
  readonly id: string;
  readonly pixels: number;
  /** Ground area in m², summed over its pixels (see `GridCrs.cellAreaM2`). */
  readonly areaM2: number;
  /** Bounding box in pixels (column, row of the top-left pixel). */
  readonly box: {
    readonly col: number;
    readonly row: number;
    readonly width: number;
    readonly height: number;
  };
  /** Mean of after − before over the region, in pixel values (negative: darker after). */
  readonly meanDifference: number;
  /** The region's outline in WGS 84 longitude/latitude, or null when the CRS has no inverse here. */
  readonly geometry: GeoJsonPolygonLike | null;
}

/** The regions that changed between two co-registered images, and how change was told from noise. */
export interface ChangeMap {
  readonly width: number;
  readonly height: number;
  readonly crs: { readonly code: number | null; readonly name: string };
  /** Size of one pixel in map units (x, y). */
  readonly resolution: readonly [number, number];
  readonly noise: {
    /** Factor the after image was scaled by to match the before image's contrast (1 without `matchContrast`). */
    readonly gain: number;
    /** Median difference (after − before): a change of light over the whole scene, not counted as change. */
    readonly offset: number;
    /** Robust noise estimate: 1.4826 × the median absolute deviation of the differences. */
    readonly sigma: number;
    /** Differences beyond offset ± threshold count as change. */
    readonly threshold: number;
  };
  /** Pixels over the threshold after the clean-up (including those of regions too small to report). */
  readonly changedPixels: number;
  readonly regions: readonly ChangeRegion[];
  /** Regions beyond `maxRegions` or below `minRegionPixels`, not listed. */
  readonly regionsLeftOut: number;
  readonly options: ChangeMapOptions;
}

/** A problem with one of the two files, or with the pair. */
export interface ChangeProblem {
  readonly file: 'before' | 'after' | 'pair';
  readonly code: GridProblem['code'] | 'not-co-registered';
  readonly message: string;
}

/** The outcome: a change map, or every problem found with the inputs. */
export type ChangeMapResult =
  | ({ readonly ok: true } & ChangeMap)
  | { readonly ok: false; readonly problems: readonly ChangeProblem[] };

/**
 * The change map of two co-registered GeoTIFFs of one site (same size, geotransform and CRS):
 * per-pixel differences of intensity beyond the noise (a robust estimate from the whole scene),
 * cleaned of speckle with a morphological opening and closing, grouped into 8-connected regions,
 * each with its ground area in m² and its outline as a GeoJSON polygon in longitude/latitude
 * (CRS support: `SUPPORTED_CRS`). Problems with either file, or a pair that is not
 * co-registered, come back as data, per file.
 *
 * @example
 * const map = await changeMap(await readFile('before.tif'), await readFile('after.tif'));
 * if (map.ok) for (const r of map.regions) console.log(r.id, Math.round(r.areaM2), 'm²');
 */
export async function changeMap(
  before: Uint8Array,
  after: Uint8Array,
  options: Partial<ChangeMapOptions> = {},
): Promise<ChangeMapResult> {
  const resolved: ChangeMapOptions = { ...DEFAULT_CHANGE_OPTIONS, ...options };
  const [a, b] = await Promise.all([readGeoGrid(before, resolved), readGeoGrid(after, resolved)]);
  const problems: ChangeProblem[] = [];
  if (!a.ok) problems.push({ file: 'before', ...a.problem });
  if (!b.ok) problems.push({ file: 'after', ...b.problem });
  if (!a.ok || !b.ok) return { ok: false, problems };
  const mismatch = coRegistrationProblem(a.grid, b.grid);
  if (mismatch !== null)
    return { ok: false, problems: [{ file: 'pair', code: 'not-co-registered', message: mismatch }] };
  return { ok: true, ...changeBetween(a.grid, b.grid, resolved) };
}

/** Why two grids do not cover the same pixels, or null when they do. */
export function coRegistrationProblem(a: GeoGrid, b: GeoGrid): string | null {
  if (a.width !== b.width || a.height !== b.height) {
    return `the images differ in size (${a.width} × ${a.height} and ${b.width} × ${b.height} pixels): resample one onto the other's grid`;
  }
  if (a.crsKey !== b.crsKey) return `the images are in different CRS (${a.crsKey} and ${b.crsKey})`;
  const near = (x: number, y: number, scale: number) =>
    Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(scale), 1e-12);
  const [rx, ry] = a.resolution;
  if (!near(a.resolution[0], b.resolution[0], rx) || !near(a.resolution[1], b.resolution[1], ry)) {
    return `the images have different pixel sizes (${a.resolution.join(' × ')} and ${b.resolution.join(' × ')})`;
  }
  // origins may differ by a rounding error, not by a fraction of a pixel
  if (
    Math.abs(a.origin[0] - b.origin[0]) > 0.01 * Math.abs(rx) ||
    Math.abs(a.origin[1] - b.origin[1]) > 0.01 * Math.abs(ry)
  ) {
    return `the images are not aligned: their top-left corners are (${a.origin.join(', ')}) and (${b.origin.join(', ')})`;
  }
  return null;
}

function changeBetween(a: GeoGrid, b: GeoGrid, options: ChangeMapOptions): ChangeMap {
  const { width, height } = a;
  const n = width * height;
  // a change of exposure or sun between the passes scales the whole scene: match the spread of the after image to the before
  const gain = options.matchContrast ? contrastGain(a.intensity, b.intensity) : 1;
  const diff = new Float32Array(n);
  for (let i = 0; i < n; i++) diff[i] = (b.intensity[i] as number) * gain - (a.intensity[i] as number);
  const { offset, sigma } = robustNoise(diff);
  const threshold = Math.max(options.sigmas * sigma, options.minDifference);
  let mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const d = (diff[i] as number) - offset;
    mask[i] = Number.isFinite(d) && Math.abs(d) > threshold ? 1 : 0;
  }
  const r = options.cleanupRadius;
  if (r > 0) {
    mask = dilate(erode(mask, width, height, r), width, height, r); // opening: speckle goes
    mask = erode(dilate(mask, width, height, r), width, height, r); // closing: pinholes fill
  }
  let changedPixels = 0;
  for (let i = 0; i < n; i++) changedPixels += mask[i] as number;

  const [x0, y0] = a.origin;
  const [rx, ry] = a.resolution;
  const rowArea = new Float64Array(height);
  for (let row = 0; row < height; row++)
    rowArea[row] = a.crs.cellAreaM2(rx, y0 + row * ry, y0 + (row + 1) * ry);
  const { labels, components } = label8(mask, width, height, rowArea, diff);

  const kept = components
    .filter((c) => c.pixels >= options.minRegionPixels)
    .map((c) => ({ c, areaM2: c.areaM2, meanDifference: c.differenceSum / c.pixels }))
    .sort((p, q) => q.areaM2 - p.areaM2);
  const listed = kept.slice(0, options.maxRegions);
  const toLonLat = a.crs.toLonLat;
  const regions: ChangeRegion[] = listed.map(({ c, areaM2, meanDifference }, i) => {
    let geometry: GeoJsonPolygonLike | null = null;
    if (toLonLat !== null) {
      const project = (ring: PixelRing) =>
        ring.map(([px, py]) => toLonLat(x0 + px * rx, y0 + py * ry).map((v) => Math.round(v * 1e9) / 1e9));
      const polygons = traceRegion(labels, width, height, c.label, c.box).map((p) =>
        orient([project(p.outer), ...p.holes.map(project)]),
      );
      geometry =
        polygons.length === 1
          ? { type: 'Polygon', coordinates: polygons[0] as number[][][] }
          : { type: 'MultiPolygon', coordinates: polygons };
    }
    return {
      id: `r${i + 1}`,
      pixels: c.pixels,
      areaM2: Math.round(areaM2 * 100) / 100,
      box: c.box,
      meanDifference: Math.round(meanDifference * 1000) / 1000,
      geometry,
    };
  });
  return {
    width,
    height,
    crs: { code: a.crs.code, name: a.crs.name },
    resolution: a.resolution,
    noise: { gain, offset, sigma, threshold },
    changedPixels,
    regions,
    regionsLeftOut: components.length - regions.length,
    options,
  };
}

/** Ratio of the before and after interquartile ranges (on samples of at most 1M pixels), or 1 when either is flat. */
function contrastGain(before: Float32Array, after: Float32Array): number {
  const spread = (values: Float32Array) => {
    const step = Math.max(1, Math.floor(values.length / 1_000_000));
    const sample: number[] = [];
    for (let i = 0; i < values.length; i += step) {
      const v = values[i] as number;
      if (Number.isFinite(v)) sample.push(v);
    }
    const sorted = Float64Array.from(sample).sort();
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return at(0.75) - at(0.25);
  };
  const a = spread(before);
  const b = spread(after);
  return a > 0 && b > 0 ? a / b : 1;
}

/** Median and 1.4826 × median absolute deviation of the finite differences (a sample of at most 1M). */
function robustNoise(diff: Float32Array): { offset: number; sigma: number } {
  const step = Math.max(1, Math.floor(diff.length / 1_000_000));
  const sample: number[] = [];
  for (let i = 0; i < diff.length; i += step) {
    const v = diff[i] as number;
    if (Number.isFinite(v)) sample.push(v);
  }
  if (sample.length === 0) return { offset: 0, sigma: 0 };
  const values = Float64Array.from(sample);
  const offset = median(values);
  for (let i = 0; i < values.length; i++) values[i] = Math.abs((values[i] as number) - offset);
  return { offset, sigma: 1.4826 * median(values) };
}

function median(values: Float64Array): number {
  const sorted = values.sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Square erosion (all pixels within `r` set); outside the image counts as set, so borders survive. */
function erode(mask: Uint8Array, width: number, height: number, r: number): Uint8Array<ArrayBuffer> {
  return boxFilter(mask, width, height, r, true);
}

/** Square dilation (any pixel within `r` set); outside the image counts as unset. */
function dilate(mask: Uint8Array, width: number, height: number, r: number): Uint8Array<ArrayBuffer> {
  return boxFilter(mask, width, height, r, false);
}

function boxFilter(
  mask: Uint8Array,
  width: number,
  height: number,
  r: number,
  all: boolean,
): Uint8Array<ArrayBuffer> {
  const pass = (src: Uint8Array, len: number, count: number, stride: number, step: number) => {
    const out = new Uint8Array(src.length);
    for (let line = 0; line < count; line++) {
      const base = line * stride;
      let ones = 0;
      // window [k - r, k + r]; positions outside the image count as `all ? 1 : 0`
      for (let k = -r; k <= r; k++)
        ones += k < 0 || k >= len ? (all ? 1 : 0) : (src[base + k * step] as number);
      for (let k = 0; k < len; k++) {
        out[base + k * step] = all ? (ones === 2 * r + 1 ? 1 : 0) : ones > 0 ? 1 : 0;
        const leaving = k - r;
        const entering = k + r + 1;
        ones -= leaving < 0 || leaving >= len ? (all ? 1 : 0) : (src[base + leaving * step] as number);
        ones += entering < 0 || entering >= len ? (all ? 1 : 0) : (src[base + entering * step] as number);
      }
    }
    return out;
  };
  const rows = pass(mask, width, height, width, 1);
  return pass(rows, height, width, 1, width);
}

interface Component {
  readonly label: number;
  readonly pixels: number;
  /** Ground area (m²) and sum of differences over the component's pixels. */
  readonly areaM2: number;
  readonly differenceSum: number;
  readonly box: { col: number; row: number; width: number; height: number };
}

/** 8-connected components of a mask (labels start at 1), with their areas summed row by row as they are found. */
function label8(
  mask: Uint8Array,
  width: number,
  height: number,
  rowArea: Float64Array,
  diff: Float32Array,
): { labels: Int32Array; components: Component[] } {
  const labels = new Int32Array(mask.length);
  const stack = new Int32Array(mask.length);
  const components: Component[] = [];
  let next = 0;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    const label = ++next;
    let top = 0;
    let count = 0;
    stack[top++] = start;
    labels[start] = label;
    let areaM2 = 0;
    let differenceSum = 0;
    let [minC, minR, maxC, maxR] = [width, height, -1, -1];
    while (top > 0) {
      const i = stack[--top] as number;
      count++;
      const c = i % width;
      const r = (i - c) / width;
      areaM2 += rowArea[r] as number;
      differenceSum += diff[i] as number;
      if (c < minC) minC = c;
      if (c > maxC) maxC = c;
      if (r < minR) minR = r;
      if (r > maxR) maxR = r;
      for (let dr = -1; dr <= 1; dr++) {
        const rr = r + dr;
        if (rr < 0 || rr >= height) continue;
        for (let dc = -1; dc <= 1; dc++) {
          const cc = c + dc;
          if (cc < 0 || cc >= width) continue;
          const j = rr * width + cc;
          if (mask[j] && !labels[j]) {
            labels[j] = label;
            stack[top++] = j;
          }
        }
      }
    }
    components.push({
      label,
      pixels: count,
      areaM2,
      differenceSum,
      box: { col: minC, row: minR, width: maxC - minC + 1, height: maxR - minR + 1 },
    });
  }
  return { labels, components };
}

/** RFC 7946 winding: outer ring counter-clockwise, holes clockwise (in longitude/latitude). */
function orient(rings: number[][][]): number[][][] {
  return rings.map((ring, i) => {
    let sum = 0;
    for (let k = 0; k + 1 < ring.length; k++) {
      const [x0, y0] = ring[k] as number[];
      const [x1, y1] = ring[k + 1] as number[];
      sum += (x0 as number) * (y1 as number) - (x1 as number) * (y0 as number);
    }
    const counterClockwise = sum > 0;
    return counterClockwise === (i === 0) ? ring : [...ring].reverse();
  });
}
