// A worker thread of `corroborate ingest --workers N`: reads the documents it is sent with the
// reader and answers with each analysis record (or why the document could not be read).
import { parentPort, workerData } from 'node:worker_threads';
import { CorroborateError } from '../errors.js';
import { adoptGazetteerIndex, loadDefaultGazetteer } from '../geo/gazetteer.js';
import { analyzeDocument } from '../pipeline.js';
import type { AnalysisAnswer, AnalysisJob, AnalysisWorkerSetup } from './analysis-pool.js';

const setup = workerData as AnalysisWorkerSetup;
const port = parentPort;
if (!port) throw new Error('analysis-worker must run as a worker thread');

// The parent's copy of the compiled index, shared; a worker reads its own only if that fails.
if (setup.gazetteerIndex) adoptGazetteerIndex(setup.gazetteerIndex);
const gazetteer = setup.geo ? await loadDefaultGazetteer() : null;
port.on('message', (job: AnalysisJob) => {
  let answer: AnalysisAnswer;
  try {
    answer = {
      seq: job.seq,
      record: analyzeDocument(job.source, { referenceDate: job.referenceDate, gazetteer }),
    };
  } catch (error) {
    const input = error instanceof CorroborateError;
    answer = {
      seq: job.seq,
      error: error instanceof Error ? error.message : String(error),
      input,
    };
  }
  port.postMessage(answer);
});
port.postMessage({ ready: true });
