import type { StoredImageHash } from '../../store/store.js';
import type { ImageReuse } from '../../types/evidence.js';
import { popcount32 } from './perceptual-hash.js';

/** Hamming distance at or under which two 64-bit pHashes count as the same picture (see docs/evidence.md). */
export const DEFAULT_REUSE_THRESHOLD = 10;

/** One known appearance of an image: what the index returns for a match. */
export interface ImageAppearance {
  readonly evidenceId: string;
  readonly sha256: string;
  readonly perceptualHash: string;
  /** Hashes of cropped regions of the same picture (see `CROP_VARIANTS`); matched like the main hash. */
  readonly cropHashes?: readonly string[];
  readonly documentId: string | null;
  readonly url: string | null;
  /** ISO date/time of the appearance: publication date, else when it was added. */
  readonly date: string;
  readonly dateSource: 'published' | 'added';
}

/** A match from {@link ImageReuseIndex.near}: the appearance and its distance to the query. */
export interface ImageMatch {
  readonly appearance: ImageAppearance;
  readonly distance: number;
}

const BANDS = 4;
const BAND_BITS = 16;

/**
 * A near-duplicate index over 64-bit perceptual hashes by multi-index hashing (Norouzi et al.):
 * the hash is cut into four 16-bit bands, each with its own table. Two hashes within distance
 * `d` agree within `⌊d/4⌋` bits on at least one band (pigeonhole), so probing each band's
 * neighbours within that radius finds every match; candidates are then checked on all 64 bits.
 *
 * @example
 * const index = new ImageReuseIndex();
 * index.add({ evidenceId: 'ev:1', sha256: '…', perceptualHash: 'c3a1f00e9b8d2274', documentId: 'a', url: null,
 *   date: '2023-11-02', dateSource: 'published' });
 * index.near('c3a1f00e9b8d2276', 10); // [{ appearance: …, distance: 1 }]
 */
export class ImageReuseIndex {
  readonly #appearances: ImageAppearance[] = [];
  /** Per hash entry: its two 32-bit halves and the appearance it belongs to. */
  readonly #hi: number[] = [];
  readonly #lo: number[] = [];
  readonly #owner: number[] = [];
  /**
   * Per band, buckets as linked lists in typed arrays (a `Map` of arrays is ~50× slower to probe):
   * `#heads[band][key]` is the last entry added with that band value (-1: none), `#next[band][entry]`
   * the one added before it.
   */
  readonly #heads: Int32Array[] = Array.from({ length: BANDS }, () =>
    new Int32Array(1 << BAND_BITS).fill(-1),
  );
  #next: Int32Array[] = Array.from({ length: BANDS }, () => new Int32Array(1024));
  /** Per hash entry, the number of the last probe that checked it: candidates are deduplicated without a Set. */
  #stamp = new Uint32Array(1024);
  #probe = 0;

  /**
   * An index over the ledger's stored image hashes (`store.imageHashes()`).
   *
   * @example ImageReuseIndex.fromStored(await store.imageHashes())
   */
  static fromStored(rows: readonly StoredImageHash[]): ImageReuseIndex {
    const index = new ImageReuseIndex();
    for (const row of rows) index.add(appearanceOf(row));
    return index;
  }

  /** Number of appearances (not hashes) in the index. */
  get size(): number {
    return this.#appearances.length;
  }

  /** Adds one appearance with its main and crop hashes; a hash that is not 16 hex digits is refused (programmer error). */
  add(appearance: ImageAppearance): void {
    const owner = this.#appearances.length;
    const hashes = [appearance.perceptualHash, ...(appearance.cropHashes ?? [])].map(splitHash);
    this.#appearances.push(appearance);
    for (const [hi, lo] of hashes) {
      const entry = this.#hi.length;
      this.#hi.push(hi);
      this.#lo.push(lo);
      this.#owner.push(owner);
      if (entry >= this.#stamp.length) {
        const grown = new Uint32Array(this.#stamp.length * 2);
        grown.set(this.#stamp);
        this.#stamp = grown;
        this.#next = this.#next.map((next) => {
          const longer = new Int32Array(next.length * 2);
          longer.set(next);
          return longer;
        });
      }
      for (let band = 0; band < BANDS; band += 1) {
        const key = bandOf(hi, lo, band);
        const heads = this.#heads[band] as Int32Array;
        (this.#next[band] as Int32Array)[entry] = heads[key] as number;
        heads[key] = entry;
      }
    }
  }

  /**
   * Every appearance within `maxDistance` bits of any of the query's hashes (its main hash, and
   * its crop hashes when given), each with its smallest distance, nearest first.
   */
  near(hashes: string | readonly string[], maxDistance: number = DEFAULT_REUSE_THRESHOLD): ImageMatch[] {
    const radius = Math.floor(Math.max(0, maxDistance) / BANDS);
    const masks = masksWithin(radius);
    const best = new Map<number, number>();
    const stamp = this.#stamp;
    for (const [hi, lo] of (typeof hashes === 'string' ? [hashes] : hashes).map(splitHash)) {
      this.#probe = (this.#probe + 1) >>> 0;
      if (this.#probe === 0) {
        stamp.fill(0);
        this.#probe = 1;
      }
      const probe = this.#probe;
      for (let band = 0; band < BANDS; band += 1) {
        const heads = this.#heads[band] as Int32Array;
        const next = this.#next[band] as Int32Array;
        const key = bandOf(hi, lo, band);
        for (const mask of masks) {
          for (let entry = heads[key ^ mask] as number; entry !== -1; entry = next[entry] as number) {
            if (stamp[entry] === probe) continue;
            stamp[entry] = probe;
            const distance = this.#distance(entry, hi, lo);
            if (distance > maxDistance) continue;
            const owner = this.#owner[entry] as number;
            const known = best.get(owner);
            if (known === undefined || distance < known) best.set(owner, distance);
          }
        }
      }
    }
    return this.#matches(best);
  }

  /** The same answer as {@link near} by comparing with every entry: the baseline the bench measures against. */
  scan(hashes: string | readonly string[], maxDistance: number = DEFAULT_REUSE_THRESHOLD): ImageMatch[] {
    const best = new Map<number, number>();
    for (const [hi, lo] of (typeof hashes === 'string' ? [hashes] : hashes).map(splitHash))
      for (let entry = 0; entry < this.#hi.length; entry += 1) {
        const distance = this.#distance(entry, hi, lo);
        if (distance > maxDistance) continue;
        const owner = this.#owner[entry] as number;
        const known = best.get(owner);
        if (known === undefined || distance < known) best.set(owner, distance);
      }
    return this.#matches(best);
  }

  #distance(entry: number, hi: number, lo: number): number {
    return (
      popcount32((hi ^ (this.#hi[entry] as number)) >>> 0) +
      popcount32((lo ^ (this.#lo[entry] as number)) >>> 0)
    );
  }

  #matches(best: Map<number, number>): ImageMatch[] {
    return [...best]
      .map(([owner, distance]) => ({ appearance: this.#appearances[owner] as ImageAppearance, distance }))
      .sort((a, b) => a.distance - b.distance || a.appearance.date.localeCompare(b.appearance.date));
  }
}

/**
 * Earlier appearances of an image, for its finding: matches from other documents and sources
 * dated on or before the image's own appearance (`date`, compared by day; all when null),
 * earliest first (the first is the earliest known appearance).
 *
 * @example earlierAppearances(index, { perceptualHash: 'c3a1…', sha256: '9f…', documentIds: ['north-desk-1'] })
 */
export function earlierAppearances(
  index: ImageReuseIndex,
  image: {
    perceptualHash: string;
    cropHashes?: readonly string[];
    sha256: string;
    documentIds: readonly string[];
    sourceUrl?: string | null;
    /** When this image appeared (its document's publication date, else when it was added). */
    date?: string | null;
  },
  maxDistance: number = DEFAULT_REUSE_THRESHOLD,
): ImageReuse[] {
  const day = image.date?.slice(0, 10) ?? null;
  const own = new Set(image.documentIds);
  const seen = new Set<string>();
  const reuse: ImageReuse[] = [];
  for (const { appearance, distance } of index.near(
    [image.perceptualHash, ...(image.cropHashes ?? [])],
    maxDistance,
  )) {
    if (appearance.documentId !== null && own.has(appearance.documentId)) continue;
    if (day !== null && appearance.date.slice(0, 10) > day) continue;
    // The same bytes from the same place with no document are this image added again, not a reuse.
    if (
      appearance.documentId === null &&
      appearance.sha256 === image.sha256 &&
      appearance.url === (image.sourceUrl ?? null)
    )
      continue;
    const key = `${appearance.evidenceId}\u0000${appearance.documentId ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reuse.push({
      evidenceId: appearance.evidenceId,
      sha256: appearance.sha256,
      documentId: appearance.documentId,
      url: appearance.url,
      date: appearance.date,
      dateSource: appearance.dateSource,
      distance,
      sameBytes: appearance.sha256 === image.sha256,
    });
  }
  return reuse.sort((a, b) => a.date.localeCompare(b.date) || a.distance - b.distance);
}

/**
 * The appearance a stored hash row stands for: dated by its document's publication, else by when it was added.
 *
 * @example appearanceOf(row).dateSource // 'published'
 */
export function appearanceOf(row: StoredImageHash): ImageAppearance {
  return {
    evidenceId: row.evidenceId,
    sha256: row.sha256,
    perceptualHash: row.perceptualHash,
    cropHashes: row.cropHashes,
    documentId: row.documentId,
    url: row.sourceUrl ?? row.documentUrl,
    date: row.publishedDate ?? row.addedAt,
    dateSource: row.publishedDate === null ? 'added' : 'published',
  };
}

function splitHash(hash: string): [number, number] {
  if (!/^[0-9a-f]{16}$/i.test(hash))
    throw new Error(`not a 64-bit hex perceptual hash: ${JSON.stringify(hash)}`);
  return [Number.parseInt(hash.slice(0, 8), 16) >>> 0, Number.parseInt(hash.slice(8), 16) >>> 0];
}

function bandOf(hi: number, lo: number, band: number): number {
  const word = band < 2 ? hi : lo;
  return band % 2 === 0 ? word >>> BAND_BITS : word & 0xffff;
}

const maskCache = new Map<number, number[]>();

/** All 16-bit masks with at most `radius` bits set, fewest bits first (radius 2: 137 masks). */
function masksWithin(radius: number): number[] {
  const cached = maskCache.get(radius);
  if (cached !== undefined) return cached;
  const masks: number[] = [];
  for (let mask = 0; mask < 1 << BAND_BITS; mask += 1) if (popcount32(mask) <= radius) masks.push(mask);
  masks.sort((a, b) => popcount32(a) - popcount32(b) || a - b);
  maskCache.set(radius, masks);
  return masks;
}
