/**
 * Near-duplicate detection for reprints and syndicated copies: word shingles, MinHash
 * signatures and LSH banding, so that candidate pairs come from shared buckets rather than
 * from comparing every document with every other. Built to stay fast at millions of
 * documents: shingles are hashed straight from the text's code units, the index keeps its
 * signatures and buckets in typed arrays, and buckets filled by shared boilerplate are capped.
 */

import { UsageError } from '../errors.js';

/** Tuning of the MinHash signature. */
export interface MinhashOptions {
  /** Words per shingle; 5 keeps shared stock phrases ("said in a statement") from matching. */
  readonly shingleSize?: number;
  /** Signature length (one-permutation bins); must be `bands × rows` of the index. */
  readonly numHashes?: number;
  /** Seed of the hash family; signatures are only comparable under the same seed. */
  readonly seed?: number;
}

/** Defaults: 128 hashes, read by the index as 32 bands of 4 rows (threshold near J = 0.42). */
export const MINHASH_DEFAULTS: Required<MinhashOptions> = {
  shingleSize: 5,
  numHashes: 128,
  seed: 0x9e3779b9,
};

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Lower-cased words of a text, punctuation dropped: the units shingles are made of.
 *
 * @example shingleWords('Drones struck — the depot!') // ['drones', 'struck', 'the', 'depot']
 */
export function shingleWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** murmur3's finaliser: spreads the bits of a 32-bit value. */
function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A non-ASCII character lower-cased, split into code points that do or do not belong to a word. */
interface LoweredChar {
  readonly units: readonly number[][];
  readonly isWord: readonly boolean[];
}
const loweredChars = new Map<number, LoweredChar>();

function lowered(codePoint: number): LoweredChar {
  let found = loweredChars.get(codePoint);
  if (found) return found;
  const units: number[][] = [];
  const isWord: boolean[] = [];
  for (const ch of String.fromCodePoint(codePoint).toLowerCase()) {
    units.push(Array.from({ length: ch.length }, (_, i) => ch.charCodeAt(i)));
    isWord.push(WORD_CHAR.test(ch));
  }
  found = { units, isWord };
  if (loweredChars.size < 65_536) loweredChars.set(codePoint, found);
  return found;
}

let wordScratch = new Uint32Array(1024);
let shingleScratch = new Uint32Array(1024);

/** Room for `n` more words after `count` in the word scratch buffer. */
function wordRoom(count: number): void {
  if (count < wordScratch.length) return;
  const grown = new Uint32Array(wordScratch.length * 2);
  grown.set(wordScratch);
  wordScratch = grown;
}

/**
 * FNV-1a hashes of a text's lower-cased words (the words of {@link shingleWords}), read
 * straight from its code units without building strings: ASCII by table, other characters
 * lower-cased one at a time (cached). Returns the count; the hashes are in `wordScratch`.
 */
function hashWords(text: string): number {
  let count = 0;
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        h = Math.imul(h ^ c, FNV_PRIME);
        inWord = true;
      } else if (c >= 65 && c <= 90) {
        h = Math.imul(h ^ (c + 32), FNV_PRIME);
        inWord = true;
      } else if (inWord) {
        wordRoom(count);
        wordScratch[count++] = h >>> 0;
        h = FNV_OFFSET;
        inWord = false;
      }
      continue;
    }
    const codePoint = text.codePointAt(i) ?? c;
    if (codePoint > 0xffff) i += 1;
    const low = lowered(codePoint);
    for (let k = 0; k < low.units.length; k += 1) {
      if (low.isWord[k]) {
        for (const unit of low.units[k] ?? []) h = Math.imul(h ^ unit, FNV_PRIME);
        inWord = true;
      } else if (inWord) {
        wordRoom(count);
        wordScratch[count++] = h >>> 0;
        h = FNV_OFFSET;
        inWord = false;
      }
    }
  }
  if (inWord) {
    wordRoom(count);
    wordScratch[count++] = h >>> 0;
  }
  return count;
}

/** Hashes of the text's word shingles (repeats included) into `shingleScratch`; returns the count. */
function hashShingles(text: string, size: number): number {
  const words = hashWords(text);
  if (words === 0) return 0;
  const count = Math.max(1, words - size + 1);
  if (shingleScratch.length < count) shingleScratch = new Uint32Array(wordScratch.length);
  const w = wordScratch;
  for (let i = 0; i < count; i += 1) {
    let h = FNV_OFFSET;
    const end = Math.min(i + size, words);
    for (let j = i; j < end; j += 1) h = Math.imul(h ^ (w[j] as number), FNV_PRIME);
    shingleScratch[i] = h >>> 0;
  }
  return count;
}

/**
 * Distinct 32-bit hashes of a text's word shingles (a text shorter than one shingle gives one
 * shingle of all its words).
 *
 * @example shingleHashes('a b c d e f', { shingleSize: 5 }).length // 2
 */
export function shingleHashes(text: string, options: MinhashOptions = {}): Uint32Array {
  const size = options.shingleSize ?? MINHASH_DEFAULTS.shingleSize;
  // Hashed first: a long text reallocates the scratch buffer, and the copy must come from the new one.
  const count = hashShingles(text, size);
  const hashes = shingleScratch.slice(0, count).sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i += 1)
    if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[unique++] = hashes[i] ?? 0;
  return hashes.slice(0, unique);
}

const EMPTY = 0xffffffff;

/** Fills a signature's empty bins (see {@link signatureOfShingles}); all-ones stays all-ones. */
function densify(signature: Uint32Array): Uint32Array {
  const bins = signature.length;
  let filled = -1;
  for (let i = 0; i < bins; i += 1) if (signature[i] !== EMPTY) filled = i;
  if (filled < 0) return signature;
  const dense = Uint32Array.from(signature);
  for (let i = 0; i < bins; i += 1) {
    if (signature[i] !== EMPTY) continue;
    let d = 1;
    while (signature[(i + d) % bins] === EMPTY) d += 1;
    dense[i] = (Math.imul(d, 0x9e3779b1) + (signature[(i + d) % bins] ?? 0)) >>> 0;
  }
  return dense;
}

/**
 * The MinHash signature of a text: an estimate, position by position, of the least hash of
 * its word shingles. Two signatures agree in a share of positions that estimates the Jaccard
 * similarity of the two shingle sets. Computed by one-permutation hashing (each shingle
 * hashed once into one of `numHashes` bins, the least value kept per bin) with rotation
 * densification for empty bins (Shrivastava & Li, 2014): O(shingles + numHashes) per text
 * rather than O(shingles × numHashes). An empty text gives all-ones.
 *
 * @example
 * const a = minhashSignature('Armed drones struck a fuel depot on the southern edge of Mosul on Tuesday.');
 * const b = minhashSignature('Armed drones struck a fuel depot on the southern edge of Mosul on Tuesday night.');
 * estimateSimilarity(a, b) // about 0.8
 */
export function minhashSignature(text: string, options: MinhashOptions = {}): Uint32Array {
  const bins = options.numHashes ?? MINHASH_DEFAULTS.numHashes;
  const seed = options.seed ?? MINHASH_DEFAULTS.seed;
  // A repeated shingle lands in its bin again with the same value: no need to deduplicate.
  const count = hashShingles(text, options.shingleSize ?? MINHASH_DEFAULTS.shingleSize);
  return signatureOfShingles(shingleScratch.subarray(0, count), { numHashes: bins, seed });
}

/**
 * The MinHash signature of shingle hashes already computed (see {@link shingleHashes}).
 *
 * @example signatureOfShingles(shingleHashes(text)) // same as minhashSignature(text)
 */
export function signatureOfShingles(shingles: Uint32Array, options: MinhashOptions = {}): Uint32Array {
  const bins = options.numHashes ?? MINHASH_DEFAULTS.numHashes;
  const seed = options.seed ?? MINHASH_DEFAULTS.seed;
  const signature = new Uint32Array(bins).fill(EMPTY);
  for (let k = 0; k < shingles.length; k += 1) {
    const h = fmix32(((shingles[k] ?? 0) ^ seed) >>> 0);
    const bin = h % bins;
    const value = fmix32((h ^ 0x5bd1e995) >>> 0);
    if (value < (signature[bin] ?? EMPTY)) signature[bin] = value;
  }
  // Densification: an empty bin borrows its right neighbour's value, offset by the distance,
  // so two texts with the same shingles still agree there.
  return densify(signature);
}

/**
 * Share of positions where two signatures agree: an estimate of the Jaccard similarity of the
 * two texts' shingle sets.
 *
 * @example estimateSimilarity(minhashSignature('a b c d e f'), minhashSignature('a b c d e f')) // 1
 */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i += 1) if (a[i] === b[i]) same += 1;
  return same / n;
}

/**
 * Probability that LSH banding makes a pair at Jaccard similarity `j` a candidate: the pair
 * agrees on all rows of at least one band. The S-curve a banding is chosen by.
 *
 * @example candidateProbability(0.5, 32, 4) // 0.873
 */
export function candidateProbability(j: number, bands: number, rows: number): number {
  return 1 - (1 - j ** rows) ** bands;
}

/**
 * Defaults of the index: 32 bands × 4 rows over the 128 hashes finds a pair at J 0.5 with
 * probability 0.87 and at 0.6 with 0.99, and buckets keep at most 32 documents.
 *
 * @example new NearDuplicateIndex({ ...INDEX_DEFAULTS, maxBucket: 100 })
 */
export const INDEX_DEFAULTS = { bands: 32, rows: 4, maxBucket: 32 } as const;

/** Banding of the LSH index: `bands × rows` must equal the signature length. */
export interface NearDuplicateIndexOptions {
  readonly bands?: number;
  readonly rows?: number;
  /**
   * Most documents one bucket keeps (default 32). A bucket fills when many texts share the
   * rows of one band: a story copied a thousand times, or boilerplate (a wire's sign-off, a
   * daily bulletin's template) that some texts are mostly made of. Later documents still find
   * the first ones there, and a true copy shares many other bands with its original, so a
   * query never scans more than `bands × maxBucket` documents.
   */
  readonly maxBucket?: number;
  /** Documents expected, to size the typed arrays once (they grow by doubling otherwise). */
  readonly expectedDocuments?: number;
}

/** A document found by {@link NearDuplicateIndex.addAndMatch} with its estimated similarity. */
export interface NearDuplicateMatch {
  readonly id: string;
  readonly similarity: number;
}

/** What the index holds and what its bucket cap left out. */
export interface NearDuplicateIndexStats {
  readonly documents: number;
  /** Buckets that reached `maxBucket` (later documents were not added to them). */
  readonly fullBuckets: number;
  /** Document-band entries not stored because their bucket was full. */
  readonly skippedEntries: number;
  /** Candidates returned by queries so far (document pairs sharing a bucket, before verification). */
  readonly candidatePairs: number;
  /** Bytes held by the typed arrays (signatures, bucket chains, bucket heads). */
  readonly bytes: number;
}

/** Signatures are kept in the index as their low 16 bits: agreement by chance is 1 in 65,536. */
const toStored = (value: number) => value & 0xffff;

/**
 * Locality-sensitive hashing over MinHash signatures: each signature is cut into bands; two
 * documents whose signatures agree on every row of some band share that band's bucket and are
 * candidates. With 32 bands of 4 rows a pair at Jaccard 0.5 is found with probability 0.87,
 * at 0.6 with 0.99, at 0.3 with 0.23, at 0.1 with 0.003 ({@link candidateProbability}).
 * Adding and querying cost O(bands + documents in the buckets hit), independent of the
 * number of documents; the buckets hit are capped at `maxBucket`.
 *
 * Storage is typed arrays: each document's signature (low 16 bits of each position, 256 bytes
 * for 128 hashes), one chain link per document and band, and one bucket head per document and
 * band — about 2 × 4 × bands + 2 × hashes bytes per document (512 MB for a million documents
 * with the defaults). A bucket is found by comparing the band's rows themselves, so buckets of
 * different rows never merge.
 *
 * @example
 * const index = new NearDuplicateIndex();
 * index.add('a', minhashSignature(storyText));
 * index.candidates(minhashSignature(reprintText)) // ['a']
 * index.addAndMatch('b', minhashSignature(reprintText), 0.5) // [{ id: 'a', similarity: 0.81 }]
 */
export class NearDuplicateIndex {
  private readonly bands: number;
  private readonly rows: number;
  private readonly hashes: number;
  private readonly maxBucket: number;
  private readonly ids: string[] = [];
  private capacity: number;
  /** Stored signatures, `hashes` per document. */
  private signatures: Uint16Array;
  /** Chain link of document d in band b at d × bands + b: the previous entry of its bucket slot, -1 at the end, -2 when not stored. */
  private chains: Int32Array;
  /** Most recent entry of each slot, per band: `slots` per band. */
  private heads: Int32Array;
  private slotBits: number;
  /** Query number that last saw each document, so a candidate is counted once. */
  private seen: Int32Array;
  private queries = 0;
  private fullBuckets = 0;
  private skippedEntries = 0;
  private candidatePairs = 0;
  private readonly querySignature: Uint16Array;
  private readonly bucketCounts: Int32Array;
  private found: Int32Array;

  constructor(options: NearDuplicateIndexOptions = {}) {
    this.bands = options.bands ?? INDEX_DEFAULTS.bands;
    this.rows = options.rows ?? Math.floor(MINHASH_DEFAULTS.numHashes / this.bands);
    if (!Number.isInteger(this.bands) || !Number.isInteger(this.rows) || this.bands < 1 || this.rows < 1)
      throw new UsageError(`bands and rows must be positive integers (got ${this.bands} × ${this.rows})`);
    this.hashes = this.bands * this.rows;
    this.maxBucket = Math.max(1, options.maxBucket ?? INDEX_DEFAULTS.maxBucket);
    this.capacity = 1024;
    while (this.capacity < (options.expectedDocuments ?? 0)) this.capacity *= 2;
    this.slotBits = Math.log2(this.capacity);
    this.signatures = new Uint16Array(this.capacity * this.hashes);
    this.chains = new Int32Array(this.capacity * this.bands);
    this.heads = new Int32Array(this.bands * this.capacity).fill(-1);
    this.seen = new Int32Array(this.capacity).fill(-1);
    this.querySignature = new Uint16Array(this.hashes);
    this.bucketCounts = new Int32Array(this.bands);
    this.found = new Int32Array(256);
  }

  /** Number of hash positions a signature must have for this index. */
  get signatureLength(): number {
    return this.bands * this.rows;
  }

  /** Documents held, buckets filled and entries the cap left out. */
  get stats(): NearDuplicateIndexStats {
    return {
      documents: this.ids.length,
      fullBuckets: this.fullBuckets,
      skippedEntries: this.skippedEntries,
      candidatePairs: this.candidatePairs,
      bytes:
        this.signatures.byteLength + this.chains.byteLength + this.heads.byteLength + this.seen.byteLength,
    };
  }

  /** Adds a document's signature under its id. */
  add(id: string, signature: Uint32Array): void {
    this.load(signature);
    this.collect(false);
    this.store(id);
  }

  /** Ids sharing at least one band bucket with the signature, each once, in the order they were added (verify them with `estimateSimilarity`). */
  candidates(signature: Uint32Array): string[] {
    this.load(signature);
    const n = this.collect(true);
    const docs = this.found.subarray(0, n).sort();
    return Array.from(docs, (d) => this.ids[d] ?? '');
  }

  /**
   * Finds the documents already added whose stored signatures agree with this one on at
   * least `minSimilarity` of their positions (among its LSH candidates), then adds it: one
   * pass over its buckets for both. Matches are in the order they were added.
   */
  addAndMatch(id: string, signature: Uint32Array, minSimilarity: number): NearDuplicateMatch[] {
    this.load(signature);
    const n = this.collect(true);
    const docs = this.found.subarray(0, n).sort();
    const matches: NearDuplicateMatch[] = [];
    const need = Math.ceil(minSimilarity * this.hashes - 1e-9);
    // A candidate is dropped as soon as it has disagreed on too many positions to reach `need`.
    const mayDiffer = this.hashes - need;
    const q = this.querySignature;
    const all = this.signatures;
    for (let k = 0; k < n; k += 1) {
      const doc = docs[k] ?? 0;
      const base = doc * this.hashes;
      let differ = 0;
      for (let i = 0; i < this.hashes && differ <= mayDiffer; i += 1) if (all[base + i] !== q[i]) differ += 1;
      if (differ <= mayDiffer)
        matches.push({ id: this.ids[doc] ?? '', similarity: (this.hashes - differ) / this.hashes });
    }
    this.store(id);
    return matches;
  }

  private load(signature: Uint32Array): void {
    if (signature.length !== this.hashes)
      throw new UsageError(`signature has ${signature.length} positions; this index reads ${this.hashes}`);
    for (let i = 0; i < this.hashes; i += 1) this.querySignature[i] = toStored(signature[i] ?? 0);
  }

  private slotOf(band: number): number {
    const q = this.querySignature;
    let h = Math.imul(band + 1, 0x9e3779b1);
    for (let r = band * this.rows; r < (band + 1) * this.rows; r += 1)
      h = Math.imul(h ^ (q[r] ?? 0), FNV_PRIME);
    return fmix32(h >>> 0) >>> (32 - this.slotBits);
  }

  /** Walks each band's bucket: counts its entries (for the cap) and, when asked, gathers the documents in `found`. */
  private collect(gather: boolean): number {
    const q = this.querySignature;
    const all = this.signatures;
    if (this.queries === 0x7fffffff) {
      this.seen.fill(-1);
      this.queries = 0;
    }
    const query = this.queries++;
    let n = 0;
    for (let band = 0; band < this.bands; band += 1) {
      const from = band * this.rows;
      const to = from + this.rows;
      let count = 0;
      for (let entry = this.heads[band * this.capacity + this.slotOf(band)] ?? -1; entry >= 0; ) {
        const doc = Math.floor(entry / this.bands);
        const base = doc * this.hashes;
        let same = true;
        for (let r = from; r < to; r += 1)
          if (all[base + r] !== q[r]) {
            same = false;
            break;
          }
        if (same) {
          count += 1;
          if (gather && this.seen[doc] !== query) {
            this.seen[doc] = query;
            if (n === this.found.length) {
              const grown = new Int32Array(n * 2);
              grown.set(this.found);
              this.found = grown;
            }
            this.found[n++] = doc;
          }
        }
        entry = this.chains[entry] ?? -1;
      }
      this.bucketCounts[band] = count;
    }
    if (gather) this.candidatePairs += n;
    return n;
  }

  /** Stores the loaded signature under a new document number and links it into each band's bucket that has room. */
  private store(id: string): void {
    const doc = this.ids.length;
    if (doc === this.capacity) this.grow();
    this.ids.push(id);
    this.signatures.set(this.querySignature, doc * this.hashes);
    for (let band = 0; band < this.bands; band += 1) {
      const entry = doc * this.bands + band;
      const count = this.bucketCounts[band] ?? 0;
      if (count >= this.maxBucket) {
        this.chains[entry] = -2;
        this.skippedEntries += 1;
        continue;
      }
      if (count + 1 === this.maxBucket) this.fullBuckets += 1;
      const head = band * this.capacity + this.slotOf(band);
      this.chains[entry] = this.heads[head] ?? -1;
      this.heads[head] = entry;
    }
  }

  /** Doubles the arrays and rebuilds the bucket heads for twice the slots (one per document and band). */
  private grow(): void {
    const capacity = this.capacity * 2;
    const signatures = new Uint16Array(capacity * this.hashes);
    signatures.set(this.signatures);
    const chains = new Int32Array(capacity * this.bands);
    const seen = new Int32Array(capacity).fill(-1);
    seen.set(this.seen);
    this.signatures = signatures;
    this.seen = seen;
    this.capacity = capacity;
    this.slotBits += 1;
    this.heads = new Int32Array(this.bands * capacity).fill(-1);
    const old = this.chains;
    const q = this.querySignature;
    const saved = Uint16Array.from(q);
    // Relink every stored entry in document order, so each chain stays newest first.
    for (let doc = 0; doc < this.ids.length; doc += 1) {
      q.set(signatures.subarray(doc * this.hashes, (doc + 1) * this.hashes));
      for (let band = 0; band < this.bands; band += 1) {
        const entry = doc * this.bands + band;
        if (old[entry] === -2) {
          chains[entry] = -2;
          continue;
        }
        const head = band * capacity + this.slotOf(band);
        chains[entry] = this.heads[head] ?? -1;
        this.heads[head] = entry;
      }
    }
    this.chains = chains;
    q.set(saved);
  }
}
