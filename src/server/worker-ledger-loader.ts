import { getHeapStatistics } from 'node:v8';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { startModuleWorker } from '../module-worker.js';
import type { Ledger } from '../types/ledger.js';
import { type ApiErrorCode, HttpError } from './http-error.js';
import type { LedgerAsk, LedgerLookup, LedgerLookupAnswers } from './ledger-answers.js';
import type { LedgerBuildReport } from './ledger-build-status.js';
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

/**
 * What the ledger worker tells the desk unasked: how a build goes (`LedgerBuildReport`), whatever
 * asked for it.
 *
 * @example { report: { kind: 'progress', progress: { stage: 'reading', documentsRead: 400, documents: 1000 } } }
 */
export interface LedgerWorkerNotice {
  readonly report: LedgerBuildReport;
}

type Outgoing =
  | { readonly build: { readonly whole?: boolean } }
  | { readonly ask: LedgerAsk; readonly as: 'text' | 'body' };

/**
 * How the ledger worker is started.
 *
 * @example workerLedgerViews(file, { resourceLimits: { maxOldGenerationSizeMb: 12_288 } })
 */
export interface LedgerWorkerOptions {
  /**
   * The V8 limits of the worker's heap (`resourceLimits` of `new Worker`). `maxOldGenerationSizeMb`
   * is what `corroborate serve --ledger-heap-mb` sets (default: Node's own limit); Node's
   * `--max-old-space-size`, when given, overrides it for every thread.
   */
  readonly resourceLimits?: ResourceLimits;
}

/** What the desk advises when the ledger worker ran out of memory. */
const MORE_HEAP =
  'restart the desk with more heap for it: corroborate serve --ledger-heap-mb N ' +
  '(a ledger of about 100,000 documents needs 16 GiB: it holds 10-12, and less room makes it collect garbage all the time; --ledger-heap-mb 16384)';

/**
 * The error the requests waiting on a ledger worker that stopped on its own are answered with
 * (503 `unavailable`): why it stopped (`cause`: the worker's `error`, or its exit code when it
 * exited without one) and what to do. Out of memory names the worker's heap limit and the serve
 * option that raises it.
 *
 * @example
 * ledgerWorkerStopped(Object.assign(new Error('…'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }), 8).message
 * // 'the ledger worker stopped: it ran out of memory (heap limit 8 MiB). …'
 */
export function ledgerWorkerStopped(cause: Error | number, heapLimitMb: number): HttpError {
  const again = 'The next request starts a new one, which builds the ledger again';
  if (typeof cause === 'number')
    return new HttpError(
      'unavailable',
      `the ledger worker stopped: it exited with code ${cause}. ${again}; see the server's log.`,
    );
  if (outOfMemory(cause))
    return new HttpError(
      'unavailable',
      `the ledger worker stopped: it ran out of memory (heap limit ${heapLimitMb} MiB). ${again}; ` +
        `if it runs out again, ${MORE_HEAP}.`,
    );
  return new HttpError(
    'unavailable',
    `the ledger worker stopped: it failed (${cause.name}: ${cause.message}). ${again}; see the server's log.`,
  );
}

/** Whether a worker stopped because its heap was full (Node's `ERR_WORKER_OUT_OF_MEMORY`). */
function outOfMemory(cause: Error | number): boolean {
  return cause instanceof Error && (cause as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * The heap limit (MiB) of a worker started with `resourceLimits`: its `maxOldGenerationSizeMb`,
 * unless Node's `--max-old-space-size` was given (which overrides it), else the limit of this
 * thread's heap, which a worker gets by default.
 */
function heapLimitMb(resourceLimits: ResourceLimits | undefined): number {
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  const limit = resourceLimits?.maxOldGenerationSizeMb;
  if (limit !== undefined && !/--max[-_]old[-_]space[-_]size/.test(flags)) return limit;
  return Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024);
}

/**
 * The desk's line to its ledger worker: posts a request, resolves with the worker's reply. The
 * worker starts on the first request, is held (keeps the process alive) only while requests are
 * under way, and is started again on the next request after it stopped. When it stops on its own
 * (out of memory, an uncaught error), the requests waiting on it are rejected with
 * `ledgerWorkerStopped` and one line on stderr says so; when `close()` stopped it, with a 503 that
 * says that.
 */
function ledgerWorkerLine(
  location: string | undefined,
  options: LedgerWorkerOptions,
): {
  send: (message: Outgoing) => Promise<LedgerWorkerReply>;
  close: () => Promise<void>;
  /** Who is told how the worker's builds go (the latest given). */
  watch: (listener: (report: LedgerBuildReport) => void) => void;
} {
  let worker: Worker | null = null;
  let listener: ((report: LedgerBuildReport) => void) | null = null;
  /** Whether the worker said it started a build it has not ended yet. */
  let building = false;
  /** The worker `close()` is stopping: its exit is no failure. */
  let closing: Worker | null = null;
  let next = 0;
  const waiting = new Map<
    number,
    { resolve: (reply: LedgerWorkerReply) => void; reject: (error: Error) => void }
  >();
  const start = (): Worker => {
    const started = startModuleWorker(
      import.meta.url,
      './ledger-worker',
      { location },
      options.resourceLimits,
    );
    started.unref();
    started.on('message', (message: LedgerWorkerReply | LedgerWorkerNotice) => {
      if ('report' in message) {
        const { kind } = message.report;
        if (kind !== 'progress') building = kind === 'started';
        listener?.(message.report);
        return;
      }
      const reply = message;
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (waiting.size === 0) started.unref();
      pending?.resolve(reply);
    });
    // An error is followed by the exit; whichever comes first is the one answered and logged.
    const stopped = (cause: Error | number) => {
      if (worker !== started) return;
      worker = null;
      let error: HttpError;
      if (closing === started) {
        error = new HttpError('unavailable', 'the ledger worker was stopped before it answered; ask again');
      } else {
        error = ledgerWorkerStopped(cause, heapLimitMb(options.resourceLimits));
        // Once per worker; an uncaught error with its stack.
        const stack = cause instanceof Error && !outOfMemory(cause) ? `\n${cause.stack}` : '';
        process.stderr.write(`corroborate serve: ${error.message}${stack}\n`);
      }
      // A build under way ended with the worker.
      if (building) listener?.({ kind: 'failed', message: error.message });
      building = false;
      for (const { reject } of waiting.values()) reject(error);
      waiting.clear();
    };
    started.once('error', stopped);
    started.once('exit', stopped);
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
    closing = stopping;
    const exited = new Promise<void>((resolve) => stopping.once('exit', () => resolve()));
    stopping.postMessage({ close: true } satisfies LedgerWorkerRequest);
    await exited;
  };
  return {
    send,
    close,
    watch: (next) => {
      listener = next;
    },
  };
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
 * when the documents changed. It does not keep the process alive when idle; if it stops (it ran
 * out of memory, failed, or was stopped with `close()`), the questions waiting on it are answered
 * 503 `unavailable` (`ledgerWorkerStopped`: why, and what to do) and the next question starts a
 * new one, which builds the ledger again before it answers. `options.resourceLimits` bound its
 * heap (`corroborate serve --ledger-heap-mb`). The `report` given to a load is told how every build
 * of the worker goes (`LedgerWorkerNotice`), also one an answer waits for after a restart.
 *
 * @example createApp({ store, auth, ledgerViews: workerLedgerViews('./.corroborate/ledger.sqlite') })
 * @example workerLedgerViews(file, { resourceLimits: { maxOldGenerationSizeMb: 12_288 } })
 */
export function workerLedgerViews(
  location: string | undefined,
  options: LedgerWorkerOptions = {},
): LedgerViewLoader & { close: () => Promise<void> } {
  const { send, close, watch } = ledgerWorkerLine(location, options);
  const text = async (ask: LedgerAsk) => textOf(await send({ ask, as: 'text' }));
  const body = async (ask: LedgerAsk) => {
    const reply = await send({ ask, as: 'body' });
    if ('body' in reply) return reply.body;
    throw errorOf(reply, 'answering from the ledger');
  };
  const load = async (_store: unknown, report?: (report: LedgerBuildReport) => void): Promise<LedgerView> => {
    if (report !== undefined) watch(report);
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
  const { send } = ledgerWorkerLine(location, {});
  return async () => {
    const reply = await send({ build: { whole: true } });
    if (!('ledger' in reply)) throw errorOf(reply, 'building the ledger');
    return reply.ledger;
  };
}
