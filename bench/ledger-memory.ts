// Memory and time of building the desk's ledger from a stored ledger (issue "The desk": a ledger
// of 100k documents): the records are streamed a page at a time and digested
// (`loadLedgerDigests`), the `LedgerBuilder` built from the digests, and the finished ledger's
// structured-clone size (what the desk's ledger worker hands to the main thread) measured.
// Not a test: the figures depend on the machine. Standalone, one ledger per process (peak RSS
// is the process's):
//
//   npx tsx bench/ledger-memory.ts --db /tmp/desk-10k.sqlite            # a ledger from bench/desk-load.ts --build-only
//   npx tsx bench/ledger-memory.ts --db /tmp/desk-10k.sqlite --whole    # the records read whole first (as before digests)
//   npx tsx bench/ledger-memory.ts --db /tmp/desk-10k.sqlite --worker   # through the desk's worker loader
//   node --expose-gc --import tsx bench/ledger-memory.ts --db /tmp/desk-2k.sqlite --snapshot /tmp/built.heapsnapshot
//                                                        # a V8 heap snapshot after the build (builder and ledger held)
//
// With `node --expose-gc --import tsx bench/ledger-memory.ts …` the heap is also measured after a
// full collection (what is live, not what awaits collection); a 100k ledger needs a larger heap
// (`--max-old-space-size=12000`). Prints one JSON object: documents, seconds (wall and CPU) of
// reading + digesting and of the build, heap after each phase and the largest seen while reading,
// peak RSS, the ledger's structured-clone size part by part and the time to clone it, the live
// heap of the ledger alone (the builder let go; the worker keeps both), and the load average.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { deserialize, serialize, writeHeapSnapshot } from 'node:v8';
import { LedgerBuilder } from '../src/corroborate/build-ledger.js';
import { loadReviewDecisions } from '../src/corroborate/load-ledger.js';
import { listAllDocuments, loadLedgerDigests, loadLedgerInputs } from '../src/ingest/stored-documents.js';
import { workerLedgerLoader } from '../src/server/worker-ledger-loader.js';
import { openStore } from '../src/store/open-store.js';
import type { Ledger } from '../src/types/ledger.js';

const MB = 1024 * 1024;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const heapMB = () => round(process.memoryUsage().heapUsed / MB);
/** Heap still in use after a full collection (run with `node --expose-gc`), or null without it. */
const liveHeapMB = (): number | null => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  return heapMB();
};
const progress = (line: string) =>
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
/** Peak resident set of this process so far (the kernel's figure), in MB. */
const peakRssMB = () => round((process.resourceUsage().maxRSS * 1024) / MB);

/**
 * Sizes (MB) of the parts of a ledger as the structured clone carries them, and the time to
 * serialize and deserialize them part by part (one buffer for the whole could pass Node's limit).
 */
function cloneParts(ledger: Ledger): { parts: Record<string, number>; seconds: number; cpuSeconds: number } {
  const started = performance.now();
  const startedCpu = cpuMs();
  const parts: Record<string, number> = {};
  for (const [key, value] of Object.entries(ledger)) {
    const bytes = serialize(value);
    deserialize(bytes);
    parts[key] = round(bytes.length / MB);
  }
  return {
    parts,
    seconds: round((performance.now() - started) / 1000, 1),
    cpuSeconds: round((cpuMs() - startedCpu) / 1000, 1),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      whole: { type: 'boolean', default: false },
      worker: { type: 'boolean', default: false },
      snapshot: { type: 'string' },
    },
  });
  if (!values.db) throw new Error('--db names the stored ledger to build (bench/desk-load.ts --build-only)');
  const started = performance.now();
  const startedCpu = cpuMs();
  if (values.worker) {
    // The worker opens its own connection; the loader's store argument is not read.
    const store = await openStore(values.db);
    const ledger = await workerLedgerLoader(values.db)(store);
    await store.close();
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `${JSON.stringify(
        {
          mode: 'worker',
          documents: ledger.documents.length,
          events: ledger.events.length,
          seconds: round(seconds),
          peakRssMB: peakRssMB(),
          loadAverage: round(loadavg()[0] ?? 0, 2),
          machine: `${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, Node ${process.version}`,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const store = await openStore(values.db);
  const listed = await listAllDocuments(store);
  const decisions = await loadReviewDecisions(store);
  progress(`reading ${listed.length} documents' records`);
  const inputs = values.whole
    ? await loadLedgerInputs(store, listed)
    : await loadLedgerDigests(store, listed);
  const liveAfterRead = liveHeapMB();
  progress(`read: heap ${liveAfterRead ?? heapMB()} MB, peak RSS ${peakRssMB()} MB; building`);
  const readSeconds = (performance.now() - started) / 1000;
  const readCpuSeconds = (cpuMs() - startedCpu) / 1000;
  const heapAfterRead = heapMB();
  const peakRssAfterRead = peakRssMB();
  const buildStarted = performance.now();
  const buildCpu = cpuMs();
  let builder: LedgerBuilder | null = new LedgerBuilder(inputs);
  inputs.length = 0;
  const ledger = builder.build(decisions);
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  const buildCpuSeconds = (cpuMs() - buildCpu) / 1000;
  const heapAfterBuild = heapMB();
  const liveAfterBuild = liveHeapMB();
  progress(`built: heap ${liveAfterBuild ?? heapAfterBuild} MB, peak RSS ${peakRssMB()} MB; cloning`);
  if (values.snapshot) {
    progress(`writing a heap snapshot to ${values.snapshot}`);
    writeHeapSnapshot(values.snapshot);
  }
  const clone = cloneParts(ledger);
  await store.close();
  builder = null;
  // Two full collections: the builder's parts are let go in more than one (weak maps, finalizers).
  liveHeapMB();
  const liveLedgerAlone = liveHeapMB();
  process.stdout.write(
    `${JSON.stringify(
      {
        mode: values.whole ? 'whole records' : 'streamed digests',
        documents: ledger.documents.length,
        events: ledger.events.length,
        claims: ledger.claims.length,
        checks: ledger.checks.length,
        origins: ledger.origins.length,
        readSeconds: round(readSeconds),
        readCpuSeconds: round(readCpuSeconds),
        buildSeconds: round(buildSeconds),
        buildCpuSeconds: round(buildCpuSeconds),
        heapMB: { afterRead: heapAfterRead, afterBuild: heapAfterBuild },
        peakRssAfterReadMB: peakRssAfterRead,
        liveHeapMB: { afterRead: liveAfterRead, afterBuild: liveAfterBuild, ledgerAlone: liveLedgerAlone },
        peakRssMB: peakRssMB(),
        cloneMB: round(Object.values(clone.parts).reduce((a, b) => a + b, 0)),
        cloneParts: clone.parts,
        cloneSeconds: clone.seconds,
        cloneCpuSeconds: clone.cpuSeconds,
        loadAverage: round(loadavg()[0] ?? 0, 2),
        machine: `${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, Node ${process.version}`,
      },
      null,
      2,
    )}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`bench/ledger-memory: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
