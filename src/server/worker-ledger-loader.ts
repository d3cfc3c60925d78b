import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../module-worker.js';
import type { Ledger } from '../types/ledger.js';
import type { LedgerLoader } from './ledger-cache.js';

/**
 * A `LedgerLoader` that builds the ledger in a worker thread with its own connection to the
 * ledger at `location` (a SQLite file or PostgreSQL URL; not `:memory:`), so that the desk keeps
 * answering documents, search, sessions and the audit log while a large ledger is built. The
 * worker lives on between loads and keeps what it built: after a review only the new decisions
 * are applied (the events they touch re-assembled), and the inputs are read again only when the
 * documents changed. Only the finished ledger crosses back (structured clone). The worker does
 * not keep the process alive; if it fails, the next load starts a new one.
 *
 * @example createApp({ store, auth, loadLedger: workerLedgerLoader('./.corroborate/ledger.sqlite') })
 */
export function workerLedgerLoader(location: string | undefined): LedgerLoader {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (ledger: Ledger) => void; reject: (error: Error) => void }>();
  const fail = (error: Error) => {
    worker = null;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const start = (): Worker => {
    const started = startModuleWorker(import.meta.url, './ledger-worker', { location });
    started.unref();
    started.on('message', (message: { build: number; ledger?: Ledger; error?: string }) => {
      const pending = waiting.get(message.build);
      waiting.delete(message.build);
      if (waiting.size === 0) started.unref();
      if (message.ledger !== undefined) pending?.resolve(message.ledger);
      else pending?.reject(new Error(`building the ledger failed: ${message.error ?? 'no reason given'}`));
    });
    started.once('error', (error) => {
      if (worker === started) fail(error);
    });
    started.once('exit', (code) => {
      if (worker === started) fail(new Error(`the ledger worker stopped (exit ${code}) before answering`));
    });
    return started;
  };
  return () =>
    new Promise<Ledger>((resolve, reject) => {
      worker ??= start();
      const build = next++;
      waiting.set(build, { resolve, reject });
      // Held while a build is under way, let go when idle.
      worker.ref();
      worker.postMessage({ build });
    });
}
