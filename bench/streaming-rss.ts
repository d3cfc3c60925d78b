// Peak memory while streaming a large batch through `corroborate analyze --jsonl` (the built
// CLI, dist/): generates N reports into a JSONL file (seeded, written as it goes), runs the CLI
// on it with 1 and with 2 worker threads, samples the process's resident memory (/proc, Linux)
// and reports the peak, the resident memory along the way and the articles/s.
//
//   npx tsx bench/streaming-rss.ts [--docs 100000] [--workers 1,2]
//
// Part of `npm run bench` (smaller: --stream-docs there).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One streaming run: peak and sampled resident memory, and throughput. */
export interface StreamingRun {
  readonly workers: number;
  readonly documents: number;
  readonly seconds: number;
  readonly articlesPerSecond: number;
  readonly peakRssMB: number;
  /** Resident memory when 10 %, 25 %, 50 %, 75 % and 100 % of the records were out. */
  readonly rssAlongMB: readonly { readonly done: number; readonly rssMB: number }[];
  readonly failedLines: number;
}

/**
 * Writes `docs` generated reports as batch lines (`{"id","text","date"}`) to a file under
 * bench/tmp/ (kept for later runs) and returns its path.
 *
 * @example const file = await streamingCorpus(1000); // bench/tmp/stream-1000.jsonl
 */
export async function streamingCorpus(docs: number): Promise<string> {
  const dir = join(ROOT, 'bench', 'tmp');
  const file = join(dir, `stream-${docs}.jsonl`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const chunk = 1000;
  for (let start = 0; start < docs; start += chunk) {
    // Each chunk from its own seed, so memory stays flat however many reports are asked for.
    const reports = generateCorpus(Math.min(chunk, docs - start), 1000 + start / chunk);
    const lines = reports.map((r, i) => JSON.stringify({ id: `s-${start + i}`, text: r.text, date: r.date }));
    if (!out.write(`${lines.join('\n')}\n`))
      await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
  renameSync(partial, file);
  return file;
}

function rssMB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs `corroborate analyze --jsonl FILE --workers N` on the built CLI, sampling its resident
 * memory every 100 ms.
 *
 * @example const run = await streamThroughCli(file, 1000, 2); run.peakRssMB
 */
export async function streamThroughCli(
  file: string,
  documents: number,
  workers: number,
): Promise<StreamingRun> {
  const t0 = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'dist/cli/main.js'), 'analyze', '--jsonl', file, '--workers', String(workers), '--quiet'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let done = 0;
  let failed = 0;
  let peak = 0;
  const marks = [0.1, 0.25, 0.5, 0.75, 1].map((f) => Math.max(1, Math.round(f * documents)));
  const along: { done: number; rssMB: number }[] = [];
  const sample = () => {
    const mb = child.pid ? rssMB(child.pid) : null;
    if (mb !== null) peak = Math.max(peak, mb);
    return mb;
  };
  const timer = setInterval(sample, 100);
  let tail = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => {
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      const line = tail + text.slice(from, nl);
      tail = '';
      from = nl + 1;
      done++;
      if (line.startsWith('{"id"') && line.includes('"error"') && line.length < 2000) failed++;
      if (done === marks[along.length]) along.push({ done, rssMB: round(sample() ?? 0) });
    }
    tail += text.slice(from);
  });
  const code = await new Promise<number | null>((finish) => child.on('close', finish));
  clearInterval(timer);
  if (code !== 0) throw new Error(`analyze --jsonl exited with ${code}`);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return {
    workers,
    documents: done,
    seconds: round(seconds),
    articlesPerSecond: round(done / seconds),
    peakRssMB: round(peak),
    rssAlongMB: along,
    failedLines: failed,
  };
}

/**
 * Generates the corpus and streams it through the CLI once per worker count.
 *
 * @example const runs = await benchStreamingRss(2000, [1, 2]);
 */
export async function benchStreamingRss(
  documents: number,
  workerCounts: readonly number[],
): Promise<StreamingRun[]> {
  const file = await streamingCorpus(documents);
  const runs: StreamingRun[] = [];
  for (const workers of workerCounts) runs.push(await streamThroughCli(file, documents, workers));
  return runs;
}

/**
 * The runs as Markdown lines for docs/performance.md.
 *
 * @example streamingReport(runs).join('\n')
 */
export function streamingReport(runs: readonly StreamingRun[]): string[] {
  return [
    '| workers | articles | articles/s | peak RSS MB | RSS MB at 10 / 25 / 50 / 75 / 100 % |',
    '|---:|---:|---:|---:|---|',
    ...runs.map(
      (r) =>
        `| ${r.workers} | ${r.documents} | ${r.articlesPerSecond} | ${r.peakRssMB} | ${r.rssAlongMB.map((a) => a.rssMB).join(' / ')} |`,
    ),
  ];
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { docs: { type: 'string', default: '100000' }, workers: { type: 'string', default: '1,2' } },
  });
  const runs = await benchStreamingRss(
    Number(values.docs),
    values.workers.split(',').map((w) => Number(w)),
  );
  process.stdout.write(`${JSON.stringify(runs, null, 2)}\n${streamingReport(runs).join('\n')}\n`);
}
