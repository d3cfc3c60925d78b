// Image re-use detection, measured: how often a transformed copy of a generated picture is found
// (recall) and how often another picture is mistaken for it (precision) at the chosen Hamming
// threshold, and the lookup time of the re-use index at 100k stored images.
//
//   npx tsx bench/images.ts [--per-kind N] [--distinct N] [--scale N] [--queries N] [--threshold N]
//
// Wired into `npm run bench` with small sizes; the figures in docs/performance.md ("Images")
// come from the standalone run with the sizes given there.
import { parseArgs } from 'node:util';
import { perceptualHashes } from '../src/evidence/images/perceptual-hash.js';
import { DEFAULT_REUSE_THRESHOLD, ImageReuseIndex } from '../src/evidence/images/reuse-index.js';
import {
  cropShare,
  generateImage,
  IMAGE_KINDS,
  IMAGE_TRANSFORMS,
  type ImageTransform,
  seededRandom,
} from './image-set.js';

/** Sizes of one run. */
export interface ImageBenchOptions {
  /** Originals per picture family (four families). */
  readonly perKind: number;
  /** Other pictures, never indexed, queried to count false matches. */
  readonly distinct: number;
  /** Stored images in the lookup-time run (hashes generated, matches planted). */
  readonly scale: number;
  /** Lookups timed at that scale. */
  readonly queries: number;
  readonly threshold: number;
}

/** Crops that fall between the hashed crop regions: the honest test of crop robustness. */
const OFF_GRID_CROPS: readonly ImageTransform[] = [
  { name: 'crop 7 % right', apply: (png) => cropShare(png, 0, 0.07, 0, 0, 80) },
  { name: 'crop 3 % top and left', apply: (png) => cropShare(png, 0.03, 0, 0, 0.03, 80) },
  { name: 'crop 8 % top, 4 % right', apply: (png) => cropShare(png, 0.08, 0.04, 0, 0, 80) },
];

const THRESHOLDS = [4, 6, 8, 10, 12, 14, 16];

/** Precision/recall of re-use detection on generated pictures and their transformations. */
export async function benchReuseAccuracy(options: ImageBenchOptions) {
  const transforms = [...IMAGE_TRANSFORMS, ...OFF_GRID_CROPS];
  const index = new ImageReuseIndex();
  const originals: { id: string; png: Buffer }[] = [];
  let hashMs = 0;
  let hashed = 0;
  const hashesOf = async (bytes: Buffer) => {
    const t0 = performance.now();
    const h = await perceptualHashes(bytes);
    hashMs += performance.now() - t0;
    hashed += 1;
    return [h.perceptualHash, ...h.cropHashes];
  };
  for (const kind of IMAGE_KINDS)
    for (let seed = 1; seed <= options.perKind; seed += 1) {
      const png = await generateImage(kind, seed);
      const id = `${kind}-${seed}`;
      const [main, ...crops] = await hashesOf(png);
      index.add({
        evidenceId: id,
        sha256: id,
        perceptualHash: main as string,
        cropHashes: crops,
        documentId: null,
        url: null,
        date: '2024-01-01',
        dateSource: 'added',
      });
      originals.push({ id, png });
    }
  const maxT = Math.max(...THRESHOLDS);
  // For every query: the distance to its true original (or none), and the distances to others.
  const perTransform = new Map<string, number[]>();
  const perKind = new Map<string, number[]>();
  const falseDistances: number[] = [];
  for (const { id, png } of originals)
    for (const transform of transforms) {
      const matches = index.near(await hashesOf(await transform.apply(png)), maxT);
      const own = matches.find((m) => m.appearance.evidenceId === id);
      const list = perTransform.get(transform.name) ?? [];
      list.push(own?.distance ?? Number.POSITIVE_INFINITY);
      perTransform.set(transform.name, list);
      const kind = id.replace(/-\d+$/, '');
      perKind.set(kind, [...(perKind.get(kind) ?? []), own?.distance ?? Number.POSITIVE_INFINITY]);
      for (const m of matches) if (m.appearance.evidenceId !== id) falseDistances.push(m.distance);
    }
  for (let d = 0; d < options.distinct; d += 1) {
    const kind = IMAGE_KINDS[d % IMAGE_KINDS.length] as (typeof IMAGE_KINDS)[number];
    const png = await generateImage(kind, 10_000 + d);
    for (const m of index.near(await hashesOf(png), maxT)) falseDistances.push(m.distance);
  }
  const positives = originals.length * transforms.length;
  const at = THRESHOLDS.map((t) => {
    const tp = [...perTransform.values()].flat().filter((d) => d <= t).length;
    const fp = falseDistances.filter((d) => d <= t).length;
    return {
      threshold: t,
      recall: round(tp / positives, 3),
      precision: tp + fp === 0 ? 1 : round(tp / (tp + fp), 3),
      falseMatches: fp,
    };
  });
  return {
    originals: originals.length,
    transforms: transforms.length,
    positives,
    distinctQueries: options.distinct,
    hashMsPerImage: round(hashMs / hashed, 1),
    threshold: options.threshold,
    atThreshold: at.find((a) => a.threshold === options.threshold) ?? at[0],
    byThreshold: at,
    recallByKind: Object.fromEntries(
      [...perKind].map(([kind, ds]) => [
        kind,
        round(ds.filter((d) => d <= options.threshold).length / ds.length, 3),
      ]),
    ),
    recallByTransform: Object.fromEntries(
      [...perTransform].map(([name, ds]) => [
        name,
        round(ds.filter((d) => d <= options.threshold).length / ds.length, 3),
      ]),
    ),
  };
}

/** Lookup time at `scale` stored images (six hashes each), with planted near-duplicates to find. */
export function benchReuseLookup(options: ImageBenchOptions, layout: 'uniform' | 'clustered') {
  const random = seededRandom(layout === 'uniform' ? 101 : 202);
  const hex = () => Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join('');
  const flip = (hash: string, bits: number) => {
    let value = BigInt(`0x${hash}`);
    for (let i = 0; i < bits; i += 1) value ^= 1n << BigInt(Math.floor(random() * 64));
    return value.toString(16).padStart(16, '0');
  };
  // Real pHashes are not uniform: "clustered" draws each from one of 1,000 centres with 12 bits
  // flipped, so buckets are crowded the way look-alike pictures crowd them.
  const centres = Array.from({ length: 1000 }, hex);
  const draw = () =>
    layout === 'uniform' ? hex() : flip(centres[Math.floor(random() * centres.length)] as string, 12);
  const stored: string[][] = [];
  const index = new ImageReuseIndex();
  const t0 = performance.now();
  for (let i = 0; i < options.scale; i += 1) {
    const hashes = Array.from({ length: 6 }, draw);
    stored.push(hashes);
    index.add({
      evidenceId: `ev:${i}`,
      sha256: `${i}`,
      perceptualHash: hashes[0] as string,
      cropHashes: hashes.slice(1),
      documentId: null,
      url: null,
      date: '2024-01-01',
      dateSource: 'added',
    });
  }
  const buildMs = performance.now() - t0;
  const queries = Array.from({ length: options.queries }, (_, q) => {
    const target = Math.floor(random() * options.scale);
    const bits = q % (options.threshold + 1);
    return {
      target: `ev:${target}`,
      hashes: [flip((stored[target] as string[])[0] as string, bits), ...Array.from({ length: 5 }, draw)],
    };
  });
  let found = 0;
  let candidates = 0;
  const t1 = performance.now();
  for (const q of queries) {
    const matches = index.near(q.hashes, options.threshold);
    candidates += matches.length;
    if (matches.some((m) => m.appearance.evidenceId === q.target)) found += 1;
  }
  const lookupMs = (performance.now() - t1) / queries.length;
  const scanQueries = queries.slice(0, Math.max(1, Math.min(20, queries.length)));
  const t2 = performance.now();
  for (const q of scanQueries) index.scan(q.hashes, options.threshold);
  const scanMs = (performance.now() - t2) / scanQueries.length;
  return {
    layout,
    stored: options.scale,
    hashesStored: options.scale * 6,
    buildMs: Math.round(buildMs),
    msPerLookup: round(lookupMs, 3),
    msPerScan: round(scanMs, 1),
    plantedFound: `${found}/${queries.length}`,
    matchesPerLookup: round(candidates / queries.length, 2),
  };
}

/** Both measurements, as `npm run bench` records them. */
export async function benchImages(options: ImageBenchOptions) {
  return {
    accuracy: await benchReuseAccuracy(options),
    lookup: [benchReuseLookup(options, 'uniform'), benchReuseLookup(options, 'clustered')],
  };
}

/** What {@link benchImages} measured. */
export type ImageBenchResult = Awaited<ReturnType<typeof benchImages>>;

/** The "Images" section of docs/performance.md. */
export function imagesReport(r: ImageBenchResult): string[] {
  const a = r.accuracy;
  return [
    '## Images',
    '',
    `Re-use detection (\`bench/images.ts\`): ${a.originals} generated pictures (shapes, gradients, smooth noise, text-like lines) indexed; each queried in ${a.transforms} transformed copies (${a.positives} true pairs) and ${a.distinctQueries} other pictures queried. Hashing: ${a.hashMsPerImage} ms per image (decode, 6 pHashes).`,
    '',
    '| Hamming threshold | recall | precision | false matches |',
    '|---:|---:|---:|---:|',
    ...a.byThreshold.map(
      (t) =>
        `| ${t.threshold}${t.threshold === a.threshold ? ' (default)' : ''} | ${t.recall} | ${t.precision} | ${t.falseMatches} |`,
    ),
    '',
    `Recall by picture family at ${a.threshold}: ${Object.entries(a.recallByKind)
      .map(([kind, recall]) => `${kind} ${recall}`)
      .join(', ')}.`,
    '',
    `Recall by transformation at ${a.threshold}:`,
    '',
    '| transformation | recall |',
    '|---|---:|',
    ...Object.entries(a.recallByTransform).map(([name, recall]) => `| ${name} | ${recall} |`),
    '',
    'Lookup in the re-use index (multi-index hashing, 4 × 16-bit bands; six hashes per image and per query):',
    '',
    '| stored images | hash layout | build | ms per lookup | ms per full scan | planted matches found | matches per lookup |',
    '|---:|---|---:|---:|---:|---:|---:|',
    ...r.lookup.map(
      (l) =>
        `| ${l.stored} | ${l.layout} | ${l.buildMs} ms | ${l.msPerLookup} | ${l.msPerScan} | ${l.plantedFound} | ${l.matchesPerLookup} |`,
    ),
    '',
  ];
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

const isMain =
  import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/images.ts');
if (isMain) {
  const { values } = parseArgs({
    options: {
      'per-kind': { type: 'string', default: '5' },
      distinct: { type: 'string', default: '40' },
      scale: { type: 'string', default: '100000' },
      queries: { type: 'string', default: '500' },
      threshold: { type: 'string', default: String(DEFAULT_REUSE_THRESHOLD) },
    },
  });
  const options: ImageBenchOptions = {
    perKind: Number(values['per-kind']),
    distinct: Number(values.distinct),
    scale: Number(values.scale),
    queries: Number(values.queries),
    threshold: Number(values.threshold),
  };
  const result = await benchImages(options);
  process.stderr.write(`${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${imagesReport(result).join('\n')}\n`);
}
