import { startModuleWorker } from '../module-worker.js';
import type { Ledger } from '../types/ledger.js';
import type { LedgerLoader } from './ledger-cache.js';

/**
 * A `LedgerLoader` that builds the ledger in a worker thread with its own connection to the
 * ledger at `location` (a SQLite file or PostgreSQL URL; not `:memory:`), so that the desk keeps
 * answering documents, search, sessions and the audit log while a large ledger is rebuilt after a
 * review. Only the finished ledger crosses back (structured clone).
 *
 * @example createApp({ store, auth, loadLedger: workerLedgerLoader('./.corroborate/ledger.sqlite') })
 */
export function workerLedgerLoader(location: string | undefined): LedgerLoader {
  return () =>
    new Promise<Ledger>((resolve, reject) => {
      const worker = startModuleWorker(import.meta.url, './ledger-worker', { location });
      let settled = false;
      worker.once('message', (message: { ledger?: Ledger; error?: string }) => {
        settled = true;
        if (message.ledger !== undefined) resolve(message.ledger);
        else reject(new Error(`building the ledger failed: ${message.error ?? 'no reason given'}`));
        void worker.terminate();
      });
      worker.once('error', (error) => {
        if (!settled) reject(error);
        settled = true;
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`the ledger worker stopped (exit ${code}) before answering`));
        settled = true;
      });
    });
}
