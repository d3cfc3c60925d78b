// Ledger figures for `npm run bench` (and standalone: `npx tsx bench/ledger.ts [--sizes 10000,100000]
// [--ingest 1000]`): near-duplicate detection (MinHash + LSH banding) over generated reports with
// planted copies, and ingest throughput into SQLite, and into PostgreSQL when
// CORROBORATE_TEST_POSTGRES (or CORROBORATE_BENCH_POSTGRES) names a disposable database.
// Not a test: the figures depend on the machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  estimateSimilarity,
  minhashSignature,
  NearDuplicateIndex,
} from '../src/corroborate/near-duplicates.js';
import { openStore } from '../src/store/open-store.js';
import type { AnalysisRecord } from '../src/types/analysis-record.js';
import { type GeneratedReport, generateCorpus } from './generate-corpus.js';

/** Similarity above which two candidates count as copies (as a reprint with small edits scores). */
const COPY_SIMILARITY = 0.5;
/** One report in ten is a copy of an earlier one in the same batch. */
const COPY_SHARE = 0.1;
/** Reports are generated and indexed in batches of this size, so 100k texts never sit in memory together. */
const BATCH = 10_000;

/** Near-duplicate detection at one corpus size. */
export interface NearDuplicateFigures {
  readonly documents: number;
  readonly plantedCopies: number;
  /** Time to compute every MinHash signature. */
  readonly signatureMs: number;
  /** Time to query the LSH index for each document, verify candidates and add it. */
  readonly indexMs: number;
  readonly totalMs: number;
  readonly documentsPerSecond: number;
  /** Candidate pairs the index returned (before verification). */
  readonly candidatePairs: number;
  /** Candidate pairs with estimated similarity ≥ 0.5. */
  readonly pairsAboveThreshold: number;
  /** Share of planted copies found (their original among the pairs above threshold). */
  readonly plantedRecall: number;
  readonly heapUsedMB: number;
}

/** Ingest into one store. */
export interface IngestFigures {
  readonly documents: number;
  readonly newDocsPerSecond: number;
  /** Re-putting the same documents: the idempotent path (status `duplicate`). */
  readonly duplicateDocsPerSecond: number;
}

/** Mulberry32, as in generate-corpus.ts: the copies' edits are seeded too. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

/** One batch of generated reports with planted copies: `copyOf` maps a copy's id to its original's. */
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

/**
 * Near-duplicate detection over `documents` generated reports (one in ten a reprint with small
 * edits): signature time, index time (query + verify + add per document), candidate pairs and
 * the share of planted copies found.
 *
 * @example benchNearDuplicates(10_000).documentsPerSecond // e.g. 4000
 */
export function benchNearDuplicates(documents: number, seed = 7): NearDuplicateFigures {
  const index = new NearDuplicateIndex();
  const signatures = new Map<string, Uint32Array>();
  let signatureMs = 0;
  let indexMs = 0;
  let candidatePairs = 0;
  let pairsAboveThreshold = 0;
  let planted = 0;
  let plantedFound = 0;
  for (let done = 0, batch = 0; done < documents; done += BATCH, batch++) {
    const { reports, copyOf } = batchWithCopies(Math.min(BATCH, documents - done), seed + batch);
    planted += copyOf.size;
    const t0 = process.hrtime.bigint();
    const batchSignatures = reports.map((r) => minhashSignature(r.text));
    const t1 = process.hrtime.bigint();
    reports.forEach((report, i) => {
      const signature = batchSignatures[i] as Uint32Array;
      const candidates = index.candidates(signature);
      candidatePairs += candidates.length;
      for (const other of candidates) {
        if (estimateSimilarity(signature, signatures.get(other) as Uint32Array) < COPY_SIMILARITY) continue;
        pairsAboveThreshold++;
        if (copyOf.get(report.id) === other) plantedFound++;
      }
      index.add(report.id, signature);
      signatures.set(report.id, signature);
    });
    const t2 = process.hrtime.bigint();
    signatureMs += Number(t1 - t0) / 1e6;
    indexMs += Number(t2 - t1) / 1e6;
  }
  const totalMs = signatureMs + indexMs;
  return {
    documents,
    plantedCopies: planted,
    signatureMs: round(signatureMs),
    indexMs: round(indexMs),
    totalMs: round(totalMs),
    documentsPerSecond: round((documents / totalMs) * 1000),
    candidatePairs,
    pairsAboveThreshold,
    plantedRecall: round(planted === 0 ? 1 : plantedFound / planted, 4),
    heapUsedMB: round(process.memoryUsage().heapUsed / 2 ** 20),
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

/** Markdown lines for docs/performance.md. */
export function nearDuplicateReport(figures: readonly NearDuplicateFigures[]): string[] {
  return [
    '## Near-duplicate detection',
    '',
    'MinHash (5-word shingles, 128 hashes) and LSH banding (32 bands × 4 rows) over generated reports,',
    'one in ten a reprint with small edits (new headline, last paragraph trimmed, words changed, notice);',
    `each document is queried against the index, candidates verified (similarity ≥ ${COPY_SIMILARITY}), then added.`,
    '',
    '| documents | signatures ms | index ms | docs/s | candidate pairs | pairs ≥ 0.5 | planted copies found | heap MB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...figures.map(
      (f) =>
        `| ${f.documents} | ${f.signatureMs} | ${f.indexMs} | ${f.documentsPerSecond} | ${f.candidatePairs} | ${f.pairsAboveThreshold} | ${(f.plantedRecall * 100).toFixed(1)} % of ${f.plantedCopies} | ${f.heapUsedMB} |`,
    ),
    '',
  ];
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      ingest: { type: 'string', default: '1000' },
    },
  });
  const sizes = (values.sizes ?? '').split(',').filter(Boolean).map(Number);
  const nearDuplicates = sizes.map((n) => {
    const f = benchNearDuplicates(n);
    process.stderr.write(`near-duplicates ${n}: ${f.totalMs} ms, ${f.documentsPerSecond} docs/s\n`);
    return f;
  });
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
