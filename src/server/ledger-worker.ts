import { parentPort, workerData } from 'node:worker_threads';
import { loadLedger } from '../corroborate/load-ledger.js';
import { openStore } from '../store/open-store.js';

/**
 * Worker-thread entry of `workerLedgerLoader`: opens the ledger at `workerData.location` with its
 * own connection, builds the ledger, posts it back, and closes.
 */
async function build(location: string | undefined): Promise<void> {
  const store = await openStore(location);
  try {
    parentPort?.postMessage({ ledger: await loadLedger(store) });
  } finally {
    await store.close();
  }
}

build((workerData as { location?: string }).location).catch((error: unknown) => {
  parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});
