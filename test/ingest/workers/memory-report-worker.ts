// A worker for the reader-worker memory test: says it is ready, then answers every message with
// the resource limits its thread was given.
import { parentPort, resourceLimits } from 'node:worker_threads';

parentPort?.on('message', () => parentPort?.postMessage(resourceLimits));
parentPort?.postMessage({ ready: true });
