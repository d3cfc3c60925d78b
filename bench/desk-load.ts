// Load on the desk API (issue "The desk", a benchmark, not a test): N concurrent clients on
// loopback for S seconds against a ledger of D documents; prints p50/p90/p99, throughput and
// errors per kind of request.
//
//   npx tsx bench/desk-load.ts --documents 100000 --clients 200 --seconds 30
//   npx tsx bench/desk-load.ts --documents 10000 --db /tmp/desk-load.sqlite   # keeps the ledger for a rerun
//
// The ledger: `--base` generated reports (bench/generate-corpus.ts) are read by the reader once;
// each document is one of them with its dates moved by whole days and another report's text
// appended (so copies are not near-duplicates of each other), stored with `putDocument`.
// The server runs in a child process (`corroborate serve`), the clients in this one.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeText } from '../src/analyze.js';
import { loadDefaultGazetteer } from '../src/geo/gazetteer.js';
import { openStore } from '../src/store/open-store.js';
import type { AnalysisRecord } from '../src/types/analysis-record.js';
import { generateCorpus } from './generate-corpus.js';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '10000' },
    clients: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    /**
     * Seconds of load before measuring: the first requests after the ledger is built fill the
     * answer caches; they are reported on a line of their own.
     */
    warmup: { type: 'string', default: '5' },
    base: { type: 'string', default: '300' },
    db: { type: 'string' },
    /** Writes the server's CPU profile (node --cpu-prof) into this folder. */
    'cpu-prof': { type: 'string' },
    /** The server's V8 heap limit in MiB (its ledger worker holds every analysis record while it builds). */
    'server-heap-mb': { type: 'string' },
    /**
     * Only these kinds of request (comma-separated, as the table names them). Without any kind
     * that reads the ledger (events page, events filtered, event page, timeline) the server never
     * builds it: the store-backed half of the mix can be measured on a ledger too large to build.
     */
    kinds: { type: 'string' },
    /** Only builds (or tops up) the ledger at --db, for a later run. */
    'build-only': { type: 'boolean', default: false },
  },
});
const documents = Number(values.documents);
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const base = Number(values.base);
/** Documents per transaction while the ledger is built. */
const BATCH = 250;
const db = values.db ?? join(mkdtempSync(join(tmpdir(), 'desk-load-')), 'ledger.sqlite');

function shiftDate(iso: string | null, days: number): string | null {
  if (iso === null || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Document `i`: base report `i % base`, its dates moved by `⌊i / base⌋` days, another report appended. */
function variant(records: AnalysisRecord[], texts: string[], i: number): AnalysisRecord {
  const record = records[i % records.length] as AnalysisRecord;
  const days = Math.floor(i / records.length);
  const other = texts[(i * 7 + 3) % texts.length] as string;
  return {
    ...record,
    id: `load-${i}`,
    text: `${record.text}\n\nAlso on the wire (${i}):\n${other}`,
    dates: record.dates.map((d) => ({ ...d, from: shiftDate(d.from, days), to: shiftDate(d.to, days) })),
  };
}

async function buildLedger(): Promise<{ built: boolean; seconds: number }> {
  const store = await openStore(db);
  try {
    const have = (await store.stats()).documents;
    if (have >= documents) return { built: false, seconds: 0 };
    const started = performance.now();
    const gazetteer = await loadDefaultGazetteer();
    const reports = generateCorpus(base, 7);
    const records = reports.map((r) => analyzeText(r.text, { id: r.id, date: r.date, gazetteer }));
    const texts = reports.map((r) => r.text);
    // Batches of documents in one transaction each: one commit per batch instead of per document.
    for (let i = have; i < documents; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, documents - i) }, (_, j) => ({
        record: variant(records, texts, i + j),
      }));
      const failed = (await store.putDocuments(batch)).find((r) => r.status === 'failed');
      if (failed !== undefined) throw new Error(`storing ${failed.documentId} failed: ${failed.reason}`);
      if (Math.floor((i + batch.length) / 5000) > Math.floor(i / 5000))
        process.stderr.write(`  ${i + batch.length} documents stored\n`);
    }
    return { built: true, seconds: (performance.now() - started) / 1000 };
  } finally {
    await store.close();
  }
}

/** A process's resident memory now and at its peak (MiB, VmRSS and VmHWM from /proc); null where there is none. */
function residentMiB(pid: number | undefined): { now: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { now: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** CPU seconds a process has used (user + system), from /proc; null where there is none. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function startServer(): Promise<{ url: string; pid: number | undefined; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      ...(values['cpu-prof'] === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']]),
      ...(values['server-heap-mb'] === undefined ? [] : [`--max-old-space-size=${values['server-heap-mb']}`]),
      '--import',
      'tsx',
      'src/cli/main.ts',
      'serve',
      '--port',
      '0',
      '--db',
      db,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/\S+?)\/? /.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return { url, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: clients });

/** Why requests failed: an HTTP status other than 200, or the client's error message. */
const failures = new Map<string, number>();

function get(url: string): Promise<{ status: number; ms: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    // As a browser asks: answers come gzip-compressed; the clients count their bytes, not inflating them.
    const req = http.get(url, { agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status !== 200)
          failures.set(`HTTP ${status} ${url}`, (failures.get(`HTTP ${status} ${url}`) ?? 0) + 1);
        resolve({ status, ms: performance.now() - started, bytes });
      });
    });
    req.on('error', (error: Error) => {
      failures.set(error.message, (failures.get(error.message) ?? 0) + 1);
      resolve({ status: 0, ms: performance.now() - started, bytes: 0 });
    });
  });
}

/**
 * The first answer to `url` that is not a 503 with `Retry-After` (the desk answers so while the
 * ledger is still being built after a request waited ~20 s): asks again after at most 1 s, so
 * the time to this answer is the build's time within a second. Each 503's message (how far the
 * build has got) goes to stderr; none is counted as a failure.
 */
async function firstAnswer(url: string): Promise<number> {
  for (;;) {
    const answer = await new Promise<{ status: number; retryAfter: number | null; body: string }>(
      (resolve, reject) => {
        const req = http.get(url, { agent }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString();
          });
          res.on('end', () => {
            const retryAfter = Number(res.headers['retry-after']);
            resolve({
              status: res.statusCode ?? 0,
              retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
              body,
            });
          });
        });
        req.on('error', reject);
      },
    );
    if (answer.status !== 503 || answer.retryAfter === null) return answer.status;
    const message = (JSON.parse(answer.body) as { error?: { message?: string } }).error?.message;
    process.stderr.write(`first request: ${message ?? 'the desk answered 503'}\n`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(1, answer.retryAfter ?? 1) * 1000));
  }
}

/** Kinds of request answered from the built ledger (the rest read the store). */
const LEDGER_KINDS = new Set(['events page', 'events filtered', 'event page', 'timeline']);

/** The request mix of analysts at the desk: mostly ledger pages and event pages. */
function requestMix(eventIds: string[]): { kind: string; weight: number; path: (n: number) => string }[] {
  const pick = <T>(list: T[], n: number) => list[n % list.length] as T;
  return [
    { kind: 'events page', weight: 30, path: (n) => `/api/events?limit=50&offset=${(n % 20) * 50}` },
    {
      kind: 'events filtered',
      weight: 20,
      path: (n) =>
        pick(
          [
            '/api/events?status=corroborated,confirmed&sort=-support',
            '/api/events?place=Mosul&sort=-date',
            '/api/events?from=2024-01-01&to=2024-03-31&type=ATTACK',
            '/api/events?q=drone&sort=-confidence',
            '/api/events?actor=forces&contradicted=true',
          ],
          n,
        ),
    },
    {
      kind: 'event page',
      weight: 25,
      path: (n) => `/api/events/${encodeURIComponent(pick(eventIds, n * 7919))}`,
    },
    {
      kind: 'document text',
      weight: 10,
      path: (n) => `/api/documents/load-${(n * 104_729) % documents}/text`,
    },
    {
      kind: 'search',
      weight: 10,
      path: (n) => `/api/search?q=${pick(['drone', 'shelling', 'ministry', 'Mosul', 'convoy'], n)}`,
    },
    { kind: 'timeline', weight: 3, path: () => '/api/timeline' },
    {
      kind: 'documents page',
      weight: 2,
      path: (n) => `/api/documents?limit=50&offset=${(n * 50) % documents}`,
    },
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  process.stderr.write(`ledger: ${db} (${documents} documents)\n`);
  const build = await buildLedger();
  if (values['build-only']) {
    process.stderr.write(`built in ${build.seconds.toFixed(0)} s\n`);
    return;
  }
  const server = await startServer();
  try {
    const chosen = values.kinds?.split(',').map((k) => k.trim());
    const withLedger = chosen === undefined || chosen.some((k) => LEDGER_KINDS.has(k));
    let firstSeconds = 0;
    /** The server's resident memory once the ledger is built (before any load), MiB. */
    let builtMemory: { now: number; peak: number } | null = null;
    let all: { items: { id: string }[]; total: number | null } = { items: [], total: null };
    if (withLedger) {
      const firstStarted = performance.now();
      // Asked again while the desk answers that the ledger is still being built.
      const first = await firstAnswer(`${server.url}/api/events?limit=1`);
      firstSeconds = (performance.now() - firstStarted) / 1000;
      if (first !== 200) throw new Error(`first request answered ${first}`);
      builtMemory = residentMiB(server.pid);
      all = JSON.parse(
        await new Promise<string>((resolve) =>
          http.get(`${server.url}/api/events?limit=500&sort=-support`, { agent }, (res) => {
            let body = '';
            res.on('data', (c: Buffer) => {
              body += c.toString();
            });
            res.on('end', () => resolve(body));
          }),
        ),
      ) as { items: { id: string }[]; total: number };
    }
    const mix = requestMix(all.items.map((e) => e.id)).filter(
      (m) => chosen === undefined || chosen.includes(m.kind),
    );
    if (mix.length === 0) throw new Error(`--kinds names no kind of request: ${values.kinds}`);
    const weights = mix.flatMap((m, i) => Array.from({ length: m.weight }, () => i));
    const samples = new Map<string, { ms: number[]; errors: number; bytes: number }>(
      mix.map((m) => [m.kind, { ms: [], errors: 0, bytes: 0 }]),
    );
    const warm = { ms: [] as number[], errors: 0, bytes: 0 };
    const warmupEnd = performance.now() + warmup * 1000;
    const deadline = warmupEnd + seconds * 1000;
    let counter = 0;
    const worker = async (w: number) => {
      while (performance.now() < deadline) {
        counter += 1;
        const n = counter * 31 + w;
        const entry = mix[weights[n % weights.length] as number] as (typeof mix)[number];
        const measured = performance.now() >= warmupEnd;
        const result = await get(`${server.url}${entry.path(n)}`);
        const sample = measured
          ? (samples.get(entry.kind) as { ms: number[]; errors: number; bytes: number })
          : warm;
        sample.ms.push(result.ms);
        sample.bytes += result.bytes;
        if (result.status !== 200) sample.errors += 1;
      }
    };
    let serverCpuBefore: number | null = null;
    let clientCpuBefore = process.cpuUsage();
    const measuring = setTimeout(
      () => {
        serverCpuBefore = cpuSeconds(server.pid);
        clientCpuBefore = process.cpuUsage();
      },
      Math.max(0, warmupEnd - performance.now()),
    );
    await Promise.all(Array.from({ length: clients }, (_, w) => worker(w)));
    clearTimeout(measuring);
    const elapsed = (performance.now() - warmupEnd) / 1000;
    const serverCpuAfter = cpuSeconds(server.pid);
    const serverMemory = residentMiB(server.pid);
    const clientCpu = process.cpuUsage(clientCpuBefore);

    const rows = [...samples.entries()].map(([kind, s]) => {
      const sorted = [...s.ms].sort((a, b) => a - b);
      return {
        kind,
        requests: s.ms.length,
        errors: s.errors,
        p50: percentile(sorted, 50),
        p90: percentile(sorted, 90),
        p99: percentile(sorted, 99),
        kib: s.ms.length === 0 ? 0 : s.bytes / s.ms.length / 1024,
      };
    });
    const everything = [...samples.values()].flatMap((s) => s.ms).sort((a, b) => a - b);
    const errors = [...samples.values()].reduce((sum, s) => sum + s.errors, 0);
    const f = (ms: number) => ms.toFixed(1);
    console.log(`\n## Desk API under load\n`);
    console.log(
      `${clients} clients on loopback for ${seconds} s; ledger of ${documents} documents` +
        (all.total === null ? ' (not built: no request of the mix reads it)' : `, ${all.total} events`) +
        (build.built ? ` (stored in ${build.seconds.toFixed(0)} s)` : ' (reused)') +
        (withLedger ? `; first request (ledger build in the server) ${firstSeconds.toFixed(1)} s` : '') +
        (builtMemory === null
          ? ''
          : `; server resident memory then ${builtMemory.now.toFixed(0)} MiB (peak so far ${builtMemory.peak.toFixed(0)} MiB)`) +
        '.\n',
    );
    console.log(
      `All: ${everything.length} requests, ${(everything.length / elapsed).toFixed(0)}/s, ` +
        `p50 ${f(percentile(everything, 50))} ms, p90 ${f(percentile(everything, 90))} ms, ` +
        `p99 ${f(percentile(everything, 99))} ms, max ${f(everything.at(-1) ?? Number.NaN)} ms, errors ${errors}.\n`,
    );
    const served = everything.length;
    const warmSorted = [...warm.ms].sort((a, b) => a - b);
    if (warmup > 0) {
      console.log(
        `Warm-up (the first ${warmup} s, counted apart from the rest): ${warm.ms.length} requests, ` +
          `p50 ${f(percentile(warmSorted, 50))} ms, p99 ${f(percentile(warmSorted, 99))} ms, ` +
          `max ${f(warmSorted.at(-1) ?? Number.NaN)} ms, errors ${warm.errors}.\n`,
      );
    }
    if (failures.size > 0) {
      console.log(
        `Failures: ${[...failures]
          .slice(0, 5)
          .map(([why, n]) => `${n} × ${why}`)
          .join('; ')}.\n`,
      );
    }
    const serverCpu =
      serverCpuBefore === null || serverCpuAfter === null ? null : serverCpuAfter - serverCpuBefore;
    console.log(
      `CPU: server ${serverCpu === null ? 'n/a' : `${serverCpu.toFixed(1)} s (${((serverCpu * 1000) / served).toFixed(2)} ms per request)`}, ` +
        `clients ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s, over ${elapsed.toFixed(1)} s of wall time; ` +
        `server resident memory ${serverMemory === null ? 'n/a' : `${serverMemory.now.toFixed(0)} MiB at the end, ${serverMemory.peak.toFixed(0)} MiB at its peak`}; ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}.\n`,
    );
    console.log(
      '| request | count | errors | p50 ms | p90 ms | p99 ms | KiB |\n|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const r of rows) {
      console.log(
        `| ${r.kind} | ${r.requests} | ${r.errors} | ${f(r.p50)} | ${f(r.p90)} | ${f(r.p99)} | ${r.kib.toFixed(1)} |`,
      );
    }
  } finally {
    server.stop();
    agent.destroy();
  }
}

if (!existsSync('src/cli/main.ts')) throw new Error('run from the repository root');
await main();
