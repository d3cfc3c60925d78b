import sharp from 'sharp';

/** Side of the greyscale square the hash is taken from. */
export const HASH_SAMPLE_SIZE = 32;
/** Side of the block of low frequencies that become the 64 bits. */
const LOW = 8;

/** `COS[k][n]` = cos((2n+1)kπ / 2N), the DCT-II basis for a 32-sample row. */
const COS: readonly Float64Array[] = Array.from({ length: HASH_SAMPLE_SIZE }, (_, k) =>
  Float64Array.from({ length: HASH_SAMPLE_SIZE }, (_, n) =>
    Math.cos(((2 * n + 1) * k * Math.PI) / (2 * HASH_SAMPLE_SIZE)),
  ),
);

/**
 * The 64-bit DCT perceptual hash (pHash) of a 32×32 greyscale square, as 16 hex digits: the
 * 8×8 lowest frequencies after the constant term, each bit set when the coefficient is above
 * their median. Re-compression, resizing and small edits move few bits; other pictures differ
 * in about half of them.
 *
 * @example perceptualHashOfSquare(new Uint8Array(32 * 32).fill(128)) // '0000000000000000'
 */
export function perceptualHashOfSquare(grey: Uint8Array): string {
  if (grey.length !== HASH_SAMPLE_SIZE * HASH_SAMPLE_SIZE)
    throw new Error(`perceptualHashOfSquare: expected ${HASH_SAMPLE_SIZE}² samples, got ${grey.length}`);
  const N = HASH_SAMPLE_SIZE;
  // Separable 2-D DCT: rows first (only the frequencies we keep), then columns.
  const rows = new Float64Array(N * (LOW + 1));
  for (let y = 0; y < N; y += 1)
    for (let u = 0; u <= LOW; u += 1) {
      const basis = COS[u] as Float64Array;
      let sum = 0;
      for (let x = 0; x < N; x += 1) sum += (basis[x] as number) * (grey[y * N + x] as number);
      rows[y * (LOW + 1) + u] = sum;
    }
  const coefficients: number[] = [];
  for (let v = 1; v <= LOW; v += 1) {
    const basis = COS[v] as Float64Array;
    for (let u = 1; u <= LOW; u += 1) {
      let sum = 0;
      for (let y = 0; y < N; y += 1) sum += (basis[y] as number) * (rows[y * (LOW + 1) + u] as number);
      coefficients.push(sum);
    }
  }
  const median = medianOf(coefficients);
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble += 1) {
    let value = 0;
    for (let bit = 0; bit < 4; bit += 1) {
      // Rounding noise around a flat image must not flip bits: "above" means clearly above.
      if ((coefficients[nibble * 4 + bit] as number) > median + 1e-6) value |= 8 >> bit;
    }
    hex += value.toString(16);
  }
  return hex;
}

/** Regions hashed besides the whole picture, as shares cut from (top, right, bottom, left): a copy cropped by up to ~10 % lands near one of them. */
export const CROP_VARIANTS: readonly (readonly [number, number, number, number])[] = [
  [0.05, 0.05, 0.05, 0.05],
  [0.1, 0, 0, 0],
  [0, 0.1, 0, 0],
  [0, 0, 0.1, 0],
  [0, 0, 0, 0.1],
];

/** The hashes of one image: the whole picture, and the {@link CROP_VARIANTS} regions in order. */
export interface ImageHashes {
  readonly perceptualHash: string;
  readonly cropHashes: readonly string[];
}

/** Working size: the picture is reduced to fit this square before borders are found (speed, and JPEG noise averages out). */
const WORKING_SIDE = 256;

/**
 * The perceptual hashes of an encoded image: turned upright by its EXIF orientation,
 * transparency flattened onto white, reduced to greyscale, uniform borders (letterbox bars,
 * frames) cut off, then the whole picture and each {@link CROP_VARIANTS} region reduced to a
 * 32×32 square and hashed with {@link perceptualHashOfSquare}. Rejects (like sharp) on bytes it
 * cannot decode; `limitInputPixels` refuses huge images.
 *
 * @example (await perceptualHashes(jpegBytes)).perceptualHash // 'c3a1f00e9b8d2274'
 */
export async function perceptualHashes(
  bytes: Uint8Array,
  options: { limitInputPixels?: number } = {},
): Promise<ImageHashes> {
  const { data, info } = await sharp(bytes, {
    limitInputPixels: options.limitInputPixels ?? DEFAULT_PIXEL_LIMIT,
  })
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize(WORKING_SIDE, WORKING_SIDE, { fit: 'inside', kernel: 'cubic' })
    .greyscale()
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = {
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
  const inner = withoutBorders(grey);
  const hashOf = async (top: number, right: number, bottom: number, left: number) => {
    const x = inner.left + Math.round(inner.width * left);
    const y = inner.top + Math.round(inner.height * top);
    const width = Math.max(1, inner.width - Math.round(inner.width * left) - Math.round(inner.width * right));
    const height = Math.max(
      1,
      inner.height - Math.round(inner.height * top) - Math.round(inner.height * bottom),
    );
    const square = await sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
      .extract({ left: x, top: y, width, height })
      .resize(HASH_SAMPLE_SIZE, HASH_SAMPLE_SIZE, { fit: 'fill', kernel: 'cubic' })
      .extractChannel(0)
      .raw()
      .toBuffer();
    return perceptualHashOfSquare(new Uint8Array(square.buffer, square.byteOffset, square.byteLength));
  };
  const perceptualHash = await hashOf(0, 0, 0, 0);
  const cropHashes: string[] = [];
  for (const [top, right, bottom, left] of CROP_VARIANTS)
    cropHashes.push(await hashOf(top, right, bottom, left));
  return { perceptualHash, cropHashes };
}

/**
 * The perceptual hash of the whole picture (see {@link perceptualHashes}).
 *
 * @example await perceptualHash(jpegBytes) // 'c3a1f00e9b8d2274'
 */
export async function perceptualHash(
  bytes: Uint8Array,
  options: { limitInputPixels?: number } = {},
): Promise<string> {
  return (await perceptualHashes(bytes, options)).perceptualHash;
}

/** A greyscale raster. */
interface Grey {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Largest share of a side that counts as border: more than that is the picture itself. */
const MAX_BORDER_SHARE = 0.25;

/**
 * The picture inside uniform borders: rows and columns at the edges whose pixels are (nearly)
 * all one level, like a frame or letterbox bars added by a re-publisher, or a plain margin.
 * Rows and columns are trimmed in turn, each checked only inside what is left, so a frame's
 * top bar does not hide its side bars; at most a quarter of each side goes.
 *
 * @example withoutBorders({ data, width: 256, height: 222 }) // { left: 0, top: 17, width: 256, height: 188 }
 */
export function withoutBorders(grey: Grey): { left: number; top: number; width: number; height: number } {
  const { data, width, height } = grey;
  const uniform = (count: number, at: (i: number) => number): boolean => {
    let sum = 0;
    for (let i = 0; i < count; i += 1) sum += at(i);
    const mean = sum / count;
    let off = 0;
    for (let i = 0; i < count; i += 1) if (Math.abs(at(i) - mean) > 16) off += 1;
    return off <= count * 0.01;
  };
  let top = 0;
  let bottom = height;
  let left = 0;
  let right = width;
  const rowUniform = (y: number) => uniform(right - left, (i) => data[y * width + left + i] as number);
  const columnUniform = (x: number) => uniform(bottom - top, (i) => data[(top + i) * width + x] as number);
  const maxRows = Math.floor(height * MAX_BORDER_SHARE);
  const maxColumns = Math.floor(width * MAX_BORDER_SHARE);
  for (let changed = true; changed; ) {
    changed = false;
    while (top < maxRows && rowUniform(top)) [top, changed] = [top + 1, true];
    while (height - bottom < maxRows && rowUniform(bottom - 1)) [bottom, changed] = [bottom - 1, true];
    while (left < maxColumns && columnUniform(left)) [left, changed] = [left + 1, true];
    while (width - right < maxColumns && columnUniform(right - 1)) [right, changed] = [right - 1, true];
  }
  // Past a border, skip two more lines: the resampled edge blends border and picture.
  const skip = (trimmed: number, room: number) => (trimmed === 0 ? 0 : Math.min(2, room));
  top += skip(top, maxRows + 2 - top);
  left += skip(left, maxColumns + 2 - left);
  bottom -= skip(height - bottom, maxRows + 2 - (height - bottom));
  right -= skip(width - right, maxColumns + 2 - (width - right));
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/** Default largest image (width × height) we decode: 100 megapixels, well above any camera in the field. */
export const DEFAULT_PIXEL_LIMIT = 100_000_000;

/**
 * Number of differing bits between two 64-bit hashes given as 16 hex digits.
 *
 * @example hammingDistance('ffff000000000000', 'fff0000000000001') // 5
 */
export function hammingDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < 16; i += 8) {
    distance += popcount32(
      (Number.parseInt(a.slice(i, i + 8), 16) ^ Number.parseInt(b.slice(i, i + 8), 16)) >>> 0,
    );
  }
  return distance;
}

/**
 * Set bits of a 32-bit unsigned integer.
 *
 * @example popcount32(0b1011) // 3
 */
export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
