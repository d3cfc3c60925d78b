// `npm run bench`: measures the built reader (dist/) on one core and writes
// docs/performance.md and bench/results.json. Not a test: figures depend on the machine.
//
//   npm run bench [-- --docs N] [-- --eval]   (--eval also times the ../shared/eval texts)
//     [-- --near-dup-sizes 10000,100000,1000000] [-- --near-dup-templated-sizes 10000,100000]
//     [-- --stream-docs N]   (reports streamed through analyze --jsonl for peak RSS; 0 skips)
//     [-- --image-per-kind N] [-- --image-scale N]   (image re-use: generated pictures per family; 0 skips)
//     [-- --clustering-sizes 10000,100000] [-- --clustering-million] [-- --clustering-build-sizes N,…]
//     [-- --clustering-sqlite-sizes N,…]   (event clustering, the whole ledger and SQLite load; '' skips)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import {
  analyzeDocument,
  type Gazetteer,
  loadDefaultGazetteer,
  READER_STAGES,
  type ReaderStage,
  sourceFromString,
} from '../dist/index.js';
import { benchClusteringSuite, type ClusteringSuiteFigures, clusteringReport } from './clustering.js';
import { generateCorpus } from './generate-corpus.js';
import { benchImages, type ImageBenchResult, imagesReport } from './images.js';
import { benchIngest, benchNearDuplicateSuite, nearDuplicateReport, parseSizes } from './ledger.js';
import { benchStartup, type StartupFigures, startupReport } from './startup.js';
import { benchStreamingRss, type StreamingRun, streamingReport } from './streaming-rss.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    eval: { type: 'boolean', default: false },
    'near-dup-sizes': { type: 'string', default: '10000,100000' },
    'near-dup-templated-sizes': { type: 'string', default: '10000,100000' },
    // Streaming RSS: reports through `analyze --jsonl` with 1 and 2 workers (0: skip).
    'stream-docs': { type: 'string', default: '5000' },
    // Image re-use (bench/images.ts): small here; the standalone run gives the documented figures.
    'image-per-kind': { type: 'string', default: '3' },
    'image-scale': { type: 'string', default: '100000' },
    // Event clustering (bench/clustering.ts): sizes clustered, built whole, read back from SQLite.
    'clustering-sizes': { type: 'string', default: '10000,100000' },
    'clustering-million': { type: 'boolean', default: false },
    'clustering-build-sizes': { type: 'string', default: '10000' },
    'clustering-sqlite-sizes': { type: 'string', default: '10000' },
  },
});
const DOCS = Number(values.docs);
/** Reports read once before the timed passes: the reader settles (optimised code no longer thrown away) after a few hundred. */
const WARM_UP = Math.min(400, Math.floor(DOCS / 4));
const results: Record<string, unknown> = {};
const log = (s: string) => process.stderr.write(`${s}\n`);

function timeIt<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const out = fn();
  return [out, Number(process.hrtime.bigint() - t0) / 1e6];
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('build first: npm run build');
  const g0 = process.hrtime.bigint();
  const gazetteer: Gazetteer = await loadDefaultGazetteer();
  const gazetteerMs = Number(process.hrtime.bigint() - g0) / 1e6;
  results.gazetteerLoadMs = round(gazetteerMs);
  log(`gazetteer load: ${round(gazetteerMs)} ms`);

  const corpus = generateCorpus(DOCS, 42);
  const bytes = corpus.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  results.warmUpReports = WARM_UP;
  results.corpus = { documents: DOCS, megabytes: round(bytes / 1e6), meanKB: round(bytes / DOCS / 1024) };
  log(`corpus: ${DOCS} generated reports, ${round(bytes / 1e6)} MB`);

  // Per-stage time: the same stages, each wrapped with a timer.
  const stageMs = new Map<string, number>(READER_STAGES.map((s) => [s.id, 0]));
  const timed: ReaderStage[] = READER_STAGES.map((s) => ({
    id: s.id,
    run: (record, context) => {
      const t0 = process.hrtime.bigint();
      const out = s.run(record, context);
      stageMs.set(s.id, stageMs.get(s.id)! + Number(process.hrtime.bigint() - t0) / 1e6);
      return out;
    },
  }));
  const read = (d: (typeof corpus)[number], stages = READER_STAGES) =>
    analyzeDocument(sourceFromString(d.text, { id: d.id }), { referenceDate: d.date, gazetteer }, stages);

  // Steady state, as in a day's run of hundreds of thousands: the timed passes come after the first
  // WARM_UP reports were read once (V8 compiles, and re-compiles, the reader over its first few hundred).
  for (const d of corpus.slice(0, WARM_UP)) read(d);
  const [, fullMs] = timeIt(() => {
    for (const d of corpus) read(d);
  });
  for (const d of corpus) read(d, timed);
  const full = rate(fullMs, DOCS, bytes);
  results.analyze = full;
  log(`analyze (full reading): ${full.articlesPerSecond} articles/s, ${full.megabytesPerSecond} MB/s`);

  const nlp = winkNLP(model);
  for (const d of corpus.slice(0, WARM_UP)) nlp.readDoc(d.text);
  const [, winkMs] = timeIt(() => {
    for (const d of corpus) nlp.readDoc(d.text);
  });
  results.winkReadDoc = rate(winkMs, DOCS, bytes);
  const [, regexMs] = timeIt(() => {
    let n = 0;
    for (const d of corpus) n += (d.text.match(/\p{L}+|\p{N}+|[^\s\p{L}\p{N}]/gu) ?? []).length;
    return n;
  });
  results.regexTokenizer = rate(regexMs, DOCS, bytes);
  results.ratios = {
    analyzeToWink: round(winkMs / fullMs, 3),
    analyzeToRegex: round(regexMs / fullMs, 4),
  };
  log(
    `bare wink readDoc: ${(results.winkReadDoc as Rate).articlesPerSecond} articles/s; regex tokenizer: ${(results.regexTokenizer as Rate).articlesPerSecond} articles/s`,
  );

  const totalStage = [...stageMs.values()].reduce((a, b) => a + b, 0);
  results.stages = Object.fromEntries(
    [...stageMs].map(([id, ms]) => [
      id,
      { msPerArticle: round(ms / DOCS, 3), share: round(ms / totalStage, 3) },
    ]),
  );

  if (values.eval) results.evalTexts = await benchEvalTexts(gazetteer);
  results.ledger = await benchLedger(corpus.slice(0, Math.min(DOCS, 1000)), gazetteer);
  results.nearDuplicates = benchNearDuplicateSuite(
    parseSizes(values['near-dup-sizes']),
    parseSizes(values['near-dup-templated-sizes']),
  );
  const imagePerKind = Number(values['image-per-kind']);
  if (imagePerKind > 0)
    results.images = await benchImages({
      perKind: imagePerKind,
      distinct: 5 * imagePerKind,
      scale: Number(values['image-scale']),
      queries: 300,
      threshold: 10,
    });
  results.clustering = await benchClusteringSuite({
    clustering: [
      ...parseSizes(values['clustering-sizes']),
      ...(values['clustering-million'] ? [1_000_000] : []),
    ],
    build: parseSizes(values['clustering-build-sizes']),
    sqliteLoad: parseSizes(values['clustering-sqlite-sizes']),
    log,
  });
  const startup = await benchStartup(5);
  results.startup = startup;
  results.cliFirstOutputMs = startup.cliFirstOutputMs;
  const streamDocs = Number(values['stream-docs']);
  if (streamDocs > 0) results.streaming = await benchStreamingRss(streamDocs, [1, 2]);
  results.peakRssMB = round(process.resourceUsage().maxRSS / 1024);
  results.machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(ROOT, 'docs/performance.md'), report(results));
  log('wrote bench/results.json and docs/performance.md');
}

interface Rate {
  articlesPerSecond: number;
  megabytesPerSecond: number;
  msPerArticle: number;
}

function rate(ms: number, docs: number, bytes: number): Rate {
  return {
    articlesPerSecond: round((docs / ms) * 1000, 1),
    megabytesPerSecond: round(bytes / 1e6 / (ms / 1000), 3),
    msPerArticle: round(ms / docs, 3),
  };
}

async function benchEvalTexts(gazetteer: Gazetteer) {
  const dir = resolve(ROOT, '../shared/eval');
  if (!existsSync(dir)) return null;
  const out: Record<string, Rate> = {};
  for (const file of ['attributions-polnear.jsonl', 'toponyms-lgl.jsonl', 'entities-re3d.jsonl']) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const docs = readFileSync(path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; text: string; date: string | null });
    const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text ?? ''), 0);
    const [, ms] = timeIt(() => {
      for (const d of docs) {
        if (typeof d.text !== 'string' || !d.text.trim()) continue;
        analyzeDocument(sourceFromString(d.text, { id: d.id }), { referenceDate: d.date, gazetteer });
      }
    });
    out[file] = rate(ms, docs.length, bytes);
    log(`eval texts ${file}: ${out[file].articlesPerSecond} articles/s`);
  }
  return out;
}

async function benchLedger(docs: ReturnType<typeof generateCorpus>, gazetteer: Gazetteer) {
  const records = docs.map((d) =>
    analyzeDocument(sourceFromString(d.text, { id: d.id }), { referenceDate: d.date, gazetteer }),
  );
  return benchIngest(
    records,
    process.env.CORROBORATE_TEST_POSTGRES ?? process.env.CORROBORATE_BENCH_POSTGRES,
  );
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function report(r: Record<string, unknown>): string {
  const m = r.machine as Record<string, unknown>;
  const a = r.analyze as Rate;
  const w = r.winkReadDoc as Rate;
  const x = r.regexTokenizer as Rate;
  const stages = r.stages as Record<string, { msPerArticle: number; share: number }>;
  const ledger = r.ledger as Record<string, unknown>;
  const c = r.corpus as { documents: number; megabytes: number; meanKB: number };
  const lines = [
    '# Performance',
    '',
    `Measured by \`npm run bench\` on ${m.date}: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GiB, Node ${m.node}.`,
    'Single thread (one core). Figures vary with machine load; `bench/results.json` has the raw numbers.',
    'What changed for speed and memory and why, with paired before/after runs and the runs too long for',
    'this suite (1 M documents clustered, 100k streamed), is in `docs/performance-notes.md`.',
    '',
    `Corpus: ${c.documents} generated reports (seeded, \`bench/generate-corpus.ts\`), ${c.megabytes} MB, ${c.meanKB} KB on average.`,
    `Each pass is timed after the first ${r.warmUpReports ?? 50} reports were read once (warm: steady state).`,
    '',
    '| what | articles/s | MB/s | ms/article |',
    '|---|---:|---:|---:|',
    `| \`analyze\`, full reading | ${a.articlesPerSecond} | ${a.megabytesPerSecond} | ${a.msPerArticle} |`,
    `| bare wink-nlp \`readDoc\` | ${w.articlesPerSecond} | ${w.megabytesPerSecond} | ${w.msPerArticle} |`,
    `| plain regex tokenizer | ${x.articlesPerSecond} | ${x.megabytesPerSecond} | ${x.msPerArticle} |`,
    '',
    `Ratio of the full reading to the bare wink pass: ${(r.ratios as { analyzeToWink: number }).analyzeToWink} (goal ≥ 0.5).`,
    '',
    '## Time per stage',
    '',
    '| stage | ms/article | share |',
    '|---|---:|---:|',
    ...Object.entries(stages).map(
      ([id, s]) => `| ${id} | ${s.msPerArticle} | ${(s.share * 100).toFixed(1)} % |`,
    ),
    '',
    'The reader alone, from the sources, with CPU time beside wall time (steadier on a shared machine):',
    '`npx tsx bench/reader.ts --docs 500 --rounds 3`.',
    '',
    '## Start-up and memory',
    '',
    `- Gazetteer load (in process): ${r.gazetteerLoadMs} ms.`,
    ...startupReport(r.startup as StartupFigures),
    `- Peak RSS of the benchmark process: ${r.peakRssMB} MB.`,
    '',
    ...(r.streaming
      ? [
          'Streaming generated reports through `analyze --jsonl` (`bench/streaming-rss.ts`; `npx tsx bench/streaming-rss.ts --docs 100000` for the 100k run):',
          '',
          ...streamingReport(r.streaming as StreamingRun[]),
          '',
        ]
      : []),
    '## Ledger',
    '',
    ...Object.entries(ledger).map(([k, v]) =>
      typeof v === 'string'
        ? `- ${k}: ${v}`
        : `- ${k}: ${(v as { newDocsPerSecond: number }).newDocsPerSecond} new documents/s, ${(v as { duplicateDocsPerSecond: number }).duplicateDocsPerSecond} re-puts/s (${(v as { documents: number }).documents} analysed reports, one transaction each).`,
    ),
    '',
  ];
  lines.push(...nearDuplicateReport(r.nearDuplicates as Parameters<typeof nearDuplicateReport>[0]));
  lines.push(...clusteringReport(r.clustering as ClusteringSuiteFigures));
  if (r.images) lines.push(...imagesReport(r.images as ImageBenchResult));
  if (r.evalTexts) {
    lines.push('## Dev corpus texts', '', '| file | articles/s | MB/s |', '|---|---:|---:|');
    for (const [f, v] of Object.entries(r.evalTexts as Record<string, Rate>)) {
      lines.push(`| ${f} | ${v.articlesPerSecond} | ${v.megabytesPerSecond} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

main().catch((error) => {
  log(`bench: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
