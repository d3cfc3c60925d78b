import { fromArrayBuffer } from 'geotiff';
import { type GridCrs, gridCrs } from './grid-crs.js';

/** A georeferenced raster reduced to one intensity per pixel. */
export interface GeoGrid {
  readonly width: number;
  readonly height: number;
  readonly bands: number;
  /** Mean over the bands, row by row from the top; NaN where a band holds the no-data value. */
  readonly intensity: Float32Array;
  /** Map coordinates of the top-left corner of the top-left pixel. */
  readonly origin: readonly [number, number];
  /** Pixel size in map units; y is negative for north-up images. */
  readonly resolution: readonly [number, number];
  readonly crs: GridCrs;
  /** The GeoKeys' EPSG code as read (for the co-registration check). */
  readonly crsKey: string;
}

/** Why a file could not be read as a georeferenced grid. */
export interface GridProblem {
  readonly code:
    | 'not-a-tiff'
    | 'corrupt'
    | 'too-large'
    | 'no-georeference'
    | 'rotated-grid'
    | 'unsupported-crs';
  readonly message: string;
}

/** Limits on what a change map reads. */
export interface GridLimits {
  /** Most pixels per image (width × height; default 25 million, 5,000 × 5,000). */
  readonly maxPixels: number;
  /** Most bands per pixel (default 16). */
  readonly maxBands: number;
}

/** Default limits of `readGeoGrid`. */
export const DEFAULT_GRID_LIMITS: GridLimits = { maxPixels: 25_000_000, maxBands: 16 };

/**
 * Reads a GeoTIFF into an intensity grid with its geotransform and CRS. The declared size is
 * checked before any pixel is decoded, so a file that claims to be 100,000 × 100,000 pixels
 * costs nothing. Problems come back as data: not a TIFF, corrupt, too large, no georeference
 * (no tie point and pixel scale or transformation), a rotated or sheared grid, an unsupported CRS.
 *
 * @example
 * const grid = await readGeoGrid(await readFile('before.tif'));
 * if (grid.ok) console.log(grid.grid.width, grid.grid.crs.name); // 400 'WGS 84 / UTM zone 38N'
 */
export async function readGeoGrid(
  bytes: Uint8Array,
  limits: Partial<GridLimits> = {},
): Promise<
  { readonly ok: true; readonly grid: GeoGrid } | { readonly ok: false; readonly problem: GridProblem }
> {
  const { maxPixels, maxBands } = { ...DEFAULT_GRID_LIMITS, ...limits };
  const fail = (code: GridProblem['code'], message: string) => ({
    ok: false as const,
    problem: { code, message },
  });
  if (!isTiff(bytes)) return fail('not-a-tiff', 'not a TIFF file (it does not start with a TIFF header)');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let image: Awaited<ReturnType<Awaited<ReturnType<typeof fromArrayBuffer>>['getImage']>>;
  try {
    image = await (await fromArrayBuffer(buffer)).getImage(0);
  } catch (error) {
    return fail('corrupt', `the TIFF cannot be read: ${messageOf(error)}`);
  }
  const width = image.getWidth();
  const height = image.getHeight();
  const bands = image.getSamplesPerPixel();
  if (!(width > 0 && height > 0)) return fail('corrupt', 'the TIFF declares no pixels');
  if (width * height > maxPixels) {
    return fail(
      'too-large',
      `the image declares ${width} × ${height} pixels, more than the limit of ${maxPixels.toLocaleString('en-US')}: crop it to the site first`,
    );
  }
  if (bands > maxBands) return fail('too-large', `the image declares ${bands} bands, more than ${maxBands}`);

  const transform = image.fileDirectory.getValue('ModelTransformation') as ArrayLike<number> | undefined;
  if (transform !== undefined && transform !== null && (transform[1] !== 0 || transform[4] !== 0)) {
    return fail(
      'rotated-grid',
      'the grid is rotated or sheared (ModelTransformation); resample it north-up first',
    );
  }
  let origin: number[];
  let resolution: number[];
  try {
    origin = image.getOrigin();
    resolution = image.getResolution();
  } catch {
    return fail(
      'no-georeference',
      'the TIFF has no georeference (no ModelTiepoint with ModelPixelScale, nor ModelTransformation): without it no pixel has a size on the ground',
    );
  }
  const [x0, y0] = origin as [number, number];
  const [rx, ry] = resolution as [number, number];
  if (![x0, y0, rx, ry].every(Number.isFinite) || rx === 0 || ry === 0) {
    return fail('no-georeference', 'the georeference gives no usable pixel size');
  }
  // the writer's PixelIsPoint convention puts the tie point on a pixel's centre
  const geoKeys = image.getGeoKeys() as Record<string, unknown> | null;
  const pointRaster = geoKeys?.GTRasterTypeGeoKey === 2;
  const crs = gridCrs(geoKeys);
  if (typeof crs === 'string') return fail('unsupported-crs', crs);

  let rasters: ArrayLike<number>[];
  try {
    rasters = (await image.readRasters()) as unknown as ArrayLike<number>[];
  } catch (error) {
    return fail('corrupt', `the pixels cannot be decoded: ${messageOf(error)}`);
  }
  const noData = image.getGDALNoData();
  const n = width * height;
  const intensity = new Float32Array(n);
  for (const band of rasters) {
    if (band.length < n) return fail('corrupt', 'the pixel data is shorter than the declared size');
    for (let i = 0; i < n; i++) {
      const v = band[i] as number;
      intensity[i] = (intensity[i] as number) + (v === noData ? Number.NaN : v);
    }
  }
  if (rasters.length > 1)
    for (let i = 0; i < n; i++) intensity[i] = (intensity[i] as number) / rasters.length;
  const originX = pointRaster ? x0 - rx / 2 : x0;
  const originY = pointRaster ? y0 - ry / 2 : y0;
  return {
    ok: true,
    grid: {
      width,
      height,
      bands,
      intensity,
      origin: [originX, originY],
      resolution: [rx, ry],
      crs,
      crsKey: crs.code === null ? 'user-defined (metres)' : `EPSG:${crs.code}`,
    },
  };
}

function isTiff(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const [a, b, c, d] = bytes;
  const little = a === 0x49 && b === 0x49 && (c === 42 || c === 43) && d === 0;
  const big = a === 0x4d && b === 0x4d && c === 0 && (d === 42 || d === 43);
  return little || big;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
