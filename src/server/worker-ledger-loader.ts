import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../module-worker.js';
import type { Ledger } from '../types/ledger.js';
import { type ApiErrorCode, HttpError } from './http-error.js';
import type { LedgerAsk, LedgerLookup, LedgerLookupAnswers } from './ledger-answers.js';
import type { LedgerLoader } from './ledger-cache.js';
import type { LedgerView, LedgerViewLoader } from './ledger-view.js';
import type { CachedBody } from './response-cache.js';

/**
 * What the desk posts to the ledger worker (`ledger-worker.ts`).
 *
 * @example { id: 7, ask: { kind: 'event-page', id: 'harir-1:e1' }, as: 'body' }
 */
export type LedgerWorkerRequest =
  | { readonly id: number; readonly build: { readonly whole?: boolean } }
  | { readonly id: number; readonly ask: LedgerAsk; readonly as: 'text' | 'body' }
  | { readonly close: true };

/**
 * What the ledger worker answers a request with (same `id`).
 *
 * @example { id: 7, error: { code: 'not_found', message: 'no ledger event "x"' } }
 */
export type LedgerWorkerReply =
  | { readonly id: number; readonly version: string }
  | { readonly id: number; readonly ledger: Ledger }
  | { readonly id: number; readonly text: string }
  | { readonly id: number; readonly body: CachedBody }
  | { readonly id: number; readonly error: { readonly code: ApiErrorCode; readonly message: string } }
  | { readonly id: number; readonly failure: string };

type Outgoing =
  | { readonly build: { readonly whole?: boolean } }
  | { readonly ask: LedgerAsk; readonly as: 'text' | 'body' };

/**
 * The desk's line to its ledger worker: posts a request, resolves with the worker's reply. The
 * worker starts on the first request, is held (keeps the process alive) only while requests are
 * under way, and is started again on the next request after it failed.
 */
function ledgerWorkerLine(location: string | undefined): {
  send: (message: Outgoing) => Promise<LedgerWorkerReply>;
  close: () => Promise<void>;
} {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<
    number,
    { resolve: (reply: LedgerWorkerReply) => void; reject: (error: Error) => void }
  >();
  const fail = (error: Error) => {
    worker = null;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const start = (): Worker => {
    const started = startModuleWorker(import.meta.url, './ledger-worker', { location });
    started.unref();
    started.on('message', (reply: LedgerWorkerReply) => {
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (waiting.size === 0) started.unref();
      pending?.resolve(reply);
    });
    started.once('error', (error) => {
      if (worker === started) fail(error);
    });
    started.once('exit', (code) => {
      if (worker === started) fail(new Error(`the ledger worker stopped (exit ${code}) before answering`));
    });
    return started;
  };
  const send = (message: Outgoing) =>
    new Promise<LedgerWorkerReply>((resolve, reject) => {
      worker ??= start();
      const id = next++;
      waiting.set(id, { resolve, reject });
      // Held while a request is under way, let go when idle.
      worker.ref();
      worker.postMessage({ id, ...message } satisfies LedgerWorkerRequest);
    });
  const close = async () => {
    const stopping = worker;
    if (stopping === null) return;
    const exited = new Promise<void>((resolve) => stopping.once('exit', () => resolve()));
    stopping.postMessage({ close: true } satisfies LedgerWorkerRequest);
    await exited;
  };
  return { send, close };
}

/** The text of an answer, or the error it carries (an `HttpError` as the routes throw it). */
function textOf(reply: LedgerWorkerReply): string {
  if ('text' in reply) return reply.text;
  throw errorOf(reply, 'answering from the ledger');
}

function errorOf(reply: LedgerWorkerReply, what: string): Error {
  if ('error' in reply) return new HttpError(reply.error.code, reply.error.message);
  if ('failure' in reply) return new Error(`${what} failed: ${reply.failure}`);
  return new Error(`${what}: the ledger worker answered out of turn`);
}

/**
 * A `LedgerViewLoader` whose ledger lives in a worker thread only, with its own connection to the
 * ledger at `location` (a SQLite file or PostgreSQL URL; not `:memory:`). The desk's thread never
 * holds the ledger: each question (a page of events, an event page, an export…) is posted to the
 * worker, which answers with the answer as the API sends it, serialized (and compressed) there. So the desk keeps answering documents,
 * search, sessions and the audit log while a large ledger is built, and its heap stays small.
 * The worker lives on between loads and keeps what it built: after a review only the new
 * decisions are applied (the events they touch re-assembled), and the inputs are read again only
 * when the documents changed. It does not keep the process alive when idle; if it fails (or was
 * stopped with `close()`), the next request starts a new one, which builds the ledger again before
 * it answers.
 *
 * @example createApp({ store, auth, ledgerViews: workerLedgerViews('./.corroborate/ledger.sqlite') })
 */
export function workerLedgerViews(
  location: string | undefined,
): LedgerViewLoader & { close: () => Promise<void> } {
  const { send, close } = ledgerWorkerLine(location);
  const text = async (ask: LedgerAsk) => textOf(await send({ ask, as: 'text' }));
  const body = async (ask: LedgerAsk) => {
    const reply = await send({ ask, as: 'body' });
    if ('body' in reply) return reply.body;
    throw errorOf(reply, 'answering from the ledger');
  };
  const load = async (): Promise<LedgerView> => {
    const reply = await send({ build: {} });
    if (!('version' in reply)) throw errorOf(reply, 'building the ledger');
    return {
      version: reply.version,
      text,
      body,
      lookUp: async <A extends LedgerLookup>(ask: A) =>
        JSON.parse(await text(ask)) as LedgerLookupAnswers[A['kind']],
    };
  };
  // Stops the worker and closes its connection; the next question starts a new one.
  return Object.assign(load, { close });
}

/**
 * A `LedgerLoader` that builds the ledger in the same kind of worker and has the whole ledger
 * handed back (a structured clone): the hand-over the desk no longer makes, kept to measure it
 * (`bench/ledger-memory.ts --worker`).
 *
 * @example const ledger = await workerLedgerLoader('./.corroborate/ledger.sqlite')(store);
 */
export function workerLedgerLoader(location: string | undefined): LedgerLoader {
  const { send } = ledgerWorkerLine(location);
  return async () => {
    const reply = await send({ build: { whole: true } });
    if (!('ledger' in reply)) throw errorOf(reply, 'building the ledger');
    return reply.ledger;
  };
}
