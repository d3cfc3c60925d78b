// A worker thread of `analyze --jsonl --workers N`: reads batch lines it is sent and answers
// with the JSON text of each result, so that serialising is spread over the cores as well.
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
port.on('message', (job: WorkerJob) => {
  const out = analyzeBatchLine(job.line, job.lineNo, options);
  const result: WorkerResult = {
    seq: job.seq,
    json: JSON.stringify(out),
    failed: 'error' in out,
    size: job.line.length,
  };
  port.postMessage(result);
  keepHeap();
});
port.postMessage({ ready: true });
