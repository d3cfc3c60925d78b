import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { C2paStatus, ImageMetadata } from '../../types/evidence.js';
import { type C2paOptions, readC2pa } from './c2pa-status.js';
import { readImageMetadata } from './image-metadata.js';
import { DEFAULT_PIXEL_LIMIT, type ImageHashes, perceptualHashes } from './perceptual-hash.js';
import { sniffImageType } from './sniff-image-type.js';

/** Largest image file examined by default (bytes): far above a news photo, low enough to refuse a stray video. */
export const DEFAULT_MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** Options for {@link examineImage}; every field has a safe default. */
export interface ExamineImageOptions extends C2paOptions {
  /** Refuse images with more pixels than this (decompression bombs); default 100 megapixels. */
  readonly limitInputPixels?: number;
  /** Refuse files larger than this many bytes; default {@link DEFAULT_MAX_IMAGE_BYTES}. */
  readonly maxBytes?: number;
}

/** What examining one image found, before it is tied to a claim or document. */
export interface ImageExamination {
  readonly sha256: string;
  readonly mediaType: string;
  readonly size: number;
  /** Upright dimensions (after the EXIF orientation). */
  readonly width: number;
  readonly height: number;
  readonly perceptualHash: string;
  readonly cropHashes: readonly string[];
  readonly metadata: ImageMetadata;
  readonly c2pa: C2paStatus;
}

/** Why an input could not be examined. */
export type ImageProblem = 'not-an-image' | 'unsupported' | 'too-large' | 'too-many-pixels' | 'corrupt';

/**
 * The outcome for one input: the examination, or the problem as data (one bad file never sinks a batch).
 *
 * @example { ok: false, problem: 'too-many-pixels', sha256: '…', message: 'image declares 100000 × 100000 pixels …' }
 */
export type ExamineImageResult =
  | { readonly ok: true; readonly image: ImageExamination }
  | { readonly ok: false; readonly problem: ImageProblem; readonly sha256: string; readonly message: string };

/**
 * Examines an image from its bytes: media type sniffed from the bytes (a `.jpg` holding HTML is
 * refused), upright dimensions, 64-bit perceptual hash, EXIF/XMP/IPTC metadata and the C2PA
 * manifest with its validation. Bad input — not an image, corrupt, too large, a decompression
 * bomb — gives `{ ok: false, problem, message }`; it never throws.
 *
 * @example
 * const result = await examineImage(await readFile('harir.jpg'));
 * if (result.ok) console.log(result.image.perceptualHash, result.image.c2pa.status);
 */
export async function examineImage(
  bytes: Uint8Array,
  options: ExamineImageOptions = {},
): Promise<ExamineImageResult> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fail = (problem: ImageProblem, message: string): ExamineImageResult => ({
    ok: false,
    problem,
    sha256,
    message,
  });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  if (bytes.byteLength > maxBytes)
    return fail('too-large', `image is ${bytes.byteLength} bytes, over the limit of ${maxBytes}`);
  if (bytes.byteLength === 0) return fail('not-an-image', 'empty file');
  const mediaType = sniffImageType(bytes);
  if (mediaType === null) return fail('not-an-image', 'not an image: the bytes match no known image format');
  if (mediaType === 'image/svg+xml')
    return fail('unsupported', 'SVG is a drawing, not a photograph: vector images are not examined');

  const pixelLimit = options.limitInputPixels ?? DEFAULT_PIXEL_LIMIT;
  let width: number;
  let height: number;
  try {
    // The header alone: a bomb is refused before anything is decoded.
    const info = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (info.width === undefined || info.height === undefined)
      return fail('corrupt', `${mediaType} without dimensions`);
    if (info.width * info.height > pixelLimit)
      return fail(
        'too-many-pixels',
        `image declares ${info.width} × ${info.height} pixels, over the limit of ${pixelLimit} (a decompression bomb or a scan too large to examine)`,
      );
    const upright = (info.orientation ?? 1) >= 5;
    width = upright ? info.height : info.width;
    height = upright ? info.width : info.height;
  } catch (error) {
    return fail('corrupt', `${mediaType} unreadable: ${messageOf(error)}`);
  }

  let hashes: ImageHashes;
  try {
    hashes = await perceptualHashes(bytes, { limitInputPixels: pixelLimit });
  } catch (error) {
    return fail('corrupt', `${mediaType} could not be decoded: ${messageOf(error)}`);
  }
  const [metadata, c2pa] = await Promise.all([readImageMetadata(bytes), readC2pa(bytes, mediaType, options)]);
  return {
    ok: true,
    image: {
      sha256,
      mediaType,
      size: bytes.byteLength,
      width,
      height,
      perceptualHash: hashes.perceptualHash,
      cropHashes: hashes.cropHashes,
      metadata,
      c2pa,
    },
  };
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
