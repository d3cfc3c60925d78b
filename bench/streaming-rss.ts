// Peak memory while streaming a large batch through `corroborate analyze --jsonl` (the built
// CLI, dist/): generates N reports into a JSONL file (seeded, written as it goes), runs the CLI
// on it with 1 and with 2 worker threads, samples the process's resident memory and CPU time
// (/proc, Linux) and reports the peak, the resident memory along the way, the articles/s and
// the CPU milliseconds per article (all threads: on a shared machine steadier than articles/s),
// with the load average beside them.
//
//   npx tsx bench/streaming-rss.ts [--docs 100000] [--workers 1,2]
//
// Part of `npm run bench` (smaller: --stream-docs there).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { loadavg } from 'node:os';
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
  /** CPU time of the whole process (every thread) per article, ms; start-up included. */
  readonly cpuMsPerArticle: number;
  /** CPU time over wall time: how many cores the run kept busy on average. */
  readonly coresBusy: number;
  /**
   * Share of the CPU time spent by threads that do not read: V8's background threads (optimising
   * compiler, concurrent marking and sweeping) and, with workers, the main thread. The reading
   * threads are the process itself with one thread, else the `workers` busiest other threads.
   */
  readonly backgroundShare: number;
  /** One-minute load average of the machine at the start and at the end of the run. */
  readonly loadAverage: readonly [number, number];
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

/** CPU seconds (user + system) a live process or thread has used so far, or null. */
function cpuSeconds(statPath: string): number | null {
  try {
    const stat = readFileSync(statPath, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
  } catch {
    return null;
  }
}

/** CPU seconds so far of each thread of a live process, by thread id (Linux). */
function threadCpuSeconds(pid: number, into: Map<number, number>): void {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    const used = cpuSeconds(`/proc/${pid}/task/${tid}/stat`);
    if (used !== null) into.set(Number(tid), used);
  }
}

/** CPU share of the threads that do not read (see `StreamingRun.backgroundShare`). */
function backgroundShare(pid: number, workers: number, threads: ReadonlyMap<number, number>): number {
  const total = [...threads.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const reading =
    workers <= 1
      ? (threads.get(pid) ?? 0)
      : [...threads]
          .filter(([tid]) => tid !== pid)
          .map(([, used]) => used)
          .sort((a, b) => b - a)
          .slice(0, workers)
          .reduce((a, b) => a + b, 0);
  return (total - reading) / total;
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
  const load0 = loadavg()[0] ?? 0;
  const t0 = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'dist/cli/main.js'), 'analyze', '--jsonl', file, '--workers', String(workers), '--quiet'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let done = 0;
  let failed = 0;
  let peak = 0;
  let cpu = 0;
  const threads = new Map<number, number>();
  const marks = [0.1, 0.25, 0.5, 0.75, 1].map((f) => Math.max(1, Math.round(f * documents)));
  const along: { done: number; rssMB: number }[] = [];
  const sample = () => {
    const mb = child.pid ? rssMB(child.pid) : null;
    if (mb !== null) peak = Math.max(peak, mb);
    const used = child.pid ? cpuSeconds(`/proc/${child.pid}/stat`) : null;
    if (used !== null) cpu = used;
    if (child.pid) threadCpuSeconds(child.pid, threads);
    return mb;
  };
  const timer = setInterval(sample, 100);
  // The CPU time is read last when standard output ends, just before the process exits.
  child.stdout.once('end', sample);
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
    cpuMsPerArticle: round((cpu * 1000) / Math.max(1, done), 2),
    coresBusy: round(cpu / seconds, 2),
    backgroundShare: round(child.pid ? backgroundShare(child.pid, workers, threads) : 0, 2),
    loadAverage: [round(load0, 2), round(loadavg()[0] ?? 0, 2)],
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
    ...streamingTable(runs),
    ...scalingNote(
      runs.find((r) => r.workers === 1),
      runs.find((r) => r.workers === 2),
    ),
  ];
}

function streamingTable(runs: readonly StreamingRun[]): string[] {
  return [
    '| workers | articles | articles/s | CPU ms/article | cores busy | CPU not reading | load avg | peak RSS MB | RSS MB at 10 / 25 / 50 / 75 / 100 % |',
    '|---:|---:|---:|---:|---:|---:|---|---:|---|',
    ...runs.map(
      (r) =>
        `| ${r.workers} | ${r.documents} | ${r.articlesPerSecond} | ${r.cpuMsPerArticle} | ${r.coresBusy} | ${Math.round(r.backgroundShare * 100)} % | ${r.loadAverage.join(' → ')} | ${r.peakRssMB} | ${r.rssAlongMB.map((a) => a.rssMB).join(' / ')} |`,
    ),
  ];
}

/** What the 2-worker run gained over one thread, and the cores one thread already keeps busy. */
function scalingNote(one: StreamingRun | undefined, two: StreamingRun | undefined): string[] {
  if (!one || !two) return [];
  return [
    '',
    `Two workers: ${round(two.articlesPerSecond / one.articlesPerSecond, 2)}× the articles/s of one thread, ` +
      `${two.cpuMsPerArticle} against ${one.cpuMsPerArticle} CPU ms per article (start-up included; each worker ` +
      `loads and warms up its own reader). In one thread ${Math.round(one.backgroundShare * 100)} % of the CPU ` +
      'time went to threads that do not read (V8 compiles optimised code and marks the heap on background ' +
      `threads), so one reading thread unhindered keeps ${round(1 / Math.max(0.01, 1 - one.backgroundShare), 2)} ` +
      'cores busy, and two need that twice to read twice as fast.',
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
