import { parentPort, workerData } from 'node:worker_threads';
import { incrementalLedgerLoader } from '../corroborate/load-ledger.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

/**
 * Worker-thread entry of `workerLedgerLoader`: a long-lived builder with its own connection to the
 * ledger at `workerData.location`. Each `{ build: n }` message is answered with `{ build: n, ledger }`
 * (or `{ build: n, error }`); between builds the worker keeps what it built, so a build after a
 * review only applies the new decisions (`incrementalLedgerLoader`).
 */
const location = (workerData as { location?: string }).location;
const load = incrementalLedgerLoader();
let store: Promise<Store> | null = null;

parentPort?.on('message', (message: { build?: number; close?: boolean }) => {
  if (message.close) {
    void (store ?? Promise.resolve(null)).then((s) => s?.close()).finally(() => parentPort?.close());
    return;
  }
  const build = message.build;
  if (store === null) store = openStore(location);
  const opened = store;
  // A ledger that could not be opened is tried again on the next build.
  opened.catch(() => {
    if (store === opened) store = null;
  });
  opened
    .then((s) => load(s))
    .then(
      (ledger) => parentPort?.postMessage({ build, ledger }),
      (error: unknown) =>
        parentPort?.postMessage({
          build,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
});
