// Ledger figures for `npm run bench`: near-duplicate detection (MinHash + LSH banding) over
// generated reports with planted copies, and ingest throughput into SQLite, and into PostgreSQL
// when CORROBORATE_TEST_POSTGRES (or CORROBORATE_BENCH_POSTGRES) names a disposable database.
// Not a test: the figures depend on the machine. Standalone:
//
//   npx tsx bench/ledger.ts [--near-dup-sizes 10000,100000] [--near-dup-templated-sizes 10000,100000]
//                           [--banding 32x4] [--max-bucket 32] [--record] [--ingest 1000|0]
//
// --record keeps the near-duplicate figures in bench/near-duplicate-results.json, from which
// docs/performance.md shows sizes `npm run bench` did not measure (the million:
// `--near-dup-sizes 1000000 --near-dup-templated-sizes '' --ingest 0 --record`); --ingest 0 skips
// the ingest and ledger figures.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  candidateProbability,
  INDEX_DEFAULTS,
  minhashSignature,
  NearDuplicateIndex,
} from '../src/corroborate/near-duplicates.js';
import { openStore } from '../src/store/open-store.js';
import type { AnalysisRecord } from '../src/types/analysis-record.js';
import { type GeneratedReport, generateCorpus } from './generate-corpus.js';
import { nearDuplicateBatches } from './near-duplicate-corpus.js';
import { seededRandom as rng } from './seeded-random.js';

/** Similarity above which two candidates count as copies (as a reprint with small edits scores). */
const COPY_SIMILARITY = 0.5;
/** One report in ten is a copy of an earlier one in the same batch (templated corpus). */
const COPY_SHARE = 0.1;
/** Reports are generated and indexed in batches of this size, so 100k texts never sit in memory together. */
const BATCH = 10_000;

/** Which generated reports the near-duplicate bench reads. */
export type NearDuplicateCorpus = 'realistic' | 'templated';

/** Banding and cap of one near-duplicate bench run. */
export interface NearDuplicateBenchOptions {
  readonly corpus?: NearDuplicateCorpus;
  readonly seed?: number;
  readonly bands?: number;
  readonly rows?: number;
  readonly maxBucket?: number;
}

/** Near-duplicate detection at one corpus size. */
export interface NearDuplicateFigures {
  /** `realistic` (bench/near-duplicate-corpus.ts) or `templated` (bench/generate-corpus.ts). */
  readonly corpus: NearDuplicateCorpus;
  readonly documents: number;
  /** `bands×rows` of the LSH index. */
  readonly banding: string;
  readonly maxBucket: number;
  readonly plantedCopies: number;
  /** Time to generate the reports (not part of the detection time). */
  readonly generateMs: number;
  /** Time to compute every MinHash signature. */
  readonly signatureMs: number;
  /** Time to query the LSH index for each document, verify candidates and add it. */
  readonly indexMs: number;
  readonly totalMs: number;
  readonly documentsPerSecond: number;
  /**
   * The same three times as CPU time of this process (user + system): on a shared, loaded
   * machine, closer to what an idle one takes than the wall-clock figures.
   */
  readonly generateCpuMs: number;
  readonly signatureCpuMs: number;
  readonly indexCpuMs: number;
  /** Candidate pairs the index returned (before verification). */
  readonly candidatePairs: number;
  /** Candidate pairs with estimated similarity ≥ 0.5. */
  readonly pairsAboveThreshold: number;
  /** Share of planted copies found (a member of their family among the pairs above threshold). */
  readonly plantedRecall: number;
  /** Share of the pairs above threshold that are planted copies of one story. */
  readonly precision: number;
  /** Pairs above threshold between reports of different stories. */
  readonly falsePairs: number;
  /** Pairs above threshold between bulletins written from one template (not copies). */
  readonly templatePairsFlagged: number;
  /** Buckets that reached the cap, and document-band entries the cap left out. */
  readonly fullBuckets: number;
  readonly skippedEntries: number;
  /** Mean of the one-minute load average sampled after each batch: how shared the machine was. */
  readonly meanLoadAverage: number;
  /** Typed arrays of the index. */
  readonly indexMB: number;
  readonly heapUsedMB: number;
  readonly rssMB: number;
}

/** Ingest into one store. */
export interface IngestFigures {
  readonly documents: number;
  readonly newDocsPerSecond: number;
  /** Re-putting the same documents: the idempotent path (status `duplicate`). */
  readonly duplicateDocsPerSecond: number;
}

/** Ground truth of one generated report: its copy family and bulletin template (−1 for none). */
interface BenchReport {
  readonly text: string;
  readonly family: number;
  readonly template: number;
  readonly copy: boolean;
}

const OUTLETS = ['The Valley Courier', 'Gulf Ledger', 'Tigris Times', 'Steppe Courier', 'Nile Sentinel'];
const SWAPS: [RegExp, string][] = [
  [/\bsaid\b/, 'stated'],
  [/\bkilled\b/, 'left dead'],
  [/\bofficials\b/, 'authorities'],
  [/\bon Tuesday\b/, 'on Tuesday night'],
  [/\bdefence\b/, 'defense'],
];

/**
 * A reprint of `text` with the small edits syndication makes: a new headline, the last paragraph
 * trimmed, a few words changed, a republication notice appended.
 *
 * @example reprint('Title\n\nA.\n\nB.\n\nBy X\n', rng(1)) // 'Drones hit … \n\nA.\n\nB.\n\nRepublished by …'
 */
export function reprint(text: string, random: () => number): string {
  const paragraphs = text.trim().split('\n\n');
  paragraphs[0] = `${OUTLETS[Math.floor(random() * OUTLETS.length)]}: ${paragraphs[0]?.toLowerCase() ?? ''}`;
  paragraphs.pop();
  let body = paragraphs.join('\n\n');
  for (const [pattern, replacement] of SWAPS) if (random() < 0.6) body = body.replace(pattern, replacement);
  return `${body}\n\nRepublished by ${OUTLETS[Math.floor(random() * OUTLETS.length)]} with permission.\n`;
}

/** One batch of templated reports with planted copies: `copyOf` maps a copy's id to its original's. */
function batchWithCopies(
  count: number,
  seed: number,
): { reports: GeneratedReport[]; copyOf: Map<string, string> } {
  const random = rng(seed ^ 0x5eed);
  const originals = generateCorpus(count - Math.floor(count * COPY_SHARE), seed).map((r) => ({
    ...r,
    id: `s${seed}-${r.id}`,
  }));
  const copyOf = new Map<string, string>();
  const reports = [...originals];
  for (let i = 0; i < count - originals.length; i++) {
    const original = originals[Math.floor(random() * originals.length)] as GeneratedReport;
    const id = `s${seed}-copy-${i}`;
    copyOf.set(id, original.id);
    // Insert the copy after its original, at a random later position, as a feed would deliver it.
    const at =
      reports.indexOf(original) + 1 + Math.floor(random() * (reports.length - reports.indexOf(original)));
    reports.splice(at, 0, { id, text: reprint(original.text, random), date: original.date });
  }
  return { reports, copyOf };
}

/** The templated corpus in batches, each report with its family (a copy takes its original's). */
function* templatedBatches(documents: number, seed: number): Generator<BenchReport[]> {
  let families = 0;
  for (let done = 0, batch = 0; done < documents; done += BATCH, batch++) {
    const { reports, copyOf } = batchWithCopies(Math.min(BATCH, documents - done), seed + batch);
    const familyOf = new Map<string, number>();
    for (const r of reports) if (!copyOf.has(r.id)) familyOf.set(r.id, families++);
    yield reports.map((r) => {
      const original = copyOf.get(r.id);
      const family = familyOf.get(original ?? r.id) ?? -1;
      return { text: r.text, family, template: -1, copy: original !== undefined };
    });
  }
}

/** The realistic corpus in batches (bench/near-duplicate-corpus.ts). */
function* realisticBatches(documents: number, seed: number): Generator<BenchReport[]> {
  for (const batch of nearDuplicateBatches(documents, { seed, batchSize: BATCH }))
    yield batch.map((r) => ({
      text: r.text,
      family: r.family,
      template: r.template,
      copy: r.kind === 'copy',
    }));
}

/**
 * Near-duplicate detection over `documents` generated reports: each report's MinHash signature,
 * then one pass over the LSH index that finds earlier reports with estimated similarity ≥ 0.5
 * and adds it. Measures signature and index time, candidate pairs, recall on planted copies,
 * precision of the pairs found, the bucket cap's work and memory.
 *
 * @example benchNearDuplicates(10_000, { corpus: 'realistic' }).documentsPerSecond // e.g. 9000
 */
export function benchNearDuplicates(
  documents: number,
  options: NearDuplicateBenchOptions = {},
): NearDuplicateFigures {
  const corpus = options.corpus ?? 'realistic';
  const bands = options.bands ?? INDEX_DEFAULTS.bands;
  const rows = options.rows ?? INDEX_DEFAULTS.rows;
  const index = new NearDuplicateIndex({
    bands,
    rows,
    maxBucket: options.maxBucket,
    expectedDocuments: documents,
  });
  const minhash = { numHashes: bands * rows };
  const familyOf = new Int32Array(documents);
  const templateOf = new Int32Array(documents);
  let generateMs = 0;
  let signatureMs = 0;
  let indexMs = 0;
  let pairsAboveThreshold = 0;
  let truePairs = 0;
  let templatePairsFlagged = 0;
  let planted = 0;
  let plantedFound = 0;
  let n = 0;
  const seed = options.seed ?? 7;
  const batches =
    corpus === 'realistic' ? realisticBatches(documents, seed) : templatedBatches(documents, seed);
  let loadSum = 0;
  let loadSamples = 0;
  let generateCpuMs = 0;
  let signatureCpuMs = 0;
  let indexCpuMs = 0;
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let tg = process.hrtime.bigint();
  let cg = cpu();
  for (const reports of batches) {
    const t0 = process.hrtime.bigint();
    const c0 = cpu();
    generateMs += Number(t0 - tg) / 1e6;
    generateCpuMs += c0 - cg;
    const signatures = reports.map((r) => minhashSignature(r.text, minhash));
    const t1 = process.hrtime.bigint();
    const c1 = cpu();
    signatureCpuMs += c1 - c0;
    reports.forEach((report, i) => {
      const doc = n++;
      familyOf[doc] = report.family;
      templateOf[doc] = report.template;
      let found = false;
      for (const match of index.addAndMatch(String(doc), signatures[i] as Uint32Array, COPY_SIMILARITY)) {
        const other = Number(match.id);
        pairsAboveThreshold++;
        if (familyOf[other] === report.family) {
          truePairs++;
          found = true;
        } else if (report.template >= 0 && templateOf[other] === report.template) templatePairsFlagged++;
      }
      if (report.copy) {
        planted++;
        if (found) plantedFound++;
      }
    });
    tg = process.hrtime.bigint();
    cg = cpu();
    loadSum += loadavg()[0] ?? 0;
    loadSamples++;
    indexCpuMs += cg - c1;
    signatureMs += Number(t1 - t0) / 1e6;
    indexMs += Number(tg - t1) / 1e6;
  }
  const totalMs = signatureMs + indexMs;
  const stats = index.stats;
  const memory = process.memoryUsage();
  return {
    corpus,
    documents,
    banding: `${bands}×${rows}`,
    maxBucket: options.maxBucket ?? INDEX_DEFAULTS.maxBucket,
    plantedCopies: planted,
    generateMs: round(generateMs),
    signatureMs: round(signatureMs),
    indexMs: round(indexMs),
    totalMs: round(totalMs),
    documentsPerSecond: round((documents / totalMs) * 1000),
    generateCpuMs: round(generateCpuMs),
    signatureCpuMs: round(signatureCpuMs),
    indexCpuMs: round(indexCpuMs),
    candidatePairs: stats.candidatePairs,
    pairsAboveThreshold,
    plantedRecall: round(planted === 0 ? 1 : plantedFound / planted, 4),
    precision: round(pairsAboveThreshold === 0 ? 1 : truePairs / pairsAboveThreshold, 6),
    falsePairs: pairsAboveThreshold - truePairs,
    templatePairsFlagged,
    fullBuckets: stats.fullBuckets,
    skippedEntries: stats.skippedEntries,
    meanLoadAverage: round(loadSamples === 0 ? 0 : loadSum / loadSamples, 2),
    indexMB: round(stats.bytes / 2 ** 20),
    heapUsedMB: round(memory.heapUsed / 2 ** 20),
    rssMB: round(memory.rss / 2 ** 20),
  };
}

/**
 * Ingest throughput: each record put once (new) and once more (duplicate), one transaction per
 * document, into a fresh SQLite file and, when a PostgreSQL URL is given, into that database (it must be
 * empty: documents already there would be counted as duplicates).
 *
 * @example await benchIngest(records, process.env.CORROBORATE_TEST_POSTGRES)
 */
export async function benchIngest(
  records: readonly AnalysisRecord[],
  postgresUrl: string | undefined,
): Promise<Record<string, IngestFigures | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-ledger-'));
  const targets: [string, string][] = [['sqlite', join(dir, 'ledger.sqlite')]];
  if (postgresUrl) targets.push(['postgres', postgresUrl]);
  const out: Record<string, IngestFigures | string> = {};
  try {
    for (const [name, url] of targets) {
      const store = await openStore(url);
      try {
        const t0 = process.hrtime.bigint();
        for (const record of records) await store.putDocument({ record });
        const newMs = Number(process.hrtime.bigint() - t0) / 1e6;
        const t1 = process.hrtime.bigint();
        for (const record of records) await store.putDocument({ record });
        const dupMs = Number(process.hrtime.bigint() - t1) / 1e6;
        out[name] = {
          documents: records.length,
          newDocsPerSecond: round((records.length / newMs) * 1000),
          duplicateDocsPerSecond: round((records.length / dupMs) * 1000),
        };
      } finally {
        await store.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!postgresUrl)
    out.postgres = 'not measured (set CORROBORATE_TEST_POSTGRES to a disposable database URL)';
  return out;
}

/** `buildLedger` over analysed reports: the whole corroboration (origins, clusters, support, checks). */
export interface BuildLedgerFigures {
  readonly documents: number;
  readonly ms: number;
  readonly documentsPerSecond: number;
  readonly reportEvents: number;
  readonly ledgerEvents: number;
  readonly origins: number;
}

/**
 * Times `buildLedger` over `records` (generated reports with their publication dates).
 *
 * @example await benchBuildLedger(records, reports) // { documents: 1000, ms: 850, … }
 */
export async function benchBuildLedger(
  records: readonly AnalysisRecord[],
  reports: readonly GeneratedReport[],
): Promise<BuildLedgerFigures> {
  const { buildLedger } = await import('../src/corroborate/build-ledger.js');
  const documents = records.map((record, i) => ({
    id: record.id,
    sha256: record.document.sha256,
    title: record.document.title?.value ?? null,
    publisher: null,
    url: null,
    publishedDate: reports[i]?.date ?? null,
    record,
  }));
  buildLedger(documents.slice(0, 50)); // warm-up
  const t0 = process.hrtime.bigint();
  const ledger = buildLedger(documents);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return {
    documents: documents.length,
    ms: round(ms),
    documentsPerSecond: round((documents.length / ms) * 1000),
    reportEvents: records.reduce((n, r) => n + r.events.length, 0),
    ledgerEvents: ledger.events.length,
    origins: ledger.origins.length,
  };
}

/** Where standalone runs (`npx tsx bench/ledger.ts --near-dup-sizes …`) keep their figures for the report. */
export const NEAR_DUPLICATE_RESULTS = fileURLToPath(
  new URL('./near-duplicate-results.json', import.meta.url),
);

/** A figure kept from an earlier standalone run, with when and under what load it was taken. */
export interface RecordedNearDuplicateFigures extends NearDuplicateFigures {
  readonly date: string;
  readonly loadAverage: number;
  readonly machine: string;
}

const figureKey = (f: NearDuplicateFigures) => `${f.corpus} ${f.documents} ${f.banding} ${f.maxBucket}`;

/** Figures recorded by standalone runs (none when the file is absent). */
export function recordedNearDuplicates(path = NEAR_DUPLICATE_RESULTS): RecordedNearDuplicateFigures[] {
  if (!existsSync(path)) return [];
  return JSON.parse(readFileSync(path, 'utf8')) as RecordedNearDuplicateFigures[];
}

/**
 * Keeps figures in the results file, replacing those of the same corpus, size, banding and cap.
 *
 * @example recordNearDuplicates([benchNearDuplicates(1_000_000)])
 */
export function recordNearDuplicates(
  figures: readonly NearDuplicateFigures[],
  path = NEAR_DUPLICATE_RESULTS,
): void {
  const stamp = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    loadAverage: round(loadavg()[0] ?? 0, 2),
    machine: `${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, Node ${process.version}`,
  };
  const fresh = new Map(figures.map((f) => [figureKey(f), { ...f, ...stamp }]));
  const kept = recordedNearDuplicates(path).filter((f) => !fresh.has(figureKey(f)));
  const all = [...kept, ...fresh.values()].sort(
    (a, b) =>
      a.corpus.localeCompare(b.corpus) || a.documents - b.documents || a.banding.localeCompare(b.banding),
  );
  writeFileSync(path, `${JSON.stringify(all, null, 2)}\n`);
}

/**
 * Markdown lines for docs/performance.md: the figures of this run, then those recorded by
 * standalone runs for sizes this run did not measure (the million, usually), with their date
 * and load.
 */
export function nearDuplicateReport(
  figures: readonly NearDuplicateFigures[],
  recorded: readonly RecordedNearDuplicateFigures[] = recordedNearDuplicates(),
): string[] {
  const measured = new Set(figures.map(figureKey));
  const earlier = recorded.filter((f) => !measured.has(figureKey(f)));
  const seconds = (wall: number, cpu: number | undefined) =>
    `${(wall / 1000).toFixed(1)} (${cpu === undefined ? '–' : (cpu / 1000).toFixed(1)})`;
  const row = (f: NearDuplicateFigures, note: string) =>
    `| ${f.corpus} | ${f.documents.toLocaleString('en-US')} | ${f.banding}, ${f.maxBucket} | ${seconds(f.generateMs, f.generateCpuMs)} | ${seconds(f.signatureMs, f.signatureCpuMs)} | ${seconds(f.indexMs, f.indexCpuMs)} | ${Math.round(f.documentsPerSecond)} (${f.signatureCpuMs === undefined ? '–' : Math.round((f.documents / (f.signatureCpuMs + f.indexCpuMs)) * 1000)}) | ${f.candidatePairs.toLocaleString('en-US')} | ${(f.plantedRecall * 100).toFixed(2)} % of ${f.plantedCopies} | ${(f.precision * 100).toFixed(2)} % (${f.falsePairs ?? '–'} false) | ${f.templatePairsFlagged} | ${f.fullBuckets} / ${f.skippedEntries} | ${f.indexMB} | ${f.heapUsedMB} | ${note} |`;
  const curve = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
  return [
    '## Near-duplicate detection',
    '',
    'MinHash (5-word shingles, 128 one-permutation hashes) and LSH banding, one pass per report: query',
    `the index, verify candidates on the stored signatures (estimated Jaccard ≥ ${COPY_SIMILARITY}), add the report.`,
    'Two generated corpora (ours, seeded, streamed in batches of 10,000):',
    '',
    '- `realistic` (`bench/near-duplicate-corpus.ts`): words drawn by a Zipf law over a 60,000-word generated',
    '  lexicon, 2–4 KB, datelines with the outlet’s credit, stock phrases, 300 outlets’ sign-offs, wire',
    '  "Reporting by" lines; 10 % syndicated copies of a recent report (new headline, last paragraph trimmed,',
    '  words changed, editor’s note, notice, the copier’s sign-off; a few stories copied hundreds of times),',
    '  10 % bulletins written from one of 60 templates with other facts (not copies). Unrelated reports share',
    '  about 2 % of their shingles (99th percentile 6 %).',
    '- `templated` (`bench/generate-corpus.ts`, the reader bench’s corpus): every report from one template,',
    '  unrelated reports share about 14 % of their shingles — a stress case for boilerplate.',
    '',
    'Recall: planted copies matched with a member of their story. Precision: pairs ≥ 0.5 that are copies of',
    'one story. Buckets: full buckets / document-band entries the cap left out. Index MB: its typed arrays',
    '(signatures as 16-bit values, bucket chains and heads).',
    '',
    'Times in seconds, wall clock (CPU time of the process in brackets: on a shared machine, nearer to',
    'what an idle one takes); docs/s counts signatures and index, not generation.',
    '',
    '| corpus | documents | banding, cap | generate s | signatures s | index s | docs/s | candidate pairs | recall (planted copies) | precision (false pairs) | template pairs ≥ 0.5 | full buckets / skipped | index MB | heap MB | run |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...figures.map((f) => row(f, `this run, load ${f.meanLoadAverage} (mean)`)),
    ...earlier.map((f) =>
      row(
        f,
        f.meanLoadAverage === undefined
          ? `${f.date} UTC, load ${f.loadAverage} at the end`
          : `${f.date} UTC, load ${f.meanLoadAverage} (mean)`,
      ),
    ),
    '',
    ...[...new Set(earlier.map((f) => f.machine))].map((m) => `Recorded runs: ${m}.`),
    ...(earlier.length > 0 ? [''] : []),
    ...growthLines([...figures, ...earlier]),
    'Banding: 32 bands × 4 rows. With 128 hashes it is the banding of the three below that finds a copy',
    'at J 0.6 with probability 0.99 (20×5: 0.80, 16×8: 0.21) — copies with a new headline, a trimmed',
    'paragraph and another sign-off sit at J 0.6–0.9. Its price is that a pair at J 0.14 (unrelated',
    'reports of the templated corpus) shares a bucket with probability 0.012; the cap bounds that: a',
    'bucket keeps its first 32 documents, so one query scans at most 32 × 32 entries, and later',
    'copies of a much-copied story still find its first ones there.',
    '',
    'Probability that a pair at Jaccard J becomes a candidate, 1 − (1 − J^rows)^bands:',
    '',
    `| banding | ${curve.map((j) => `J ${j}`).join(' | ')} |`,
    `|---|${curve.map(() => '---:').join('|')}|`,
    ...[
      [32, 4],
      [20, 5],
      [16, 8],
    ].map(
      ([b, r]) =>
        `| ${b}×${r} | ${curve.map((j) => candidateProbability(j, b as number, r as number).toFixed(3)).join(' | ')} |`,
    ),
    '',
  ];
}

/** How CPU time per report grows with the corpus, one line per corpus and banding. */
function growthLines(all: readonly NearDuplicateFigures[]): string[] {
  const groups = new Map<string, NearDuplicateFigures[]>();
  for (const f of all) {
    if (f.signatureCpuMs === undefined) continue;
    const key = `${f.corpus}, ${f.banding}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines = [...groups].map(
    ([key, list]) =>
      `- ${key}: ${list
        .sort((a, b) => a.documents - b.documents)
        .map(
          (f) =>
            `${f.documents.toLocaleString('en-US')}: ${Math.round(((f.signatureCpuMs + f.indexCpuMs) * 1000) / f.documents)} µs`,
        )
        .join(', ')}`,
  );
  return lines.length === 0
    ? []
    : ['CPU time per report (signature + index) as the corpus grows:', '', ...lines, ''];
}

/**
 * The near-duplicate figures `npm run bench` reports: the realistic corpus at `sizes`, the
 * templated one at `templatedSizes`.
 *
 * @example benchNearDuplicateSuite([10_000, 100_000], [10_000, 100_000])
 */
export function benchNearDuplicateSuite(
  sizes: readonly number[],
  templatedSizes: readonly number[],
  options: NearDuplicateBenchOptions = {},
): NearDuplicateFigures[] {
  const runs: [NearDuplicateCorpus, number][] = [
    ...sizes.map((n): [NearDuplicateCorpus, number] => ['realistic', n]),
    ...templatedSizes.map((n): [NearDuplicateCorpus, number] => ['templated', n]),
  ];
  return runs.map(([corpus, n]) => {
    const f = benchNearDuplicates(n, { ...options, corpus });
    process.stderr.write(
      `near-duplicates ${corpus} ${n}: ${f.totalMs} ms, ${f.documentsPerSecond} docs/s, ${f.candidatePairs} candidate pairs, recall ${f.plantedRecall}, precision ${f.precision}\n`,
    );
    return f;
  });
}

/** Sizes from a flag: "10000,100000" → [10000, 100000]. */
export function parseSizes(flag: string | undefined): number[] {
  return (flag ?? '')
    .split(',')
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'near-dup-sizes': { type: 'string', default: '10000,100000' },
      'near-dup-templated-sizes': { type: 'string', default: '10000,100000' },
      banding: { type: 'string', default: '32x4' },
      'max-bucket': { type: 'string' },
      record: { type: 'boolean', default: false },
      ingest: { type: 'string', default: '1000' },
    },
  });
  const [bands, rows] = (values.banding ?? '32x4').split(/[x×]/).map(Number);
  const nearDuplicates = benchNearDuplicateSuite(
    parseSizes(values['near-dup-sizes']),
    parseSizes(values['near-dup-templated-sizes']),
    {
      bands,
      rows,
      maxBucket: values['max-bucket'] ? Number(values['max-bucket']) : undefined,
    },
  );
  if (values.record) recordNearDuplicates(nearDuplicates);
  if (Number(values.ingest) === 0) {
    process.stdout.write(`${JSON.stringify({ nearDuplicates }, null, 2)}\n`);
    return;
  }
  const { analyzeText } = await import('../src/analyze.js');
  const { loadDefaultGazetteer } = await import('../src/geo/gazetteer.js');
  const gazetteer = await loadDefaultGazetteer();
  const reports = generateCorpus(Number(values.ingest), 42);
  const records = reports.map((d) => analyzeText(d.text, { id: d.id, date: d.date, gazetteer }));
  const ingest = await benchIngest(
    records,
    process.env.CORROBORATE_TEST_POSTGRES ?? process.env.CORROBORATE_BENCH_POSTGRES,
  );
  const buildLedger = await benchBuildLedger(records, reports);
  process.stdout.write(`${JSON.stringify({ nearDuplicates, ingest, buildLedger }, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    process.stderr.write(`bench/ledger: ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
