// A worker thread of `analyze --jsonl --workers N`: reads batch lines it is sent and answers
// with each result as a JSON line in UTF-8, so that serialising and encoding are spread over
// the cores as well; the bytes' buffer is transferred, not copied.
import { parentPort, workerData } from 'node:worker_threads';
import { adoptGazetteerIndex, loadDefaultGazetteer } from '../geo/gazetteer.js';
import { batchHeapKeeper } from './batch-heap.js';
import { analyzeBatchLine } from './batch-line.js';
import type { WorkerJob, WorkerResult, WorkerSetup } from './batch-pool.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('analyze-worker must run as a worker thread');

// The parent's copy of the compiled index, shared; a worker reads its own only if that fails.
if (setup.gazetteerIndex) adoptGazetteerIndex(setup.gazetteerIndex);
const gazetteer = setup.geo ? await loadDefaultGazetteer() : null;
const options = { date: setup.date, gazetteer, maxBytes: setup.maxBytes };
const keepHeap = batchHeapKeeper();
const utf8 = new TextEncoder();
port.on('message', (job: WorkerJob) => {
  const out = analyzeBatchLine(job.line, job.lineNo, options);
  const line = utf8.encode(`${JSON.stringify(out)}\n`);
  const result: WorkerResult = { seq: job.seq, line, failed: 'error' in out, size: job.line.length };
  port.postMessage(result, [line.buffer]);
  keepHeap();
});
port.postMessage({ ready: true });
